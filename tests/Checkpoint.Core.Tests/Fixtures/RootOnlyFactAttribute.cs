namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>A fact that needs root (to give a folder to another user); skipped, and says so, otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootOnlyFactAttribute : FactAttribute
{
    public RootOnlyFactAttribute()
    {
        if (OperatingSystem.IsWindows() || Environment.UserName != "root")
        {
            Skip = "needs root on Unix to create a repository owned by another user";
        }
    }
}
