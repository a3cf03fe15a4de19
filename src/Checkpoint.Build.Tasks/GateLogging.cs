using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>How the gate's tasks write errors: the rule's code, a help link to its page, one line.</summary>
internal static class GateLogging
{
    internal const string HelpLinkBase = "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/";

    /// <summary>Code used when the gate itself cannot produce a verdict: it fails closed like an unreadable repository.</summary>
    internal const string FailClosedCode = "CHK106";

    internal const string Subcategory = "Checkpoint";

    public static string? HelpLink(string? code) =>
        string.IsNullOrEmpty(code) ? null : HelpLinkBase + code + ".md";

    public static void Error(TaskLoggingHelper log, string code, string? file, string text) =>
        log.LogError(
            subcategory: Subcategory,
            errorCode: code,
            helpKeyword: null,
            helpLink: HelpLink(code),
            file: file,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: OneLine(text));

    public static void Warning(TaskLoggingHelper log, string code, string? file, string text) =>
        log.LogWarning(
            subcategory: Subcategory,
            warningCode: code,
            helpKeyword: null,
            helpLink: HelpLink(code),
            file: file,
            lineNumber: 0,
            columnNumber: 0,
            endLineNumber: 0,
            endColumnNumber: 0,
            message: OneLine(text));

    public static string OneLine(string text) =>
        text.Replace("\r", " ").Replace("\n", " ").Trim();
}
