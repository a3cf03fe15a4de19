namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `approve` runs git a bounded number of times: a wrapper first on PATH logs every git process the
/// installed tool starts (the dotnet restore of the merge-base starts none of its own here).
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class GitProcessBudgetTests(InstalledTool tool)
{
    private const int Budget = 15;

    /// <summary>One change resolution of 7 git processes before the review, git add and git commit, and a second resolution after the commit through the same open repository and object reader (5 more).</summary>
    [Fact]
    public void Approve_StartsAtMostFifteenGitProcesses()
    {
        var processes = ApproveCountingGit(noBuild: false);
        Assert.True(processes.Count <= Budget, $"{processes.Count} git processes (budget {Budget}):\n{string.Join("\n", processes)}");
    }

    /// <summary>The review reads trees and blobs through the resolved change's own object reader: analyzing operations, even with a cold review cache, starts no git process.</summary>
    [Fact]
    public void ReviewInsideApprove_StartsNoGitProcessOfItsOwn()
    {
        var withAnalysis = ApproveCountingGit(noBuild: false);
        var withoutAnalysis = ApproveCountingGit(noBuild: true);

        Assert.Equal(withoutAnalysis.Select(Verb), withAnalysis.Select(Verb));
    }

    private List<string> ApproveCountingGit(bool noBuild)
    {
        using var repository = ToolScenario.OnMain();
        repository.Write("src/Service.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        repository.Commit("A project", ToolScenario.Maintainer);
        repository.PushMain();
        repository.Git("checkout", "-q", "-b", "copilot/answer");
        repository.Write("src/Service.cs", "class Service { int Answer() => 43; }\n");
        repository.Commit("Fix the answer", ToolScenario.Agent);
        repository.ActAs(SshKey.Alice);
        var wrapper = Directory.CreateDirectory(Path.Combine(repository.Folder, "git-wrapper")).FullName;
        var log = Path.Combine(wrapper, "git.log");
        var realGit = ProcessRunner.RunChecked("sh", ["-c", "command -v git"], repository.Folder).StandardOutput.Trim();
        File.WriteAllText(Path.Combine(wrapper, "git"), $"#!/bin/sh\nprintf '%s\\n' \"$(echo \"$*\" | tr '\\n' ' ')\" >> '{log}'\nexec '{realGit}' \"$@\"\n");
        ProcessRunner.RunChecked("chmod", ["+x", Path.Combine(wrapper, "git")], repository.Folder);
        var environment = ProcessEnvironment.Local(new Dictionary<string, string?>
        {
            ["PATH"] = wrapper + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
            ["XDG_CACHE_HOME"] = Path.Combine(repository.Folder, "cache"),
        });

        var result = tool.Run(repository.Root, environment, noBuild ? ["approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes", "--no-build"] : ["approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        return File.ReadAllLines(log).Select(Command).ToList();
    }

    // The neutral options Core puts before every command are the same each time; the command follows them.
    private static string Command(string line) =>
        line.IndexOf("diff.noprefix=false ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + "diff.noprefix=false ".Length)..] : line;

    private static string Verb(string command) => command.Split(' ')[0];
}
