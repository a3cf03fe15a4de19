using System.Collections.Generic;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Helpers;

/// <summary>
/// A call to a helper is an operation when one of the helper's calls to a sink, read again with the
/// helper's parameters bound to this call's arguments, is one. A sink that is an operation whatever
/// the arguments is reported inside the helper instead, so the call is not reported twice.
/// </summary>
internal sealed class HelperCondition(string helper, IReadOnlyList<(IInvocationOperation Call, OperationClassification Classification)> sinks) : OperationCondition
{
    public override string Documentation => "when the helper's call, read with this call's arguments, is an operation";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation call || scope.IsTooDeep)
        {
            return null;
        }

        var helperScope = ValueScope.ForCall(call, scope);
        foreach (var (sink, classification) in sinks)
        {
            if (classification.FindAt(sink, ValueScope.Empty) is not null)
            {
                continue;
            }

            if (classification.FindAt(sink, helperScope) is { } finding)
            {
                return new SiteFinding(finding.Description + " through " + helper, finding.Tier ?? classification.Tier, finding.Target);
            }
        }

        return null;
    }
}
