using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Checkpoint.Core.Digest;
using Checkpoint.Core.Json;

namespace Checkpoint.Core.Approvals;

/// <summary>
/// What a human signs: "I approve this diff of this repository until then". Stored as
/// <c>.checkpoint/approvals/&lt;name&gt;.json</c> next to an <c>ssh-keygen -Y sign</c> signature
/// <c>&lt;name&gt;.json.sig</c> in namespace <see cref="SignatureNamespace"/>. The exact field list is
/// in docs/approving.md.
/// </summary>
public sealed class ApprovalManifest
{
    /// <summary>The value of the <c>schema</c> member of a manifest without a <see cref="Record"/> (hand-written approvals).</summary>
    public const string Schema = "checkpoint.approval/v1";

    /// <summary>The value of the <c>schema</c> member of a manifest with a <see cref="Record"/> (<c>checkpoint approve</c> writes these).</summary>
    public const string SchemaWithRecord = "checkpoint.approval/v2";

    /// <summary>The SSHSIG namespace approvals are signed in; signatures in any other namespace never verify.</summary>
    public const string SignatureNamespace = "checkpoint-approval";

    /// <summary>The folder approvals live in (<see cref="ApprovalPaths"/> says which files in it are approvals).</summary>
    public const string ApprovalsDirectory = ApprovalPaths.Directory;

    /// <summary>Manifests larger than this are rejected before parsing.</summary>
    public const int MaxSizeBytes = 64 * 1024 * 1024;

    private const string TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    private static readonly Regex DigestPattern = new Regex("^sha256:[0-9a-f]{64}$", RegexOptions.CultureInvariant);
    private static readonly Regex ObjectIdPattern = new Regex("^[0-9a-f]{40}([0-9a-f]{24})?$", RegexOptions.CultureInvariant);

    private static readonly string[] TimestampFormats =
    {
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    };

    public ApprovalManifest(
        string repository,
        string digest,
        string approver,
        DateTimeOffset createdAt,
        DateTimeOffset expiresAt,
        IReadOnlyList<ApprovedFile>? files = null,
        string? baseRef = null,
        string? mergeBase = null,
        ApprovalRecord? record = null)
    {
        Repository = repository ?? throw new ArgumentNullException(nameof(repository));
        Digest = digest ?? throw new ArgumentNullException(nameof(digest));
        Approver = approver ?? throw new ArgumentNullException(nameof(approver));
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
        Files = files;
        BaseRef = baseRef;
        MergeBase = mergeBase;
        Record = record;
    }

    /// <summary>The repository identity (<c>github.com/owner/repo</c>) the approval is valid for.</summary>
    public string Repository { get; }

    /// <summary>The approved <see cref="DiffDigest.Digest"/>.</summary>
    public string Digest { get; }

    /// <summary>The approver principal, as listed in the base's allowed_signers.</summary>
    public string Approver { get; }

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>The files covered, so a mismatch can name what changed; optional (null when absent).</summary>
    public IReadOnlyList<ApprovedFile>? Files { get; }

    /// <summary>Informational: the base the approver reviewed against. Not checked, so a rebase that keeps the diff stays approved.</summary>
    public string? BaseRef { get; }

    /// <summary>Informational: the merge-base the approver reviewed against.</summary>
    public string? MergeBase { get; }

    /// <summary>What the review showed the approver (schema v2); null in a v1 manifest.</summary>
    public ApprovalRecord? Record { get; }

    /// <summary>The <c>schema</c> this manifest is written with: <see cref="SchemaWithRecord"/> when it has a record.</summary>
    public string SchemaVersion => Record is null ? Schema : SchemaWithRecord;

    /// <summary>Creates the manifest for a computed diff, with the current per-file entries.</summary>
    public static ApprovalManifest CreateFor(
        DiffDigest diff,
        string repository,
        string approver,
        DateTimeOffset createdAt,
        TimeSpan validFor,
        string? baseRef = null,
        string? mergeBase = null,
        ApprovalRecord? record = null)
    {
        if (diff is null)
        {
            throw new ArgumentNullException(nameof(diff));
        }

        if (validFor <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(validFor), "an approval must be valid for a positive time");
        }

        var created = TruncateToSeconds(createdAt);
        return new ApprovalManifest(
            repository,
            diff.Digest,
            approver,
            created,
            created + validFor,
            diff.Entries.Select(e => new ApprovedFile(e.Path.Display, e.Hash)).ToList(),
            baseRef,
            mergeBase,
            record);
    }

    /// <summary>Parses manifest bytes (UTF-8 JSON).</summary>
    /// <exception cref="ApprovalFormatException">The bytes are not a valid v1 or v2 manifest; the message says why in one line.</exception>
    public static ApprovalManifest Parse(byte[] utf8Json)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (utf8Json.Length > MaxSizeBytes)
        {
            throw new ApprovalFormatException($"manifest is {utf8Json.Length} bytes; the limit is {MaxSizeBytes}");
        }

        try
        {
            using var document = JsonObjectReader.ParseDocument(utf8Json, "manifest", Error);
            var reader = new JsonObjectReader(document.RootElement, "manifest", Error);
            var schema = reader.RequiredString("schema", 64);
            if (schema != Schema && schema != SchemaWithRecord)
            {
                throw Error($"manifest schema is \"{JsonObjectReader.Printable(schema)}\"; expected \"{Schema}\" or \"{SchemaWithRecord}\"");
            }

            var repository = reader.RequiredString("repository", 512);
            var digest = reader.RequiredString("digest", 80);
            if (!DigestPattern.IsMatch(digest))
            {
                throw Error("manifest \"digest\" must be \"sha256:\" followed by 64 lowercase hex digits");
            }

            var approver = reader.RequiredString("approver", 256);
            if (approver.Any(char.IsWhiteSpace))
            {
                throw Error("manifest \"approver\" must not contain whitespace");
            }

            var createdAt = ParseTimestamp(reader.RequiredString("createdAt", 40), "createdAt");
            var expiresAt = ParseTimestamp(reader.RequiredString("expiresAt", 40), "expiresAt");
            if (expiresAt <= createdAt)
            {
                throw Error("manifest \"expiresAt\" must be later than \"createdAt\"");
            }

            string? baseRef = null;
            string? mergeBase = null;
            if (reader.OptionalObject("base") is JsonElement baseElement)
            {
                var baseReader = new JsonObjectReader(baseElement, "manifest \"base\"", Error);
                baseRef = baseReader.OptionalString("ref", 1024);
                mergeBase = baseReader.OptionalString("mergeBase", 64);
                if (mergeBase != null && !ObjectIdPattern.IsMatch(mergeBase))
                {
                    throw Error("manifest \"base.mergeBase\" must be a full lowercase commit id");
                }

                baseReader.RejectUnknownMembers();
            }

            List<ApprovedFile>? files = null;
            if (reader.OptionalArray("files") is JsonElement filesElement)
            {
                files = new List<ApprovedFile>();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var item in filesElement.EnumerateArray())
                {
                    var fileReader = new JsonObjectReader(item, $"manifest \"files[{files.Count}]\"", Error);
                    var path = fileReader.RequiredString("path", 4096);
                    var entry = fileReader.RequiredString("entry", 80);
                    if (!DigestPattern.IsMatch(entry))
                    {
                        throw Error($"manifest \"files[{files.Count}].entry\" must be \"sha256:\" followed by 64 lowercase hex digits");
                    }

                    fileReader.RejectUnknownMembers();
                    if (!seen.Add(path))
                    {
                        throw Error($"manifest \"files\" lists \"{JsonObjectReader.Printable(path)}\" twice");
                    }

                    files.Add(new ApprovedFile(path, entry));
                }
            }

            // The schema says which members exist: v2 has "review", v1 has not (so it is an unknown member there).
            ApprovalRecord? record = null;
            if (schema == SchemaWithRecord)
            {
                var review = reader.OptionalObject("review") ?? throw Error($"manifest \"review\" is required by schema \"{SchemaWithRecord}\"");
                record = ApprovalRecord.Read(review, Error);
            }

            reader.RejectUnknownMembers();
            return new ApprovalManifest(repository, digest, approver, createdAt, expiresAt, files, baseRef, mergeBase, record);
        }
        catch (InvalidOperationException ex)
        {
            throw new ApprovalFormatException("manifest is not well-formed: " + ex.Message, ex);
        }
    }

    /// <summary>Like <see cref="Parse"/>, without exceptions.</summary>
    public static bool TryParse(byte[] utf8Json, out ApprovalManifest? manifest, out string? error)
    {
        try
        {
            manifest = Parse(utf8Json);
            error = null;
            return true;
        }
        catch (ApprovalFormatException ex)
        {
            manifest = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>
    /// The canonical encoding: UTF-8 without BOM, two-space indentation, LF line ends, members in
    /// a fixed order, times as UTC <c>yyyy-MM-ddTHH:mm:ssZ</c>. These are the bytes an approver signs.
    /// </summary>
    public byte[] Serialize()
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("schema", SchemaVersion);
            writer.WriteString("repository", Repository);
            writer.WriteString("digest", Digest);
            writer.WriteString("approver", Approver);
            writer.WriteString("createdAt", FormatTimestamp(CreatedAt));
            writer.WriteString("expiresAt", FormatTimestamp(ExpiresAt));
            if (BaseRef != null || MergeBase != null)
            {
                writer.WriteStartObject("base");
                if (BaseRef != null)
                {
                    writer.WriteString("ref", BaseRef);
                }

                if (MergeBase != null)
                {
                    writer.WriteString("mergeBase", MergeBase);
                }

                writer.WriteEndObject();
            }

            if (Files != null)
            {
                writer.WriteStartArray("files");
                foreach (var file in Files)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", file.Path);
                    writer.WriteString("entry", file.EntryHash);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
            }

            Record?.Write(writer);
            writer.WriteEndObject();
        }

        // Utf8JsonWriter indents with Environment.NewLine; signed bytes must not depend on the OS.
        var text = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n") + "\n";
        return new UTF8Encoding(false).GetBytes(text);
    }

    /// <summary>The UTC timestamp format manifests use.</summary>
    public static string FormatTimestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(TimestampFormat, CultureInfo.InvariantCulture);

    private static Exception Error(string message) => new ApprovalFormatException(message);

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    private static DateTimeOffset ParseTimestamp(string text, string name)
    {
        // An explicit offset is required: a time without one means different instants on different machines.
        var hasOffset = text.EndsWith("Z", StringComparison.Ordinal) ||
                         Regex.IsMatch(text, "[+-][0-9]{2}:[0-9]{2}$", RegexOptions.CultureInvariant);
        if (!hasOffset ||
            !DateTimeOffset.TryParseExact(text, TimestampFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            throw Error($"manifest \"{name}\" must be a timestamp like 2026-01-31T12:00:00Z");
        }

        return value.ToUniversalTime();
    }
}
