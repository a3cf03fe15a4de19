using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// <c>Process.Start</c> is destructive when the command line it starts, as far as the analyzer can
/// see it, is a teardown (<see cref="DestructiveCommandLine"/>). The file name and arguments come
/// from the call's own arguments (a string, or an array, list or collection expression of them) or from
/// the <c>ProcessStartInfo</c> it is given: constructor arguments, object initializers (a nested
/// <c>StartInfo = { … }</c> too), <c>ArgumentList</c> entries, and assignments to the same local,
/// parameter or field earlier in the member (<c>p.StartInfo.Arguments = …</c> after construction).
/// <c>process.Start()</c> on a <c>Process</c> subclass reads the <c>StartInfo</c> its constructors set. A
/// method group of <c>Process.Start</c> stored in a local is reported when the local is invoked with a
/// teardown. A program name the analyzer cannot see is not reported.
/// </summary>
internal sealed class CommandLineCondition : OperationCondition
{
    private static readonly string[] FileNameParameters = ["fileName"];
    private static readonly string[] ArgumentsParameters = ["arguments"];

    public static CommandLineCondition Instance { get; } = new();

    public override string Documentation => "only when the file name and arguments, as far as they are known, run a teardown (see [Shell-outs](#shell-outs))";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        if (reference is IMethodReferenceOperation methodGroup)
        {
            return DelegateInvocations(methodGroup).Select(call => Finding(FromArguments(call.Arguments.Select(a => a.Value).ToList(), call, scope))).FirstOrDefault(f => f is not null);
        }

        return reference is IInvocationOperation invocation ? Finding(CommandLine(invocation, scope)) : null;
    }

    public static SiteFinding? Finding(string? commandLine)
        => commandLine is not null && DestructiveCommandLine.Find(commandLine) is { } command
            ? new SiteFinding("runs '" + command + "'")
            : null;

    private static string? CommandLine(IInvocationOperation invocation, ValueScope scope)
    {
        if (OperationValues.Argument(invocation, "startInfo") is { } startInfo)
        {
            return FromStartInfo(startInfo, invocation, scope);
        }

        // process.Start() on a Process whose StartInfo was set, here or in its constructors.
        if (invocation.Instance is { } process)
        {
            return FromProcess(process, invocation, scope);
        }

        if (invocation.TargetMethod.IsStatic)
        {
            var fileName = OperationValues.Argument(invocation, "fileName");
            var arguments = OperationValues.Argument(invocation, "arguments");
            return fileName is null ? null : Join(OperationValues.Text(fileName, scope), arguments is null ? [] : Words(arguments, invocation, scope));
        }

        return null;
    }

    /// <summary>A call through a delegate of <c>Process.Start(string, string)</c>: its two arguments.</summary>
    private static string? FromArguments(List<IOperation> arguments, IOperation at, ValueScope scope)
        => arguments.Count == 0 ? null : Join(OperationValues.Text(arguments[0], scope), arguments.Count > 1 ? Words(arguments[1], at, scope) : []);

    private static string? FromProcess(IOperation process, IOperation at, ValueScope scope)
    {
        var startInfos = OperationValues.PropertyValues(process, ["StartInfo"], [], at, scope);
        if (startInfos.Count > 0)
        {
            var last = startInfos[startInfos.Count - 1];
            return FromStartInfo(last.Value, last.Value, last.Scope, process, at, scope);
        }

        var fileNames = OperationValues.PropertyValues(process, ["StartInfo", "FileName"], [], at, scope);
        if (fileNames.Count > 0)
        {
            var words = new List<string>();
            var arguments = OperationValues.PropertyValues(process, ["StartInfo", "Arguments"], [], at, scope);
            if (arguments.Count > 0)
            {
                words.AddRange(Words(arguments[arguments.Count - 1].Value, at, arguments[arguments.Count - 1].Scope));
            }

            foreach (var list in OperationValues.PropertyValues(process, ["StartInfo", "ArgumentList"], [], at, scope))
            {
                words.AddRange(OperationValues.Elements(list.Value, at, list.Scope));
            }

            words.AddRange(ArgumentListAdds(process, ["StartInfo", "ArgumentList"], at, scope));
            var last = fileNames[fileNames.Count - 1];
            return Join(OperationValues.Text(last.Value, last.Scope), words);
        }

        return FromSubclassConstructors(process, at);
    }

    private static string? FromStartInfo(IOperation startInfo, IOperation at, ValueScope scope)
        => FromStartInfo(startInfo, at, scope, null, at, scope);

    /// <summary>
    /// The command line of a ProcessStartInfo; <paramref name="owner"/> is the Process it came from, whose
    /// <c>StartInfo.X</c> assignments also count.
    /// </summary>
    private static string? FromStartInfo(IOperation startInfo, IOperation at, ValueScope scope, IOperation? owner, IOperation ownerAt, ValueScope ownerScope)
    {
        var fileNames = OperationValues.PropertyValues(startInfo, ["FileName"], FileNameParameters, at, scope);
        var arguments = OperationValues.PropertyValues(startInfo, ["Arguments"], ArgumentsParameters, at, scope);
        var lists = OperationValues.PropertyValues(startInfo, ["ArgumentList"], [], at, scope);
        if (owner is not null)
        {
            fileNames.AddRange(OperationValues.PropertyValues(owner, ["StartInfo", "FileName"], [], ownerAt, ownerScope));
            arguments.AddRange(OperationValues.PropertyValues(owner, ["StartInfo", "Arguments"], [], ownerAt, ownerScope));
        }

        if (fileNames.Count == 0)
        {
            return null;
        }

        var words = new List<string>();
        if (arguments.Count > 0)
        {
            var last = arguments[arguments.Count - 1];
            words.AddRange(Words(last.Value, at, last.Scope));
        }

        foreach (var list in lists)
        {
            words.AddRange(OperationValues.Elements(list.Value, at, list.Scope));
        }

        words.AddRange(ArgumentListAdds(startInfo, ["ArgumentList"], at, scope));
        var fileName = fileNames[fileNames.Count - 1];
        return Join(OperationValues.Text(fileName.Value, fileName.Scope), words);
    }

    /// <summary>Arguments as one string, or as a collection of strings (<c>Process.Start(string, IEnumerable&lt;string&gt;)</c>).</summary>
    private static IEnumerable<string> Words(IOperation arguments, IOperation at, ValueScope scope)
        => OperationValues.Unwrap(arguments).Type?.SpecialType == SpecialType.System_String
            ? [OperationValues.Text(arguments, scope) ?? OperationValues.Unknown]
            : OperationValues.Elements(arguments, at, scope);

    private static string? Join(string? fileName, IEnumerable<string> words)
        => fileName is null ? null : string.Join(" ", new[] { fileName }.Concat(words));

    /// <summary><c>x.ArgumentList.Add("destroy")</c> (or <c>p.StartInfo.ArgumentList.Add</c>) on the same variable before the start.</summary>
    private static IEnumerable<string> ArgumentListAdds(IOperation owner, string[] path, IOperation at, ValueScope scope)
    {
        if (OperationValues.VariableOf(OperationValues.Unwrap(owner)) is not { } variable)
        {
            yield break;
        }

        foreach (var add in OperationValues.Root(at).Descendants().OfType<IInvocationOperation>().OrderBy(i => i.Syntax.SpanStart))
        {
            if (add.Syntax.SpanStart >= at.Syntax.SpanStart || add.TargetMethod.Name != "Add" || add.Instance is null)
            {
                continue;
            }

            var current = OperationValues.Unwrap(add.Instance);
            var matches = true;
            for (var i = path.Length - 1; i >= 0 && matches; i--)
            {
                matches = current is IPropertyReferenceOperation { Instance: { } instance } property && property.Property.Name == path[i];
                current = matches ? OperationValues.Unwrap(((IPropertyReferenceOperation)current).Instance!) : current;
            }

            if (matches && SymbolEqualityComparer.Default.Equals(OperationValues.VariableOf(current), variable))
            {
                foreach (var argument in add.Arguments)
                {
                    yield return OperationValues.Text(argument.Value, scope) ?? OperationValues.Unknown;
                }
            }
        }
    }

    /// <summary>
    /// <c>new Terraform().Start()</c> where <c>class Terraform : Process</c> sets <c>StartInfo</c> in its
    /// constructor (or <c>Start()</c> called inside such a class).
    /// </summary>
    private static string? FromSubclassConstructors(IOperation process, IOperation at)
    {
        var unwrapped = OperationValues.Unwrap(process);
        if (unwrapped is ILocalReferenceOperation local && OperationValues.LocalInitializer(local.Local, at) is { } initializer)
        {
            unwrapped = OperationValues.Unwrap(initializer);
        }

        var type = unwrapped switch
        {
            IObjectCreationOperation creation => creation.Type as INamedTypeSymbol,
            IInstanceReferenceOperation instance => instance.Type as INamedTypeSymbol,
            _ => null,
        };
        if (type is null || type.DeclaringSyntaxReferences.IsEmpty)
        {
            return null;
        }

        foreach (var constructor in type.InstanceConstructors)
        {
            foreach (var reference in constructor.DeclaringSyntaxReferences)
            {
                if (OperationValues.OperationOf(reference.GetSyntax(), at) is not { } body)
                {
                    continue;
                }

                var end = body.Descendants().LastOrDefault() ?? body;
                var fileNames = AssignmentsTo(body, "FileName");
                if (fileNames.Count > 0)
                {
                    var arguments = AssignmentsTo(body, "Arguments");
                    var words = arguments.Count > 0 ? Words(arguments[arguments.Count - 1], end, ValueScope.Empty) : [];
                    return Join(OperationValues.Text(fileNames[fileNames.Count - 1], ValueScope.Empty), words);
                }
            }
        }

        return null;
    }

    /// <summary>Values assigned to <c>StartInfo.X</c> (implicitly on this) in a constructor body.</summary>
    private static List<IOperation> AssignmentsTo(IOperation body, string property)
        => [.. body.Descendants().OfType<ISimpleAssignmentOperation>()
            .Where(a => a.Target is IPropertyReferenceOperation { Property.Name: var name, Instance: IPropertyReferenceOperation { Property.Name: "StartInfo", Instance: IInstanceReferenceOperation } } && name == property)
            .OrderBy(a => a.Syntax.SpanStart)
            .Select(a => a.Value)];

    /// <summary>The calls through a local delegate that a method group of Process.Start was stored in.</summary>
    private static IEnumerable<IInvocationOperation> DelegateInvocations(IMethodReferenceOperation methodGroup)
    {
        var current = methodGroup.Parent;
        while (current is IConversionOperation or IDelegateCreationOperation or IParenthesizedOperation)
        {
            current = current.Parent;
        }

        var local = current switch
        {
            IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
            ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } => target.Local,
            _ => null,
        };
        if (local is null)
        {
            yield break;
        }

        foreach (var invocation in OperationValues.Root(methodGroup).Descendants().OfType<IInvocationOperation>())
        {
            if (invocation.TargetMethod.Name == "Invoke" && invocation.Instance is { } instance
                && OperationValues.Unwrap(instance) is ILocalReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Local, local))
            {
                yield return invocation;
            }
        }
    }
}
