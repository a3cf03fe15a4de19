namespace Checkpoint.Core.Attestations;

/// <summary>
/// One <c>[ApprovedBy]</c> found in a file's text: the approver it names when it is written in the
/// form the gate reads, or what keeps the gate from reading it.
/// </summary>
public sealed class SourceAttestation
{
    internal SourceAttestation(string path, int line, string? approver, string? problem, string key)
    {
        Path = path;
        Line = line;
        Approver = approver;
        Problem = problem;
        Key = key;
    }

    /// <summary>The file, relative to the repository root, with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The 1-based line of the attribute's name.</summary>
    public int Line { get; }

    /// <summary>The principal the attestation names; null when it cannot be read.</summary>
    public string? Approver { get; }

    /// <summary>Why the gate cannot read it; null when it can.</summary>
    public string? Problem { get; }

    public bool IsReadable => Problem is null;

    /// <summary>The attribute's tokens, separated by single spaces: the same attestation on both sides of the diff has the same key.</summary>
    public string Key { get; }

    /// <summary><c>path:line</c>, or the path alone when the file could not be read.</summary>
    public string Location => Line > 0 ? Path + ":" + Line.ToString(System.Globalization.CultureInfo.InvariantCulture) : Path;

    public override string ToString() => Location + " " + (Approver ?? Problem);
}
