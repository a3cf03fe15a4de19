using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Catalogue;

/// <summary>
/// Says what an operation does, for the diagnostic message: "deletes an S3 bucket",
/// "powers off an Azure virtual machine".
/// </summary>
internal abstract class OperationWording
{
    // Longest first, so "PurgeDeleted" wins over "Purge" and "StartDelete" over "Start".
    private static readonly (string Prefix, string Verb, string? Adjective)[] Verbs =
    [
        ("PurgeDeleted", "purges", "deleted"),
        ("StartDelete", "deletes", null),
        ("Disassociate", "disassociates", null),
        ("Deprovision", "deprovisions", null),
        ("Deregister", "deregisters", null),
        ("Deallocate", "deallocates", null),
        ("Terminate", "terminates", null),
        ("PowerOff", "powers off", null),
        ("Destroy", "destroys", null),
        ("Release", "releases", null),
        ("Restart", "restarts", null),
        ("Reimage", "reimages", null),
        ("Suspend", "suspends", null),
        ("Disable", "disables", null),
        ("Delete", "deletes", null),
        ("Detach", "detaches", null),
        ("Revoke", "revokes", null),
        ("Reboot", "reboots", null),
        ("Remove", "removes", null),
        ("Purge", "purges", null),
        ("Reset", "resets", null),
        ("Clear", "clears", null),
        ("Flush", "flushes", null),
        ("Stop", "stops", null),
        ("Drop", "drops", null),
    ];

    private static readonly string[] NoiseSuffixes = ["Async", "IfExists", "Stream"];

    private static readonly Dictionary<string, string> AwsServiceAbbreviations = new(StringComparer.Ordinal)
    {
        ["KeyManagementService"] = "KMS",
        ["SimpleNotificationService"] = "SNS",
        ["SimpleEmailService"] = "SES",
        ["SimpleEmailServiceV2"] = "SES",
        ["SimpleSystemsManagement"] = "SSM",
        ["IdentityManagementService"] = "IAM",
        ["ElasticLoadBalancingV2"] = "ELB",
        ["ElasticLoadBalancing"] = "ELB",
        ["DynamoDBv2"] = "DynamoDB",
    };

    /// <summary>A fixed phrase, for operations whose name does not say enough ("DeleteS3BucketWithObjects").</summary>
    public static OperationWording Fixed(string phrase) => new FixedWording(phrase);

    /// <summary>
    /// Verb and noun from the operation's name, qualified by <paramref name="serviceLabel"/>:
    /// <c>DeleteBlobContainer</c> with "Azure Storage" reads "deletes an Azure Storage blob container".
    /// When the name holds only the verb, the noun comes from the declaring type
    /// (<c>VirtualMachineResource.PowerOff</c> reads "powers off an Azure virtual machine").
    /// </summary>
    public static OperationWording FromName(string serviceLabel) => new NameWording(serviceLabel);

    /// <summary>Like <see cref="FromName"/>, with the AWS service read from the client type (IAmazonS3: "S3").</summary>
    public static OperationWording FromAwsClient() => new NameWording(serviceLabel: null);

    /// <summary>What the operation does, starting with a verb in the third person.</summary>
    public abstract string Describe(ISymbol operation);

    private sealed class FixedWording(string phrase) : OperationWording
    {
        public override string Describe(ISymbol operation) => phrase;
    }

    private sealed class NameWording(string? serviceLabel) : OperationWording
    {
        public override string Describe(ISymbol operation)
        {
            var label = serviceLabel ?? "Amazon " + AwsServiceName(operation.ContainingType);
            var name = StripNoise(operation.Name);
            var verb = Verbs.FirstOrDefault(v => name.StartsWith(v.Prefix, StringComparison.Ordinal));
            if (verb.Prefix is null)
            {
                return $"changes a resource in {label} ({operation.Name})";
            }

            var nounWords = SplitWords(name.Substring(verb.Prefix.Length));
            if (nounWords.Count == 0)
            {
                nounWords = SplitWords(TypeNoun(operation.ContainingType));
            }

            if (nounWords.Count == 0)
            {
                return $"{verb.Verb} a resource in {label} ({operation.Name})";
            }

            if (serviceLabel is null)
            {
                // "an S3 bucket" reads better than "an Amazon S3 bucket".
                label = AwsServiceName(operation.ContainingType);
            }

            var phrase = new List<string>();
            if (verb.Adjective is not null)
            {
                phrase.Add(verb.Adjective);
            }

            phrase.Add(label);
            phrase.AddRange(nounWords);
            var nounPhrase = string.Join(" ", phrase);
            return IsPlural(nounWords[nounWords.Count - 1])
                ? $"{verb.Verb} {nounPhrase}"
                : $"{verb.Verb} {IndefiniteArticle(phrase[0])} {nounPhrase}";
        }
    }

    private static string StripNoise(string name)
    {
        bool stripped;
        do
        {
            stripped = false;
            foreach (var suffix in NoiseSuffixes)
            {
                if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    name = name.Substring(0, name.Length - suffix.Length);
                    stripped = true;
                }
            }
        }
        while (stripped);

        return name;
    }

    private static string TypeNoun(INamedTypeSymbol type)
    {
        var name = type.Name;
        if (type.TypeKind == TypeKind.Interface && name.Length > 1 && name[0] == 'I' && char.IsUpper(name[1]))
        {
            name = name.Substring(1);
        }

        foreach (var suffix in new[] { "Resource", "Client", "Info" })
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
            {
                name = name.Substring(0, name.Length - suffix.Length);
                break;
            }
        }

        // Azure Storage declares Delete on BlobBaseClient for every kind of blob.
        if (name.Length > "Base".Length && name.EndsWith("Base", StringComparison.Ordinal))
        {
            name = name.Substring(0, name.Length - "Base".Length);
        }

        // Azure.ResourceManager.Resources.GenericResource: "a generic" says nothing.
        return name == "Generic" ? "Resource" : name;
    }

    private static string AwsServiceName(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            var name = current.Name;
            string? service = null;
            if (name.StartsWith("IAmazon", StringComparison.Ordinal))
            {
                service = name.Substring("IAmazon".Length);
            }
            else if (name.StartsWith("Amazon", StringComparison.Ordinal))
            {
                service = name.Substring("Amazon".Length);
                if (service.EndsWith("Client", StringComparison.Ordinal))
                {
                    service = service.Substring(0, service.Length - "Client".Length);
                }
            }

            if (!string.IsNullOrEmpty(service))
            {
                return AwsServiceAbbreviations.TryGetValue(service!, out var abbreviation) ? abbreviation : service!;
            }
        }

        var namespaceName = type.ContainingNamespace?.ToDisplayString() ?? "AWS";
        var last = namespaceName.Substring(namespaceName.LastIndexOf('.') + 1);
        return AwsServiceAbbreviations.TryGetValue(last, out var fromNamespace) ? fromNamespace : last;
    }

    private static List<string> SplitWords(string pascalCase)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < pascalCase.Length; i++)
        {
            var c = pascalCase[i];
            var startsWord = i > 0 && char.IsUpper(c)
                && (char.IsLower(pascalCase[i - 1]) || char.IsDigit(pascalCase[i - 1])
                    || (i + 1 < pascalCase.Length && char.IsLower(pascalCase[i + 1])));
            if (startsWord && current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words.Select(w => IsAcronym(w) ? w : w.ToLowerInvariant()).ToList();
    }

    private static bool IsAcronym(string word) => word.Length > 1 && word.All(c => char.IsUpper(c) || char.IsDigit(c));

    private static bool IsPlural(string word)
        => word.Length > 3 && word.EndsWith("s", StringComparison.Ordinal)
           && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
           && !word.EndsWith("is", StringComparison.Ordinal) && !word.EndsWith("as", StringComparison.Ordinal);

    private static string IndefiniteArticle(string word)
    {
        if (word.Length == 0)
        {
            return "a";
        }

        // Initialisms are read letter by letter: "an S3 bucket", "an RDS instance", "a KMS key".
        var first = char.ToUpperInvariant(word[0]);
        if (IsAcronym(word) || (word.Length > 1 && char.IsUpper(word[0]) && char.IsDigit(word[1])))
        {
            return "AEFHILMNORSX".IndexOf(first) >= 0 ? "an" : "a";
        }

        return "AEIOU".IndexOf(first) >= 0 ? "an" : "a";
    }
}
