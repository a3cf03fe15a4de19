using System;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Raw commands to data stores that destroy by their text: MongoDB <c>RunCommand</c> whose command's
/// first key is <c>drop</c>, <c>dropDatabase</c> or <c>delete</c> (a <c>BsonDocument</c> or JSON text), and
/// Redis <c>Execute</c> of <c>FLUSHALL</c>/<c>FLUSHDB</c> or a Lua script that calls them.
/// </summary>
internal sealed class DataStoreCommandCondition(bool redis) : OperationCondition
{
    private static readonly string[] MongoCommands = ["drop", "dropDatabase", "delete"];
    private static readonly string[] RedisCommands = ["FLUSHALL", "FLUSHDB"];

    public static DataStoreCommandCondition Mongo { get; } = new(redis: false);

    public static DataStoreCommandCondition Redis { get; } = new(redis: true);

    public override string Documentation => redis
        ? "only for `FLUSHALL`/`FLUSHDB`, as the command or inside a Lua script"
        : "only when the command's first key is `drop`, `dropDatabase` or `delete`";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        return redis ? RedisCommand(invocation, scope) : MongoCommand(invocation, scope);
    }

    private static SiteFinding? RedisCommand(IInvocationOperation invocation, ValueScope scope)
    {
        var command = OperationValues.Argument(invocation, "command") ?? OperationValues.Argument(invocation, "script");
        var text = OperationValues.Text(command, scope);
        if (text is null)
        {
            return null;
        }

        foreach (var name in RedisCommands)
        {
            var isCommand = string.Equals(text.Trim(), name, StringComparison.OrdinalIgnoreCase);
            var inScript = text.IndexOf("'" + name + "'", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("\"" + name + "\"", StringComparison.OrdinalIgnoreCase) >= 0;
            if (isCommand || inScript)
            {
                return new SiteFinding(name == "FLUSHALL" ? "deletes every key in every Redis database of the server (FLUSHALL)" : "deletes every key in a Redis database (FLUSHDB)");
            }
        }

        return null;
    }

    private static SiteFinding? MongoCommand(IInvocationOperation invocation, ValueScope scope)
    {
        if (OperationValues.Argument(invocation, "command") is not { } command)
        {
            return null;
        }

        var value = OperationValues.Unwrap(command);
        if (value is ILocalReferenceOperation local && OperationValues.LocalInitializer(local.Local, invocation) is { } initializer)
        {
            value = OperationValues.Unwrap(initializer);
        }

        var key = value switch
        {
            IObjectCreationOperation { Arguments.Length: > 0 } creation when creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                => OperationValues.Text(creation.Arguments[0].Value, scope),
            IObjectCreationOperation { Initializer: { } list } => list.Initializers.OfType<IInvocationOperation>().FirstOrDefault() is { Arguments.Length: > 0 } add
                ? OperationValues.Text(add.Arguments[0].Value, scope)
                : null,
            IInvocationOperation { TargetMethod.Name: "Parse", Arguments.Length: > 0 } parse => FirstJsonKey(OperationValues.Text(parse.Arguments[0].Value, scope)),
            _ => FirstJsonKey(OperationValues.Text(value, scope)),
        };
        return key is not null && MongoCommands.Contains(key, StringComparer.Ordinal)
            ? new SiteFinding("runs the MongoDB command '" + key + "'")
            : null;
    }

    /// <summary>The first key of a JSON document: <c>{ drop: 'orders' }</c> gives <c>drop</c>.</summary>
    private static string? FirstJsonKey(string? json)
    {
        if (json is null)
        {
            return null;
        }

        var open = json.IndexOf('{');
        if (open < 0)
        {
            return null;
        }

        var start = open + 1;
        while (start < json.Length && (char.IsWhiteSpace(json[start]) || json[start] is '"' or '\''))
        {
            start++;
        }

        var end = start;
        while (end < json.Length && (char.IsLetterOrDigit(json[end]) || json[end] == '_'))
        {
            end++;
        }

        return end > start ? json.Substring(start, end - start) : null;
    }
}
