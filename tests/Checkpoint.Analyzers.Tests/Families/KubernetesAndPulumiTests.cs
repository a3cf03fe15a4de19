namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>
/// Kubernetes: the real KubernetesClient 21.0.8. Pulumi Automation API: a stub
/// (Stubs/PulumiAutomation.cs), since Pulumi.Automation is not served here.
/// </summary>
public sealed class KubernetesAndPulumiTests
{
    [Fact]
    public async Task KubernetesDeleteExtensionsOnOperationGroups_AreFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using k8s;

            class Cluster
            {
                async Task RunAsync(IKubernetes client, Kubernetes concrete)
                {
                    await client.CoreV1.[|DeleteNamespacedPodAsync|]("web-0", "prod");
                    client.CoreV1.[|DeleteNamespace|]("prod");
                    await concrete.AppsV1.[|DeleteCollectionNamespacedDeploymentAsync|]("prod");
                    await client.CustomObjects.[|DeleteNamespacedCustomObjectAsync|]("group", "v1", "prod", "widgets", "w-1");
                    await CoreV1OperationsExtensions.[|DeleteNamespacedServiceAsync|](client.CoreV1, "svc", "prod");
                }
            }
            """)
        .ValidateAsync();

        Assert.All(flagged, d => Assert.Equal("CHK001", d.Id));
        Assert.Equal("Call to 'k8s.CoreV1OperationsExtensions.DeleteNamespacedPodAsync' deletes a Kubernetes pod (target 'web-0') and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
        Assert.Contains("deletes every Kubernetes deployment that matches a selector", flagged[2].GetMessage());
    }

    [Fact]
    public async Task KubernetesGenericClientAndClientSets_AreFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using k8s;
            using k8s.ClientSets;
            using k8s.Models;

            class Cluster
            {
                async Task RunAsync(GenericClient generic, PodClient pods, SecretClient secrets)
                {
                    await generic.[|DeleteNamespacedAsync<V1Pod>|]("prod", "web-0");
                    await pods.[|DeleteAsync|]("web-0", "prod");
                    await secrets.[|DeleteCollectionAsync|]("prod");
                }
            }
            """)
        .ValidateAsync();

        Assert.Contains("deletes a Kubernetes resource", flagged[0].GetMessage());
        Assert.Contains("deletes a Kubernetes pod", flagged[1].GetMessage());
    }

    [Fact]
    public async Task KubernetesDryRunAll_IsNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using k8s;
            using k8s.Models;

            class Cluster
            {
                async Task RunAsync(IKubernetes client)
                {
                    await client.CoreV1.DeleteNamespacedPodAsync("web-0", "prod", dryRun: "All");
                    client.CoreV1.DeleteNamespace("prod", new V1DeleteOptions { DryRun = new List<string> { "All" } });
                    await client.CoreV1.[|DeleteNamespacedPodAsync|]("web-0", "prod", dryRun: null);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task KubernetesReadsAndWatches_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using k8s;

            class Cluster
            {
                async Task RunAsync(IKubernetes client)
                {
                    await client.CoreV1.ListNamespacedPodAsync("prod");
                    await client.CoreV1.ReadNamespaceAsync("prod");
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task PulumiDestroyAndRemoveStack_AreFlagged()
    {
        var flagged = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Pulumi.Automation;

            class Environments
            {
                async Task TearDownAsync(WorkspaceStack stack, RemoteWorkspaceStack remote, LocalWorkspace workspace)
                {
                    await stack.[|DestroyAsync|]();
                    await remote.[|DestroyAsync|]();
                    await workspace.[|RemoveStackAsync|]("dev");
                    await stack.Workspace.[|RemoveStackAsync|]("dev");
                }
            }
            """)
        .ValidateAsync();

        Assert.Equal("Call to 'Pulumi.Automation.WorkspaceStack.DestroyAsync' destroys every resource in a Pulumi stack and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[0].GetMessage());
    }

    [Fact]
    public async Task PulumiPreviewOnlyDestroyAndPreview_AreNotFlagged()
    {
        await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System.Threading.Tasks;
            using Pulumi.Automation;

            class Environments
            {
                async Task PlanAsync(WorkspaceStack stack)
                {
                    await stack.DestroyAsync(new DestroyOptions { PreviewOnly = true });
                    var options = new DestroyOptions { Parallel = 4 };
                    options.PreviewOnly = true;
                    await stack.DestroyAsync(options);
                    await stack.PreviewAsync();
                    await stack.[|DestroyAsync|](new DestroyOptions { PreviewOnly = false });
                }
            }
            """)
        .ValidateAsync();
    }
}
