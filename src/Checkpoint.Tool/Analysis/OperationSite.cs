namespace Checkpoint.Tool.Analysis;

/// <summary>
/// One destructive or disruptive call site, as the analyzers reported it through
/// <c>Diagnostic.Properties</c> (see Checkpoint.Analyzers' DiagnosticProperties); never parsed from a message.
/// </summary>
/// <param name="RuleId">CHK001 (destructive, not attested), CHK002 (disruptive, not attested) or CHK008 (covered; review mode).</param>
/// <param name="Path">Repository-relative.</param>
/// <param name="OperationId">Documentation ID of the called member; the key that pairs sites across the two sides.</param>
/// <param name="Tier">Destructive or Disruptive.</param>
/// <param name="Member">Documentation ID of the member the site counts for.</param>
/// <param name="Coverage">none, invalid, attested or destructive.</param>
/// <param name="Approvers">For an attested site, the approvers its attestations name (";"-separated).</param>
/// <param name="Suppressed">A #pragma or [SuppressMessage] hides it from the build; the review shows it anyway.</param>
internal sealed record OperationSite(
    string RuleId,
    string Severity,
    string Path,
    int Line,
    int Column,
    string Operation,
    string OperationId,
    string Service,
    string Effect,
    string Tier,
    string Member,
    string Coverage,
    string? Approvers,
    bool Baselined,
    bool Suppressed)
{
    public bool IsAttested => Coverage is "attested" or "destructive";
}
