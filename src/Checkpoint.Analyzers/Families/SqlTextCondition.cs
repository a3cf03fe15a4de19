using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Raw SQL is destructive only when its text is: <c>DROP</c>, <c>TRUNCATE</c>, or <c>DELETE</c>
/// without <c>WHERE</c>. The text is read from the <c>sql</c> argument (EF Core's ExecuteSql*,
/// Dapper's Execute*), from a Dapper <c>CommandDefinition</c>, or from the <c>CommandText</c> a
/// <c>DbCommand</c> was given before <c>ExecuteNonQuery</c>. SQL the analyzer cannot see (built at
/// run time, read from a file) is not reported: this rule is about the text an agent writes into
/// the code.
/// </summary>
internal sealed class SqlTextCondition : OperationCondition
{
    // SqlCommand and NpgsqlCommand call it cmdText; SqliteCommand and Dapper's CommandDefinition commandText.
    private static readonly string[] CommandTextParameters = ["cmdText", "commandText"];

    public static SqlTextCondition Instance { get; } = new();

    public override string Documentation => "only when the SQL text, as far as it is constant, contains `DROP`, `TRUNCATE`, or `DELETE` without `WHERE`";

    public override string? Describe(IOperation reference, ISymbol operation, OperationWording wording)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        var sql = SqlOf(invocation);
        return sql is not null && DestructiveSql.Find(sql) is { } statement
            ? "runs SQL that destroys data (" + statement + ")"
            : null;
    }

    private static string? SqlOf(IInvocationOperation invocation)
    {
        if (OperationValues.Argument(invocation, "sql") is { } sql)
        {
            return OperationValues.Text(sql, invocation);
        }

        if (OperationValues.Argument(invocation, "command") is { } command)
        {
            return LastText(OperationValues.PropertyValues(command, "CommandText", CommandTextParameters, invocation), invocation);
        }

        // DbCommand.ExecuteNonQuery(): the text was given to the command earlier.
        return invocation.Instance is { } instance
            ? LastText(OperationValues.PropertyValues(instance, "CommandText", CommandTextParameters, invocation), invocation)
            : null;
    }

    private static string? LastText(System.Collections.Generic.List<IOperation> values, IOperation at)
        => values.Count == 0 ? null : OperationValues.Text(values[values.Count - 1], at);
}
