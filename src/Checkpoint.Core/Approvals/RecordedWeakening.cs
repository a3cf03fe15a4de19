namespace Checkpoint.Core.Approvals;

/// <summary>A change the review listed as able to weaken the checkpoint (build logic, suppressions, trust files...).</summary>
public sealed class RecordedWeakening
{
    public RecordedWeakening(string kind, string change, string path, int? line, string description)
    {
        Kind = kind;
        Change = change;
        Path = path;
        Line = line;
        Description = description;
    }

    /// <summary>The review's kind in kebab case, e.g. <c>build-configuration</c>.</summary>
    public string Kind { get; }

    /// <summary><c>added</c>, <c>removed</c>, <c>modified</c>, <c>deleted</c>, <c>created</c>...</summary>
    public string Change { get; }

    public string Path { get; }

    public int? Line { get; }

    public string Description { get; }

    public override string ToString() => $"{Kind} {Change} {Path}: {Description}";
}
