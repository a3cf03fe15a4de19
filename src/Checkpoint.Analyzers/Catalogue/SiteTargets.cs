using System;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// The resource a call names, when it is a constant: a string argument whose parameter names a
/// resource (<c>bucketName</c>, <c>tableName</c>, <c>id</c>, <c>queueUrl</c> ...), or such a property of a
/// request object built in the call (<c>new DeleteTableRequest { TableName = "orders" }</c>).
/// </summary>
internal static class SiteTargets
{
    private static readonly string[] ResourceSuffixes = ["name", "id", "url", "uri", "arn", "key", "path", "bucket", "table", "container", "namespace"];

    public static string? Of(IOperation reference, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Parameter is not { } parameter)
            {
                continue;
            }

            if (parameter.Type.SpecialType == SpecialType.System_String && NamesResource(parameter.Name))
            {
                if (Known(OperationValues.Text(argument.Value, scope)) is { } text)
                {
                    return text;
                }
            }
            else if (parameter.Type.TypeKind == TypeKind.Class && OperationValues.Unwrap(argument.Value) is IObjectCreationOperation { Initializer: { } initializer })
            {
                foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
                {
                    if (assignment.Target is IPropertyReferenceOperation { Property: { Type.SpecialType: SpecialType.System_String } property } && NamesResource(property.Name)
                        && Known(OperationValues.Text(assignment.Value, scope)) is { } text)
                    {
                        return text;
                    }
                }
            }
        }

        return null;
    }

    private static bool NamesResource(string name)
    {
        foreach (var suffix in ResourceSuffixes)
        {
            if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static string? Known(string? text)
        => text is { Length: > 0 } && text.IndexOf(OperationValues.UnknownMark) < 0 ? text : null;
}
