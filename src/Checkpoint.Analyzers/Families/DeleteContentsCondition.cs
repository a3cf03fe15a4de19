using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Deleting a Cloud Storage bucket or a BigQuery dataset fails while it holds anything, unless the
/// options say otherwise (<c>DeleteBucketOptions.DeleteObjects</c>,
/// <c>DeleteDatasetOptions.DeleteContents</c>). When they visibly do, the message says so, because
/// that is the call that loses data rather than an empty container.
/// </summary>
internal sealed class DeleteContentsCondition : OperationCondition
{
    private readonly string _property;
    private readonly string _suffix;

    private DeleteContentsCondition(string property, string suffix)
    {
        _property = property;
        _suffix = suffix;
    }

    public static DeleteContentsCondition StorageBucket { get; } = new("DeleteObjects", " and every object in it");

    public static DeleteContentsCondition BigQueryDataset { get; } = new("DeleteContents", " and every table in it");

    public override string Documentation => "always; the message adds \"and every object/table in it\" when `DeleteObjects`/`DeleteContents` is visibly `true`";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        var description = wording.Describe(operation);
        if (reference is IInvocationOperation invocation && OperationValues.Argument(invocation, "options") is { } options)
        {
            var values = OperationValues.PropertyValues(options, [_property], [], invocation, scope);
            if (values.Count > 0 && OperationValues.IsTrue(values[values.Count - 1].Value))
            {
                return new SiteFinding(description + _suffix, target: SiteTargets.Of(reference, scope));
            }
        }

        return new SiteFinding(description, target: SiteTargets.Of(reference, scope));
    }
}
