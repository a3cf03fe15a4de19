using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Checkpoint.Analyzers.Attestations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers;

/// <summary>
/// CHK010: a [Destructive] member that implements an interface member, or overrides a base member,
/// declared in this compilation without the marking. Calls bind to the member the caller holds, so a
/// caller through the interface or the base class would never be asked for an attestation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DestructiveMarkingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(RuleDescriptors.HiddenDestructiveMarking);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(compilationContext =>
        {
            // Only the project's own [Destructive] markings can be misplaced; without the word in the source there are none.
            var compilation = compilationContext.Compilation;
            var declarations = compilation.GetTypesByMetadataName(CheckpointAttributes.DestructiveMetadataName);
            if (declarations.IsEmpty || !declarations.Any(d => AttributeUsageProbe.SourceMayUse(compilation, d, "Destructive", compilationContext.CancellationToken)))
            {
                return;
            }

            compilationContext.RegisterSymbolAction(AnalyzeMember, SymbolKind.Method, SymbolKind.Property);
        });
    }

    private static void AnalyzeMember(SymbolAnalysisContext context)
    {
        var member = context.Symbol;
        if (CheckpointAttributes.FindDestructive(member) is not { } marking)
        {
            return;
        }

        foreach (var hidden in InheritedMembers(member))
        {
            if (hidden.Locations.Any(l => l.IsInSource) && CheckpointAttributes.FindDestructive(hidden) is null)
            {
                var location = marking.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? member.Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(
                    RuleDescriptors.HiddenDestructiveMarking,
                    location,
                    member.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat),
                    hidden.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat)));
            }
        }
    }

    /// <summary>The member it overrides and the interface members it implements, explicitly or not.</summary>
    private static IEnumerable<ISymbol> InheritedMembers(ISymbol member)
    {
        switch (member)
        {
            case IMethodSymbol { OverriddenMethod: { } overridden }:
                yield return overridden;
                break;
            case IPropertySymbol { OverriddenProperty: { } overridden }:
                yield return overridden;
                break;
        }

        var explicitImplementations = member switch
        {
            IMethodSymbol method => method.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            IPropertySymbol property => property.ExplicitInterfaceImplementations.CastArray<ISymbol>(),
            _ => ImmutableArray<ISymbol>.Empty,
        };
        foreach (var implemented in explicitImplementations)
        {
            yield return implemented;
        }

        if (member.ContainingType is not { } type || member.IsStatic)
        {
            yield break;
        }

        foreach (var @interface in type.AllInterfaces)
        {
            foreach (var candidate in @interface.GetMembers(member.Name))
            {
                if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(candidate), member))
                {
                    yield return candidate;
                }
            }
        }
    }
}
