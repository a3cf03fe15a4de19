using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Checkpoint.Analyzers;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The merge-base's operation sites of each project, kept beside the merge-base's files: they depend
/// only on the merge-base, the analyzers of this tool build and the day (attestations expire), so a
/// later review of the same merge-base compiles only HEAD's side.
/// </summary>
internal sealed class BaseSiteCache
{
    private static readonly Lazy<string> Stamp = new(() =>
        typeof(DiagnosticProperties).Assembly.ManifestModule.ModuleVersionId + "|" + typeof(BaseSiteCache).Assembly.ManifestModule.ModuleVersionId);

    private readonly string _folder;
    private readonly string _day;

    public BaseSiteCache(BaseWorkspace workspace, DateTime today)
    {
        _folder = Path.Combine(workspace.Folder, "sites");
        _day = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    }

    public (IReadOnlyList<OperationSite> Sites, AnalyzedProject Project)? TryGet(string projectPath)
    {
        var file = FileFor(projectPath);
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file));
            return entry != null && entry.Key == Key() && entry.Sites != null && entry.Project != null ? (entry.Sites, entry.Project) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Store(string projectPath, IReadOnlyList<OperationSite> sites, AnalyzedProject project)
    {
        Directory.CreateDirectory(_folder);
        var file = FileFor(projectPath);
        var temporary = file + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(new Entry(Key(), new List<OperationSite>(sites), project)), Encoding.UTF8);
        File.Move(temporary, file, overwrite: true);
    }

    private string Key() => Stamp.Value + "|" + _day;

    private string FileFor(string projectPath) =>
        Path.Combine(_folder, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(projectPath))).Substring(0, 16).ToLowerInvariant() + ".json");

    private sealed record Entry(string Key, List<OperationSite> Sites, AnalyzedProject Project);
}
