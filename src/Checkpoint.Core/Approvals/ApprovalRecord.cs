using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Checkpoint.Core.Json;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// What the review showed the approver, kept in the signed manifest (<c>review</c>, schema
/// <c>checkpoint.approval/v2</c>) so that the record says what was approved, not only which diff:
/// the operation sites added, removed or moved, the weakening changes and the attestations.
/// </summary>
public sealed class ApprovalRecord
{
    /// <summary>At most this many items in each list; <c>approve</c> keeps the first ones and says <see cref="Truncated"/>.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Longest path, operation or member name kept.</summary>
    public const int MaxNameLength = 4096;

    /// <summary>Longest description or attribute text kept.</summary>
    public const int MaxTextLength = 2048;

    private static readonly string[] OperationChanges = { "added", "removed", "moved", "coverage-changed" };
    private static readonly string[] Tiers = { "destructive", "disruptive" };
    private static readonly string[] Attributes = { "ApprovedBy", "Destructive" };
    private static readonly string[] AttestationChanges = { "added", "removed" };
    private static readonly Regex Word = new Regex(@"^[a-z][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant);

    public ApprovalRecord(
        bool operationsAnalyzed,
        IReadOnlyList<RecordedOperation> operations,
        IReadOnlyList<RecordedWeakening> weakening,
        IReadOnlyList<RecordedAttestation> attestations,
        bool truncated = false)
    {
        OperationsAnalyzed = operationsAnalyzed;
        Operations = operations ?? throw new ArgumentNullException(nameof(operations));
        Weakening = weakening ?? throw new ArgumentNullException(nameof(weakening));
        Attestations = attestations ?? throw new ArgumentNullException(nameof(attestations));
        Truncated = truncated;
    }

    /// <summary>False when the review could not analyze operations: then an empty <see cref="Operations"/> says nothing.</summary>
    public bool OperationsAnalyzed { get; }

    public IReadOnlyList<RecordedOperation> Operations { get; }

    public IReadOnlyList<RecordedWeakening> Weakening { get; }

    public IReadOnlyList<RecordedAttestation> Attestations { get; }

    /// <summary>True when a list had more than <see cref="MaxItems"/> items and only the first were kept.</summary>
    public bool Truncated { get; }

    /// <summary>
    /// <paramref name="text"/> as a record may hold it: control characters and unpaired surrogates
    /// become spaces and it is cut to <paramref name="maxLength"/>; null when nothing is left.
    /// </summary>
    public static string? Printable(string? text, int maxLength)
    {
        if (text is null)
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        for (var i = 0; i < text.Length && builder.Length < maxLength; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                if (builder.Length + 2 > maxLength)
                {
                    break;
                }

                builder.Append(c).Append(text[++i]);
                continue;
            }

            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? ' ' : c);
        }

        var result = builder.ToString().Trim();
        return result.Length == 0 ? null : result;
    }

    internal static ApprovalRecord Read(JsonElement element, Func<string, Exception> error)
    {
        var reader = new JsonObjectReader(element, "manifest \"review\"", error);
        var analyzed = reader.OptionalBoolean("operationsAnalyzed") ?? throw error("manifest \"review\" is missing \"operationsAnalyzed\"");
        var operations = Items(reader, "operations", error, (item, where) =>
        {
            var change = OneOf(item.RequiredString("change", 64), OperationChanges, where, "change", error);
            var tier = OneOf(item.RequiredString("tier", 64), Tiers, where, "tier", error);
            var operation = item.RequiredString("operation", MaxNameLength);
            var path = item.RequiredString("path", MaxNameLength);
            var line = item.OptionalInteger("line", 1, int.MaxValue);
            var member = item.OptionalString("member", MaxNameLength);
            var previousPath = item.OptionalString("previousPath", MaxNameLength);
            var previousLine = item.OptionalInteger("previousLine", 1, int.MaxValue);
            var previousMember = item.OptionalString("previousMember", MaxNameLength);
            var coverage = item.OptionalString("coverage", 64);
            if (coverage != null)
            {
                RequireWord(coverage, where, "coverage", error);
            }

            return new RecordedOperation(change, tier, operation, path, line, member, previousPath, previousLine, previousMember, coverage);
        });
        var weakening = Items(reader, "weakening", error, (item, where) =>
        {
            var kind = RequireWord(item.RequiredString("kind", 64), where, "kind", error);
            var change = RequireWord(item.RequiredString("change", 64), where, "change", error);
            var path = item.RequiredString("path", MaxNameLength);
            var line = item.OptionalInteger("line", 1, int.MaxValue);
            var description = item.RequiredString("description", MaxTextLength);
            return new RecordedWeakening(kind, change, path, line, description);
        });
        var attestations = Items(reader, "attestations", error, (item, where) =>
        {
            var attribute = OneOf(item.RequiredString("attribute", 64), Attributes, where, "attribute", error);
            var change = OneOf(item.RequiredString("change", 64), AttestationChanges, where, "change", error);
            var path = item.RequiredString("path", MaxNameLength);
            var line = item.OptionalInteger("line", 1, int.MaxValue) ?? throw error($"{where} is missing \"line\"");
            var text = item.RequiredString("text", MaxTextLength);
            return new RecordedAttestation(attribute, change, path, line, text);
        });
        var truncated = reader.OptionalBoolean("truncated");
        if (truncated == false)
        {
            // One encoding per record: "truncated" is written only when it is true.
            throw error("manifest \"review.truncated\" is written only when true");
        }

        reader.RejectUnknownMembers();
        return new ApprovalRecord(analyzed, operations, weakening, attestations, truncated == true);
    }

    internal void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartObject("review");
        writer.WriteBoolean("operationsAnalyzed", OperationsAnalyzed);
        writer.WriteStartArray("operations");
        foreach (var operation in Operations)
        {
            writer.WriteStartObject();
            writer.WriteString("change", operation.Change);
            writer.WriteString("tier", operation.Tier);
            writer.WriteString("operation", operation.Operation);
            writer.WriteString("path", operation.Path);
            WriteOptional(writer, "line", operation.Line);
            WriteOptional(writer, "member", operation.Member);
            WriteOptional(writer, "previousPath", operation.PreviousPath);
            WriteOptional(writer, "previousLine", operation.PreviousLine);
            WriteOptional(writer, "previousMember", operation.PreviousMember);
            WriteOptional(writer, "coverage", operation.Coverage);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("weakening");
        foreach (var change in Weakening)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", change.Kind);
            writer.WriteString("change", change.Change);
            writer.WriteString("path", change.Path);
            WriteOptional(writer, "line", change.Line);
            writer.WriteString("description", change.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("attestations");
        foreach (var attestation in Attestations)
        {
            writer.WriteStartObject();
            writer.WriteString("attribute", attestation.Attribute);
            writer.WriteString("change", attestation.Change);
            writer.WriteString("path", attestation.Path);
            writer.WriteNumber("line", attestation.Line);
            writer.WriteString("text", attestation.Text);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (Truncated)
        {
            writer.WriteBoolean("truncated", true);
        }

        writer.WriteEndObject();
    }

    private static List<T> Items<T>(JsonObjectReader reader, string name, Func<string, Exception> error, Func<JsonObjectReader, string, T> read)
    {
        var array = reader.OptionalArray(name) ?? throw error($"manifest \"review\" is missing \"{name}\"");
        var items = new List<T>();
        foreach (var element in array.EnumerateArray())
        {
            if (items.Count == MaxItems)
            {
                throw error($"manifest \"review.{name}\" has more than {MaxItems} items");
            }

            var where = $"manifest \"review.{name}[{items.Count}]\"";
            var item = new JsonObjectReader(element, where, error);
            var value = read(item, where);
            item.RejectUnknownMembers();
            items.Add(value);
        }

        return items;
    }

    private static string OneOf(string value, string[] allowed, string where, string name, Func<string, Exception> error) =>
        allowed.Contains(value, StringComparer.Ordinal)
            ? value
            : throw error($"{where}: \"{name}\" is \"{JsonObjectReader.Printable(value)}\"; expected one of {string.Join(", ", allowed)}");

    private static string RequireWord(string value, string where, string name, Func<string, Exception> error) =>
        Word.IsMatch(value)
            ? value
            : throw error($"{where}: \"{name}\" must be lowercase letters, digits and dashes");

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value != null)
        {
            writer.WriteString(name, value);
        }
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is int number)
        {
            writer.WriteNumber(name, number);
        }
    }
}
