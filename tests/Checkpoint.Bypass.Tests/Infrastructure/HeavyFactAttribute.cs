namespace Checkpoint.Bypass.Tests.Infrastructure;

/// <summary>
/// A full-size reliability test (100,000 files, a 2 GB blob): minutes of disk and CPU, so it runs
/// only when <c>CHECKPOINT_HEAVY_TESTS=1</c>. CI runs the scaled-down twin of each.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class HeavyFactAttribute : FactAttribute
{
    public const string Variable = "CHECKPOINT_HEAVY_TESTS";

    public HeavyFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Skip = $"full-size run: set {Variable}=1";
        }
    }
}
