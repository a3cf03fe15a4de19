using System;
using System.Collections.Immutable;
using System.Linq;
using Checkpoint.Analyzers.Attestations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Analyzers;

/// <summary>
/// CHK003, CHK004, CHK005 and CHK009: an [ApprovedBy] attestation must name an approver and a reason,
/// must not have expired, must sit on a member or type (never on the assembly, the module, a lambda or
/// a local function), and must be written in the one form the gate can read from the file's text.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AttestationAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        RuleDescriptors.IncompleteAttestation,
        RuleDescriptors.ExpiredAttestation,
        RuleDescriptors.MisplacedAttestation,
        RuleDescriptors.UnreadableAttestation);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();

        // Generated code is analyzed and reported like any other: a file that merely claims to be
        // generated must not be a place where a broken attestation goes unnoticed.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);

        context.RegisterCompilationStartAction(compilationContext =>
        {
            // Without the attribute type, or without its name anywhere in the source, nobody wrote an
            // attestation, so there is nothing to check.
            var compilation = compilationContext.Compilation;
            var declarations = compilation.GetTypesByMetadataName(CheckpointAttributes.ApprovedByMetadataName);
            if (declarations.IsEmpty
                || declarations.All(d => SymbolEqualityComparer.Default.Equals(d.ContainingAssembly, compilation.Assembly)
                                         && !AttributeUsageProbe.SourceMayUse(compilation, d, "ApprovedBy", compilationContext.CancellationToken)))
            {
                return;
            }

            var todayUtc = DateTime.UtcNow.Date;
            compilationContext.RegisterSymbolAction(
                symbolContext => AnalyzeAttestations(symbolContext, todayUtc),
                SymbolKind.NamedType, SymbolKind.Method, SymbolKind.Property, SymbolKind.Field, SymbolKind.Event);
            compilationContext.RegisterSyntaxNodeAction(AnalyzeAttributeList, SyntaxKind.AttributeList);
        });
    }

    private static void AnalyzeAttestations(SymbolAnalysisContext context, DateTime todayUtc)
    {
        foreach (var attribute in context.Symbol.GetAttributes())
        {
            if (!CheckpointAttributes.IsApprovedBy(attribute))
            {
                continue;
            }

            var location = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation();
            if (location is null)
            {
                continue;
            }

            var attestation = Attestation.Read(attribute);
            switch (attestation.FindDefect(todayUtc))
            {
                case AttestationDefect.BlankApprover:
                    context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.IncompleteAttestation, location, "the approver is empty or blank"));
                    break;
                case AttestationDefect.MissingReason:
                    context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.IncompleteAttestation, location, "Reason is missing or blank"));
                    break;
                case AttestationDefect.UnreadableExpiry:
                    context.ReportDiagnostic(Diagnostic.Create(
                        RuleDescriptors.ExpiredAttestation,
                        location,
                        $"has Expires = \"{attestation.Expires}\", which is not a date in the form {Attestation.ExpiryFormat}"));
                    break;
                case AttestationDefect.Expired:
                    context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.ExpiredAttestation, location, $"expired after {attestation.Expires}"));
                    break;
            }
        }
    }

    /// <summary>
    /// Every attribute that binds to [ApprovedBy], however it is spelled: where it is placed (CHK005)
    /// and whether the gate can read it (CHK009).
    /// </summary>
    private static void AnalyzeAttributeList(SyntaxNodeAnalysisContext context)
    {
        var list = (AttributeListSyntax)context.Node;
        var placement = Placement(list);
        foreach (var attribute in list.Attributes)
        {
            // A candidate counts too: an attestation with a wrong argument is still an attempt at one.
            var symbolInfo = context.SemanticModel.GetSymbolInfo(attribute, context.CancellationToken);
            var constructor = symbolInfo.Symbol ?? symbolInfo.CandidateSymbols.FirstOrDefault();
            if (constructor?.ContainingType is not { } type || !CheckpointAttributes.IsCheckpointType(type, CheckpointAttributes.ApprovedByName))
            {
                continue;
            }

            if (placement is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.MisplacedAttestation, attribute.GetLocation(), placement));
            }

            if (AttestationForm.Problem(attribute) is { } problem)
            {
                context.ReportDiagnostic(Diagnostic.Create(RuleDescriptors.UnreadableAttestation, attribute.GetLocation(), problem));
            }
        }
    }

    /// <summary>Where an attestation never counts, in words for CHK005; null for a member or a type.</summary>
    private static string? Placement(AttributeListSyntax list)
    {
        if (list.Target?.Identifier is { } target)
        {
            if (target.IsKind(SyntaxKind.AssemblyKeyword))
            {
                return "the assembly";
            }

            if (target.IsKind(SyntaxKind.ModuleKeyword))
            {
                return "the module";
            }
        }

        return list.Parent switch
        {
            LocalFunctionStatementSyntax => "a local function",
            AnonymousFunctionExpressionSyntax => "a lambda",
            _ => null,
        };
    }
}
