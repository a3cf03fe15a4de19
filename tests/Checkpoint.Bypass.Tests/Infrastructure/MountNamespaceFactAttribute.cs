using System.Diagnostics;

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
            var startInfo = new ProcessStartInfo("unshare", ["--mount", "--propagation", "private", "true"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(startInfo)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
