using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Analyzers.Attestations;

/// <summary>
/// Answers, once per compilation, whether the project's own source can use one of Checkpoint's
/// attributes, when the only declaration is the copy the package adds to every project.
/// </summary>
/// <remarks>
/// Every use of the attribute spells its name, so a file without that word cannot use it. Looking for
/// the word is a scan of characters that binds nothing and builds no syntax: far cheaper than the
/// operation trees the compiler must build once an analyzer asks to see every call. The file that
/// declares the attribute (usually the package's own) necessarily contains the word, so there the
/// attribute syntax is checked instead. A false "may use" only costs time; a false "cannot use" would
/// silence a rule, which is why the test is on the bare word and not on a particular spelling.
/// </remarks>
internal static class AttributeUsageProbe
{
    private const int ChunkLength = 8192;

    public static bool SourceMayUse(Compilation compilation, INamedTypeSymbol attribute, string shortName, CancellationToken cancellationToken)
    {
        var declaringTrees = new HashSet<SyntaxTree>(attribute.DeclaringSyntaxReferences.Select(r => r.SyntaxTree));
        foreach (var tree in compilation.SyntaxTrees)
        {
            var mayUse = declaringTrees.Contains(tree)
                ? tree.GetRoot(cancellationToken).DescendantNodes().OfType<AttributeSyntax>().Any(a => Names(a, shortName))
                : ContainsWord(tree.GetText(cancellationToken), shortName);
            if (mayUse)
            {
                return true;
            }
        }

        return false;
    }

    private static bool Names(AttributeSyntax attribute, string shortName)
    {
        var name = attribute.Name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
        return name == shortName || name == shortName + "Attribute";
    }

    /// <summary>Searches the text in overlapping chunks, so a large file is never copied into one string.</summary>
    private static bool ContainsWord(SourceText text, string word)
    {
        var buffer = new char[ChunkLength + word.Length];
        for (var start = 0; start < text.Length; start += ChunkLength)
        {
            var count = Math.Min(buffer.Length, text.Length - start);
            text.CopyTo(start, buffer, 0, count);
            if (new string(buffer, 0, count).IndexOf(word, StringComparison.Ordinal) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
