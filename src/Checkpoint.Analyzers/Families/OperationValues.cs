using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// What the analyzer can know about a value from the code around it: constant text, and the
/// properties an object was given in its initializer or by assignments to its local earlier in
/// the same member. Anything it cannot see is unknown, never guessed.
/// </summary>
internal static class OperationValues
{
    /// <summary>The mark that stands for a part of a text the analyzer cannot see.</summary>
    public const string Unknown = "?";

    /// <summary>Conversions, parentheses and <c>!</c> say nothing about the value.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The text of a string expression, with <see cref="Unknown"/> for each part that is not a
    /// constant (interpolation holes, variables in a concatenation); null when no part is constant.
    /// A local's value is followed to its initializer or its last assignment before <paramref name="at"/>.
    /// </summary>
    public static string? Text(IOperation? operation, IOperation at)
    {
        if (operation is null)
        {
            return null;
        }

        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true, Value: string constant })
        {
            return constant;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    builder.Append(part is IInterpolatedStringTextOperation text ? Text(text.Text, at) ?? Unknown : Unknown);
                }

                return builder.ToString();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                var left = Text(concatenation.LeftOperand, at);
                var right = Text(concatenation.RightOperand, at);
                return left is null && right is null ? null : (left ?? Unknown) + (right ?? Unknown);
            case ILocalReferenceOperation local when LastValue(local.Local, at) is { } value && value != operation:
                return Text(value, at);
            default:
                return null;
        }
    }

    /// <summary>True when the operation is the constant <see langword="true"/>.</summary>
    public static bool IsTrue(IOperation? operation)
        => operation is not null && Unwrap(operation).ConstantValue is { HasValue: true, Value: true };

    /// <summary>True when the operation is the constant <see langword="false"/>.</summary>
    public static bool IsFalse(IOperation? operation)
        => operation is not null && Unwrap(operation).ConstantValue is { HasValue: true, Value: false };

    /// <summary>The argument given for the parameter named <paramref name="parameterName"/>, if written.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string parameterName)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.Parameter?.Name == parameterName && argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                return argument.Value;
            }
        }

        return null;
    }

    /// <summary>
    /// The values given to <paramref name="propertyName"/> of the object that <paramref name="operation"/>
    /// evaluates to, in source order: constructor arguments named one of <paramref name="constructorParameters"/>,
    /// object initializer assignments, and assignments to the same local or parameter before <paramref name="at"/>.
    /// The last one is the value in force.
    /// </summary>
    public static List<IOperation> PropertyValues(IOperation operation, string propertyName, string[] constructorParameters, IOperation at)
    {
        var values = new List<IOperation>();
        operation = Unwrap(operation);
        // A parameter has no initializer to read, but "cmd.CommandText = ...; cmd.ExecuteNonQuery();" on
        // a command passed in is as visible as on a local one.
        ISymbol? variable = null;
        if (operation is ILocalReferenceOperation localReference)
        {
            variable = localReference.Local;
            operation = LocalInitializer(localReference.Local, at) ?? operation;
            operation = Unwrap(operation);
        }
        else if (operation is IParameterReferenceOperation parameterReference)
        {
            variable = parameterReference.Parameter;
        }

        if (operation is IObjectCreationOperation creation)
        {
            foreach (var argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter && argument.ArgumentKind != ArgumentKind.DefaultValue &&
                    System.Array.IndexOf(constructorParameters, parameter.Name) >= 0)
                {
                    values.Add(argument.Value);
                }
            }

            if (creation.Initializer is { } initializer)
            {
                foreach (var member in initializer.Initializers)
                {
                    if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment &&
                        property.Property.Name == propertyName)
                    {
                        values.Add(assignment.Value);
                    }
                    else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nested } memberInitializer &&
                             nested.Property.Name == propertyName)
                    {
                        values.Add(memberInitializer.Initializer);
                    }
                }
            }
        }

        if (variable is not null)
        {
            foreach (var assignment in AssignmentsBefore(at))
            {
                if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance } property &&
                    property.Property.Name == propertyName &&
                    SymbolEqualityComparer.Default.Equals(VariableOf(Unwrap(instance)), variable))
                {
                    values.Add(assignment.Value);
                }
            }
        }

        return values;
    }

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>The value a local holds at <paramref name="at"/>: its last assignment before it, or its initializer.</summary>
    public static IOperation? LastValue(ILocalSymbol local, IOperation at)
    {
        var value = LocalInitializer(local, at);
        foreach (var assignment in AssignmentsBefore(at))
        {
            if (assignment.Target is ILocalReferenceOperation target && SymbolEqualityComparer.Default.Equals(target.Local, local))
            {
                value = assignment.Value;
            }
        }

        return value;
    }

    private static IOperation? LocalInitializer(ILocalSymbol local, IOperation at)
    {
        foreach (var declarator in Root(at).Descendants().OfType<IVariableDeclaratorOperation>())
        {
            if (SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
            {
                return declarator.Initializer?.Value ?? (declarator.Parent as IVariableDeclarationOperation)?.Initializer?.Value;
            }
        }

        return null;
    }

    /// <summary>Simple assignments in the same member that come before <paramref name="at"/> in the source.</summary>
    private static IEnumerable<ISimpleAssignmentOperation> AssignmentsBefore(IOperation at)
    {
        var position = at.Syntax.SpanStart;
        return Root(at).Descendants()
            .OfType<ISimpleAssignmentOperation>()
            .Where(assignment => assignment.Syntax.SpanStart < position && assignment.Parent is not IObjectOrCollectionInitializerOperation)
            .OrderBy(assignment => assignment.Syntax.SpanStart);
    }

    private static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
