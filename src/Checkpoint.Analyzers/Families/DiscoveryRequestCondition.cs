using System;
using Checkpoint.Analyzers.Catalogue;
using Checkpoint.Analyzers.Values;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// The <c>Google.Apis.*</c> discovery clients build a request first
/// (<c>service.Buckets.Delete("b")</c> returns a <c>BucketsResource.DeleteRequest</c>) and act only
/// at <c>Execute()</c>/<c>ExecuteAsync()</c>. The request's type says what it does: its name is the
/// REST method, the type it is nested in the resource. Building a request is harmless; executing a
/// <c>Delete</c> request is not.
/// </summary>
internal sealed class DiscoveryRequestCondition : OperationCondition
{
    private readonly string[] _verbs;

    private DiscoveryRequestCondition(params string[] verbs)
    {
        _verbs = verbs;
    }

    public static DiscoveryRequestCondition Destructive { get; } = new("Delete", "Destroy", "Drop", "Purge");

    public override string Documentation => "only when the executed request is a `Delete*`, `Destroy*`, `Drop*` or `Purge*` request (`BucketsResource.DeleteRequest`)";

    public override SiteFinding? Evaluate(IOperation reference, ISymbol operation, OperationWording wording, ValueScope scope)
    {
        var request = reference switch
        {
            IInvocationOperation { Instance: { } instance } => OperationValues.Unwrap(instance).Type,
            IMethodReferenceOperation { Instance: { } instance } => OperationValues.Unwrap(instance).Type,
            _ => null,
        };

        if (request is not INamedTypeSymbol { ContainingType: { } resource } ||
            !request.Name.EndsWith("Request", StringComparison.Ordinal) ||
            !StartsWithVerb(request.Name))
        {
            return null;
        }

        var method = request.Name.Substring(0, request.Name.Length - "Request".Length);
        var resourceName = resource.Name.EndsWith("Resource", StringComparison.Ordinal)
            ? resource.Name.Substring(0, resource.Name.Length - "Resource".Length)
            : resource.Name;
        return new SiteFinding("executes a " + Api(request) + " request that " + Verb(method) + " " + CamelCase(resourceName) + " (" + CamelCase(resourceName) + "." + CamelCase(method) + ")");
    }

    private bool StartsWithVerb(string name)
    {
        foreach (var verb in _verbs)
        {
            if (name.StartsWith(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static string Verb(string method)
    {
        foreach (var (prefix, verb) in new[] { ("Delete", "deletes"), ("Destroy", "destroys"), ("Drop", "drops"), ("Purge", "purges") })
        {
            if (method.StartsWith(prefix, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        return "changes";
    }

    /// <summary>"Google.Apis.Storage.v1" reads "Google Storage API".</summary>
    private static string Api(ITypeSymbol request)
    {
        var namespaceName = request.ContainingNamespace?.ToDisplayString() ?? string.Empty;
        const string Prefix = "Google.Apis.";
        if (!namespaceName.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return "Google API";
        }

        var service = namespaceName.Substring(Prefix.Length);
        var dot = service.IndexOf('.');
        return "Google " + (dot < 0 ? service : service.Substring(0, dot)) + " API";
    }

    private static string CamelCase(string name)
        => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name.Substring(1);
}
