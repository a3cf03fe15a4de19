using Checkpoint.Bypass.Tests.Infrastructure;

namespace Checkpoint.Bypass.Tests.ThreatModel;

/// <summary>Rows 30-32: what the approver's own machine runs and sees during `checkpoint review` and `approve`.</summary>
public sealed class ReviewRowTests
{
    private static readonly string[] MarkerComponents = ["targets", "inline-task", "generator", "analyzer"];

    /// <summary>
    /// A branch whose Directory.Build.targets (a target and an inline task), source generator and
    /// analyzer (project references of the service) each write a marker file with $HOME in it.
    /// `review` and `approve` (real repository, real key) leave no marker and list those files first;
    /// a plain `dotnet build` of the same branch afterwards writes all four, so the markers work.
    /// </summary>
    [Fact]
    public void Row30_BranchBuildLogicGeneratorAndAnalyzer_NeverRunInReviewOrApprove()
    {
        using var repo = TestRepository.Create();
        var markers = Path.Combine(repo.Root, "..", "markers");
        Directory.CreateDirectory(markers);
        repo.Git("config", "user.name", "Alice");
        repo.Git("config", "user.email", SshKey.Alice.Principal);
        repo.Write(".gitignore", "bin/\nobj/\n");
        repo.Write("src/Service/Service.csproj", Project("net10.0", string.Empty));
        repo.Write("src/Service/Cleanup.cs", "public sealed class Cleanup { public int Count() => 0; }\n");
        repo.Commit("A service");
        repo.PushMain();

        repo.Branch(Scenario.AgentBranch);
        repo.Write("Directory.Build.targets", MarkerTargets(markers));
        repo.Write("src/Service/Service.csproj", Project("net10.0", """
            <ProjectReference Include="../Gen/Gen.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            <ProjectReference Include="../Lint/Lint.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
            """));
        repo.Write("src/Gen/Gen.csproj", RoslynComponentProject);
        repo.Write("src/Gen/MarkerGenerator.cs", MarkerSource(markers, "generator", """
            [Microsoft.CodeAnalysis.Generator]
            public sealed class MarkerGenerator : Microsoft.CodeAnalysis.IIncrementalGenerator
            {
                public void Initialize(Microsoft.CodeAnalysis.IncrementalGeneratorInitializationContext context) => Marker.Write();
            }
            """));
        repo.Write("src/Lint/Lint.csproj", RoslynComponentProject);
        repo.Write("src/Lint/MarkerAnalyzer.cs", MarkerSource(markers, "analyzer", """
            [Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer(Microsoft.CodeAnalysis.LanguageNames.CSharp)]
            public sealed class MarkerAnalyzer : Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer
            {
                // A command-line build skips analyzers whose diagnostics are all hidden or info.
                private static readonly Microsoft.CodeAnalysis.DiagnosticDescriptor Rule = new Microsoft.CodeAnalysis.DiagnosticDescriptor("MARK001", "Marker", "Marker", "Marker", Microsoft.CodeAnalysis.DiagnosticSeverity.Warning, isEnabledByDefault: true);

                public override System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.DiagnosticDescriptor> SupportedDiagnostics => System.Collections.Immutable.ImmutableArray.Create(Rule);

                public override void Initialize(Microsoft.CodeAnalysis.Diagnostics.AnalysisContext context) => Marker.Write();
            }
            """));
        repo.Commit("Add code generation", TestRepository.CopilotAuthor);
        var environment = new Dictionary<string, string?> { ["XDG_CACHE_HOME"] = Path.Combine(repo.Root, "..", "cache") };

        var review = CheckpointTool.Run(repo.Root, environment, "review");
        var approve = CheckpointTool.Run(repo.Root, environment, "approve", "--key", SshKey.Alice.PrivateKeyPath, "--yes");

        Assert.True(review.Succeeded, review.ToString());
        Assert.True(approve.Succeeded, approve.ToString());
        Assert.Empty(Directory.GetFiles(markers));
        var operations = review.Output.IndexOf("Destructive and disruptive operations", StringComparison.Ordinal);
        foreach (var file in new[] { "Directory.Build.targets", "src/Service/Service.csproj", "src/Gen/Gen.csproj", "src/Lint/Lint.csproj" })
        {
            var listed = review.Output.IndexOf("! " + file + " ", StringComparison.Ordinal);
            Assert.True(listed >= 0 && listed < operations, $"{file} must be listed as build logic before the operations:\n{review.Output}");
        }

        Assert.Contains("src/Gen/Gen.csproj is new on the branch", review.Output, StringComparison.Ordinal);
        Assert.Contains("Signed .checkpoint/approvals/", approve.Output, StringComparison.Ordinal);

        // The control: building the branch runs all four.
        var build = DotNet.Run(repo.Root, new Dictionary<string, string?>(), "build", "src/Service/Service.csproj", "-nologo", "-v:q");
        Assert.True(build.Succeeded, build.ToString());
        Assert.Equal(MarkerComponents.Order(StringComparer.Ordinal), Directory.GetFiles(markers).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(Directory.GetFiles(markers), marker => Assert.Contains(Environment.GetEnvironmentVariable("HOME") ?? "(no HOME)", File.ReadAllText(marker), StringComparison.Ordinal));
    }

    /// <summary>`*.cs -diff` turns every C# change into "Binary files differ" in plain `git diff`; the review diffs blobs itself.</summary>
    [Fact]
    public void Row31_GitAttributesMarkingSourcesBinary_HideNothingFromTheReview()
    {
        using var repo = Scenario.AgentChange();
        repo.Write(".gitattributes", "*.cs -diff\n")
            .Write("src/App.cs", "#pragma warning disable CHK001\nclass App\n{\n    static void Main() { }\n}\n")
            .Commit("Quiet the build", TestRepository.CopilotAuthor);

        var review = CheckpointTool.Run(repo.Root, Scenario.Local, "review", "--no-build");
        var plainDiff = repo.Git("diff", "origin/main", "HEAD", "--", "src/App.cs");

        Assert.Contains("Binary files", plainDiff, StringComparison.Ordinal);
        Assert.True(review.Succeeded, review.ToString());
        Assert.Contains("! src/App.cs:1 disables a CHK rule: #pragma warning disable CHK001", review.Output, StringComparison.Ordinal);
        Assert.Contains("! .gitattributes ", review.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("binary", review.Output[review.Output.IndexOf("Files changed", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    /// <summary>The manual review command in docs/approving.md shows the text too, whatever the branch's attributes say.</summary>
    [Fact]
    public void Row31_ApprovingDocsDiffCommand_ShowsTextDespiteTheBranchsAttributes()
    {
        const string Documented = "git -c core.attributesFile=/dev/null diff --text --no-textconv --no-ext-diff --no-renames";
        Assert.Contains(Documented + " <merge-base> HEAD", Checkpoint.Testing.SourceTree.ReadText("docs/approving.md"), StringComparison.Ordinal);
        using var repo = Scenario.AgentChange();
        repo.Write(".gitattributes", "*.cs -diff diff=hide\n")
            .Write("src/App.cs", "#pragma warning disable CHK001\nclass App { }\n")
            .Commit("Quiet the build", TestRepository.CopilotAuthor);
        repo.Git("config", "diff.hide.textconv", "true");

        var shown = repo.Git([.. Documented.Split(' ').Skip(1), "origin/main", "HEAD"]);

        Assert.Contains("+#pragma warning disable CHK001", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Row32_SymbolicLink_ReviewShowsWhereItPoints()
    {
        using var repo = Scenario.AgentChange();
        File.CreateSymbolicLink(Path.Combine(repo.Root, "src", "Shared.cs"), "../../outside/Shared.cs");
        repo.Commit("Share a file", TestRepository.CopilotAuthor);

        var review = CheckpointTool.Run(repo.Root, Scenario.Local, "review", "--no-build");

        Assert.True(review.Succeeded, review.ToString());
        Assert.Contains("src/Shared.cs (created) [symbolic link -> ../../outside/Shared.cs]", review.Output, StringComparison.Ordinal);
        Assert.Contains("! src/Shared.cs symbolic link to '../../outside/Shared.cs'", review.Output, StringComparison.Ordinal);
    }

    private static string Project(string targetFramework, string references) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>{targetFramework}</TargetFramework>
          </PropertyGroup>
          <ItemGroup>
            {references}
          </ItemGroup>
        </Project>
        """;

    private const string RoslynComponentProject = """
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>netstandard2.0</TargetFramework>
            <IsRoslynComponent>true</IsRoslynComponent>
            <NoWarn>$(NoWarn);RS1035;RS1036;RS1038;RS1041;RS2008</NoWarn>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="Microsoft.CodeAnalysis.CSharp" Version="4.8.0" PrivateAssets="all" />
          </ItemGroup>
        </Project>
        """;

    private static string MarkerSource(string markers, string name, string component) => $$"""
        internal static class Marker
        {
            public static void Write() => System.IO.File.WriteAllText(@"{{Path.Combine(Path.GetFullPath(markers), name)}}", System.Environment.GetEnvironmentVariable("HOME") ?? "(no HOME)");
        }

        {{component}}
        """;

    private static string MarkerTargets(string markers) => $$"""
        <Project InitialTargets="WriteMarkers">
          <UsingTask TaskName="WriteMarker" TaskFactory="RoslynCodeTaskFactory" AssemblyFile="$(MSBuildToolsPath)/Microsoft.Build.Tasks.Core.dll">
            <Task>
              <Code Type="Fragment" Language="cs">System.IO.File.WriteAllText(@"{{Path.Combine(Path.GetFullPath(markers), "inline-task")}}", System.Environment.GetEnvironmentVariable("HOME") ?? "(no HOME)");</Code>
            </Task>
          </UsingTask>
          <Target Name="WriteMarkers">
            <WriteLinesToFile File="{{Path.Combine(Path.GetFullPath(markers), "targets")}}" Lines="$(HOME)" Overwrite="true" />
            <WriteMarker />
          </Target>
        </Project>
        """;
}
