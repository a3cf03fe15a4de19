using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Checkpoint.CodeFixes;

/// <summary>
/// The declaration an attribute goes on for an operation at a given node: the containing method,
/// constructor, operator, property (for its accessors), event or field. Lambdas and local functions
/// are skipped, as they count for their containing member. Top-level statements have none.
/// </summary>
internal static class AttestationTarget
{
    public static MemberDeclarationSyntax? Find(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case GlobalStatementSyntax:
                case BaseTypeDeclarationSyntax:
                case BaseNamespaceDeclarationSyntax:
                    return null;
                case BaseMethodDeclarationSyntax:
                case BasePropertyDeclarationSyntax:
                case BaseFieldDeclarationSyntax:
                    return (MemberDeclarationSyntax)ancestor;
            }
        }

        return null;
    }

    /// <summary>Whether the declaration already carries the attribute, read from syntax (any spelling of its name).</summary>
    public static bool HasAttribute(MemberDeclarationSyntax member, string shortName)
    {
        foreach (var list in member.AttributeLists)
        {
            foreach (var attribute in list.Attributes)
            {
                var name = attribute.Name switch
                {
                    QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                    AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
                    SimpleNameSyntax simple => simple.Identifier.ValueText,
                    _ => string.Empty,
                };
                if (name == shortName || name == shortName + "Attribute")
                {
                    return true;
                }
            }
        }

        return false;
    }
}
