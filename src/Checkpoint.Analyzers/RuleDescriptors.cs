using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers;

internal static class RuleDescriptors
{
    private const string Security = "Security";

    // {0} how the operation is reached ("Call to", "Method group", "Access to", "Dynamic call to"), {1} the
    // operation, {2} what it does, {3} "" or "valid " when an attestation exists but does not count,
    // {4} "" or " (target 'x')" when the site names its target as a constant.
    private const string UnattestedOperationMessage = "{0} '{1}' {2}{4} and has no {3}[ApprovedBy] attestation: attest the member with [ApprovedBy(\"<approver>\", Reason = ...)], mark it [Destructive] so that its callers attest, or list the site in CheckpointBaseline.txt";

    public static readonly DiagnosticDescriptor UnattestedDestructiveOperation = new(
        RuleIdentifiers.UnattestedDestructiveOperation,
        title: "Destructive operation without an [ApprovedBy] attestation",
        messageFormat: UnattestedOperationMessage,
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An operation that deletes or destroys resources or data is called, or taken as a method group or delegate, by a member that carries no valid [ApprovedBy] attestation on itself or on a containing type.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.UnattestedDestructiveOperation));

    public static readonly DiagnosticDescriptor UnattestedDisruptiveOperation = new(
        RuleIdentifiers.UnattestedDisruptiveOperation,
        title: "Disruptive operation without an [ApprovedBy] attestation",
        messageFormat: UnattestedOperationMessage,
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "An operation that stops, powers off, deallocates, reimages, disables, detaches, disassociates, revokes, resets or reboots something is called by a member that carries no valid [ApprovedBy] attestation.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.UnattestedDisruptiveOperation));

    public static readonly DiagnosticDescriptor CoveredOperation = new(
        RuleIdentifiers.CoveredOperation,
        title: "Destructive or disruptive operation covered by an attestation (review mode)",
        messageFormat: "{0} '{1}' {2}; {3}",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Reported only when the analyzer option checkpoint.review_mode is true, as checkpoint review sets it: an operation that an [ApprovedBy] attestation or a [Destructive] marking covers, so a reviewer sees every destructive site a change touches.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.CoveredOperation));

    public static readonly DiagnosticDescriptor IncompleteAttestation = new(
        RuleIdentifiers.IncompleteAttestation,
        title: "Incomplete [ApprovedBy] attestation",
        messageFormat: "The [ApprovedBy] attestation is incomplete: {0}",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An attestation names the human who approved and why: the approver must not be empty or blank, and Reason must be set.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.IncompleteAttestation));

    public static readonly DiagnosticDescriptor ExpiredAttestation = new(
        RuleIdentifiers.ExpiredAttestation,
        title: "Expired or undated [ApprovedBy] attestation",
        messageFormat: "The [ApprovedBy] attestation {0}",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Expires is the last day (ISO-8601, yyyy-MM-dd, compared with today's date in UTC) on which an attestation counts.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.ExpiredAttestation));

    public static readonly DiagnosticDescriptor MisplacedAttestation = new(
        RuleIdentifiers.MisplacedAttestation,
        title: "[ApprovedBy] attestation placed where it does not count",
        messageFormat: "An [ApprovedBy] attestation on {0} does not count: place it on the member that contains the operation, or on its type",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An assembly- or module-level attestation would approve every operation in the project at once, so it is rejected. One on a lambda or a local function is not where the analyzer and the gate look (they count for the member that contains them), so it is reported instead of silently ignored.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.MisplacedAttestation));

    public static readonly DiagnosticDescriptor UnreadableAttestation = new(
        RuleIdentifiers.UnreadableAttestation,
        title: "[ApprovedBy] attestation written in a form the gate cannot read",
        messageFormat: "The [ApprovedBy] attestation is not in the form the gate reads: {0}; write it as [ApprovedBy(\"alice@contoso.com\", Reason = ...)] with the approver as a plain string literal on the line of the attribute name",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The gate binds each approver an attestation names to a signature by reading the changed .cs files as text, without a compiler. It reads one form: the attribute named ApprovedBy or ApprovedByAttribute (optionally qualified Checkpoint. or global::Checkpoint.), whose first argument is a regular or verbatim string literal without escape sequences, on the same line as the attribute name. Anything else would be an attestation the gate cannot check.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.UnreadableAttestation));

    public static readonly DiagnosticDescriptor HiddenDestructiveMarking = new(
        RuleIdentifiers.HiddenDestructiveMarking,
        title: "[Destructive] on an implementation is invisible through the member it implements",
        messageFormat: "'{0}' is marked [Destructive], but callers through '{1}' are not checked: mark '{1}' [Destructive] too",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "A call is classified by the member it binds to. A caller that holds the interface (or the base class) calls the unmarked interface or base member, so the [Destructive] on the implementation does not reach it.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.HiddenDestructiveMarking));

    public static readonly DiagnosticDescriptor UnreadableCatalogueLine = new(
        RuleIdentifiers.UnreadableCatalogueLine,
        title: "Unreadable line in a Checkpoint operations catalogue",
        messageFormat: "{0}({1}): {2}",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        description: "Each line of CheckpointOperations.txt or CheckpointOperations.*.txt holds a documentation comment ID (a * wildcard is allowed in the member name) and a tier: destructive, disruptive or ignore. The line is skipped.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.UnreadableCatalogueLine));

    public static readonly DiagnosticDescriptor StaleBaselineEntry = new(
        RuleIdentifiers.StaleBaselineEntry,
        title: "Stale entry in the Checkpoint baseline",
        messageFormat: "Baseline entry '{0}' ({1}, line {2}) matches no unattested call site any more: remove it",
        category: Security,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "CheckpointBaseline.txt lists the call sites that existed when Checkpoint was adopted. An entry whose site was removed or attested must go, so the baseline only shrinks and a new call can never inherit an old key.",
        helpLinkUri: RuleHelpUri.For(RuleIdentifiers.StaleBaselineEntry),
        customTags: WellKnownDiagnosticTags.CompilationEnd);
}
