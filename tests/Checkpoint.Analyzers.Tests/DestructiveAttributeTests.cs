using System.Collections.Immutable;
using Checkpoint.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Testing;

namespace Checkpoint.Analyzers.Tests;

/// <summary>[Destructive] turns a user's own member into an operation that needs an attestation.</summary>
public sealed class DestructiveAttributeTests
{
    [Fact]
    public Task CallToDestructiveMethod_IsCHK001_WithItsDescription() => Verify.DiagnosticsAsync(
        """
        using Checkpoint;

        class Tenants
        {
            [Destructive("Drops every tenant table")]
            public void DropTenant(string id) { }

            [Destructive]
            public void Forget(string id) { }
        }

        class Admin
        {
            void Run(Tenants tenants)
            {
                tenants.{|#0:DropTenant|}("t1");
                tenants.{|#1:Forget|}("t1");
            }
        }
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Tenants.DropTenant", "drops every tenant table (marked [Destructive])", ""),
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Tenants.Forget", "is marked [Destructive]", ""));

    [Fact]
    public Task CallsInsideDestructiveMethod_NeedNoAttestation() => Verify.DiagnosticsAsync(
        """
        using System.Threading.Tasks;
        using Amazon.S3;
        using Checkpoint;

        class Buckets
        {
            [Destructive("Deletes the tenant's bucket")]
            public Task DropAsync(IAmazonS3 s3, string tenant) => s3.DeleteBucketAsync("tenant-" + tenant);
        }

        class Admin
        {
            [ApprovedBy("alice@contoso.com", Reason = "Offboard tenant 42")]
            Task OffboardAsync(Buckets buckets, IAmazonS3 s3) => buckets.DropAsync(s3, "42");

            Task CarelessAsync(Buckets buckets, IAmazonS3 s3) => buckets.{|CHK001:DropAsync|}(s3, "43");
        }
        """);

    [Fact]
    public Task DestructiveType_MakesEveryMemberAnOperation() => Verify.DiagnosticsAsync(
        """
        using Checkpoint;

        [Destructive("Wipes the test environment")]
        class Wiper
        {
            public Wiper() { }
            public void Wipe() { }
            public int Count { get; set; }
        }

        class Admin
        {
            void Run()
            {
                var wiper = new {|CHK001:Wiper|}();
                wiper.{|CHK001:Wipe|}();
                _ = wiper.{|CHK001:Count|};
            }
        }
        """);

    [Fact]
    public Task DestructiveConstructorAndProperty_AreFlagged() => Verify.DiagnosticsAsync(
        """
        using Checkpoint;

        class Environment
        {
            [Destructive("Resets the environment")]
            public Environment() { }

            public Environment(string name) { }

            [Destructive("Reading it drains the queue")]
            public int Drained => 0;
        }

        class Admin
        {
            void Run()
            {
                var reset = new {|#0:Environment|}();
                var named = new Environment("dev");
                _ = named.{|#1:Drained|};
            }
        }
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Environment", "resets the environment (marked [Destructive])", ""),
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Access to", "Environment.Drained", "reading it drains the queue (marked [Destructive])", ""));

    [Fact]
    public Task DestructiveExtensionMethod_IsFlaggedReducedAndNot() => Verify.DiagnosticsAsync(
        """
        using Amazon.S3;
        using Checkpoint;

        static class S3Cleanup
        {
            [Destructive("Empties and deletes every bucket")]
            public static void Nuke(this IAmazonS3 s3) { }
        }

        class Admin
        {
            void Run(IAmazonS3 s3)
            {
                s3.{|#0:Nuke|}();
                S3Cleanup.{|#1:Nuke|}(s3);
            }
        }
        """,
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "S3Cleanup.Nuke", "empties and deletes every bucket (marked [Destructive])", ""),
        Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "S3Cleanup.Nuke", "empties and deletes every bucket (marked [Destructive])", ""));

    [Fact]
    public Task DestructiveInterfaceMember_IsFlaggedThroughImplementationsAndOverrides() => Verify.DiagnosticsAsync(
        """
        using Checkpoint;

        interface IStore
        {
            [Destructive("Deletes every record")]
            void Wipe();
        }

        class Store : IStore
        {
            public virtual void Wipe() { }
        }

        class AuditedStore : Store
        {
            public override void Wipe() => base.{|CHK001:Wipe|}();
        }

        class Admin
        {
            void Run(IStore store, Store concrete, AuditedStore audited)
            {
                store.{|CHK001:Wipe|}();
                concrete.{|CHK001:Wipe|}();
                audited.{|CHK001:Wipe|}();
            }
        }
        """);

    [Fact]
    public Task DestructiveGenericMethod_IsFlagged() => Verify.DiagnosticsAsync(
        """
        using Checkpoint;

        class Repository<T>
        {
            [Destructive("Deletes every row")]
            public void Truncate<TKey>() { }
        }

        class Admin
        {
            void Run(Repository<string> repository) => repository.{|CHK001:Truncate<int>|}();
        }
        """);

    [Fact]
    public async Task DestructiveMethodInReferencedAssembly_IsFlagged_WithoutCS0436UnderInternalsVisibleTo()
    {
        var library = await CompileLibraryAsync(
            """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("TestProject")]

            namespace Contoso.Data
            {
                public static class Tenants
                {
                    [Checkpoint.Destructive("Drops every tenant table")]
                    public static void DropTenant(string id) { }

                    internal static void Inspect(string id) { }
                }

                [Checkpoint.Destructive]
                public sealed class Shredder
                {
                    public void Shred() { }
                }
            }
            """);

        var test = new CheckpointTest<EmptyCodeFixProvider>
        {
            TestCode = """
                using Checkpoint;
                using Contoso.Data;

                class Admin
                {
                    void Run()
                    {
                        Tenants.{|#0:DropTenant|}("t1");
                        Tenants.Inspect("t1");
                        new {|#1:Shredder|}().{|#2:Shred|}();
                    }

                    [ApprovedBy("alice@contoso.com", Reason = "Offboard tenant 2")]
                    void Offboard() => Tenants.DropTenant("t2");
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Contoso.Data.Tenants.DropTenant", "drops every tenant table (marked [Destructive])", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Contoso.Data.Shredder", "is marked [Destructive]", ""));
        test.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Contoso.Data.Shredder.Shred", "is marked [Destructive]", ""));
        await test.RunAsync();
    }

    [Fact]
    public async Task ImplementationOfADestructiveInterfaceMemberFromAReference_IsFlagged_InAProjectThatNeverNamesTheAttribute()
    {
        var library = await CompileLibraryAsync(
            """
            namespace Contoso.Data
            {
                public interface IStore
                {
                    [Checkpoint.Destructive("Deletes every record")]
                    void Wipe();
                }

                public abstract class StoreBase
                {
                    [Checkpoint.Destructive("Deletes every record")]
                    public abstract void Reset();
                }
            }
            """);

        var test = new CheckpointTest<EmptyCodeFixProvider>
        {
            TestCode = """
                class Store : Contoso.Data.StoreBase, Contoso.Data.IStore
                {
                    public void Wipe() { }
                    public override void Reset() { }
                }

                class Admin
                {
                    void Run(Store store)
                    {
                        store.{|CHK001:Wipe|}();
                        store.{|CHK001:Reset|}();
                        ((Contoso.Data.IStore)store).{|CHK001:Wipe|}();
                    }
                }
                """,
        };
        test.TestState.AdditionalReferences.Add(library);
        await test.RunAsync();
    }

    /// <summary>A first project of the solution, built as the package would build it: with its own copy of the attributes.</summary>
    private static async Task<MetadataReference> CompileLibraryAsync(string source)
    {
        var framework = await ReferenceAssemblies.Net.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None);
        var compilation = CSharpCompilation.Create(
            "Contoso.Data",
            [CSharpSyntaxTree.ParseText(CheckpointAttributesSource.Text), CSharpSyntaxTree.ParseText(source)],
            framework,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return MetadataReference.CreateFromImage(ImmutableArray.Create(image.ToArray()));
    }
}
