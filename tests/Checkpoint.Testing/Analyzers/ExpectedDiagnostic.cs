using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Testing.Analyzers;

/// <summary>A diagnostic a test expects: its ID, where (a markup location or a file position) and, optionally, its message.</summary>
public sealed record ExpectedDiagnostic
{
    private ExpectedDiagnostic(string id)
    {
        Id = id;
    }

    public string Id { get; }

    /// <summary>The <c>{|#n:...|}</c> location of the source markup, if the expectation uses one.</summary>
    public int? MarkupLocation { get; private init; }

    /// <summary>A file position: the file's name, and the 1-based line and column of the start.</summary>
    public (string File, int Line, int Column)? Position { get; private init; }

    public IReadOnlyList<object>? Arguments { get; private init; }

    public string? Message { get; private init; }

    public bool IsSuppressed { get; private init; }

    public static ExpectedDiagnostic Create(string id) => new(id);

    public static ExpectedDiagnostic Create(DiagnosticDescriptor descriptor) => new(descriptor.Id);

    public ExpectedDiagnostic WithLocation(int markupLocation) => this with { MarkupLocation = markupLocation };

    public ExpectedDiagnostic WithLocation(string file, int line, int column) => this with { Position = (file, line, column) };

    /// <summary>The message arguments, compared with the message formatted from the rule's descriptor.</summary>
    public ExpectedDiagnostic WithArguments(params object[] arguments) => this with { Arguments = arguments };

    public ExpectedDiagnostic WithMessage(string message) => this with { Message = message };

    /// <summary>Reported but marked suppressed (a baseline entry, a suppressor).</summary>
    public ExpectedDiagnostic Suppressed() => this with { IsSuppressed = true };

    /// <summary>
    /// The message this expectation requires, or null when it says nothing about the message. Arguments
    /// the expectation does not give (fewer than the format has) are not compared: they show as <c>*</c>.
    /// </summary>
    internal string? ExpectedMessage(DiagnosticDescriptor? descriptor)
    {
        if (Message is not null)
        {
            return Message;
        }

        if (Arguments is null || descriptor is null)
        {
            return null;
        }

        var format = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
        var padded = Arguments.Concat(Enumerable.Repeat<object>(AnyArgument, 10)).ToArray();
        return string.Format(CultureInfo.InvariantCulture, format, padded);
    }

    /// <summary>Whether an actual message is the expected one, any argument not given matching anything.</summary>
    internal static bool Matches(string actual, string expected)
    {
        if (!expected.Contains(AnyArgument, StringComparison.Ordinal))
        {
            return actual == expected;
        }

        var pattern = "^" + string.Join(".*?", expected.Split(AnyArgument).Select(System.Text.RegularExpressions.Regex.Escape)) + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(actual, pattern, System.Text.RegularExpressions.RegexOptions.Singleline);
    }

    private const string AnyArgument = "\u0001";

    public override string ToString()
        => Id + (MarkupLocation is { } location ? " at {|#" + location + ":|}" : string.Empty)
              + (Position is { } position ? $" at {position.File}({position.Line},{position.Column})" : string.Empty)
              + (IsSuppressed ? " (suppressed)" : string.Empty);
}
