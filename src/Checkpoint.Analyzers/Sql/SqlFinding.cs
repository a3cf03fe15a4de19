using Checkpoint.Analyzers.Catalogue;

namespace Checkpoint.Analyzers.Sql;

/// <summary>A statement of SQL text that destroys or disrupts: <c>DROP TABLE</c> on <c>Orders</c>, destructive.</summary>
internal sealed class SqlFinding(string statement, OperationTier tier, string? target)
{
    /// <summary>What the statement is, in SQL words: <c>DROP TABLE</c>, <c>DELETE without WHERE</c>.</summary>
    public string Statement { get; } = statement;

    public OperationTier Tier { get; } = tier;

    /// <summary>The table, database or schema it names, when the text says it.</summary>
    public string? Target { get; } = target;
}
