using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Calls on a test double, which never reach a real service:
/// <list type="bullet">
/// <item>any call whose receiver is visibly a test double: created by NSubstitute's <c>Substitute.For</c>,
/// Moq's <c>Mock.Of</c> or <c>mock.Object</c>, or FakeItEasy's <c>A.Fake</c>, directly, through a local, a
/// field or property (initialised, or assigned anywhere in its type: a constructor, a fixture's set-up),
/// or a parameter of a private method or local function that every call in its type passes a double;</item>
/// <item>NSubstitute checks, <c>sub.Received().DeleteBucketAsync(...)</c> and <c>DidNotReceive()</c>;</item>
/// <item>calls inside the lambda of NSubstitute's <c>When</c>/<c>WhenForAnyArgs</c>/<c>Received.InOrder</c>.</item>
/// </list>
/// Moq's <c>Setup</c>/<c>Verify</c> and FakeItEasy's <c>A.CallTo</c> take expression trees, which the
/// engine never reports in the first place. A callback (<c>Do</c>, <c>Callback</c>, <c>Invokes</c>) is
/// real code and is analysed like any other. NSubstitute's <c>ForPartsOf</c> runs the real members, so
/// it is not a double here.
/// </summary>
/// <remarks>
/// Decided once per compilation: a project that references no mocking library has no test double, and
/// pays nothing here. Whether a field, property or parameter holds only doubles is read once per symbol.
/// </remarks>
internal sealed class TestDoubleUsage
{
    private const int MaximumDepth = 3;
    private static readonly string[] MockingNamespaces = ["NSubstitute", "Moq", "FakeItEasy"];
    private static readonly string[] ConfiguringLambdaMethods = ["When", "WhenForAnyArgs", "InOrder"];

    private readonly ConcurrentDictionary<ISymbol, bool> _holdsOnlyDoubles = new(SymbolEqualityComparer.Default);

    private TestDoubleUsage()
    {
    }

    /// <summary>Null when the compilation references no mocking library, so nothing can be a test double.</summary>
    public static TestDoubleUsage? Create(Compilation compilation)
    {
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            if (Array.IndexOf(MockingNamespaces, reference.Name) >= 0)
            {
                return new TestDoubleUsage();
            }
        }

        return null;
    }

    public bool IsTestDoubleUsage(IOperation reference)
    {
        var receiver = reference switch
        {
            IInvocationOperation invocation => OperationValues.Receiver(invocation),
            IDynamicInvocationOperation { Operation: IDynamicMemberReferenceOperation { Instance: { } instance } } => instance,
            _ => null,
        };
        if (receiver is not null && OperationValues.Unwrap(receiver) is IInvocationOperation check && IsMockingApi(check.TargetMethod) && check.TargetMethod.Name is "Received" or "DidNotReceive" or "ReceivedWithAnyArgs" or "DidNotReceiveWithAnyArgs")
        {
            // sub.Received().DeleteBucketAsync(...)
            return true;
        }

        if (receiver is not null && IsTestDouble(receiver, reference, 0))
        {
            return true;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation { Parent: IInvocationOperation consumer, Value: IDelegateCreationOperation }
                    when IsMockingApi(consumer.TargetMethod):
                    return Array.IndexOf(ConfiguringLambdaMethods, consumer.TargetMethod.Name) >= 0;
                case IMethodBodyBaseOperation:
                case ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    /// <summary>The value is a test double, in plain sight.</summary>
    private bool IsTestDouble(IOperation value, IOperation at, int depth)
    {
        if (depth > MaximumDepth)
        {
            return false;
        }

        value = OperationValues.Unwrap(value);
        switch (value)
        {
            case IInvocationOperation creation:
                return IsMockingApi(creation.TargetMethod) && creation.TargetMethod.Name is not ("ForPartsOf" or "Received" or "DidNotReceive");
            case IPropertyReferenceOperation { Property.Name: "Object", Instance: { } mock } when IsMockingType(mock.Type):
                return true;
            case ILocalReferenceOperation local:
                var last = OperationValues.LastValue(local.Local, at);
                return last is not null && last != value && IsTestDouble(last, last, depth + 1);
            case IFieldReferenceOperation field:
                return HoldsOnlyDoubles(field.Field, () => AssignedOnlyDoubles(field.Field, at, depth));
            case IPropertyReferenceOperation property:
                return HoldsOnlyDoubles(property.Property, () => AssignedOnlyDoubles(property.Property, at, depth));
            case IParameterReferenceOperation parameter:
                return HoldsOnlyDoubles(parameter.Parameter, () => PassedOnlyDoubles(parameter.Parameter, at, depth));
            default:
                return false;
        }
    }

    private bool HoldsOnlyDoubles(ISymbol symbol, Func<bool> decide)
    {
        if (_holdsOnlyDoubles.TryGetValue(symbol, out var known))
        {
            return known;
        }

        // Recursion through the same symbol (a field assigned from itself) answers no.
        _holdsOnlyDoubles.TryAdd(symbol, false);
        var answer = decide();
        _holdsOnlyDoubles[symbol] = answer;
        return answer;
    }

    /// <summary>A field or property whose initializer, and every assignment in its type, is a double.</summary>
    private bool AssignedOnlyDoubles(ISymbol member, IOperation at, int depth)
    {
        var values = new List<ExpressionSyntax>();
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } fieldInitializer })
            {
                values.Add(fieldInitializer);
            }
            else if (reference.GetSyntax() is PropertyDeclarationSyntax { Initializer.Value: { } propertyInitializer })
            {
                values.Add(propertyInitializer);
            }
        }

        foreach (var type in member.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var assignment in type.GetSyntax().DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                var name = assignment.Left switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax } access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name == member.Name)
                {
                    values.Add(assignment.Right);
                }
            }
        }

        // A placeholder (null!, default!) until a set-up assigns the double holds no client.
        var assigned = values.Where(v => !IsPlaceholder(v)).Select(v => OperationValues.OperationInMember(v, at)).ToList();
        return assigned.Count > 0 && assigned.All(o => o is not null && IsTestDouble(o, o, depth + 1));
    }

    private static bool IsPlaceholder(ExpressionSyntax value)
    {
        while (value is PostfixUnaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            value = suppressed.Operand;
        }

        return value is LiteralExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.NullLiteralExpression or (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.DefaultLiteralExpression } or DefaultExpressionSyntax;
    }

    /// <summary>A parameter of a private method or local function that every call in its type passes a double.</summary>
    private bool PassedOnlyDoubles(IParameterSymbol parameter, IOperation at, int depth)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method
            || !(method.MethodKind == MethodKind.LocalFunction || method.DeclaredAccessibility == Accessibility.Private)
            || method.ContainingType is null)
        {
            return false;
        }

        var calls = 0;
        foreach (var type in method.ContainingType.DeclaringSyntaxReferences)
        {
            foreach (var invocation in type.GetSyntax().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                var name = invocation.Expression switch
                {
                    IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                    MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                    _ => null,
                };
                if (name != method.Name || OperationValues.OperationInMember(invocation, at) is not IInvocationOperation call
                    || !SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                {
                    continue;
                }

                var argument = call.Arguments.FirstOrDefault(a => a.Parameter?.Ordinal == parameter.Ordinal);
                if (argument is null || !IsTestDouble(argument.Value, call, depth + 1))
                {
                    return false;
                }

                calls++;
            }
        }

        return calls > 0;
    }

    private static bool IsMockingType(ITypeSymbol? type)
        => type?.ContainingNamespace?.ToDisplayString() is { } namespaceName && MockingNamespaces.Any(mocking => namespaceName == mocking || namespaceName.StartsWith(mocking + ".", StringComparison.Ordinal));

    private static bool IsMockingApi(IMethodSymbol method)
    {
        var namespaceName = method.ContainingNamespace?.ToDisplayString();
        return namespaceName is not null &&
               MockingNamespaces.Any(mocking => namespaceName == mocking || namespaceName.StartsWith(mocking + ".", StringComparison.Ordinal));
    }
}
