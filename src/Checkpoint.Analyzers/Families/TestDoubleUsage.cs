using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Calls made on a test double to configure or check it, which never reach a real service:
/// NSubstitute <c>sub.Received().DeleteBucketAsync(...)</c> and <c>DidNotReceive()</c>,
/// <c>sub.DeleteBucketAsync(...).Returns(...)</c>, and any call inside a lambda handed to
/// NSubstitute, Moq or FakeItEasy (<c>sub.When(x =&gt; x.DeleteBucket("b")).Do(...)</c>). Moq's
/// <c>Setup</c>/<c>Verify</c> and FakeItEasy's <c>A.CallTo</c> take expression trees, which the
/// engine never reports in the first place.
/// </summary>
internal static class TestDoubleUsage
{
    private static readonly string[] MockingNamespaces = ["NSubstitute", "Moq", "FakeItEasy"];

    public static bool IsTestDoubleUsage(IOperation reference)
    {
        if (reference is IInvocationOperation { Instance: { } instance } &&
            OperationValues.Unwrap(instance) is IInvocationOperation receiver &&
            IsMockingApi(receiver.TargetMethod))
        {
            // sub.Received().DeleteBucketAsync(...)
            return true;
        }

        for (var current = reference.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IArgumentOperation { Parent: IInvocationOperation consumer } when IsMockingApi(consumer.TargetMethod):
                    // sub.DeleteBucketAsync(...).Returns(...), or a lambda handed to When/Do/Callback.
                    return true;
                case IInvocationOperation { Instance: { } configured } configuring
                    when IsMockingApi(configuring.TargetMethod) && Contains(configured, reference):
                    return true;
                case IMethodBodyBaseOperation:
                case ILocalFunctionOperation:
                    return false;
            }
        }

        return false;
    }

    private static bool Contains(IOperation outer, IOperation inner)
        => outer.Syntax.SyntaxTree == inner.Syntax.SyntaxTree && outer.Syntax.Span.Contains(inner.Syntax.Span);

    private static bool IsMockingApi(IMethodSymbol method)
    {
        var namespaceName = method.ContainingNamespace?.ToDisplayString();
        if (namespaceName is null)
        {
            return false;
        }

        foreach (var mocking in MockingNamespaces)
        {
            if (namespaceName == mocking || namespaceName.StartsWith(mocking + ".", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
