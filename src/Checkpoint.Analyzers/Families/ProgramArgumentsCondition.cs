using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Process libraries that take a program and its arguments: MedallionShell's
/// <c>Command.Run("terraform", "destroy", "-auto-approve")</c>, Instances'
/// <c>Instance.Finish("kubectl", "delete ns prod")</c> (or a <c>ProcessStartInfo</c>), and Instances'
/// <c>new ProcessArguments(path, arguments).Start()</c>. Destructive when the command line, as far as it
/// is known, is a teardown (<see cref="DestructiveCommandLine"/>).
/// </summary>
internal sealed class ProgramArgumentsCondition(string programParameter, string argumentsParameter) : OperationCondition
{
    public static ProgramArgumentsCondition MedallionShell { get; } = new("executable", "arguments");

    public static ProgramArgumentsCondition Instances { get; } = new("path", "arguments");

    public override string Documentation => "only when the program and arguments, as far as they are known, run a teardown (see [Shell-outs](#shell-outs))";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        if (OperationValues.Argument(invocation, programParameter) is { } program)
        {
            var words = OperationValues.Argument(invocation, argumentsParameter) is { } arguments ? Words(arguments, invocation, scope) : [];
            return CommandLineCondition.Finding(Join(OperationValues.Text(program, scope), words));
        }

        // ProcessArguments.Start() and its extensions: the object was created with (path, arguments) or (processStartInfo).
        if (OperationValues.Receiver(invocation) is { } receiver && ProcessArgumentsCreation(receiver, invocation) is { } creation)
        {
            var path = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == programParameter);
            var arguments = creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == argumentsParameter);
            if (path is not null)
            {
                return CommandLineCondition.Finding(Join(OperationValues.Text(path.Value, scope), arguments is null ? [] : Words(arguments.Value, invocation, scope)));
            }
        }

        return null;
    }

    private static IObjectCreationOperation? ProcessArgumentsCreation(IOperation receiver, IOperation at)
    {
        var value = OperationValues.Unwrap(receiver);
        if (value is ILocalReferenceOperation local && OperationValues.LocalInitializer(local.Local, at) is { } initializer)
        {
            value = OperationValues.Unwrap(initializer);
        }

        return value as IObjectCreationOperation;
    }

    private static IEnumerable<string> Words(IOperation arguments, IOperation at, ValueScope scope)
        => OperationValues.Unwrap(arguments).Type?.SpecialType == SpecialType.System_String
            ? [OperationValues.Text(arguments, scope) ?? OperationValues.Unknown]
            : OperationValues.Elements(arguments, at, scope);

    private static string? Join(string? program, IEnumerable<string> words)
        => program is null ? null : string.Join(" ", new[] { program }.Concat(words));
}
