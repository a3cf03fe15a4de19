using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Checkpoint.Benchmarks.Analyzers;

/// <summary>
/// A generated C# code base shaped like a large service: <see cref="FileCount"/> files with
/// <see cref="MethodsPerFile"/> methods each, every method making exactly
/// <see cref="InvocationsPerMethod"/> invocations, of which exactly <see cref="DestructiveCount"/>
/// call a destructive AWS S3/EC2 or Azure Blob/ResourceManager operation.
/// </summary>
/// <remarks>
/// The same text is generated in two flavours. With the cloud SDKs, the types come from the real
/// AWSSDK and Azure assemblies. Without them (<see cref="CloudSdk"/> false), a source file declares
/// look-alike types with the same names and members in the project's own namespace, so the code is
/// byte-for-byte the same shape but no SDK is referenced: the analyzer must then cost almost nothing.
/// Every statement holds exactly one invocation, so the counts in the summary are exact.
/// </remarks>
public sealed class SyntheticCodebase
{
    public const int FileCount = 2_000;
    public const int MethodsPerFile = 10;
    public const int InvocationsPerMethod = 5;
    public const int MethodCount = FileCount * MethodsPerFile;
    public const int InvocationCount = MethodCount * InvocationsPerMethod;
    public const int DestructiveCount = InvocationCount / 100;

    // One statement per destructive operation kind: mixed AWS and Azure, interfaces and concrete clients.
    private static readonly string[] DestructiveStatements =
    [
        "_ = _s3.DeleteBucketAsync(\"bucket-{0}\");",
        "_ = _s3.DeleteObjectAsync(\"bucket\", \"key-{0}\");",
        "_ = _ec2.TerminateInstancesAsync(new TerminateInstancesRequest());",
        "_ = _container.DeleteBlobIfExistsAsync(\"blob-{0}\");",
        "_ = _container.DeleteAsync();",
        "_ = _group.DeleteAsync(WaitUntil.Completed);",
    ];

    // Cloud calls that read or create: the analyzer must look at them and decide they are harmless.
    private static readonly string[] CloudReadStatements =
    [
        "_ = _s3.GetObjectAsync(\"bucket\", \"key-{0}\");",
        "_ = _s3.GetObjectMetadataAsync(\"bucket\", \"key-{0}\");",
        "_ = _ec2.DescribeInstancesAsync(new DescribeInstancesRequest());",
        "_ = _container.GetBlobClient(\"blob-{0}\");",
        "_ = _container.ExistsAsync();",
        "_ = _group.GetAsync();",
    ];

    // Everything else a code base calls, including the user's own look-alike DeleteAsync.
    private static readonly string[] OrdinaryStatements =
    [
        "_list.Add(a + {0});",
        "_ = _text.Append(a);",
        "a = Math.Max(a, {0});",
        "_ = _store.DeleteAsync(a);",
        "_ = _store.Find(a + {0});",
        "_ = _name.Trim();",
        "_ = string.Concat(_name, \"{0}\");",
        "_ = _list.Contains(a);",
    ];

    /// <summary>The destructive operations as (declaring type metadata name, method name), for BannedSymbols.txt.</summary>
    public static readonly IReadOnlyList<(string Type, string Method)> DestructiveOperations =
    [
        ("Amazon.S3.IAmazonS3", "DeleteBucketAsync"),
        ("Amazon.S3.IAmazonS3", "DeleteObjectAsync"),
        ("Amazon.EC2.IAmazonEC2", "TerminateInstancesAsync"),
        ("Azure.Storage.Blobs.BlobContainerClient", "DeleteBlobIfExistsAsync"),
        ("Azure.Storage.Blobs.BlobContainerClient", "DeleteAsync"),
        ("Azure.ResourceManager.Resources.ResourceGroupResource", "DeleteAsync"),
    ];

    private const string CloudUsings = """
        using Amazon.EC2;
        using Amazon.EC2.Model;
        using Amazon.S3;
        using Azure;
        using Azure.ResourceManager.Resources;
        using Azure.Storage.Blobs;
        """;

    private const string LookAlikeUsings = "using Synthetic.LookAlike;";

    private const string SupportSource = """
        using System.Threading.Tasks;

        namespace Synthetic
        {
            public sealed class RecordStore
            {
                public Task DeleteAsync(int id) => Task.CompletedTask;
                public int Find(int id) => id;
            }
        }
        """;

    // The user's own types that merely share names and members with the SDKs.
    private const string LookAlikeSource = """
        using System.Threading;
        using System.Threading.Tasks;

        namespace Synthetic.LookAlike
        {
            public interface IAmazonS3
            {
                Task<object> DeleteBucketAsync(string bucketName, CancellationToken cancellationToken = default);
                Task<object> DeleteObjectAsync(string bucketName, string key, CancellationToken cancellationToken = default);
                Task<object> GetObjectAsync(string bucketName, string key, CancellationToken cancellationToken = default);
                Task<object> GetObjectMetadataAsync(string bucketName, string key, CancellationToken cancellationToken = default);
            }
            public interface IAmazonEC2
            {
                Task<object> TerminateInstancesAsync(TerminateInstancesRequest request, CancellationToken cancellationToken = default);
                Task<object> DescribeInstancesAsync(DescribeInstancesRequest request, CancellationToken cancellationToken = default);
            }
            public sealed class TerminateInstancesRequest { }
            public sealed class DescribeInstancesRequest { }
            public enum WaitUntil { Completed, Started }
            public class BlobClient { }
            public class BlobContainerClient
            {
                public virtual Task<bool> DeleteBlobIfExistsAsync(string blobName, CancellationToken cancellationToken = default) => Task.FromResult(true);
                public virtual Task DeleteAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
                public virtual BlobClient GetBlobClient(string blobName) => new BlobClient();
                public virtual Task<bool> ExistsAsync(CancellationToken cancellationToken = default) => Task.FromResult(true);
            }
            public class ResourceGroupResource
            {
                public virtual Task DeleteAsync(WaitUntil waitUntil, string forceDeletionTypes = null, CancellationToken cancellationToken = default) => Task.CompletedTask;
                public virtual Task<ResourceGroupResource> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(this);
            }
        }
        """;

    private SyntheticCodebase(bool cloudSdk, IReadOnlyList<(string Path, string Text)> sources)
    {
        CloudSdk = cloudSdk;
        Sources = sources;
    }

    public bool CloudSdk { get; }

    /// <summary>Generated sources, without the Checkpoint attributes file (the harness adds it as the package does).</summary>
    public IReadOnlyList<(string Path, string Text)> Sources { get; }

    public static SyntheticCodebase Generate(bool cloudSdk, int seed = 20261126)
    {
        var random = new Random(seed);
        var destructiveSlots = PickDestructiveSlots(random);
        var sources = new List<(string, string)>(FileCount + 2)
        {
            ("Synthetic/RecordStore.cs", SupportSource),
        };
        if (!cloudSdk)
        {
            sources.Add(("Synthetic/LookAlike.cs", LookAlikeSource));
        }

        var usings = cloudSdk ? CloudUsings : LookAlikeUsings;
        var slot = 0;
        for (var file = 0; file < FileCount; file++)
        {
            var text = new StringBuilder(16 * 1024);
            text.Append("using System;\nusing System.Collections.Generic;\nusing System.Text;\n");
            text.Append(usings).Append('\n');
            text.Append("namespace Synthetic.Area").Append(file / 100).Append("\n{\n");
            text.Append("    public sealed class Service").Append(file).Append("\n    {\n");
            text.Append("""
                        private readonly IAmazonS3 _s3;
                        private readonly IAmazonEC2 _ec2;
                        private readonly BlobContainerClient _container;
                        private readonly ResourceGroupResource _group;
                        private readonly RecordStore _store;
                        private readonly List<int> _list = new List<int>();
                        private readonly StringBuilder _text = new StringBuilder();
                        private readonly string _name = " service ";

                """);
            text.Append("        public Service").Append(file)
                .Append("(IAmazonS3 s3, IAmazonEC2 ec2, BlobContainerClient container, ResourceGroupResource group, RecordStore store)\n")
                .Append("        {\n            _s3 = s3;\n            _ec2 = ec2;\n            _container = container;\n            _group = group;\n            _store = store;\n        }\n\n");
            for (var method = 0; method < MethodsPerFile; method++)
            {
                text.Append("        public int Run").Append(method).Append("(int a)\n        {\n");
                for (var call = 0; call < InvocationsPerMethod; call++, slot++)
                {
                    var statement = destructiveSlots.Contains(slot)
                        ? DestructiveStatements[random.Next(DestructiveStatements.Length)]
                        : random.Next(10) == 0
                            ? CloudReadStatements[random.Next(CloudReadStatements.Length)]
                            : OrdinaryStatements[random.Next(OrdinaryStatements.Length)];
                    text.Append("            ").AppendFormat(System.Globalization.CultureInfo.InvariantCulture, statement, slot).Append('\n');
                }

                text.Append("            return a;\n        }\n\n");
            }

            text.Append("    }\n}\n");
            sources.Add(($"Synthetic/Area{file / 100}/Service{file}.cs", text.ToString()));
        }

        return new SyntheticCodebase(cloudSdk, sources);
    }

    public IReadOnlyList<SyntaxTree> Parse(CSharpParseOptions options, string? attributesSource)
    {
        var trees = new SyntaxTree[Sources.Count];
        Parallel.For(0, Sources.Count, i =>
            trees[i] = CSharpSyntaxTree.ParseText(Sources[i].Text, options, Sources[i].Path, Encoding.UTF8));
        return attributesSource is null
            ? trees
            : [.. trees, CSharpSyntaxTree.ParseText(attributesSource, options, "Checkpoint.Attributes.cs", Encoding.UTF8)];
    }

    private static HashSet<int> PickDestructiveSlots(Random random)
    {
        var slots = new HashSet<int>();
        while (slots.Count < DestructiveCount)
        {
            slots.Add(random.Next(InvocationCount));
        }

        return slots;
    }
}
