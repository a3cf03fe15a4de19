namespace Checkpoint.EndToEnd.Tests;

/// <summary>A consumer with TargetFrameworks: diagnostics in every inner build, the gate once.</summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class MultiTargetingTests
{
    [Fact]
    public void MultiTargetedProject_ReportsChk001_AndRunsTheGateOnce()
    {
        var consumer = Consumer.Create("multi-targeted")
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
        var build = consumer.RestoreAndBuild(extraArguments: "-v:n");

        Assert.False(build.Succeeded, build.ToString());
        var errors = BuildOutput.Errors(build.Output).Select(e => (e.FileName, e.Line, e.Code)).Distinct().ToList();
        Assert.Equal([("Tenants.cs", 10, "CHK001")], errors);
        // Both inner builds compiled and reported the error, and the gate was evaluated once for both.
        var lines = build.Output.Split('\n');
        Assert.Contains(lines, line => line.Contains("error CHK001", StringComparison.Ordinal) && line.Contains("TargetFramework=net8.0]", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("error CHK001", StringComparison.Ordinal) && line.Contains("TargetFramework=net10.0]", StringComparison.Ordinal));
        Assert.Equal(1, BuildOutput.CountLines(build.Output, GateLog.Evaluated));
    }
}
