using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The operations users add or switch off with AdditionalFiles named CheckpointOperations.txt or
/// CheckpointOperations.*.txt. Each line: a documentation comment ID, optionally with <c>*</c> in the
/// member name, then a tier (destructive, disruptive or ignore). <c>//</c> starts a comment.
/// </summary>
internal sealed class UserCatalogue
{
    public static readonly UserCatalogue Empty = new(ImmutableArray<UserOperationEntry>.Empty, ImmutableArray<CatalogueProblem>.Empty);

    private UserCatalogue(ImmutableArray<UserOperationEntry> entries, ImmutableArray<CatalogueProblem> problems)
    {
        Entries = entries;
        Problems = problems;
    }

    public ImmutableArray<UserOperationEntry> Entries { get; }

    public ImmutableArray<CatalogueProblem> Problems { get; }

    public static bool IsCatalogueFile(string path)
    {
        var fileName = Path.GetFileName(path);
        return fileName.Equals("CheckpointOperations.txt", StringComparison.OrdinalIgnoreCase)
               || (fileName.StartsWith("CheckpointOperations.", StringComparison.OrdinalIgnoreCase)
                   && fileName.EndsWith(".txt", StringComparison.OrdinalIgnoreCase));
    }

    public static UserCatalogue Read(ImmutableArray<AdditionalText> additionalFiles, CancellationToken cancellationToken)
    {
        ImmutableArray<UserOperationEntry>.Builder? entries = null;
        ImmutableArray<CatalogueProblem>.Builder? problems = null;
        var seen = new Dictionary<string, (string FileName, int Line)>(StringComparer.Ordinal);
        foreach (var file in additionalFiles)
        {
            if (!IsCatalogueFile(file.Path))
            {
                continue;
            }

            entries ??= ImmutableArray.CreateBuilder<UserOperationEntry>();
            problems ??= ImmutableArray.CreateBuilder<CatalogueProblem>();
            var text = file.GetText(cancellationToken);
            var fileName = Path.GetFileName(file.Path);
            if (text is null)
            {
                problems.Add(new CatalogueProblem(file.Path, 1, default, default, "the file cannot be read"));
                continue;
            }

            foreach (var line in text.Lines)
            {
                var lineNumber = line.LineNumber + 1;
                var content = line.ToString();
                var comment = content.IndexOf("//", StringComparison.Ordinal);
                if (comment >= 0)
                {
                    content = content.Substring(0, comment);
                }

                if (content.Trim().Length == 0)
                {
                    continue;
                }

                var error = TryParseLine(content, fileName, lineNumber, out var entry);

                // One ID, one line: a second line for the same ID either repeats or contradicts the first.
                var id = entry is null ? null : content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[0];
                if (id is not null && seen.TryGetValue(id, out var first))
                {
                    error = first.FileName == fileName
                        ? $"duplicate of line {first.Line}"
                        : $"duplicate of {first.FileName} line {first.Line}";
                }

                if (error is not null)
                {
                    problems.Add(new CatalogueProblem(file.Path, lineNumber, line.Span, text.Lines.GetLinePositionSpan(line.Span), error));
                    continue;
                }

                seen[id!] = (fileName, lineNumber);
                entries.Add(entry!);
            }
        }

        return entries is null
            ? Empty
            : new UserCatalogue(entries.ToImmutable(), problems!.ToImmutable());
    }

    private static string? TryParseLine(string content, string fileName, int lineNumber, out UserOperationEntry? entry)
    {
        entry = null;
        var fields = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length != 2)
        {
            return "expected '<documentation comment ID> <tier>', for example 'M:Contoso.Cluster.Destroy destructive'";
        }

        var id = fields[0];
        if (!TryParseTier(fields[1], out var tier))
        {
            return $"unknown tier '{fields[1]}': use destructive, disruptive or ignore";
        }

        SymbolKind kind;
        if (id.StartsWith("M:", StringComparison.Ordinal))
        {
            kind = SymbolKind.Method;
        }
        else if (id.StartsWith("P:", StringComparison.Ordinal))
        {
            kind = SymbolKind.Property;
        }
        else
        {
            return $"'{id}' is not a method (M:) or property (P:) documentation comment ID";
        }

        var body = id.Substring(2);
        string? parameters = null;
        var open = body.IndexOf('(');
        if (open >= 0)
        {
            if (!body.EndsWith(")", StringComparison.Ordinal))
            {
                return $"'{id}' has an unclosed parameter list";
            }

            parameters = body.Substring(open);
            body = body.Substring(0, open);

            // A documentation comment ID writes no parentheses for a member without parameters.
            if (parameters == "()")
            {
                parameters = string.Empty;
            }
        }

        var lastDot = body.LastIndexOf('.');
        if (lastDot <= 0 || lastDot == body.Length - 1)
        {
            return $"'{id}' does not name a type and a member (Namespace.Type.Member)";
        }

        var typeName = body.Substring(0, lastDot);
        var member = body.Substring(lastDot + 1);
        if (typeName.IndexOf('*') >= 0 || (parameters?.IndexOf('*') ?? -1) >= 0)
        {
            return $"'{id}' has a * outside the member name; a wildcard is allowed only in the member name";
        }

        entry = new UserOperationEntry(kind, typeName, new Glob(member), parameters, tier, fileName, lineNumber);
        return null;
    }

    private static bool TryParseTier(string text, out OperationTier tier)
    {
        switch (text.ToLowerInvariant())
        {
            case "destructive":
                tier = OperationTier.Destructive;
                return true;
            case "disruptive":
                tier = OperationTier.Disruptive;
                return true;
            case "ignore":
                tier = OperationTier.Ignore;
                return true;
            default:
                tier = OperationTier.Ignore;
                return false;
        }
    }
}
