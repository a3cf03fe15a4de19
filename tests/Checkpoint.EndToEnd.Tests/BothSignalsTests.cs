namespace Checkpoint.EndToEnd.Tests;

/// <summary>
/// One build of a gated, unapproved branch reports the analyzers' diagnostics with their locations
/// and the gate's verdict, and still fails before anything can run what it compiled.
/// </summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class BothSignalsTests
{
    private const string Purge = "namespace Jobs;\n\npublic static class Purge\n{\n    public static void Run(string folder) => System.IO.Directory.Delete(folder, true);\n}\n";

    /// <summary>A target a test run or publish would stand for: it must never run on an unapproved branch.</summary>
    private const string RunsTheOutput = """<Target Name="UseTheOutput" AfterTargets="Build"><WriteLinesToFile File="$(MSBuildProjectDirectory)/ran.txt" Lines="ran" Overwrite="true" /></Target>""";

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void UnapprovedDestructiveChange_ShowsTheAnalyzerErrorWithItsLocationAndChk100_AndNothingRuns(bool ci)
    {
        var repository = GatedRepository.Create(ci ? "both-signals-ci" : "both-signals-local");
        var shop = repository.Consumer;
        shop.Write("Jobs/Jobs.csproj", File.ReadAllText(shop.PathOf("Jobs/Jobs.csproj")).Replace("</Project>", RunsTheOutput + "\n</Project>", StringComparison.Ordinal));
        repository.AgentCommits("Jobs/Purge.cs", Purge, "Purge old folders");

        var build = shop.RestoreAndBuild("Jobs/Jobs.csproj", ci, "-v:n");

        Assert.False(build.Succeeded, build.ToString());
        var errors = BuildOutput.Errors(build.Output);
        Assert.Contains(errors, e => e.Code is "CHK001" or "CHK002" && e.FileName == "Purge.cs" && e.Line == 5);
        Assert.Contains(errors, e => e.Code == "CHK100");
        Assert.False(File.Exists(shop.PathOf("Jobs/bin/Debug/net10.0/Jobs.dll")), "the compiled output must not be copied");
        Assert.False(File.Exists(shop.PathOf("Jobs/ran.txt")), "nothing after the build may run");
    }

    [Fact]
    public void UnapprovedChangeWithoutAnalyzerErrors_CompilesButFailsRightAfterTheCompiler()
    {
        var repository = GatedRepository.Create("after-compile");
        var shop = repository.Consumer;
        shop.Write("Jobs/Jobs.csproj", File.ReadAllText(shop.PathOf("Jobs/Jobs.csproj")).Replace("</Project>", RunsTheOutput + "\n</Project>", StringComparison.Ordinal));
        repository.AgentCommits("Jobs/Nightly.cs", "namespace Jobs;\n\npublic static class Nightly\n{\n    public static int Hour => 4;\n}\n", "Later");

        var build = shop.RestoreAndBuild("Jobs/Jobs.csproj", ci: true, "-v:n");
        var again = shop.Build("Jobs/Jobs.csproj", ci: true, "-v:n");

        Assert.False(build.Succeeded, build.ToString());
        Assert.Contains(BuildOutput.Errors(build.Output), e => e.Code == "CHK100" && e.Message.Contains("The Checkpoint gate failed for this repository", StringComparison.Ordinal));
        Assert.True(File.Exists(shop.PathOf("Jobs/obj/Debug/net10.0/Jobs.dll")), "the compiler ran");
        Assert.False(File.Exists(shop.PathOf("Jobs/bin/Debug/net10.0/Jobs.dll")), "the compiled output must not be copied");
        Assert.False(File.Exists(shop.PathOf("Jobs/ran.txt")), "nothing after the build may run");

        // Up to date, the compiler is skipped and the gate still fails the project.
        Assert.False(again.Succeeded, again.ToString());
        Assert.Contains(BuildOutput.Errors(again.Output), e => e.Code == "CHK100");
        Assert.False(File.Exists(shop.PathOf("Jobs/bin/Debug/net10.0/Jobs.dll")));
    }
}
