using System;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// A batch or transaction call that deletes when the member calling it builds a delete request:
/// DynamoDB <c>BatchWriteItem</c> with a <c>DeleteRequest</c>, <c>TransactWriteItems</c> with a
/// <c>Delete</c>, MongoDB <c>BulkWrite</c> with a <c>DeleteOneModel</c>/<c>DeleteManyModel</c>, Azure
/// Tables <c>SubmitTransaction</c> with a <c>TableTransactionAction</c> of type <c>Delete</c>. A request
/// built in another member is not seen.
/// </summary>
internal sealed class CreatedInMemberCondition(string description, string[] typeNames, Func<IObjectCreationOperation, bool>? isDelete = null) : OperationCondition
{
    public static CreatedInMemberCondition DynamoDbBatch { get; } = new("deletes DynamoDB items in a batch", ["Amazon.DynamoDBv2.Model.DeleteRequest"]);

    public static CreatedInMemberCondition DynamoDbTransaction { get; } = new("deletes DynamoDB items in a transaction", ["Amazon.DynamoDBv2.Model.Delete"]);

    public static CreatedInMemberCondition MongoBulkWrite { get; } = new(
        "deletes MongoDB documents in a bulk write",
        ["MongoDB.Driver.DeleteOneModel`1", "MongoDB.Driver.DeleteManyModel`1", "MongoDB.Driver.BulkWriteDeleteOneModel`1", "MongoDB.Driver.BulkWriteDeleteManyModel`1"]);

    public static CreatedInMemberCondition TablesTransaction { get; } = new(
        "deletes Azure Table Storage entities in a transaction",
        ["Azure.Data.Tables.TableTransactionAction"],
        creation => creation.Arguments.Any(a => OperationValues.Unwrap(a.Value) is IFieldReferenceOperation { Field.Name: "Delete", Field.ContainingType.Name: "TableTransactionActionType" }));

    public override string Documentation => "only when the calling member builds a " + string.Join(" or ", typeNames.Select(n => "`" + Short(n) + "`")) + (isDelete is null ? string.Empty : " of a delete");

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        foreach (var creation in OperationValues.Root(reference).Descendants().OfType<IObjectCreationOperation>())
        {
            if (creation.Type is INamedTypeSymbol type && Matches(type) && (isDelete is null || isDelete(creation)))
            {
                return new SiteFinding(description);
            }
        }

        return null;
    }

    private bool Matches(INamedTypeSymbol type)
    {
        var definition = type.OriginalDefinition;
        var name = definition.ContainingNamespace?.ToDisplayString() + "." + definition.MetadataName;
        return Array.IndexOf(typeNames, name) >= 0;
    }

    private static string Short(string metadataName)
    {
        var name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
        var tick = name.IndexOf('`');
        return tick < 0 ? name : name.Substring(0, tick);
    }
}
