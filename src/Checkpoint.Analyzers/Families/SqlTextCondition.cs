using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Sql;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Raw SQL is an operation only when its text is (<see cref="SqlStatements"/>). The text is read from
/// the <c>sql</c> argument (EF Core's <c>ExecuteSql*</c>, Dapper, <c>MigrationBuilder.Sql</c>), a Dapper
/// <c>CommandDefinition</c>, the <c>CommandText</c> a command was given (constructor, initializer,
/// assignment, <c>NpgsqlDataSource.CreateCommand(text)</c>), the commands of a <c>DbBatch</c>, or the
/// <c>Statement</c> of a DynamoDB PartiQL request. Text built at run time from parts the analyzer cannot
/// see is reported only when what is visible already destroys (see <see cref="SqlStatements"/>).
/// </summary>
internal sealed class SqlTextCondition : OperationCondition
{
    // SqlCommand and NpgsqlCommand call it cmdText; SqliteCommand, MySqlCommand and Dapper's CommandDefinition commandText.
    private static readonly string[] CommandTextParameters = ["cmdText", "commandText"];

    private readonly bool _partiQL;

    private SqlTextCondition(bool partiQL) => _partiQL = partiQL;

    public static SqlTextCondition Instance { get; } = new(partiQL: false);

    /// <summary>DynamoDB's PartiQL: every <c>DELETE</c> deletes items (by key), so any counts.</summary>
    public static SqlTextCondition PartiQL { get; } = new(partiQL: true);

    public override string Documentation => _partiQL
        ? "only when a `Statement` of the request is a PartiQL `DELETE`"
        : "only when the SQL text destroys data (see [Raw SQL](#raw-sql)); `UPDATE` without `WHERE` is CHK002";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        SqlFinding? worst = null;
        foreach (var text in Texts(invocation, scope))
        {
            if (SqlStatements.Find(text, anyDelete: _partiQL) is { } finding && (worst is null || finding.Tier > worst.Tier))
            {
                worst = finding;
            }
        }

        if (worst is null)
        {
            return null;
        }

        var effect = worst.Tier == OperationTier.Destructive ? "runs SQL that destroys data (" : "runs SQL that changes every row (";
        return new SiteFinding(effect + worst.Statement + ")", worst.Tier, worst.Target);
    }

    private IEnumerable<string> Texts(IInvocationOperation invocation, ValueScope scope)
    {
        if (_partiQL)
        {
            return StatementTexts(invocation, scope);
        }

        if (OperationValues.Argument(invocation, "sql") is { } sql)
        {
            return Known(OperationValues.Text(sql, scope));
        }

        if (OperationValues.Argument(invocation, "command") is { } command)
        {
            return Known(LastText(OperationValues.PropertyValues(command, ["CommandText"], CommandTextParameters, invocation, scope)));
        }

        var receiver = OperationValues.Receiver(invocation);
        if (receiver is null)
        {
            return [];
        }

        var batchTexts = BatchTexts(receiver, invocation, scope).ToList();
        if (batchTexts.Count > 0)
        {
            return batchTexts;
        }

        // dataSource.CreateCommand("DROP TABLE t").ExecuteNonQuery()
        if (OperationValues.Unwrap(receiver) is IInvocationOperation { TargetMethod.Name: "CreateCommand" } creation
            && creation.Arguments.FirstOrDefault(a => a.Value.Type?.SpecialType == SpecialType.System_String && a.ArgumentKind != ArgumentKind.DefaultValue) is { } text)
        {
            return Known(OperationValues.Text(text.Value, scope));
        }

        return Known(LastText(OperationValues.PropertyValues(receiver, ["CommandText"], CommandTextParameters, invocation, scope)));
    }

    private static IEnumerable<string> Known(string? text) => text is null ? [] : [text];

    private static string? LastText(List<ScopedValue> values)
        => values.Count == 0 ? null : OperationValues.Text(values[values.Count - 1].Value, values[values.Count - 1].Scope);

    /// <summary>The texts of a DbBatch's commands: in its initializer (<c>BatchCommands = { new("…") }</c>) or added before the execution.</summary>
    private static IEnumerable<string> BatchTexts(IOperation batch, IOperation at, ValueScope scope)
    {
        if (!IsBatch(batch.Type))
        {
            yield break;
        }

        var commands = new List<ScopedValue>();
        foreach (var initializer in OperationValues.PropertyValues(batch, ["BatchCommands"], [], at, scope))
        {
            if (OperationValues.Unwrap(initializer.Value) is IObjectOrCollectionInitializerOperation list)
            {
                commands.AddRange(list.Initializers.OfType<IInvocationOperation>().SelectMany(add => add.Arguments).Select(a => new ScopedValue(a.Value, initializer.Scope)));
            }
        }

        if (OperationValues.VariableOf(OperationValues.Unwrap(batch)) is { } variable)
        {
            foreach (var add in OperationValues.Root(at).Descendants().OfType<IInvocationOperation>())
            {
                if (add.TargetMethod.Name == "Add" && add.Syntax.SpanStart < at.Syntax.SpanStart && add.Instance is { } list
                    && OperationValues.Unwrap(list) is IPropertyReferenceOperation { Property.Name: "BatchCommands", Instance: { } owner }
                    && SymbolEqualityComparer.Default.Equals(OperationValues.VariableOf(OperationValues.Unwrap(owner)), variable))
                {
                    commands.AddRange(add.Arguments.Select(a => new ScopedValue(a.Value, scope)));
                }
            }
        }

        foreach (var command in commands)
        {
            if (LastText(OperationValues.PropertyValues(command.Value, ["CommandText"], CommandTextParameters, command.Value, command.Scope)) is { } text)
            {
                yield return text;
            }
        }
    }

    private static bool IsBatch(ITypeSymbol? type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            if (current.Name == "DbBatch" && current.ContainingNamespace?.ToDisplayString() == "System.Data.Common")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every <c>Statement</c> given in the request a PartiQL call sends (one, a batch, or a transaction).</summary>
    private static IEnumerable<string> StatementTexts(IInvocationOperation invocation, ValueScope scope)
    {
        foreach (var argument in invocation.Arguments)
        {
            var value = OperationValues.Unwrap(argument.Value);
            if (value is ILocalReferenceOperation local && OperationValues.LocalInitializer(local.Local, invocation) is { } initializer)
            {
                value = initializer;
            }

            if (argument.Parameter?.Name == "statement" && OperationValues.Text(value, scope) is { } direct)
            {
                yield return direct;
            }

            foreach (var assignment in value.DescendantsAndSelf().OfType<ISimpleAssignmentOperation>())
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Statement" } && OperationValues.Text(assignment.Value, scope) is { } text)
                {
                    yield return text;
                }
            }

            foreach (var assignment in OperationValues.AssignmentsBefore(invocation))
            {
                if (assignment.Target is IPropertyReferenceOperation { Property.Name: "Statement", Instance: { } owner }
                    && OperationValues.Unwrap(argument.Value) is var passed && SymbolEqualityComparer.Default.Equals(OperationValues.VariableOf(OperationValues.Unwrap(owner)), OperationValues.VariableOf(passed))
                    && OperationValues.Text(assignment.Value, scope) is { } text)
                {
                    yield return text;
                }
            }
        }
    }
}
