namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// `approve` runs git a bounded number of times: a wrapper first on PATH logs every git process the
/// installed tool starts (the dotnet restore of the merge-base starts none of its own here).
/// </summary>
[Collection(InstalledToolCollection.Name)]
public sealed class GitProcessBudgetTests(InstalledTool tool)
{
    private const int Budget = 15;

    // The neutral options Core puts before every command are the same each time; the command follows them.
    private static string Command(string line) =>
        line.IndexOf("diff.noprefix=false ", StringComparison.Ordinal) is var at and >= 0 ? line[(at + "diff.noprefix=false ".Length)..] : line;

    [Fact]
    public void Approve_StartsAtMostFifteenGitProcesses()
    {
        using var repository = TestRepository.OnMain();
        repository.Write("src/Service.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
              </PropertyGroup>
            </Project>
            """);
        repository.CommitAsMaintainer("A project");
        repository.PublishMain();
        repository.Git("checkout", "-q", "-b", "copilot/answer");
        repository.Write("src/Service.cs", "class Service { int Answer() => 43; }\n");
        repository.CommitAsAgent("Fix the answer");
        repository.ActAs(repository.Alice);
        var wrapper = Directory.CreateDirectory(Path.Combine(repository.Root, "git-wrapper")).FullName;
        var log = Path.Combine(wrapper, "git.log");
        var realGit = ProcessRun.RunChecked("sh", ["-c", "command -v git"], repository.Root).Output.Trim();
        File.WriteAllText(Path.Combine(wrapper, "git"), $"#!/bin/sh\nprintf '%s\\n' \"$(echo \"$*\" | tr '\\n' ' ')\" >> '{log}'\nexec '{realGit}' \"$@\"\n");
        ProcessRun.RunChecked("chmod", ["+x", Path.Combine(wrapper, "git")], repository.Root);
        var environment = ProcessRun.LocalEnvironment(new Dictionary<string, string?>
        {
            ["PATH"] = wrapper + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        });

        var result = tool.Run(repository.Work, environment, "approve", "--key", repository.Alice.PrivateKeyPath, "--yes");

        Assert.Equal(0, result.ExitCode);
        var processes = File.ReadAllLines(log);
        Assert.True(processes.Length <= Budget, $"{processes.Length} git processes (budget {Budget}):\n{string.Join("\n", processes.Select(Command))}");
    }
}
