namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// Concurrent builds of the same repository, with real processes: two <c>dotnet build</c>
/// runs of one consumer solution start together, once without an approval and once with one. Each
/// build evaluates the gate exactly once and reaches the same verdict; neither crashes, meets a
/// lock, or leaves anything behind in the repository.
/// </summary>
[Collection(ConsumerWorkArea.Collection)]
public sealed class ConcurrentBuildTests
{
    /// <summary>Signs of two builds tripping over each other rather than over the gate.</summary>
    private static readonly string[] CollisionMarkers =
    [
        "being used by another process",
        "index.lock",
        "MSB3021", // unable to copy a file
        "MSB3026", // copy retry: the file is locked
        "MSB3027", // copy gave up after retries
        "MSB4018", // a task threw
        "MSB4166", // a build node died
        "Unhandled exception",
        "CHK106", // the gate itself could not run
    ];

    /// <summary>
    /// The SDK stamps HEAD's commit id into each assembly's informational version, so the approval
    /// commit alone would make every project compile again, and two builds compiling one project into
    /// one obj/ folder at once collide inside MSBuild and csc (MSB3026), with or without Checkpoint.
    /// Without the stamp, the builds below share everything the gate touches and compile nothing.
    /// </summary>
    private const string SameOutputsAcrossCommits = "-p:IncludeSourceRevisionInInformationalVersion=false";

    [Fact]
    public void TwoBuildsAtOnce_OfOneRepository_EachEvaluateTheGateOnce_BothFailUnapproved_AndBothPassApproved()
    {
        var repository = GatedRepository.Create("concurrent-shop");
        var shop = repository.Consumer;

        // Compile once first, alone, with the gate skipped locally (see SameOutputsAcrossCommits).
        var warm = shop.RestoreAndBuild(GatedRepository.Solution, ci: false, "-p:CheckpointSkip=true", SameOutputsAcrossCommits);
        Assert.True(warm.Succeeded, warm.ToString());

        // 1. No approval: both builds fail with CHK100 for the same diff.
        var unapproved = BuildTwiceAtOnce(shop);

        var requests = new List<(string Digest, string Repository)>();
        foreach (var build in unapproved)
        {
            Assert.False(build.Succeeded, build.ToString());
            AssertNoCollision(build);
            Assert.Equal(1, BuildOutput.CountLines(build.Output, GateLog.Evaluated));
            var errors = BuildOutput.Errors(build.Output).ToList();
            Assert.All(errors, e => Assert.Equal("CHK100", e.Code));
            requests.Add(GatedRepository.ReadApprovalRequest(Assert.Single(errors, e => e.Message.Contains("needs a signed approval", StringComparison.Ordinal))));
        }

        Assert.Single(requests.Distinct());

        // 2. Alice approves that diff: both builds pass, each after one evaluation.
        repository.AliceApproves(requests[0].Digest, requests[0].Repository);
        var approved = BuildTwiceAtOnce(shop);

        foreach (var build in approved)
        {
            Assert.True(build.Succeeded, build.ToString());
            Assert.Equal(3, BuildOutput.CountLines(build.Output, "Skipping target \"CoreCompile\""));
            AssertNoCollision(build);
            Assert.Equal(1, BuildOutput.CountLines(build.Output, GateLog.Evaluated));
            Assert.Contains("approved by " + GatedRepository.Approver, build.Output, StringComparison.Ordinal);
            Assert.Empty(BuildOutput.Errors(build.Output));
        }

        // The gate only reads: the repository holds exactly what was committed, with no stray lock.
        Assert.Equal(string.Empty, repository.Repository.Git("status", "--porcelain").Trim());
        Assert.False(File.Exists(Path.Combine(shop.Directory, ".git", "index.lock")), "a git lock file was left behind");
    }

    /// <summary>Two CI builds of the solution, started together, at normal verbosity (the gate's evaluation line shows there).</summary>
    private static ProcessResult[] BuildTwiceAtOnce(Consumer shop)
    {
        using var start = new Barrier(2);
        var builds = Enumerable.Range(0, 2)
            .Select(_ => Task.Factory.StartNew(
                () =>
                {
                    start.SignalAndWait();
                    return shop.Build(GatedRepository.Solution, ci: true, "-v:n", SameOutputsAcrossCommits);
                },
                TaskCreationOptions.LongRunning))
            .ToArray();
        Task.WaitAll(builds);
        return builds.Select(b => b.Result).ToArray();
    }

    private static void AssertNoCollision(ProcessResult build)
    {
        foreach (var marker in CollisionMarkers)
        {
            Assert.False(build.Output.Contains(marker, StringComparison.Ordinal), $"'{marker}' in the output of a concurrent build:\n{build}");
        }
    }
}
