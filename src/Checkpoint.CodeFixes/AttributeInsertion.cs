using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Checkpoint.CodeFixes;

/// <summary>
/// Adds one of Checkpoint's attributes to member declarations of a document, on a line of its own
/// above the member, and a <c>using Checkpoint;</c> when the short name would not bind.
/// Everything else in the document is left exactly as written.
/// </summary>
internal static class AttributeInsertion
{
    public static async Task<Document> AddAsync(
        Document document,
        IEnumerable<MemberDeclarationSyntax> members,
        Func<AttributeListSyntax> createAttribute,
        CancellationToken cancellationToken)
    {
        var root = (CompilationUnitSyntax?)await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null)
        {
            return document;
        }

        var targets = members.Distinct().ToList();
        if (targets.Count == 0)
        {
            return document;
        }

        var needsUsing = !BindsToCheckpoint(semanticModel, targets[0].SpanStart, createAttribute());
        var endOfLine = root.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
        var newLine = endOfLine.IsKind(SyntaxKind.EndOfLineTrivia) ? endOfLine : EndOfLine("\n");

        var newRoot = root.ReplaceNodes(targets, (_, rewritten) => WithAttribute(rewritten, createAttribute(), newLine));
        if (needsUsing)
        {
            newRoot = WithCheckpointUsing(newRoot, newLine);
        }

        return document.WithSyntaxRoot(newRoot);
    }

    private static MemberDeclarationSyntax WithAttribute(MemberDeclarationSyntax member, AttributeListSyntax attribute, SyntaxTrivia newLine)
    {
        var leading = member.GetLeadingTrivia();
        var indentation = leading.Reverse().TakeWhile(t => t.IsKind(SyntaxKind.WhitespaceTrivia)).Reverse().ToList();
        if (member.AttributeLists.Count > 0)
        {
            var appended = attribute.WithLeadingTrivia(indentation).WithTrailingTrivia(newLine);
            return member.WithAttributeLists(member.AttributeLists.Add(appended));
        }

        // The member's comments and indentation move up to the new first line; the member keeps its indentation.
        var first = attribute.WithLeadingTrivia(leading).WithTrailingTrivia(newLine);
        var bare = member.WithLeadingTrivia(indentation);
        return bare.WithAttributeLists(bare.AttributeLists.Add(first));
    }

    private static bool BindsToCheckpoint(SemanticModel semanticModel, int position, AttributeListSyntax attribute)
    {
        var name = attribute.Attributes[0].Name + "Attribute";
        var symbol = semanticModel.GetSpeculativeSymbolInfo(position, ParseName(name), SpeculativeBindingOption.BindAsTypeOrNamespace).Symbol;
        return symbol is INamedTypeSymbol { ContainingNamespace: { Name: "Checkpoint", ContainingNamespace.IsGlobalNamespace: true } };
    }

    private static bool IsPlainUsing(UsingDirectiveSyntax directive)
        => directive.Alias is null
           && directive.StaticKeyword.IsKind(SyntaxKind.None)
           && directive.GlobalKeyword.IsKind(SyntaxKind.None);

    private static bool IsSystemNamespace(UsingDirectiveSyntax directive)
    {
        var name = directive.Name?.ToString() ?? string.Empty;
        return name == "System" || name.StartsWith("System.", StringComparison.Ordinal);
    }

    private static CompilationUnitSyntax WithCheckpointUsing(CompilationUnitSyntax root, SyntaxTrivia newLine)
    {
        var directive = UsingDirective(ParseName("Checkpoint").WithLeadingTrivia(Space))
            .WithTrailingTrivia(newLine);
        var usings = root.Usings;
        if (usings.Count == 0)
        {
            // A file header stays at the top of the file, above the new using.
            var firstToken = root.GetFirstToken(includeZeroWidth: true);
            directive = directive.WithLeadingTrivia(firstToken.LeadingTrivia).WithTrailingTrivia(newLine, newLine);
            var withoutHeader = root.ReplaceToken(firstToken, firstToken.WithLeadingTrivia(SyntaxTriviaList.Empty));
            return withoutHeader.WithUsings(withoutHeader.Usings.Add(directive));
        }

        // Files usually list System namespaces first, then the rest in order: keep to that.
        var index = 0;
        while (index < usings.Count && IsPlainUsing(usings[index]) && IsSystemNamespace(usings[index]))
        {
            index++;
        }

        while (index < usings.Count
               && IsPlainUsing(usings[index])
               && string.Compare(usings[index].Name?.ToString(), "Checkpoint", StringComparison.OrdinalIgnoreCase) < 0)
        {
            index++;
        }

        if (index == 0)
        {
            // Keep a file header on the first line.
            var header = usings[0].GetLeadingTrivia();
            usings = usings.Replace(usings[0], usings[0].WithLeadingTrivia(SyntaxTriviaList.Empty));
            directive = directive.WithLeadingTrivia(header);
        }

        return root.WithUsings(usings.Insert(index, directive));
    }
}
