using System;
using System.Linq;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Calls made on a test double to configure or check it, which never reach a real service:
/// <list type="bullet">
/// <item>NSubstitute checks, <c>sub.Received().DeleteBucketAsync(...)</c> and <c>DidNotReceive()</c>
/// (<c>Received()</c> throws on anything but a substitute before the call runs);</item>
/// <item>NSubstitute set-ups, <c>sub.DeleteBucketAsync(...).Returns(...)</c>, when <c>sub</c> is
/// visibly a substitute (created by <c>Substitute.For</c> in its local's or field's initializer):
/// on a real client the call would run before <c>Returns</c> could complain;</item>
/// <item>calls inside the lambda of NSubstitute's <c>When</c>/<c>WhenForAnyArgs</c>/<c>Received.InOrder</c>.</item>
/// </list>
/// Moq's <c>Setup</c>/<c>Verify</c> and FakeItEasy's <c>A.CallTo</c> take expression trees, which the
/// engine never reports in the first place. A callback (<c>Do</c>, <c>Callback</c>, <c>Invokes</c>) is
/// real code and is analysed like any other.
/// </summary>
internal static class TestDoubleUsage
{
    private static readonly string[] MockingNamespaces = ["NSubstitute", "Moq", "FakeItEasy"];
    private static readonly string[] ConfiguringLambdaMethods = ["When", "WhenForAnyArgs", "InOrder"];

    public static bool IsTestDoubleUsage(IOperation reference)
    {
        if (reference is IInvocationOperation { Instance: { } instance } &&
            OperationValues.Unwrap(instance) is IInvocationOperation receiver &&
            IsMockingApi(receiver.TargetMethod))
        {
            // sub.Received().DeleteBucketAsync(...), A.Fake<T>().Delete(...)
            return true;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation { Parent: IInvocationOperation consumer } argument
                    when IsMockingApi(consumer.TargetMethod) && argument.Value is not IDelegateCreationOperation:
                    // sub.DeleteBucketAsync(...).Returns(...): only a visible substitute's call is a set-up.
                    return reference is IInvocationOperation { Instance: { } configured } && IsSubstitute(configured, reference);
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

    /// <summary>The instance was created by a mocking library, in plain sight.</summary>
    private static bool IsSubstitute(IOperation instance, IOperation at)
    {
        instance = OperationValues.Unwrap(instance);
        switch (instance)
        {
            case IInvocationOperation creation:
                return IsMockingApi(creation.TargetMethod);
            case ILocalReferenceOperation local:
                var value = OperationValues.LastValue(local.Local, at);
                return value is not null && value != instance && OperationValues.Unwrap(value) is IInvocationOperation localCreation && IsMockingApi(localCreation.TargetMethod);
            case IFieldReferenceOperation field:
                return IsCreatedByMockingApi(field.Field, at.SemanticModel);
            default:
                return false;
        }
    }

    /// <summary>A field initialised with <c>Substitute.For&lt;T&gt;()</c> in the same file (other files are not read).</summary>
    private static bool IsCreatedByMockingApi(IFieldSymbol field, SemanticModel? model)
    {
        if (model is null)
        {
            return false;
        }

        foreach (var reference in field.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == model.SyntaxTree &&
                reference.GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initializer } &&
                model.GetSymbolInfo(initializer).Symbol is IMethodSymbol method &&
                IsMockingApi(method))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsMockingApi(IMethodSymbol method)
    {
        var namespaceName = method.ContainingNamespace?.ToDisplayString();
        return namespaceName is not null &&
               MockingNamespaces.Any(mocking => namespaceName == mocking || namespaceName.StartsWith(mocking + ".", StringComparison.Ordinal));
    }
}
