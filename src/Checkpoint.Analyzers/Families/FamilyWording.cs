using System;
using System.Collections.Generic;
using System.Text;
using Checkpoint.Analyzers.Catalogue;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Wording for SDKs whose operation names need more than a service label: the Google Cloud GAPIC
/// clients (the service comes from the namespace, the noun from the method or from the client type,
/// as in <c>InstancesClient.Delete</c>) and Kubernetes (<c>DeleteCollectionNamespacedPod</c> reads
/// "deletes every Kubernetes pod that matches a selector").
/// </summary>
internal abstract class FamilyWording : OperationWording
{
    private static readonly (string Prefix, string Verb)[] Verbs =
    [
        ("Destroy", "destroys"),
        ("Suspend", "suspends"),
        ("Disable", "disables"),
        ("Delete", "deletes"),
        ("Purge", "purges"),
        ("Stop", "stops"),
        ("Drop", "drops"),
    ];

    private static readonly Dictionary<string, string> GoogleServiceNames = new(StringComparer.Ordinal)
    {
        ["Kms"] = "KMS",
        ["PubSub"] = "Pub/Sub",
        ["SecretManager"] = "Secret Manager",
        ["BigQuery"] = "BigQuery",
        ["Sql"] = "SQL",
        ["Iam"] = "IAM",
    };

    /// <summary>"Google.Cloud.Compute.V1.InstancesClient.Delete" reads "deletes a Google Cloud Compute instance".</summary>
    public static OperationWording GoogleCloud { get; } = new GoogleCloudWording();

    /// <summary>"DeleteNamespacedPodAsync" reads "deletes a Kubernetes pod".</summary>
    public static OperationWording Kubernetes { get; } = new KubernetesWording();

    private sealed class GoogleCloudWording : FamilyWording
    {
        public override string Describe(ISymbol operation)
        {
            var service = "Google Cloud " + GoogleService(operation.ContainingType);
            var (verb, rest) = SplitVerb(StripSuffix(operation.Name, "Async"));
            var noun = rest.Length > 0 ? Words(rest) : Singular(Words(StripSuffix(operation.ContainingType.Name, "Client")));
            return verb + " " + Article(service) + " " + service + " " + noun;
        }

        private static string GoogleService(INamedTypeSymbol type)
        {
            var namespaceName = type.ContainingNamespace?.ToDisplayString() ?? string.Empty;
            const string Prefix = "Google.Cloud.";
            if (!namespaceName.StartsWith(Prefix, StringComparison.Ordinal))
            {
                return "resource";
            }

            var service = namespaceName.Substring(Prefix.Length);
            var dot = service.IndexOf('.');
            service = dot < 0 ? service : service.Substring(0, dot);
            return GoogleServiceNames.TryGetValue(service, out var name) ? name : Words(service, lowerCase: false);
        }
    }

    private sealed class KubernetesWording : FamilyWording
    {
        public override string Describe(ISymbol operation)
        {
            var name = StripSuffix(StripSuffix(operation.Name, "Async"), "WithHttpMessages");
            var (verb, rest) = SplitVerb(name);
            var collection = rest.StartsWith("Collection", StringComparison.Ordinal);
            if (collection)
            {
                rest = rest.Substring("Collection".Length);
            }

            foreach (var scope in new[] { "Namespaced", "Cluster" })
            {
                if (rest.StartsWith(scope, StringComparison.Ordinal))
                {
                    rest = rest.Substring(scope.Length);
                }
            }

            var typeNoun = StripSuffix(operation.ContainingType.Name, "Client");
            var noun = rest.Length > 0 ? Words(rest) : typeNoun == "Generic" ? "resource" : Words(typeNoun);
            return collection
                ? verb + " every Kubernetes " + noun + " that matches a selector"
                : verb + " a Kubernetes " + noun;
        }
    }

    private static (string Verb, string Remainder) SplitVerb(string name)
    {
        foreach (var (prefix, verb) in Verbs)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                return (verb, name.Substring(prefix.Length));
            }
        }

        return ("changes", name);
    }

    private static string StripSuffix(string name, string suffix)
        => name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal) ? name.Substring(0, name.Length - suffix.Length) : name;

    /// <summary>"CryptoKeyVersion" reads "crypto key version"; acronyms keep their case.</summary>
    private static string Words(string pascalCase, bool lowerCase = true)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(pascalCase[i - 1]) || (i + 1 < pascalCase.Length && char.IsLower(pascalCase[i + 1]))))
            {
                builder.Append(' ');
            }

            builder.Append(c);
        }

        if (!lowerCase)
        {
            return builder.ToString();
        }

        var words = builder.ToString().Split(' ');
        for (var i = 0; i < words.Length; i++)
        {
            var isAcronym = words[i].Length > 1 && words[i].ToUpperInvariant() == words[i];
            words[i] = isAcronym ? words[i] : words[i].ToLowerInvariant();
        }

        return string.Join(" ", words);
    }

    /// <summary>Client types are named in the plural ("InstancesClient"); one call acts on one of them.</summary>
    private static string Singular(string noun)
    {
        if (noun.EndsWith("ies", StringComparison.Ordinal))
        {
            return noun.Substring(0, noun.Length - 3) + "y";
        }

        return noun.EndsWith("s", StringComparison.Ordinal) && !noun.EndsWith("ss", StringComparison.Ordinal)
            ? noun.Substring(0, noun.Length - 1)
            : noun;
    }

    private static string Article(string phrase) => "AEIOU".IndexOf(char.ToUpperInvariant(phrase[0])) >= 0 ? "an" : "a";
}
