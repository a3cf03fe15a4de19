using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// EF Core migrations drop tables, columns and schemas in <c>Up</c> when a model loses them: that loses
/// data. Every generated migration's <c>Down</c> also drops what its <c>Up</c> created; undoing one's own
/// creation loses nothing that existed before the migration, so a drop in <c>Down</c> of a name that the
/// same migration's <c>Up</c> creates (<c>CreateTable</c>, <c>AddColumn</c>, <c>EnsureSchema</c>) is not reported.
/// </summary>
internal sealed class MigrationCondition(string creation, string description) : OperationCondition
{
    public static MigrationCondition Table { get; } = new("CreateTable", "drops a table in a migration");

    public static MigrationCondition Column { get; } = new("AddColumn", "drops a column in a migration");

    public static MigrationCondition Schema { get; } = new("EnsureSchema", "drops a schema in a migration");

    public override string Documentation => "except in a migration's `Down` that undoes the `" + creation + "` of the same name in its `Up`";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        var name = OperationValues.Text(OperationValues.Argument(invocation, "name"), scope);
        var table = OperationValues.Text(OperationValues.Argument(invocation, "table"), scope);
        var finding = new SiteFinding(description, target: table is null ? name : table + "." + name);
        if (name is null || invocation.Syntax.FirstAncestorOrSelf<MethodDeclarationSyntax>() is not { Identifier.ValueText: "Down" } down
            || down.Parent is not TypeDeclarationSyntax type)
        {
            return finding;
        }

        var up = type.Members.OfType<MethodDeclarationSyntax>().FirstOrDefault(m => m.Identifier.ValueText == "Up");
        if (up is null || OperationValues.OperationOf(up, invocation) is not { } upBody)
        {
            return finding;
        }

        foreach (var created in upBody.Descendants().OfType<IInvocationOperation>())
        {
            if (created.TargetMethod.Name == creation
                && OperationValues.Text(OperationValues.Argument(created, "name"), ValueScope.Empty) == name
                && (table is null || OperationValues.Text(OperationValues.Argument(created, "table"), ValueScope.Empty) == table))
            {
                return null;
            }
        }

        return finding;
    }
}
