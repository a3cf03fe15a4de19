namespace Checkpoint.Core.Gate;

/// <summary>One line the MSBuild task and the checkpoint tool print.</summary>
public sealed class GateMessage
{
    public GateMessage(string code, GateSeverity severity, string text, string? file = null)
    {
        Code = code;
        Severity = severity;
        Text = text;
        File = file;
    }

    /// <summary><c>CHK100</c> to <c>CHK107</c>, or empty for information and warnings without a rule.</summary>
    public string Code { get; }

    public GateSeverity Severity { get; }

    /// <summary>The message without its code; one line.</summary>
    public string Text { get; }

    /// <summary>The repository-relative file the message is about (an approval, say), if any.</summary>
    public string? File { get; }

    /// <summary><c>CHK100: text</c>, or just the text when there is no code.</summary>
    public override string ToString() => Code.Length == 0 ? Text : Code + ": " + Text;
}
