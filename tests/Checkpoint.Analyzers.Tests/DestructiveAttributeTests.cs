using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests;

/// <summary>[Destructive] turns a user's own member into an operation that needs an attestation.</summary>
public sealed class DestructiveAttributeTests
{
    [Fact]
    public Task CallToDestructiveMethod_IsCHK001_WithItsDescription() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Tenants.DropTenant", "drops every tenant table (marked [Destructive])", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Tenants.Forget", "is marked [Destructive]", ""))
        .ValidateAsync();

    [Fact]
    public Task CallsInsideDestructiveMethod_NeedNoAttestation() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ValidateAsync();

    [Fact]
    public Task DestructiveType_MakesEveryMemberAnOperation() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ValidateAsync();

    [Fact]
    public Task DestructiveConstructorAndProperty_AreFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Environment", "resets the environment (marked [Destructive])", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Access to", "Environment.Drained", "reading it drains the queue (marked [Destructive])", ""))
        .ValidateAsync();

    [Fact]
    public Task DestructiveExtensionMethod_IsFlaggedReducedAndNot() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "S3Cleanup.Nuke", "empties and deletes every bucket (marked [Destructive])", ""),
        CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "S3Cleanup.Nuke", "empties and deletes every bucket (marked [Destructive])", ""))
        .ValidateAsync();

    [Fact]
    public Task DestructiveInterfaceMember_IsFlaggedThroughImplementationsAndOverrides() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ValidateAsync();

    [Fact]
    public Task DestructiveGenericMethod_IsFlagged() => CheckpointProject.WithSdks()
        .WithSourceCode("""
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
        """)
        .ValidateAsync();

    [Fact]
    public Task DestructiveMethodInReferencedAssembly_IsFlagged_WithoutCS0436UnderInternalsVisibleTo()
    {
        var library = CompileLibrary(
            """
            [assembly: System.Runtime.CompilerServices.InternalsVisibleTo("Consumer")]

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

        return CheckpointProject.WithSdks()
            .WithReference(library)
            .WithSourceCode("""
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
                """)
            .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(0)
            .WithArguments("Call to", "Contoso.Data.Tenants.DropTenant", "drops every tenant table (marked [Destructive])", ""))
            .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(1)
            .WithArguments("Call to", "Contoso.Data.Shredder", "is marked [Destructive]", ""))
            .ShouldReportDiagnostic(CheckpointProject.Diagnostic(RuleDescriptors.UnattestedDestructiveOperation).WithLocation(2)
            .WithArguments("Call to", "Contoso.Data.Shredder.Shred", "is marked [Destructive]", ""))
            .ValidateAsync();
    }

    [Fact]
    public Task ImplementationOfADestructiveInterfaceMemberFromAReference_IsFlagged_InAProjectThatNeverNamesTheAttribute()
    {
        var library = CompileLibrary(
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

        return CheckpointProject.WithSdks()
            .WithReference(library)
            .WithSourceCode("""
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
                """)
            .ValidateAsync();
    }

    /// <summary>A first project of the solution, built as the package would build it: with its own copy of the attributes.</summary>
    private static MetadataReference CompileLibrary(string source)
        => new ProjectBuilder().WithAssemblyName("Contoso.Data").WithCheckpointAttributes().WithSourceCode(source).EmitReference();
}
