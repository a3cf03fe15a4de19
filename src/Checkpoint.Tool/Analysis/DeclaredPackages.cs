using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The package references that apply to a project, read from XML as text: the project file, the
/// nearest <c>Directory.Build.props</c>/<c>.targets</c> and <c>Directory.Packages.props</c>
/// (central versions, <c>GlobalPackageReference</c>). Never evaluated: conditions are ignored (every
/// reference counts), and a <c>$(Property)</c> is resolved only from plain property elements of
/// those files. What cannot be read this way is reported, not guessed.
/// </summary>
internal static class DeclaredPackages
{
    private static readonly string[] ImportedFiles = { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" };

    private static readonly Regex PropertyReference = new(@"\$\((?<name>[A-Za-z_][A-Za-z0-9_.-]*)\)", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    /// <param name="projectPath">Repository-relative project file.</param>
    /// <param name="read">The text of a repository-relative file on the side being read, or null when it does not exist.</param>
    public static (IReadOnlyList<DeclaredPackage> Packages, IReadOnlyList<string> Unreadable) Read(string projectPath, Func<string, string?> read)
    {
        var documents = new List<(string Path, XDocument Document)>();
        var unreadable = new List<string>();
        foreach (var path in FilesFor(projectPath, read))
        {
            var text = read(path);
            if (text == null)
            {
                continue;
            }

            try
            {
                documents.Add((path, Parse(text)));
            }
            catch (XmlException ex)
            {
                unreadable.Add($"{path} is not well-formed XML ({ex.Message})");
            }
        }

        var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var central = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (_, document) in documents)
        {
            foreach (var property in Elements(document, "PropertyGroup").SelectMany(g => g.Elements()))
            {
                properties[property.Name.LocalName] = property.Value.Trim();
            }

            foreach (var version in Elements(document, "PackageVersion"))
            {
                if (Attribute(version, "Include") is string id && Value(version, "Version") is string value)
                {
                    central[id] = value;
                }
            }
        }

        var packages = new Dictionary<string, DeclaredPackage>(StringComparer.OrdinalIgnoreCase);
        foreach (var (path, document) in documents)
        {
            foreach (var reference in Elements(document, "PackageReference").Concat(Elements(document, "GlobalPackageReference")))
            {
                var id = Attribute(reference, "Include") ?? Attribute(reference, "Update");
                if (string.IsNullOrWhiteSpace(id))
                {
                    continue;
                }

                var written = Value(reference, "VersionOverride") ?? Value(reference, "Version") ?? (central.TryGetValue(id, out var fromCentral) ? fromCentral : null);
                if (written == null)
                {
                    if (!packages.ContainsKey(id))
                    {
                        unreadable.Add($"{path}: package {id} has no version that can be read without evaluating MSBuild");
                    }

                    continue;
                }

                var version = Resolve(written, properties);
                if (version == null)
                {
                    unreadable.Add($"{path}: the version of package {id} ({written}) needs MSBuild evaluation");
                    continue;
                }

                packages[id] = new DeclaredPackage(id, version);
            }
        }

        return (packages.Values.OrderBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToList(), unreadable);
    }

    private static IEnumerable<string> FilesFor(string projectPath, Func<string, string?> read)
    {
        yield return projectPath;
        foreach (var name in ImportedFiles)
        {
            var directory = ProjectLayout.DirectoryOf(projectPath);
            while (true)
            {
                if (read(directory + name) != null)
                {
                    yield return directory + name;
                    break;
                }

                if (directory.Length == 0)
                {
                    break;
                }

                directory = ProjectLayout.DirectoryOf(directory.TrimEnd('/'));
            }
        }
    }

    private static XDocument Parse(string text)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(text), settings);
        return XDocument.Load(reader);
    }

    private static IEnumerable<XElement> Elements(XDocument document, string name) =>
        document.Descendants().Where(e => e.Name.LocalName == name);

    private static string? Attribute(XElement element, string name) =>
        element.Attributes().FirstOrDefault(a => a.Name.LocalName == name)?.Value.Trim();

    private static string? Value(XElement element, string name) =>
        Attribute(element, name) ?? element.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim();

    private static string? Resolve(string value, IReadOnlyDictionary<string, string> properties)
    {
        for (var depth = 0; depth < 8 && value.Contains("$(", StringComparison.Ordinal); depth++)
        {
            var unresolved = false;
            value = PropertyReference.Replace(value, m =>
            {
                if (properties.TryGetValue(m.Groups["name"].Value, out var replacement))
                {
                    return replacement;
                }

                unresolved = true;
                return m.Value;
            });
            if (unresolved)
            {
                return null;
            }
        }

        return value.Contains("$(", StringComparison.Ordinal) || value.Contains("@(", StringComparison.Ordinal) || value.Length == 0 ? null : value;
    }
}
