using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
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
/// <para>
/// Both analyzers ask in every compilation, one for each word, so the text is read once for both
/// words and the answer kept for as long as the compilation lives.
/// </para>
/// </remarks>
internal static class AttributeUsageProbe
{
    private const int ChunkLength = 8192;

    // The short names as written in source: [ApprovedBy] and [Destructive], with or without "Attribute";
    // then the words every use of a .NET-only sink writes (Process.Start, new ProcessStartInfo, a Process
    // subclass; ExecuteNonQuery/Scalar/Reader), for the helpers of a project without a cloud SDK
    // (HelperSummaries): one pass over the text answers both questions. Each word costs a search of
    // every chunk, so there are as few as the questions need.
    private static readonly string[] Words = { "ApprovedBy", "Destructive", "Process", "Execute" };

    /// <summary>The index of the first word that <see cref="TreesWithSinkWords"/> looks for.</summary>
    private const int FirstSinkWord = 2;

    private static readonly ConditionalWeakTable<Compilation, WordsInTrees> Scans = new();

    public static bool SourceMayUse(Compilation compilation, INamedTypeSymbol attribute, string shortName, CancellationToken cancellationToken)
    {
        var word = Array.IndexOf(Words, shortName);
        if (word < 0)
        {
            throw new ArgumentException($"'{shortName}' is not one of the words the probe scans for.", nameof(shortName));
        }

        var declaringTrees = new HashSet<SyntaxTree>(attribute.DeclaringSyntaxReferences.Select(r => r.SyntaxTree));
        var found = Scans.GetValue(compilation, c => WordsInTrees.Scan(c, cancellationToken));
        foreach (var tree in compilation.SyntaxTrees)
        {
            var mayUse = declaringTrees.Contains(tree)
                ? tree.GetRoot(cancellationToken).DescendantNodes().OfType<AttributeSyntax>().Any(a => Names(a, shortName))
                : found.Contains(tree, word);
            if (mayUse)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The trees whose text names a .NET-only sink a helper can pass its parameters to
    /// (<c>Process.Start</c>, <c>ExecuteNonQuery</c> ...): the only trees that can declare such a helper.
    /// </summary>
    public static IEnumerable<SyntaxTree> TreesWithSinkWords(Compilation compilation, CancellationToken cancellationToken)
    {
        var found = Scans.GetValue(compilation, c => WordsInTrees.Scan(c, cancellationToken));
        foreach (var tree in compilation.SyntaxTrees)
        {
            for (var word = FirstSinkWord; word < Words.Length; word++)
            {
                if (found.Contains(tree, word))
                {
                    yield return tree;
                    break;
                }
            }
        }
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

    /// <summary>Which of <see cref="Words"/> each tree's text contains.</summary>
    private sealed class WordsInTrees
    {
        private readonly Dictionary<SyntaxTree, int> _wordsByTree;

        private WordsInTrees(Dictionary<SyntaxTree, int> wordsByTree) => _wordsByTree = wordsByTree;

        public bool Contains(SyntaxTree tree, int word)
            => _wordsByTree.TryGetValue(tree, out var words) && (words & (1 << word)) != 0;

        public static WordsInTrees Scan(Compilation compilation, CancellationToken cancellationToken)
        {
            var overlap = Words.Max(w => w.Length) - 1;
            var buffer = new char[ChunkLength + overlap];
            var wordsByTree = new Dictionary<SyntaxTree, int>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                var words = WordsIn(tree.GetText(cancellationToken), buffer, overlap);
                if (words != 0)
                {
                    wordsByTree.Add(tree, words);
                }
            }

            return new WordsInTrees(wordsByTree);
        }

        /// <summary>
        /// Searches the text in chunks that overlap by one character less than the longest word, so a
        /// word split across two chunks is still seen, and a large file is never copied into one string.
        /// </summary>
        private static int WordsIn(SourceText text, char[] buffer, int overlap)
        {
            var all = (1 << Words.Length) - 1;
            var found = 0;
            for (var start = 0; start < text.Length && found != all; start += ChunkLength)
            {
                var count = Math.Min(ChunkLength + overlap, text.Length - start);
                text.CopyTo(start, buffer, 0, count);
                var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                for (var word = 0; word < Words.Length; word++)
                {
                    if ((found & (1 << word)) == 0 && chunk.IndexOf(Words[word].AsSpan()) >= 0)
                    {
                        found |= 1 << word;
                    }
                }
            }

            return found;
        }
    }
}
