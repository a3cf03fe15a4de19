// Stub of Pulumi.Automation (not served here), after pulumi/pulumi-dotnet sdk/Pulumi.Automation:
// Workspace.cs, WorkspaceStack.cs, RemoteWorkspaceStack.cs, DestroyOptions.cs, UpdateOptions.cs.
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Pulumi.Automation
{
    public class UpdateOptions
    {
        public int? Parallel { get; set; }
        public string? Message { get; set; }
        public Action<string>? OnStandardOutput { get; set; }
        public Action<string>? OnStandardError { get; set; }
    }

    public sealed class DestroyOptions : UpdateOptions
    {
        public bool? ExcludeDependents { get; set; }
        public bool? TargetDependents { get; set; }
        public bool? ShowSecrets { get; set; }
        public bool? PreviewOnly { get; set; }
        public bool? ContinueOnError { get; set; }
        public bool? Refresh { get; set; }
        public bool? RunProgram { get; set; }
    }

    public sealed class PreviewOptions : UpdateOptions
    {
    }

    public class RemoteUpdateOptions
    {
        public Action<string>? OnStandardOutput { get; set; }
        public Action<string>? OnStandardError { get; set; }
    }

    public sealed class RemoteDestroyOptions : RemoteUpdateOptions
    {
    }

    public class UpdateResult
    {
    }

    public sealed class PreviewResult
    {
    }

    public abstract class Workspace : IDisposable
    {
        public abstract Task SelectStackAsync(string stackName, CancellationToken cancellationToken = default);
        public abstract Task RemoveStackAsync(string stackName, CancellationToken cancellationToken = default);
        public void Dispose()
        {
        }
    }

    public sealed class LocalWorkspace : Workspace
    {
        public static Task<LocalWorkspace> CreateAsync(CancellationToken cancellationToken = default) => throw null!;
        public override Task SelectStackAsync(string stackName, CancellationToken cancellationToken = default) => throw null!;
        public override Task RemoveStackAsync(string stackName, CancellationToken cancellationToken = default) => throw null!;
    }

    public sealed class WorkspaceStack : IDisposable
    {
        public Workspace Workspace => throw null!;
        public Task<UpdateResult> DestroyAsync(DestroyOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public Task<PreviewResult> PreviewAsync(PreviewOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public void Dispose()
        {
        }
    }

    public sealed class RemoteWorkspaceStack : IDisposable
    {
        public Task<UpdateResult> DestroyAsync(RemoteDestroyOptions? options = null, CancellationToken cancellationToken = default) => throw null!;
        public void Dispose()
        {
        }
    }
}
