using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// CliWrap builds a command fluently and runs it at <c>ExecuteAsync</c> (or <c>ExecuteBufferedAsync</c>,
/// <c>ListenAsync</c>, <c>Observe</c>): <c>Cli.Wrap("terraform").WithArguments(["destroy", "-auto-approve"])</c>.
/// The command line is read back along the chain (through locals): <c>Cli.Wrap</c>/<c>WithTargetFile</c>
/// give the program, <c>WithArguments</c> a string, a collection, or a builder lambda's <c>Add</c> calls.
/// </summary>
internal sealed class CliWrapCondition : OperationCondition
{
    public static CliWrapCondition Instance { get; } = new();

    public override string Documentation => "only when the command built with `Cli.Wrap(...)`/`WithArguments(...)`, as far as it is known, runs a teardown (see [Shell-outs](#shell-outs))";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation || OperationValues.Receiver(invocation) is not { } command)
        {
            return null;
        }

        string? program = null;
        List<string>? arguments = null;
        var current = OperationValues.Unwrap(command);
        for (var step = 0; step < 32; step++)
        {
            if (current is ILocalReferenceOperation local && OperationValues.LastValue(local.Local, current) is { } value)
            {
                current = OperationValues.Unwrap(value);
                continue;
            }

            if (current is not IInvocationOperation call)
            {
                break;
            }

            switch (call.TargetMethod.Name)
            {
                case "Wrap" or "WithTargetFile" when call.Arguments.Length > 0:
                    program ??= OperationValues.Text(call.Arguments[0].Value, scope);
                    break;
                case "WithArguments" when arguments is null && call.Arguments.Length > 0:
                    arguments = ArgumentsOf(call.Arguments[0].Value, call, scope);
                    break;
            }

            if (call.TargetMethod.Name == "Wrap" || call.Instance is null)
            {
                break;
            }

            current = OperationValues.Unwrap(call.Instance);
        }

        return CommandLineCondition.Finding(program is null ? null : string.Join(" ", new[] { program }.Concat(arguments ?? [])));
    }

    private static List<string> ArgumentsOf(IOperation value, IOperation at, ValueScope scope)
    {
        var unwrapped = OperationValues.Unwrap(value);
        if (unwrapped.Type?.SpecialType == SpecialType.System_String)
        {
            return [OperationValues.Text(unwrapped, scope) ?? OperationValues.Unknown];
        }

        if (unwrapped is IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda })
        {
            // args => args.Add("destroy").Add(["-auto-approve"])
            return [.. lambda.Body.Descendants().OfType<IInvocationOperation>()
                .Where(add => add.TargetMethod.Name == "Add" && add.Arguments.Length > 0)
                .OrderBy(add => add.Syntax.Span.End)
                .SelectMany(add => add.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String
                    ? [OperationValues.Text(add.Arguments[0].Value, scope) ?? OperationValues.Unknown]
                    : OperationValues.Elements(add.Arguments[0].Value, add, scope))];
        }

        return OperationValues.Elements(unwrapped, at, scope);
    }
}
