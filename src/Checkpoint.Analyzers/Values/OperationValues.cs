using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Values;

/// <summary>
/// What the analyzer can know about a value from the code of the compilation: constant text, followed
/// through locals, <c>readonly</c> fields and get-only properties with an initializer, string
/// concatenation, interpolation (and interpolated string handlers), <c>string.Format</c>/<c>Concat</c>/<c>Join</c>,
/// a <c>StringBuilder</c> built in the same member, a source method that returns one expression, and the
/// parameters of a helper bound to a caller's arguments (<see cref="ValueScope"/>); the properties an
/// object was given in its constructor, its initializer (nested ones too) or by assignments earlier in
/// the member. Anything it cannot see is unknown, never guessed.
/// </summary>
internal static class OperationValues
{
    /// <summary>The mark that stands for a part of a text the analyzer cannot see (a private-use character, never in real text).</summary>
    public const char UnknownMark = '\uE000';

    public const string Unknown = "\uE000";

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
                case IInterpolatedStringHandlerCreationOperation handler:
                    operation = handler.Content;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The text of a string expression, with <see cref="UnknownMark"/> for each part that is not known;
    /// null when no part is known.
    /// </summary>
    public static string? Text(IOperation? operation, ValueScope scope)
    {
        if (operation is null || scope.IsTooDeep)
        {
            return null;
        }

        operation = Unwrap(operation);
        if (operation.ConstantValue is { HasValue: true } constant)
        {
            return constant.Value as string;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                var builder = new StringBuilder();
                foreach (var part in interpolated.Parts)
                {
                    builder.Append(part switch
                    {
                        IInterpolatedStringTextOperation text => Text(text.Text, scope),
                        IInterpolationOperation hole => Text(hole.Expression, scope),
                        IInterpolatedStringAppendOperation append => Text(append.AppendCall is IInvocationOperation { Arguments.Length: > 0 } call ? call.Arguments[0].Value : null, scope),
                        _ => null,
                    } ?? Unknown);
                }

                return builder.ToString();
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation:
                var left = Text(concatenation.LeftOperand, scope);
                var right = Text(concatenation.RightOperand, scope);
                return left is null && right is null ? null : (left ?? Unknown) + (right ?? Unknown);
            case ILocalReferenceOperation local:
                return StringBuilderText(local, local, scope)
                       ?? (LastValue(local.Local, operation) is { } value && value != operation ? Text(value, scope) : null);
            case IParameterReferenceOperation parameter:
                return scope.TryGetArgument(parameter.Parameter, out var argument) ? Text(argument, scope.Caller!) : null;
            case IFieldReferenceOperation field:
                return field.Field is { ContainingType.SpecialType: SpecialType.System_String, Name: "Empty" }
                    ? string.Empty
                    : Text(Initializer(field.Field, operation), ValueScope.Empty);
            case IPropertyReferenceOperation property:
                return Text(Initializer(property.Property, operation), ValueScope.Empty);
            case IInvocationOperation invocation:
                return InvocationText(invocation, scope);
            default:
                return null;
        }
    }

    private static string? InvocationText(IInvocationOperation invocation, ValueScope scope)
    {
        var method = invocation.TargetMethod;
        if (method.ContainingType?.SpecialType == SpecialType.System_String && method.IsStatic)
        {
            switch (method.Name)
            {
                case "Format":
                    return Format(invocation, scope);
                case "Concat":
                    var parts = ArgumentValues(invocation).Select(v => Text(v, scope)).ToList();
                    return parts.All(p => p is null) ? null : string.Concat(parts.Select(p => p ?? Unknown));
                case "Join" when invocation.Arguments.Length >= 2:
                    var separator = Text(invocation.Arguments[0].Value, scope) ?? Unknown;
                    var values = ArgumentValues(invocation).Skip(1).Select(v => Text(v, scope)).ToList();
                    return values.All(p => p is null) ? null : string.Join(separator, values.Select(p => p ?? Unknown));
            }
        }

        if (method.Name == "ToString" && invocation.Instance is { } instance && IsStringBuilder(instance.Type))
        {
            return StringBuilderText(Unwrap(instance), invocation, scope);
        }

        // A method of this compilation that returns one expression: read it with its parameters bound.
        return ReturnedExpression(method, invocation) is { } returned
            ? Text(returned, ValueScope.ForCall(invocation, scope))
            : null;
    }

    /// <summary>The arguments of a call, a params array expanded into its elements.</summary>
    private static IEnumerable<IOperation> ArgumentValues(IInvocationOperation invocation)
    {
        foreach (var argument in invocation.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                foreach (var element in initializer.ElementValues)
                {
                    yield return element;
                }
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                yield return argument.Value;
            }
        }
    }

    /// <summary><c>string.Format("DROP TABLE {0}", name)</c>: the format with each hole replaced by what is known of its argument.</summary>
    private static string? Format(IInvocationOperation invocation, ValueScope scope)
    {
        var values = ArgumentValues(invocation).ToList();
        var formatIndex = values.FindIndex(v => v.Type?.SpecialType == SpecialType.System_String || Unwrap(v).ConstantValue.Value is string);
        if (formatIndex < 0 || Text(values[formatIndex], scope) is not { } format)
        {
            return null;
        }

        var arguments = values.Skip(formatIndex + 1).ToList();
        var result = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
            {
                result.Append('{');
                i++;
            }
            else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
            {
                result.Append('}');
                i++;
            }
            else if (c == '{')
            {
                var close = format.IndexOf('}', i);
                if (close < 0)
                {
                    return null;
                }

                var hole = format.Substring(i + 1, close - i - 1);
                var end = hole.IndexOfAny([',', ':']);
                var index = int.TryParse(end < 0 ? hole : hole.Substring(0, end), out var n) ? n : -1;
                result.Append(index >= 0 && index < arguments.Count ? Text(arguments[index], scope) ?? Unknown : Unknown);
                i = close;
            }
            else
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    private static bool IsStringBuilder(ITypeSymbol? type)
        => type is { Name: "StringBuilder", ContainingNamespace: { Name: "Text", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } };

    /// <summary>
    /// The text of a <c>StringBuilder</c>: its constructor's text and every <c>Append</c>,
    /// <c>AppendLine</c> and <c>AppendFormat</c> made on it (directly or in a chain) before <paramref name="at"/>.
    /// </summary>
    private static string? StringBuilderText(IOperation builder, IOperation at, ValueScope scope)
    {
        if (!IsStringBuilder(builder.Type))
        {
            return null;
        }

        var text = new StringBuilder();
        var known = false;
        var start = builder is ILocalReferenceOperation local ? LocalInitializer(local.Local, at) : builder;
        var chain = new List<IInvocationOperation>();
        while (start is not null && Unwrap(start) is IInvocationOperation { Instance: { } inner } appended && IsStringBuilder(appended.TargetMethod.ContainingType))
        {
            chain.Insert(0, appended);
            start = inner;
        }

        if (start is not null && Unwrap(start) is IObjectCreationOperation creation && creation.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String) is { } initial)
        {
            var value = Text(initial.Value, scope);
            known |= value is not null;
            text.Append(value ?? Unknown);
        }

        if (builder is ILocalReferenceOperation builderLocal)
        {
            foreach (var call in Root(at).Descendants().OfType<IInvocationOperation>())
            {
                if (call.Syntax.Span.End <= at.Syntax.SpanStart && IsStringBuilder(call.TargetMethod.ContainingType) && BuilderLocalOf(call) is { } owner
                    && SymbolEqualityComparer.Default.Equals(owner, builderLocal.Local))
                {
                    chain.Add(call);
                }
            }
        }

        foreach (var call in chain.OrderBy(c => c.Syntax.Span.End))
        {
            var value = call.TargetMethod.Name switch
            {
                "Append" => call.Arguments.Length > 0 ? Text(call.Arguments[0].Value, scope) : null,
                "AppendLine" => (call.Arguments.Length > 0 ? Text(call.Arguments[0].Value, scope) : string.Empty) + "\n",
                "AppendFormat" => Format(call, scope),
                _ => null,
            };
            if (call.TargetMethod.Name is "Append" or "AppendLine" or "AppendFormat")
            {
                known |= value is not null;
                text.Append(value ?? Unknown);
            }
        }

        return known ? text.ToString() : null;
    }

    /// <summary>The local a StringBuilder call chain starts from: <c>sb</c> in <c>sb.Append(a).Append(b)</c>.</summary>
    private static ILocalSymbol? BuilderLocalOf(IInvocationOperation call)
    {
        var receiver = call.Instance is null ? null : Unwrap(call.Instance);
        while (receiver is IInvocationOperation { Instance: { } inner } chained && IsStringBuilder(chained.TargetMethod.ContainingType))
        {
            receiver = Unwrap(inner);
        }

        return (receiver as ILocalReferenceOperation)?.Local;
    }

    /// <summary>The expression a source method returns when it is one expression (<c>=&gt; ...</c> or a lone <c>return ...;</c>).</summary>
    private static IOperation? ReturnedExpression(IMethodSymbol method, IOperation at)
    {
        method = method.ReducedFrom ?? method;
        if (method.DeclaringSyntaxReferences.Length != 1 || method.ReturnsVoid)
        {
            return null;
        }

        var syntax = method.DeclaringSyntaxReferences[0].GetSyntax();
        var expression = syntax switch
        {
            MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            MethodDeclarationSyntax { Body.Statements: { Count: 1 } statements } => (statements[0] as ReturnStatementSyntax)?.Expression,
            LocalFunctionStatementSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            LocalFunctionStatementSyntax { Body.Statements: { Count: 1 } statements } => (statements[0] as ReturnStatementSyntax)?.Expression,
            _ => null,
        };
        return expression is null ? null : OperationOf(expression, at);
    }

    /// <summary>
    /// The value a <c>readonly</c> field or a get-only property holds from its initializer (or a
    /// property's expression body), when no constructor can assign another.
    /// </summary>
    public static IOperation? Initializer(ISymbol member, IOperation at)
    {
        ExpressionSyntax? expression = null;
        switch (member)
        {
            case IFieldSymbol { IsReadOnly: true } field when field.DeclaringSyntaxReferences.Length == 1:
                expression = (field.DeclaringSyntaxReferences[0].GetSyntax() as VariableDeclaratorSyntax)?.Initializer?.Value;
                break;
            case IPropertySymbol { SetMethod: null } property when property.DeclaringSyntaxReferences.Length == 1:
                var declaration = property.DeclaringSyntaxReferences[0].GetSyntax() as PropertyDeclarationSyntax;
                expression = declaration?.ExpressionBody?.Expression ?? declaration?.Initializer?.Value;
                if (declaration?.AccessorList is { } accessors && accessors.Accessors.Any(a => a.Body is not null || a.ExpressionBody is not null))
                {
                    expression = null;
                }

                break;
        }

        if (expression is null || AssignedInConstructor(member))
        {
            return null;
        }

        return OperationOf(expression, at);
    }

    private static bool AssignedInConstructor(ISymbol member)
    {
        foreach (var constructor in member.ContainingType.InstanceConstructors.Concat(member.ContainingType.StaticConstructors))
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                foreach (var assignment in reference.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
                {
                    var target = assignment.Left switch
                    {
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
                        _ => null,
                    };
                    if (target == member.Name)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    /// <summary>The operation of an expression anywhere in the compilation: the site's own semantic model when it is in the same file.</summary>
    public static IOperation? OperationOf(SyntaxNode syntax, IOperation at)
    {
        var model = at.SemanticModel;
        if (model is null)
        {
            return null;
        }

        if (model.SyntaxTree != syntax.SyntaxTree)
        {
            if (!model.Compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                return null;
            }

            // Only for the rare value that lives in another file (a readonly field, a helper's body),
            // once per such value at a site that is already a candidate operation.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            model = model.Compilation.GetSemanticModel(syntax.SyntaxTree);
#pragma warning restore RS1030
        }

        return model.GetOperation(syntax);
    }

    /// <summary>
    /// The operation of an expression within the operation tree of the member that contains it, so that
    /// its locals can be followed to their declarations.
    /// </summary>
    public static IOperation? OperationInMember(SyntaxNode syntax, IOperation at)
    {
        var owner = syntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or EqualsValueClauseSyntax or ArrowExpressionClauseSyntax) ?? syntax;
        var root = OperationOf(owner, at);
        if (root is null)
        {
            return OperationOf(syntax, at);
        }

        foreach (var operation in root.DescendantsAndSelf())
        {
            if (operation.Syntax.Span == syntax.Span && operation.Syntax.RawKind == syntax.RawKind)
            {
                return operation;
            }
        }

        return OperationOf(syntax, at);
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

    /// <summary>The receiver of a call: its instance, or the first argument of an extension method.</summary>
    public static IOperation? Receiver(IInvocationOperation invocation)
        => invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

    /// <summary>
    /// The values given to the property at <paramref name="path"/> (<c>["StartInfo", "FileName"]</c>)
    /// of the object <paramref name="operation"/> evaluates to, in source order: constructor arguments
    /// named one of <paramref name="constructorParameters"/> (for a one-step path), object initializers
    /// (nested ones too), and assignments to the same local, parameter or field before
    /// <paramref name="at"/>. The last one is the value in force.
    /// </summary>
    public static List<ScopedValue> PropertyValues(IOperation operation, string[] path, string[] constructorParameters, IOperation at, ValueScope scope)
    {
        var values = new List<ScopedValue>();
        if (scope.IsTooDeep)
        {
            return values;
        }

        operation = Unwrap(operation);
        ISymbol? variable = null;
        switch (operation)
        {
            case ILocalReferenceOperation localReference:
                variable = localReference.Local;
                if (LocalInitializer(localReference.Local, at) is { } initializer)
                {
                    values.AddRange(PropertyValues(initializer, path, constructorParameters, initializer, scope));
                }

                break;
            case IParameterReferenceOperation parameterReference:
                variable = parameterReference.Parameter;
                if (scope.TryGetArgument(parameterReference.Parameter, out var argument))
                {
                    values.AddRange(PropertyValues(argument, path, constructorParameters, argument, scope.Caller!));
                }

                break;
            case IFieldReferenceOperation or IPropertyReferenceOperation:
                var member = operation is IFieldReferenceOperation f ? (ISymbol)f.Field : ((IPropertyReferenceOperation)operation).Property;
                variable = member;
                if (MemberInitializer(member) is { } memberInitializer && OperationOf(memberInitializer, at) is { } memberValue)
                {
                    values.AddRange(PropertyValues(memberValue, path, constructorParameters, memberValue, ValueScope.Empty));
                }

                break;
            case IObjectCreationOperation creation:
                if (path.Length == 1)
                {
                    foreach (var creationArgument in creation.Arguments)
                    {
                        if (creationArgument.Parameter is { } parameter && creationArgument.ArgumentKind != ArgumentKind.DefaultValue &&
                            Array.IndexOf(constructorParameters, parameter.Name) >= 0)
                        {
                            values.Add(new ScopedValue(creationArgument.Value, scope));
                        }
                    }
                }

                if (creation.Initializer is { } objectInitializer)
                {
                    values.AddRange(InitializerValues(objectInitializer, path, scope));
                }

                break;
            case IObjectOrCollectionInitializerOperation nested:
                values.AddRange(InitializerValues(nested, path, scope));
                break;
            case IInvocationOperation invocation when ReturnedExpression(invocation.TargetMethod, invocation) is { } returned:
                values.AddRange(PropertyValues(returned, path, constructorParameters, returned, ValueScope.ForCall(invocation, scope)));
                break;
        }

        if (variable is not null)
        {
            foreach (var assignment in AssignmentsBefore(at))
            {
                if (MatchesPath(assignment.Target, variable, path))
                {
                    values.Add(new ScopedValue(assignment.Value, scope));
                }
            }
        }

        return values;
    }

    /// <summary>The initializer a field or an auto-property is declared with, whatever else assigns it.</summary>
    private static ExpressionSyntax? MemberInitializer(ISymbol member)
    {
        if (member.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var declaration = member.DeclaringSyntaxReferences[0].GetSyntax();
        return (declaration as VariableDeclaratorSyntax)?.Initializer?.Value ?? (declaration as PropertyDeclarationSyntax)?.Initializer?.Value;
    }

    private static IEnumerable<ScopedValue> InitializerValues(IObjectOrCollectionInitializerOperation initializer, string[] path, ValueScope scope)
    {
        foreach (var member in initializer.Initializers)
        {
            if (member is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment && property.Property.Name == path[0])
            {
                if (path.Length == 1)
                {
                    yield return new ScopedValue(assignment.Value, scope);
                }
                else
                {
                    foreach (var inner in PropertyValues(assignment.Value, [.. path.Skip(1)], [], assignment.Value, scope))
                    {
                        yield return inner;
                    }
                }
            }
            else if (member is IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation nestedProperty } memberInitializer && nestedProperty.Property.Name == path[0])
            {
                if (path.Length == 1)
                {
                    yield return new ScopedValue(memberInitializer.Initializer, scope);
                }
                else
                {
                    foreach (var inner in InitializerValues(memberInitializer.Initializer, [.. path.Skip(1)], scope))
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>Whether an assignment's target is <c>variable.P0.P1...</c> for the path.</summary>
    private static bool MatchesPath(IOperation target, ISymbol variable, string[] path)
    {
        var current = target;
        for (var i = path.Length - 1; i >= 0; i--)
        {
            if (current is not IPropertyReferenceOperation { Instance: { } instance } property || property.Property.Name != path[i])
            {
                return false;
            }

            current = Unwrap(instance);
        }

        return SymbolEqualityComparer.Default.Equals(VariableOf(current), variable);
    }

    public static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        IFieldReferenceOperation field => field.Field,
        IPropertyReferenceOperation { Property.IsIndexer: false } property => property.Property,
        _ => null,
    };

    /// <summary>
    /// The known elements of a collection of strings: an array, a collection expression, a collection
    /// initializer, a local (its initializer and <c>Add</c>/<c>AddRange</c> calls before <paramref name="at"/>),
    /// a bound parameter or a readonly field; <see cref="Unknown"/> for each element not known.
    /// </summary>
    public static List<string> Elements(IOperation collection, IOperation at, ValueScope scope)
    {
        var result = new List<string>();
        if (scope.IsTooDeep)
        {
            return result;
        }

        collection = Unwrap(collection);
        switch (collection)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                result.AddRange(initializer.ElementValues.Select(e => Text(e, scope) ?? Unknown));
                break;
            case IObjectCreationOperation { Initializer: { } initializer }:
                result.AddRange(AddedElements(initializer.Initializers, scope));
                break;
            case IObjectOrCollectionInitializerOperation initializer:
                result.AddRange(AddedElements(initializer.Initializers, scope));
                break;
            case ILocalReferenceOperation local:
                if (LocalInitializer(local.Local, at) is { } localValue)
                {
                    result.AddRange(Elements(localValue, localValue, scope));
                }

                foreach (var call in Root(at).Descendants().OfType<IInvocationOperation>().OrderBy(c => c.Syntax.SpanStart))
                {
                    if (call.Syntax.SpanStart < at.Syntax.SpanStart && call.TargetMethod.Name is "Add" or "AddRange" &&
                        call.Instance is { } owner && Unwrap(owner) is ILocalReferenceOperation ownerLocal &&
                        SymbolEqualityComparer.Default.Equals(ownerLocal.Local, local.Local) && call.Arguments.Length > 0)
                    {
                        var value = call.Arguments[0].Value;
                        if (call.TargetMethod.Name == "Add")
                        {
                            result.Add(Text(value, scope) ?? Unknown);
                        }
                        else
                        {
                            result.AddRange(Elements(value, call, scope));
                        }
                    }
                }

                break;
            case IParameterReferenceOperation parameter when scope.TryGetArgument(parameter.Parameter, out var argument):
                result.AddRange(Elements(argument, argument, scope.Caller!));
                break;
            case IFieldReferenceOperation field when Initializer(field.Field, collection) is { } fieldValue:
                result.AddRange(Elements(fieldValue, fieldValue, ValueScope.Empty));
                break;
            default:
                if (collection.Syntax is CollectionExpressionSyntax expression)
                {
                    foreach (var element in expression.Elements)
                    {
                        result.Add(element is ExpressionElementSyntax { Expression: var value } && collection.SemanticModel?.GetOperation(value) is { } elementValue
                            ? Text(elementValue, scope) ?? Unknown
                            : Unknown);
                    }
                }
                else if (Text(collection, scope) is { } single)
                {
                    result.Add(single);
                }

                break;
        }

        return result;
    }

    private static IEnumerable<string> AddedElements(IEnumerable<IOperation> initializers, ValueScope scope)
    {
        foreach (var initializer in initializers)
        {
            if (initializer is IInvocationOperation add)
            {
                foreach (var argument in add.Arguments)
                {
                    yield return Text(argument.Value, scope) ?? Unknown;
                }
            }
        }
    }

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

    public static IOperation? LocalInitializer(ILocalSymbol local, IOperation at)
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
    public static IEnumerable<ISimpleAssignmentOperation> AssignmentsBefore(IOperation at)
    {
        var position = at.Syntax.SpanStart;
        return Root(at).Descendants()
            .OfType<ISimpleAssignmentOperation>()
            .Where(assignment => assignment.Syntax.SpanStart < position && assignment.Parent is not IObjectOrCollectionInitializerOperation)
            .OrderBy(assignment => assignment.Syntax.SpanStart);
    }

    public static IOperation Root(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }
}
