using System.Collections.Generic;
using System.Linq;
using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// <c>Process.Start</c> is destructive when the command line it starts, as far as the analyzer can
/// see it as constants, is a teardown (<see cref="DestructiveCommandLine"/>). The file name and
/// arguments come from the call's own arguments or from the <c>ProcessStartInfo</c> it is given:
/// constructor arguments, object initializer, <c>ArgumentList</c> entries, and assignments to the
/// same local or parameter earlier in the member. A program name the analyzer cannot see is not reported.
/// </summary>
internal sealed class CommandLineCondition : OperationCondition
{
    private static readonly string[] FileNameParameters = ["fileName"];
    private static readonly string[] ArgumentsParameters = ["arguments"];

    public static CommandLineCondition Instance { get; } = new();

    public override string Documentation => "only when the constant file name and arguments run a teardown: `terraform destroy`, `terraform apply -destroy`, `pulumi destroy`, `kubectl delete`, `helm uninstall`, `az … delete`, `aws … delete-*`/`terminate-*`/`s3 rb`/`s3 rm --recursive`, `gcloud … delete`, `rm -rf` (not with `--dry-run`)";

    public override string? Describe(IOperation reference, ISymbol operation, OperationWording wording)
    {
        if (reference is not IInvocationOperation invocation)
        {
            return null;
        }

        var commandLine = CommandLine(invocation);
        return commandLine is not null && DestructiveCommandLine.Find(commandLine) is { } command
            ? "runs '" + command + "'"
            : null;
    }

    private static string? CommandLine(IInvocationOperation invocation)
    {
        if (OperationValues.Argument(invocation, "startInfo") is { } startInfo)
        {
            return FromStartInfo(startInfo, invocation);
        }

        // process.Start() on a Process whose StartInfo was set.
        if (invocation.Instance is { } process)
        {
            var startInfos = OperationValues.PropertyValues(process, "StartInfo", [], invocation);
            return startInfos.Count == 0 ? null : FromStartInfo(startInfos[startInfos.Count - 1], invocation);
        }

        var fileName = OperationValues.Text(OperationValues.Argument(invocation, "fileName"), invocation);
        if (fileName is null)
        {
            return null;
        }

        var arguments = OperationValues.Argument(invocation, "arguments");
        return fileName + " " + (arguments is null ? string.Empty : OperationValues.Text(arguments, invocation) ?? string.Join(" ", Elements(arguments, invocation)));
    }

    private static string? FromStartInfo(IOperation startInfo, IOperation at)
    {
        var fileNames = OperationValues.PropertyValues(startInfo, "FileName", FileNameParameters, at);
        var fileName = fileNames.Count == 0 ? null : OperationValues.Text(fileNames[fileNames.Count - 1], at);
        if (fileName is null)
        {
            return null;
        }

        var words = new List<string> { fileName };
        var arguments = OperationValues.PropertyValues(startInfo, "Arguments", ArgumentsParameters, at);
        if (arguments.Count > 0)
        {
            var last = arguments[arguments.Count - 1];
            var text = OperationValues.Text(last, at);
            if (text is null)
            {
                words.AddRange(Elements(last, at));
            }
            else
            {
                words.Add(text);
            }
        }

        foreach (var list in OperationValues.PropertyValues(startInfo, "ArgumentList", [], at))
        {
            words.AddRange(Elements(list, at));
        }

        words.AddRange(ArgumentListAdds(startInfo, at));
        return string.Join(" ", words);
    }

    /// <summary>The constant elements of an array, a collection initializer or a collection expression.</summary>
    private static IEnumerable<string> Elements(IOperation collection, IOperation at)
    {
        collection = OperationValues.Unwrap(collection);
        var elements = collection switch
        {
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            IObjectCreationOperation { Initializer: { } initializer } => initializer.Initializers
                .OfType<IInvocationOperation>()
                .SelectMany(add => add.Arguments.Select(a => a.Value)),
            IObjectOrCollectionInitializerOperation initializer => initializer.Initializers
                .OfType<IInvocationOperation>()
                .SelectMany(add => add.Arguments.Select(a => a.Value)),
            _ => [],
        };

        return elements.Select(element => OperationValues.Text(element, at) ?? OperationValues.Unknown);
    }

    /// <summary><c>startInfo.ArgumentList.Add("destroy")</c> calls on the same local before the start.</summary>
    private static IEnumerable<string> ArgumentListAdds(IOperation startInfo, IOperation at)
    {
        if (OperationValues.Unwrap(startInfo) is not ILocalReferenceOperation local)
        {
            yield break;
        }

        var root = at;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        foreach (var add in root.Descendants().OfType<IInvocationOperation>().OrderBy(i => i.Syntax.SpanStart))
        {
            if (add.Syntax.SpanStart < at.Syntax.SpanStart &&
                add.TargetMethod.Name == "Add" &&
                add.Instance is IPropertyReferenceOperation { Property.Name: "ArgumentList", Instance: { } owner } &&
                OperationValues.Unwrap(owner) is ILocalReferenceOperation ownerLocal &&
                SymbolEqualityComparer.Default.Equals(ownerLocal.Local, local.Local))
            {
                foreach (var argument in add.Arguments)
                {
                    yield return OperationValues.Text(argument.Value, at) ?? OperationValues.Unknown;
                }
            }
        }
    }
}
