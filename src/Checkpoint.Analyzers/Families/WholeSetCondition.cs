using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// EF Core's <c>RemoveRange</c> deletes (at <c>SaveChanges</c>) the entities it is given; given a whole
/// <c>DbSet</c> (<c>db.Orders</c>, <c>db.Set&lt;Order&gt;()</c>, or either through <c>ToList()</c>,
/// <c>ToArray()</c>, <c>AsEnumerable()</c>), that is every row of the table. A filtered query is routine.
/// </summary>
internal sealed class WholeSetCondition : OperationCondition
{
    public static WholeSetCondition Instance { get; } = new();

    public override string Documentation => "only when given a whole `DbSet` (`db.Orders`, `db.Set<T>()`, optionally through `ToList()`/`ToArray()`/`AsEnumerable()`)";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        foreach (var argument in invocation.Arguments)
        {
            var value = OperationValues.Unwrap(argument.Value);
            while (value is IInvocationOperation { TargetMethod.Name: "ToList" or "ToArray" or "AsEnumerable" or "AsQueryable" or "ToListAsync" } materialised)
            {
                value = OperationValues.Unwrap(OperationValues.Receiver(materialised) ?? materialised);
                if (value == materialised)
                {
                    break;
                }
            }

            if (value.Type is INamedTypeSymbol type && IsDbSet(type))
            {
                return new SiteFinding("deletes every row of a table (RemoveRange of a whole DbSet)", target: (value as IPropertyReferenceOperation)?.Property.Name);
            }
        }

        return null;
    }

    private static bool IsDbSet(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.OriginalDefinition.MetadataName == "DbSet`1" && current.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore")
            {
                return true;
            }
        }

        return false;
    }
}
