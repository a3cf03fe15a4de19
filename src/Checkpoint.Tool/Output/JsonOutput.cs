using System.Text.Encodings.Web;
using System.Text.Json;

namespace Checkpoint.Tool.Output;

/// <summary>How every JSON document the tool prints is written, and where its schemas live.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// Indented, and escaping only what JSON requires: the documents are read by programs and people,
    /// never embedded in HTML, so an apostrophe stays an apostrophe instead of <c>\u0027</c>.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new JsonWriterOptions
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>docs/schemas/ as published; each schema's <c>$id</c> is its address here.</summary>
    public const string SchemaBaseUri = "https://raw.githubusercontent.com/checkpoint-dotnet/checkpoint/main/docs/schemas/";

    public const string VerdictSchemaUri = SchemaBaseUri + "checkpoint.verdict.v1.schema.json";

    public const string ReviewSchemaUri = SchemaBaseUri + "checkpoint.review.v1.schema.json";

    public const string PolicySchemaUri = SchemaBaseUri + "policy.schema.json";
}
