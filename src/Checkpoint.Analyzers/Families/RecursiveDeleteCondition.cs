using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// <c>Directory.Delete(path, recursive)</c> and <c>DirectoryInfo.Delete(recursive)</c> empty a
/// whole tree unless <c>recursive</c> is the constant <see langword="false"/>; the one-argument
/// forms refuse a non-empty directory and are harmless. A <c>recursive</c> flag the analyzer cannot
/// see is treated as true: the call can remove the tree, so it needs the attestation.
/// </summary>
internal sealed class RecursiveDeleteCondition : OperationCondition
{
    public static RecursiveDeleteCondition Instance { get; } = new();

    public override string Documentation => "only when `recursive` is not the constant `false`";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            // A method group of the recursive overload can be called with true.
            return operation is IMethodSymbol { Parameters.Length: > 0 } method && method.Parameters[method.Parameters.Length - 1].Name == "recursive"
                ? new SiteFinding("deletes a directory and everything in it")
                : null;
        }

        var recursive = OperationValues.Argument(invocation, "recursive");
        return recursive is null || OperationValues.IsFalse(recursive)
            ? null
            : new SiteFinding("deletes a directory and everything in it", target: OperationValues.Text(OperationValues.Argument(invocation, "path"), scope) is { } path && path.IndexOf(OperationValues.UnknownMark) < 0 ? path : null);
    }
}
