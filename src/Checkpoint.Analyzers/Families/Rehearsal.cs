using System;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// A call that only rehearses an operation deletes nothing, so it needs no attestation, when the
/// analyzer can see that as constants:
/// <list type="bullet">
/// <item>a request object with <c>DryRun = true</c> (AWS EC2 and others), in an initializer passed to
/// the call or on a local assigned before it;</item>
/// <item>a Kubernetes <c>dryRun: "All"</c> argument, or <c>V1DeleteOptions { DryRun = { "All" } }</c>;</item>
/// <item>Pulumi <c>DestroyOptions { PreviewOnly = true }</c>.</item>
/// </list>
/// A flag set anywhere the analyzer cannot follow (a field, a parameter, a later assignment) does
/// not count: the call is reported, since it may well run for real.
/// </summary>
internal static class Rehearsal
{
    private static readonly string[] RehearsalFlags = ["DryRun", "PreviewOnly"];

    public static bool IsRehearsal(IOperation reference)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return false;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (argument.Parameter?.Name == "dryRun" && IsAll(OperationValues.Text(argument.Value, ValueScope.Empty)))
            {
                return true;
            }

            if (argument.Value.Type is not { SpecialType: SpecialType.None } || argument.Value.Type.TypeKind != TypeKind.Class)
            {
                continue;
            }

            foreach (var flag in RehearsalFlags)
            {
                var values = OperationValues.PropertyValues(argument.Value, [flag], [], invocation, ValueScope.Empty);
                if (values.Count > 0 && IsRehearsalValue(values[values.Count - 1].Value, invocation))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary><c>true</c>, or a Kubernetes dry-run list holding <c>"All"</c>.</summary>
    private static bool IsRehearsalValue(IOperation value, IOperation at)
    {
        if (OperationValues.IsTrue(value))
        {
            return true;
        }

        value = OperationValues.Unwrap(value);
        var elements = value switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers,
            IObjectOrCollectionInitializerOperation initializer => initializer.Initializers,
            _ => default,
        };

        if (elements.IsDefault)
        {
            return false;
        }

        foreach (var element in elements)
        {
            var item = element is IInvocationOperation { Arguments.Length: 1 } add ? add.Arguments[0].Value : element;
            if (IsAll(OperationValues.Text(item, ValueScope.Empty)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsAll(string? text) => string.Equals(text, "All", StringComparison.OrdinalIgnoreCase);
}
