using Checkpoint.Analyzers.Baseline;
using Checkpoint.Testing.Analyzers;
using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests.Families;

/// <summary>
/// A project that references no cloud SDK (a deploy tool, a build script) is still checked for the
/// .NET-only operations: recursive directory deletes, shell-outs that tear things down, raw SQL.
/// It gets there through the name-filtered syntax path, which must report exactly what the
/// operation path reports.
/// </summary>
public sealed class FrameworkOperationsWithoutSdkTests
{
    private const string DeployTool = """
        using System;
        using System.Data.Common;
        using System.Diagnostics;
        using System.IO;
        using static System.Diagnostics.Process;

        class Deploy
        {
            void TearDown(string path, DbCommand cmd, DirectoryInfo? maybe)
            {
                Process.[|Start|]("terraform", "destroy -auto-approve");
                var info = new ProcessStartInfo("kubectl", "delete ns prod");
                Process.[|Start|](info);
                [|Start|]("helm", "uninstall web");
                Directory.[|Delete|](path, true);
                new DirectoryInfo(path).[|Delete|](true);
                maybe?.[|Delete|](recursive: true);
                Action<string, bool> later = Directory.[|Delete|];
                cmd.CommandText = "DROP TABLE x";
                cmd.[|ExecuteNonQuery|]();
                Action inLambda = () => Directory.[|Delete|](path, true);
            }
        }
        """;

    [Fact]
    public async Task DeployToolWithoutAnySdk_IsFlaggedByDefault()
    {
        var flagged = await CheckpointProject.Create()
        .WithSourceCode(DeployTool)
        .ValidateAsync();

        Assert.Equal(
            ["CHK001", "CHK001", "CHK001", "CHK002", "CHK002", "CHK002", "CHK002", "CHK001", "CHK002"],
            flagged.Select(d => d.Id));
        Assert.Equal("Call to 'System.Diagnostics.Process.Start' runs 'kubectl delete' and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[1].GetMessage());
        Assert.Equal("Method group 'System.IO.Directory.Delete' deletes a directory and everything in it and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, flagged[6].GetMessage());
    }

    [Fact]
    public async Task LookAlikesWithoutAnySdk_AreNotFlagged()
    {
        await CheckpointProject.Create()
        .WithSourceCode("""
            using System;
            using System.Data.Common;
            using System.Diagnostics;
            using System.IO;
            using System.Linq.Expressions;
            using System.Threading.Tasks;

            class Machine
            {
                public void Start() { }
                public void Delete(string path, bool recursive) { }
            }

            class Everyday
            {
                void Run(Machine myThing, string path, DbCommand cmd, Range range, Task task)
                {
                    myThing.Start();
                    myThing.Delete(path, true);
                    task.Start();
                    File.Delete(path);
                    Directory.Delete(path);
                    Directory.Delete(path, false);
                    new DirectoryInfo(path).Delete();
                    Process.Start("notepad");
                    Process.Start("terraform", "plan -destroy");
                    var start = range.Start;
                    Action<string> nonRecursive = Directory.Delete;
                    cmd.CommandText = "DELETE FROM Orders WHERE Id = 1";
                    cmd.ExecuteNonQuery();
                    Expression<Action> described = () => Directory.Delete(path, true);
                    var name = nameof(Directory.Delete);
                }
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task AttestedTeardownWithoutAnySdk_IsNotFlagged()
    {
        await CheckpointProject.Create()
        .WithSourceCode("""
            using System.Diagnostics;
            using System.IO;
            using Checkpoint;

            class Deploy
            {
                [ApprovedBy("alice@example.com", Reason = "Decommissioning the staging stack")]
                void TearDown(string path)
                {
                    Process.Start("terraform", "destroy -auto-approve");
                    Directory.Delete(path, true);
                }

                void Clean(string path) => Directory.[|Delete|](path, true);
            }
            """)
        .ValidateAsync();
    }

    [Fact]
    public async Task SyntaxPathAndOperationPath_ReportTheSameSitesMessagesAndBaselineKeys()
    {
        var source = SourceMarkup.Parse(DeployTool).Text;

        var withoutSdks = await CheckpointProject.Create()
        .WithSourceCode(source).AnalyzeAsync();
        var withSdks = await CheckpointProject.WithSdks()
        .WithSourceCode(source).AnalyzeAsync();

        Assert.Equal(9, withoutSdks.Length);
        Assert.Equal(Describe(withSdks), Describe(withoutSdks));
    }

    [Fact]
    public async Task EveryPlaceCodeRuns_IsReportedAndKeyedTheSameByBothPaths()
    {
        const string Source = """
            using System;
            using System.Diagnostics;
            using System.IO;
            using System.Threading.Tasks;
            using Checkpoint;

            class Workspace
            {
                private static readonly Action Purge = () => Directory.Delete("/tmp/cache", true);
                private readonly Func<Process?> _destroy = () => Process.Start("terraform", "destroy -auto-approve");

                public Workspace(string path) => Directory.Delete(path, true);

                public bool Cleaned
                {
                    get { Directory.Delete("/srv/app", recursive: true); return true; }
                }

                async Task RunAsync(string path)
                {
                    await Task.Run(() => Directory.Delete(path, true));
                    Local();
                    Directory.Delete(path, true);

                    void Local() => Process.Start("kubectl", "delete ns prod");
                }

                [ApprovedBy("alice@example.com", Reason = "Nightly cache purge")]
                void Approved(string path)
                {
                    Run();
                    void Run() => Directory.Delete(path, true);
                }
            }
            """;

        var withoutSdks = await CheckpointProject.Create()
        .WithSourceCode(Source).AnalyzeAsync();
        var withSdks = await CheckpointProject.WithSdks()
        .WithSourceCode(Source).AnalyzeAsync();

        Assert.Equal(7, withoutSdks.Length);
        Assert.Equal(Describe(withSdks), Describe(withoutSdks));
    }

    [Fact]
    public async Task TopLevelStatementsWithoutAnySdk_AreFlaggedAndKeyedLikeTheOperationPath()
    {
        const string Script = """
            using System.Diagnostics;

            Process.Start("pulumi", "destroy --yes");
            """;

        var withoutSdks = await CheckpointProject.Create().WithOutputKind(OutputKind.ConsoleApplication)
        .WithSourceCode(Script).AnalyzeAsync();
        var withSdks = await CheckpointProject.WithSdks().WithOutputKind(OutputKind.ConsoleApplication)
        .WithSourceCode(Script).AnalyzeAsync();

        Assert.Equal("CHK001", Assert.Single(withoutSdks).Id);
        Assert.Equal(Describe(withSdks), Describe(withoutSdks));
    }

    [Fact]
    public async Task BaselinedSiteWithoutAnySdk_IsReportedAsSuppressed()
    {
        const string Script = """
            using System.IO;

            class Workspace
            {
                void Clean(string path) => Directory.Delete(path, true);
            }
            """;
        var key = (await CheckpointProject.Create()
        .WithSourceCode(Script).AnalyzeAsync()).Single().Properties[BaselineKey.PropertyName];

        var diagnostics = await CheckpointProject.Create().WithBaseline(key + Environment.NewLine)
        .WithSourceCode(Script).AnalyzeAsync();

        Assert.True(Assert.Single(diagnostics).IsSuppressed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FrameworkOperationsSetToNever_TurnsThemOff(bool withSdks)
    {
        var source = SourceMarkup.Parse(DeployTool).Text;

        var project = withSdks ? CheckpointProject.WithSdks() : CheckpointProject.Create();
        var diagnostics = await project
            .WithGlobalOption("checkpoint.framework_operations", "never")
            .WithSourceCode(source).AnalyzeAsync();

        Assert.Empty(diagnostics);
    }

    [Theory]
    [InlineData("always")]
    [InlineData("nevr")]
    [InlineData("")]
    public async Task FrameworkOperationsSetToAnythingElse_LeavesThemOn(string value)
    {
        var source = SourceMarkup.Parse(DeployTool).Text;

        var diagnostics = await CheckpointProject.Create()
            .WithGlobalOption("checkpoint.framework_operations", value)
            .WithSourceCode(source).AnalyzeAsync();

        Assert.Equal(9, diagnostics.Length);
    }

    [Fact]
    public async Task UnusualCallShapes_AreFlaggedLikeTheOperationPath()
    {
        const string Source = """
            using System;
            using System.Diagnostics;
            using System.IO;

            class Cleanup
            {
                void Run(string path, DirectoryInfo? maybe)
                {
                    ((Action<string, bool>)Directory.[|Delete|])(path, true);
                    maybe?.[|Delete|](true);
                    System.IO.Directory.[|Delete|](path, true);
                    global::System.Diagnostics.Process.[|Start|]("terraform", "destroy -auto-approve");
                }
            }
            """;

        var flagged = await CheckpointProject.Create()
        .WithSourceCode(Source)
        .ValidateAsync();

        Assert.Equal(4, flagged.Length);
        var source = SourceMarkup.Parse(Source).Text;
        Assert.Equal(Describe(await CheckpointProject.WithSdks()
        .WithSourceCode(source).AnalyzeAsync()), Describe(await CheckpointProject.Create()
        .WithSourceCode(source).AnalyzeAsync()));
    }

    [Fact]
    public async Task MethodGroupByBareName_UnderAStaticImport_IsFlagged()
    {
        const string Source = """
            global using static System.IO.Directory;
            using System;

            class Cleanup
            {
                Action<string, bool> Later() => [|Delete|];
            }
            """;

        var flagged = await CheckpointProject.Create()
        .WithSourceCode(Source)
        .ValidateAsync();

        Assert.Equal("Method group 'System.IO.Directory.Delete' deletes a directory and everything in it and has no [ApprovedBy] attestation" + CheckpointProject.Remedy, Assert.Single(flagged).GetMessage());
        Assert.Equal(Describe(await CheckpointProject.WithSdks()
        .WithSourceCode(SourceMarkup.Parse(Source).Text).AnalyzeAsync()), Describe(await CheckpointProject.Create()
        .WithSourceCode(SourceMarkup.Parse(Source).Text).AnalyzeAsync()));
    }

    [Fact]
    public async Task BareNamesInsideTypesThatInheritAnOperation_AreReportedOnceAndLikeTheOperationPath()
    {
        // Inside a Process subclass (and its nested and partial types) Start needs no receiver. A
        // Process.Start method group hides its command line, so only the calls are findings; the
        // syntax path must agree with the operation path on every one of them, without duplicates.
        const string Source = """
            using System;
            using System.Data;
            using System.Diagnostics;

            class Launcher : Process
            {
                private readonly Func<string, string, Process> _later = Start;

                void TearDown() => [|Start|]("terraform", "destroy -auto-approve");

                class Nested
                {
                    Func<string, string, Process> Later() => Start;

                    class Deeper
                    {
                        void TearDown() => [|Start|]("kubectl", "delete ns prod");
                    }
                }

                partial class Split
                {
                    void First() => [|Start|]("helm", "uninstall web");
                }

                partial class Split
                {
                    Func<string, string, Process> Second() => Start;
                }
            }

            interface ICommandWithCleanup : IDbCommand
            {
                Func<int> Later() => ExecuteNonQuery;
            }

            class Unrelated
            {
                // Not the framework's: a member of the same name.
                Func<int> Later() => Start;
                static int Start() => 0;
            }
            """;

        var flagged = await CheckpointProject.Create()
        .WithSourceCode(Source)
        .ValidateAsync();

        Assert.Equal(3, flagged.Length);
        var source = SourceMarkup.Parse(Source).Text;
        Assert.Equal(Describe(await CheckpointProject.WithSdks()
        .WithSourceCode(source).AnalyzeAsync()), Describe(await CheckpointProject.Create()
        .WithSourceCode(source).AnalyzeAsync()));
    }

    private static string[] Describe(IEnumerable<Diagnostic> diagnostics)
        => [.. diagnostics.Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage()} {d.Properties[BaselineKey.PropertyName]} {d.IsSuppressed}")];

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task FrameworkOperationsSetToNeverInAnEditorConfigSection_TurnsThemOffForItsFiles(bool withSdks)
    {
        var source = SourceMarkup.Parse(DeployTool).Text;
        var project = withSdks ? CheckpointProject.WithSdks() : CheckpointProject.Create();

        var diagnostics = await project
            .WithEditorConfigOption("checkpoint.framework_operations", "never")
            .WithSourceCode(source).AnalyzeAsync();

        Assert.Empty(diagnostics);
    }

    [Fact]
    public async Task DiagnosticProperties_CarryTheConstantTarget()
    {
        var diagnostics = await CheckpointProject.Create()
            .WithSourceCode("""
                using System.IO;

                class Workspace
                {
                    void Clean() => Directory.Delete("/srv/build", true);
                }
                """)
            .AnalyzeAsync();

        Assert.Equal("/srv/build", Assert.Single(diagnostics).Properties[DiagnosticProperties.Target]);
    }
}
