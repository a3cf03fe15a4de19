using System.Linq;
using System.Text;
using System.Text.Json;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Review;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>The "what this branch needs" part of <c>checkpoint status</c>, in text, markdown and JSON.</summary>
internal static class StatusOutput
{
    public static void WriteText(ToolConsole console, BranchRequest request)
    {
        var output = console.Out;
        output.MarkupLine("[bold]What the branch needs[/]");
        output.MarkupLine("  " + Markup.Escape(request.Outlook));
        output.MarkupLine("[bold]Destructive operations:[/]" + (request.Operations.Analyzed ? (request.Sites.Any() ? string.Empty : " none") : " not analyzed (" + Markup.Escape(request.Operations.NotAnalyzedReason ?? string.Empty) + ")"));
        foreach (var site in request.Sites)
        {
            output.MarkupLine($"  {Markup.Escape(site.Path)}:{site.Line} {Markup.Escape(site.RuleId)} {Markup.Escape(site.Operation)}: {Markup.Escape(ReviewOutput.Attestation(site))}");
        }

        output.MarkupLine("[bold]Attestations the branch adds:[/]" + (request.Attestations.Count == 0 ? " none" : string.Empty));
        foreach (var attestation in request.Attestations)
        {
            output.MarkupLine("  " + Markup.Escape(AttestationLine(request, attestation)));
        }

        output.MarkupLine("[bold]Trusted by the base:[/] " + Markup.Escape(request.Trusted.Count == 0 ? "nobody (no allowed_signers on the base)" : string.Join(", ", request.Trusted)));
        output.MarkupLine("An agent: docs/agents.md says what to do; never sign.");
    }

    public static void WriteMarkdown(ToolConsole console, BranchRequest request)
    {
        var verdict = request.Verdict;
        var text = new StringBuilder();
        text.AppendLine("## Checkpoint: approval request");
        text.AppendLine();
        text.AppendLine($"Branch `{verdict.Branch ?? "(detached)"}` against `{verdict.BaseRef ?? "-"}`, digest `{verdict.Digest ?? "-"}`: **{verdict.Outcome}**.");
        text.AppendLine();
        text.AppendLine($"**Once approved:** {request.Outlook}");
        text.AppendLine();
        text.AppendLine("### Destructive operations");
        text.AppendLine();
        if (!request.Operations.Analyzed)
        {
            text.AppendLine($"Not analyzed: {request.Operations.NotAnalyzedReason}");
        }
        else if (!request.Sites.Any())
        {
            text.AppendLine("None.");
        }
        else
        {
            text.AppendLine("| Location | Rule | Operation | Attestation |");
            text.AppendLine("|---|---|---|---|");
            foreach (var site in request.Sites)
            {
                text.AppendLine($"| `{site.Path}:{site.Line}` | {site.RuleId} | `{site.Operation}` | {ReviewOutput.Attestation(site).Replace("|", "\\|", System.StringComparison.Ordinal)} |");
            }
        }

        text.AppendLine();
        text.AppendLine("### Attestations and whose signatures they need");
        text.AppendLine();
        if (request.Attestations.Count == 0)
        {
            text.AppendLine("None added.");
        }

        foreach (var attestation in request.Attestations)
        {
            text.AppendLine("- " + AttestationLine(request, attestation));
        }

        text.AppendLine();
        text.AppendLine($"**Trusted approvers on the base:** {(request.Trusted.Count == 0 ? "none" : string.Join(", ", request.Trusted.Select(p => "`" + p + "`")))}");
        text.AppendLine();
        text.AppendLine("To approve, one of them reviews the diff and runs `checkpoint review` then `checkpoint approve`.");
        console.RawOut.Write(text.ToString());
    }

    public static void WriteJson(ToolConsole console, BranchRequest request)
    {
        var buffer = new System.IO.MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, JsonOutput.WriterOptions))
        {
            // The verdict document of verify, plus the request (an optional member of the same schema).
            json.WriteStartObject();
            json.WriteString("$schema", JsonOutput.VerdictSchemaUri);
            json.WriteString("schema", "checkpoint.verdict/v1");
            VerdictOutput.WriteVerdictMembers(json, request.Verdict);
            json.WriteStartObject("request");
            json.WriteString("outlook", request.Outlook);
            json.WriteBoolean("operationsAnalyzed", request.Operations.Analyzed);
            json.WriteString("notAnalyzedReason", request.Operations.NotAnalyzedReason);
            json.WriteStartArray("operations");
            foreach (var site in request.Sites)
            {
                json.WriteStartObject();
                json.WriteString("path", site.Path);
                json.WriteNumber("line", site.Line);
                json.WriteString("ruleId", site.RuleId);
                json.WriteString("operation", site.Operation);
                json.WriteString("effect", site.Effect);
                json.WriteBoolean("attested", site.IsAttested);
                json.WriteString("coverage", site.Coverage);
                json.WriteString("approvers", site.Approvers);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("attestations");
            foreach (var attestation in request.Attestations)
            {
                json.WriteStartObject();
                json.WriteString("path", attestation.Path);
                json.WriteNumber("line", attestation.Line);
                json.WriteString("approver", attestation.Approver);
                json.WriteString("problem", attestation.Problem);
                json.WriteBoolean("signed", attestation.Approver != null && request.IsSigned(attestation.Approver));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("trustedPrincipals");
            foreach (var principal in request.Trusted)
            {
                json.WriteStringValue(principal);
            }

            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndObject();
        }

        console.RawOut.Write(Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static string AttestationLine(BranchRequest request, Core.Attestations.SourceAttestation attestation) =>
        attestation.Approver is null
            ? $"{attestation.Location}: cannot be read by the gate ({attestation.Problem}): CHK108 until it is written as [ApprovedBy(\"<approver>\", Reason = \"...\")]"
            : $"{attestation.Location}: names {attestation.Approver}: " + (request.IsSigned(attestation.Approver) ? "signed" : $"needs {attestation.Approver}'s signature");
}
