namespace Checkpoint.Analyzers.Tests;

/// <summary>CHK010: a [Destructive] marking that callers through an interface or a base class would never see.</summary>
public sealed class DestructiveMarkingTests
{
    [Fact]
    public Task DestructiveImplementationOfAnUnmarkedInterfaceOrBaseMember_IsCHK010() => CheckpointProject.Create()
        .WithSourceCode("""
            using Checkpoint;

            interface ITenants
            {
                void Drop(string id);
            }

            abstract class TenantsBase
            {
                public abstract void Purge();
            }

            sealed class Tenants : TenantsBase, ITenants
            {
                [{|#0:Destructive("Drops the tenant's tables")|}]
                public void Drop(string id) { }

                [{|#1:Destructive|}]
                public override void Purge() { }
            }
            """)
        .ShouldReportDiagnostic(
            CheckpointProject.Diagnostic(RuleDescriptors.HiddenDestructiveMarking).WithLocation(0).WithArguments("Tenants.Drop(string)", "ITenants.Drop(string)"),
            CheckpointProject.Diagnostic(RuleDescriptors.HiddenDestructiveMarking).WithLocation(1).WithArguments("Tenants.Purge()", "TenantsBase.Purge()"))
        .ValidateAsync();

    [Fact]
    public Task MarkingOnTheInterfaceMemberToo_IsQuiet_AndCallersThroughItAreFlagged() => CheckpointProject.Create()
        .WithSourceCode("""
            using Checkpoint;

            interface ITenants
            {
                [Destructive("Drops the tenant's tables")]
                void Drop(string id);
            }

            sealed class Tenants : ITenants
            {
                [Destructive("Drops the tenant's tables")]
                public void Drop(string id) { }
            }

            class Offboarding
            {
                void Run(ITenants tenants) => tenants.[|Drop|]("t1");
            }
            """)
        .ValidateAsync();
}
