namespace Checkpoint.Analyzers;

/// <summary>The diagnostic IDs. They are a public contract: users suppress and configure by them.</summary>
internal static class RuleIdentifiers
{
    public const string UnattestedDestructiveOperation = "CHK001";
    public const string UnattestedDisruptiveOperation = "CHK002";
    public const string IncompleteAttestation = "CHK003";
    public const string ExpiredAttestation = "CHK004";
    public const string MisplacedAttestation = "CHK005";
    public const string UnreadableCatalogueLine = "CHK006";
    public const string StaleBaselineEntry = "CHK007";
    public const string CoveredOperation = "CHK008";
    public const string UnreadableAttestation = "CHK009";
    public const string HiddenDestructiveMarking = "CHK010";
}
