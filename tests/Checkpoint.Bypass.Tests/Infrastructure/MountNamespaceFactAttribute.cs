namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>
/// A test that mounts part of the file system read-only in a private mount namespace. That needs
/// root with CAP_SYS_ADMIN (`unshare --mount`); elsewhere the test is skipped, and says why.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MountNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(Probe);

    public MountNamespaceFactAttribute()
    {
        if (!Available.Value)
        {
            Skip = "needs a private mount namespace for a read-only bind mount (unshare --mount as root)";
        }
    }

    private static bool Probe()
    {
        try
        {
            return ProcessRunner.Run("unshare", ["--mount", "--propagation", "private", "true"], Path.GetTempPath(), timeout: TimeSpan.FromSeconds(30)).Succeeded;
        }
        catch (InvalidOperationException)
        {
            // unshare is not installed.
            return false;
        }
    }
}
