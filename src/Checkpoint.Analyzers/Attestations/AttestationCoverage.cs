namespace Checkpoint.Analyzers.Attestations;

/// <summary>How the code around an operation is covered, and by whom.</summary>
internal sealed class AttestationCoverage
{
    public static readonly AttestationCoverage None = new(Coverage.None, string.Empty);
    public static readonly AttestationCoverage OnlyInvalid = new(Coverage.OnlyInvalidAttestations, string.Empty);
    public static readonly AttestationCoverage MarkedDestructive = new(Coverage.MarkedDestructive, string.Empty);

    public AttestationCoverage(Coverage kind, string approvers)
    {
        Kind = kind;
        Approvers = approvers;
    }

    public Coverage Kind { get; }

    /// <summary>For <see cref="Coverage.Attested"/>: the approvers the valid attestations name, separated by ';'.</summary>
    public string Approvers { get; }
}
