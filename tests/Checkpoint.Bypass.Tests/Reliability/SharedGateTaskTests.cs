using System.Text.RegularExpressions;
using Checkpoint.Build.Tasks;
using Checkpoint.Bypass.Tests.Infrastructure;
using Microsoft.Build.Framework;

namespace Checkpoint.Bypass.Tests.Reliability;

/// <summary>
/// What the shared gate task (<see cref="CheckpointGate"/>) writes in CI, exactly: each error and
/// warning with its code, file and help link, the lines at each importance, the verdict item, and
/// the key under which the node keeps the verdict for the other projects. They set CI=true in this
/// process, so they run alone.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class SharedGateTaskTests : IDisposable
{
    private const string HelpLinks = "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/";

    private readonly string? _ci = Environment.GetEnvironmentVariable("CI");

    public SharedGateTaskTests() => Environment.SetEnvironmentVariable("CI", "true");

    public void Dispose() => Environment.SetEnvironmentVariable("CI", _ci);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void CalledWithoutADirectory_FailsClosedInOneLineAgainstTheCallingProject(string? directory)
    {
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = directory };

        Assert.True(gate.Execute());
        AssertVerdict(("Failed", "false", "CHK106"), gate);
        var error = Assert.Single(engine.Errors);
        // No file of its own: MSBuild names the project that ran the task.
        Assert.Equal(("Checkpoint", "CHK106", "test.proj", HelpLinks + "CHK106.md"), (error.Subcategory, error.Code, error.File, error.HelpLink));
        Assert.Equal("The Checkpoint gate was called without a directory and fails closed.", error.Message);
        Assert.Empty(engine.RegisteredKeys);
    }

    [Fact]
    public void UnapprovedBranch_WritesTheGatesOneErrorAgainstTheRepositoryRoot_WithItsHelpLink()
    {
        // Called from a folder inside the repository, with no base given (an empty MSBuild property is never set).
        using var repo = Scenario.AgentChange();
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = Path.Combine(repo.Root, "src") };

        Assert.True(gate.Execute());
        AssertVerdict(("Failed", "false", "CHK100"), gate);
        var error = Assert.Single(engine.Errors);
        Assert.Equal(("Checkpoint", "CHK100", repo.Root, HelpLinks + "CHK100.md"), (error.Subcategory, error.Code, error.File, error.HelpLink));
        Assert.StartsWith($"branch '{Scenario.AgentBranch}' needs a signed approval", error.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Warnings);
        Assert.Contains(engine.MessageEvents, m => m.Importance == MessageImportance.Normal && m.Message == $"Checkpoint gate evaluated for {repo.Root}: Failed.");
    }

    [Fact]
    public void FileTheGateNames_IsWrittenAsAFullPath()
    {
        using var repo = Scenario.AgentChange();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "approvals-link"), ".checkpoint/approvals");
        repo.Commit("Link the approvals", TestRepository.CopilotAuthor);
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root };

        Assert.True(gate.Execute());
        AssertVerdict(("Failed", "false", "CHK101"), gate);
        var link = Assert.Single(engine.Errors, e => e.Code == "CHK101");
        Assert.Equal(Path.Combine(repo.Root, "approvals-link"), link.File);
        Assert.Contains("'approvals-link' is a symlink to '.checkpoint/approvals'", link.Message, StringComparison.Ordinal);
        Assert.Equal(repo.Root, Assert.Single(engine.Errors, e => e.Code == "CHK100").File);
    }

    [Fact]
    public void BaseRefInCi_IsIgnoredWithAWarningThatHasNoCodeAndNoHelpLink()
    {
        using var repo = Scenario.AgentChange();
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root, BaseRef = "  origin/release  " };

        Assert.True(gate.Execute());
        AssertVerdict(("Failed", "false", "CHK100"), gate);
        var warning = Assert.Single(engine.Warnings);
        Assert.Equal(("Checkpoint", repo.Root, null), (warning.Subcategory, warning.File, warning.HelpLink));
        Assert.True(string.IsNullOrEmpty(warning.Code), warning.Code);
        Assert.Equal("CheckpointBaseRef 'origin/release' was ignored: in CI the base is origin/HEAD (refs/remotes/origin/main), never a value the branch can set", warning.Message);
    }

    [Fact]
    public void VerdictOfTheSharedTask_IsKeptUnderTheKeyTheProjectsAskFor()
    {
        using var repo = Scenario.AgentChange();
        var engine = new RecordingBuildEngine();
        var scope = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = Path.Combine(repo.Root, "src") };
        Assert.True(scope.Execute());
        Assert.Empty(scope.KnownVerdict);

        // MSBuild leaves a task parameter unset (null) when the property is empty.
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = Property(scope, "CheckpointRepositoryDirectory") };
        Assert.True(gate.Execute());

        var next = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = repo.Root };
        Assert.True(next.Execute());
        var known = Assert.Single(next.KnownVerdict);
        Assert.Equal(("Failed", "false", "CHK100"), (known.ItemSpec, known.GetMetadata("Passed"), known.GetMetadata("Code")));
    }

    [Fact]
    public void VerdictForAGivenBase_IsKeptUnderThatBase()
    {
        using var repo = Scenario.AgentChange();
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root, BaseRef = " origin/release " };
        Assert.True(gate.Execute());

        var sameBase = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = repo.Root, BaseRef = "origin/release" };
        Assert.True(sameBase.Execute());
        Assert.Equal("Failed", Assert.Single(sameBase.KnownVerdict).ItemSpec);

        var noBase = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = repo.Root };
        Assert.True(noBase.Execute());
        Assert.Empty(noBase.KnownVerdict);
    }

    [Fact]
    public void ProtectedBranchTipInCi_PassesWithoutACode_AndTheGatesLineIsWrittenAtHighImportance()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root };

        Assert.True(gate.Execute());
        AssertVerdict(("NotGated", "true", string.Empty), gate);
        Assert.Empty(engine.Errors);
        Assert.Empty(engine.Warnings);
        var line = Assert.Single(engine.MessageEvents, m => m.Importance == MessageImportance.High);
        Assert.StartsWith("Checkpoint: not gated: ", line.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EvaluationAtDiagnosticVerbosity_SaysHowLongEachPartTook()
    {
        using var repo = TestRepository.Create();
        var engine = new RecordingBuildEngine();
        var gate = new CheckpointGate { BuildEngine = engine, RepositoryDirectory = repo.Root };

        Assert.True(gate.Execute());
        var low = engine.MessageEvents.Where(m => m.Importance == MessageImportance.Low).Select(m => m.Message ?? string.Empty).ToList();
        Assert.Equal(3, low.Count);
        Assert.Matches(new Regex(@"^Checkpoint gate: task started \d+ ms before the evaluation\.$"), low[0]);
        Assert.StartsWith("Checkpoint gate timings: ", low[1], StringComparison.Ordinal);
        Assert.EndsWith("outcome NotGated", low[1].Split(" (")[0], StringComparison.Ordinal);
        Assert.Matches(new Regex(@"^Checkpoint gate: task done after \d+ ms\.$"), low[2]);
    }

    [Fact]
    public void ExceptionTextOverSeveralLines_IsWrittenOnOneLine()
    {
        var engine = new RecordingBuildEngine { FailLookup = true, FailureText = "first\nsecond\rthird\r\n" };
        var scope = new CheckpointGateScope { BuildEngine = engine, ProjectDirectory = Path.GetTempPath() };

        Assert.False(scope.Execute());
        Assert.Equal("The Checkpoint gate could not locate the repository and fails closed: first second third", Assert.Single(engine.Errors).Message);
    }

    private static void AssertVerdict((string Outcome, string Passed, string Code) expected, CheckpointGate gate)
    {
        var verdict = Assert.Single(gate.Verdict);
        Assert.Equal(expected, (verdict.ItemSpec, verdict.GetMetadata("Passed"), verdict.GetMetadata("Code")));
    }

    private static string Property(CheckpointGateScope scope, string name) =>
        scope.GateProperties.Select(p => p.ItemSpec.Split('=', 2)).Single(p => p[0] == name)[1];
}
