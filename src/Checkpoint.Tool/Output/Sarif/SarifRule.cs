namespace Checkpoint.Tool.Output.Sarif;

/// <summary>A SARIF reportingDescriptor: what a rule ID means and where its page is.</summary>
/// <param name="Level">The default level: error, warning or note.</param>
internal sealed record SarifRule(string Id, string Title, string HelpUri, string Level);
