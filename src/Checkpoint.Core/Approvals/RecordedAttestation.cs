namespace Checkpoint.Core.Approvals;

/// <summary>An <c>[ApprovedBy]</c> or <c>[Destructive]</c> attribute the review showed as added or removed.</summary>
public sealed class RecordedAttestation
{
    public RecordedAttestation(string attribute, string change, string path, int line, string text)
    {
        Attribute = attribute;
        Change = change;
        Path = path;
        Line = line;
        Text = text;
    }

    /// <summary><c>ApprovedBy</c> or <c>Destructive</c>.</summary>
    public string Attribute { get; }

    /// <summary><c>added</c> or <c>removed</c>.</summary>
    public string Change { get; }

    public string Path { get; }

    public int Line { get; }

    /// <summary>The attribute's source text.</summary>
    public string Text { get; }

    public override string ToString() => $"{Change} [{Attribute}] {Path}:{Line}";
}
