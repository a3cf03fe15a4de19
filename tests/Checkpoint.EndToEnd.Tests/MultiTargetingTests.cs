namespace Checkpoint.EndToEnd.Tests;

/// <summary>A consumer with TargetFrameworks: diagnostics in every inner build, the gate once.</summary>
public sealed class MultiTargetingTests
{
    [Fact]
    public void MultiTargetedProject_ReportsChk001_AndRunsTheGateOnce()
    {
        Consumer consumer = Consumer.Create("multi-targeted")
            .WriteProject("Multi.csproj", targetFrameworks: "net8.0;net10.0")
            .Write("Tenants.cs", """
                using Checkpoint;

                namespace Multi;

                public static class Tenants
                {
                    [Destructive("Drops every tenant table")]
                    public static void DropTenant(string tenant) => _ = tenant;

                    public static void Offboard(string tenant) => DropTenant(tenant);
                }
                """);
        ProcessResult restore = consumer.Restore();
        Assert.True(restore.Succeeded, restore.ToString());

        ProcessResult build = consumer.Build(extraArguments: "-v:n");

        Assert.False(build.Succeeded, build.ToString());
        var errors = BuildOutput.Errors(build.Output).Select(e => (e.FileName, e.Line, e.Code)).Distinct().ToList();
        Assert.Equal([("Tenants.cs", 10, "CHK001")], errors);
        // Both inner builds compiled (each reports the error), and the gate ran for only one of them.
        Assert.Contains("net8.0", build.Output, StringComparison.Ordinal);
        Assert.Equal(1, BuildOutput.CountLines(build.Output, GateLog.Evaluated));
    }
}
