using Microsoft.CodeAnalysis;

namespace Checkpoint.Analyzers.Tests.Baseline;

/// <summary>CheckpointBaseline.txt: adopting Checkpoint without letting a new call through. Real Google.Cloud.Storage.V1.</summary>
public sealed class BaselineTests
{
    private const string Cleanup = """
        using System.Threading.Tasks;
        using Google.Cloud.Storage.V1;

        namespace Ops;

        class Cleanup
        {
            async Task RetireAsync(StorageClient storage)
            {
                await storage.DeleteBucketAsync("staging-2019");
                storage.DeleteObject("logs", "a.txt");
                storage.DeleteObject("logs", "b.txt");
            }

            void Purge(StorageClient storage) => storage.DeleteBucket("scratch");
        }
        """;

    [Fact]
    public async Task EveryReportedSite_CarriesItsBaselineKey()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode(Cleanup).AnalyzeAsync();

        Assert.Equal(
            [
                "M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucketAsync #1",
                "M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #1",
                "M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #2",
                "M:Ops.Cleanup.Purge(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1",
            ],
            diagnostics.Select(d => d.Properties["CheckpointBaselineKey"]));
    }

    [Fact]
    public async Task SitesListedInTheBaseline_AreSuppressed_NewSitesStillFail()
    {
        var baseline = """
            // Sites that existed when Checkpoint was adopted.
            M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucketAsync #1
            M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #1

              M:Ops.Cleanup.Purge(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1
            """;

        var diagnostics = await CheckpointProject.WithSdks().WithBaseline(baseline)
        .WithSourceCode(Cleanup).AnalyzeAsync();

        Assert.Equal([true, true, false, true], diagnostics.Select(d => d.IsSuppressed));
        var unlisted = Assert.Single(diagnostics, d => !d.IsSuppressed);
        Assert.Equal("CHK001", unlisted.Id);
        Assert.EndsWith("DeleteObject #2", unlisted.Properties["CheckpointBaselineKey"]);
    }

    [Fact]
    public async Task KeysSurviveUnrelatedEdits()
    {
        var before = (await CheckpointProject.WithSdks()
        .WithSourceCode(Cleanup).AnalyzeAsync()).Select(d => d.Properties["CheckpointBaselineKey"]).ToList();

        var edited = Cleanup
            .Replace("namespace Ops;", "namespace Ops;\n\n// A comment and a new member above the sites.\nclass Unrelated { void M() { } }\n")
            .Replace("await storage.DeleteBucketAsync(\"staging-2019\");", "var x = 1;\n        await storage.DeleteBucketAsync(\"staging-2019\");\n        storage.GetBucket(\"other\");");
        var after = (await CheckpointProject.WithSdks()
        .WithSourceCode(edited).AnalyzeAsync()).Select(d => d.Properties["CheckpointBaselineKey"]).ToList();

        Assert.Equal(before, after);
    }

    [Fact]
    public async Task StaleEntries_AreReportedInTheBaselineFile()
    {
        var baseline = """
            M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucketAsync #1
            M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #3
            M:Ops.Gone.Run Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1
            """;

        var diagnostics = await CheckpointProject.WithSdks().WithBaseline(baseline)
        .WithSourceCode(Cleanup).AnalyzeAsync();

        var stale = diagnostics.Where(d => d.Id == "CHK007").ToList();
        Assert.Equal(2, stale.Count);
        Assert.All(stale, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal("/project/CheckpointBaseline.txt", stale[0].Location.GetLineSpan().Path);
        Assert.Equal(1, stale[0].Location.GetLineSpan().StartLinePosition.Line);
        Assert.Equal(
            "Baseline entry 'M:Ops.Cleanup.RetireAsync(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #3' (CheckpointBaseline.txt, line 2) matches no unattested call site any more: remove it",
            stale[0].GetMessage());
    }

    [Fact]
    public async Task AnAttestedSite_MakesItsEntryStale()
    {
        var attested = Cleanup.Replace(
            "    void Purge(",
            "    [Checkpoint.ApprovedBy(\"alice@contoso.com\", Reason = \"Scratch bucket\")]\n    void Purge(");
        var baseline = "M:Ops.Cleanup.Purge(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1";

        var diagnostics = await CheckpointProject.WithSdks().WithBaseline(baseline)
        .WithSourceCode(attested).AnalyzeAsync();

        Assert.Contains(diagnostics, d => d.Id == "CHK007");
    }

    [Fact]
    public async Task WithoutABaselineFile_NothingIsSuppressedOrStale()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode(Cleanup).AnalyzeAsync();

        Assert.All(diagnostics, d => Assert.False(d.IsSuppressed));
        Assert.DoesNotContain(diagnostics, d => d.Id == "CHK007");
    }

    [Fact]
    public async Task LambdasAndLocalFunctions_CountForTheirMember()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System;
            using Google.Cloud.Storage.V1;

            class Jobs
            {
                void Run(StorageClient storage)
                {
                    Action first = () => storage.DeleteBucket("a");
                    Local();
                    void Local() => storage.DeleteBucket("b");
                }
            }
            """).AnalyzeAsync();

        Assert.Equal(
            ["M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1",
             "M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #2"],
            diagnostics.Select(d => d.Properties["CheckpointBaselineKey"]));
    }

    [Fact]
    public async Task TopLevelStatementsAndFieldInitializers_HaveKeys()
    {
        var diagnostics = await CheckpointProject.WithSdks().WithOutputKind(OutputKind.ConsoleApplication)
        .WithSourceCode("""
            using Google.Cloud.Storage.V1;

            var storage = StorageClient.Create();
            storage.DeleteBucket("a");
            storage.DeleteBucket("b");

            class Jobs
            {
                private static readonly System.Action<string, DeleteBucketOptions?> Purge = StorageClient.Create().DeleteBucket;
            }
            """).AnalyzeAsync();

        var keys = diagnostics.Select(d => d.Properties["CheckpointBaselineKey"]).ToList();
        Assert.Equal(3, keys.Distinct().Count());
        Assert.EndsWith("Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1", keys[0]);
        Assert.EndsWith("Google.Cloud.Storage.V1.StorageClient.DeleteBucket #2", keys[1]);
        Assert.StartsWith("F:Jobs.Purge ", keys[2]);
    }

    [Fact]
    public async Task CallsAndMethodGroups_OfOneOperation_CountTogetherInSourceOrder()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using System;
            using Google.Cloud.Storage.V1;

            class Jobs
            {
                void Run(StorageClient storage)
                {
                    Action<string, DeleteBucketOptions?> later = storage.DeleteBucket;
                    storage.DeleteBucket("a");
                    storage.DeleteObject("logs", "a.txt");
                    storage.DeleteBucket("b");
                }
            }
            """).AnalyzeAsync();

        Assert.Equal(
            ["M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #1",
             "M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #2",
             "M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteObject #1",
             "M:Jobs.Run(Google.Cloud.Storage.V1.StorageClient) Google.Cloud.Storage.V1.StorageClient.DeleteBucket #3"],
            diagnostics.Select(d => d.Properties["CheckpointBaselineKey"]));
    }

    [Fact]
    public async Task NestedAndChainedCalls_GetDistinctKeys_InTheOrderTheirNamesAreWritten()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Checkpoint;

            class Shredder
            {
                [Destructive("Shreds the archive")]
                public Shredder Shred(Shredder? other = null) => this;

                void Run(Shredder s)
                {
                    s.Shred(s.Shred());
                    s.Shred().Shred();
                }
            }
            """).AnalyzeAsync();

        var keys = diagnostics
            .Where(d => d.Id == "CHK001")
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => d.Properties["CheckpointBaselineKey"]!)
            .ToList();
        Assert.Equal(4, keys.Count);
        Assert.Equal(["#1", "#2", "#3", "#4"], keys.Select(k => k.Substring(k.LastIndexOf(' ') + 1)));
    }

    [Fact]
    public async Task ObjectCreations_CountAmongTheConstructorsOfTheirType()
    {
        var diagnostics = await CheckpointProject.WithSdks()
        .WithSourceCode("""
            using Checkpoint;

            class Wiper
            {
                [Destructive("Wipes the disk")]
                public Wiper(Wiper? inner = null) { }
            }

            class Jobs
            {
                void Run()
                {
                    _ = new Wiper(new Wiper());
                    Wiper third = new();
                }
            }
            """).AnalyzeAsync();

        Assert.Equal(
            ["M:Jobs.Run Wiper..ctor #1", "M:Jobs.Run Wiper..ctor #2", "M:Jobs.Run Wiper..ctor #3"],
            diagnostics.Where(d => d.Id == "CHK001").Select(d => d.Properties["CheckpointBaselineKey"]));
    }

    [Fact]
    public async Task WithoutACloudSdk_FrameworkOperationsGetTheSameKeys()
    {
        var diagnostics = await CheckpointProject.Create()
        .WithSourceCode("""
            using System;
            using System.IO;

            class Cleanup
            {
                void Run(string root)
                {
                    Directory.Delete(root + "/a", recursive: true);
                    Action<string, bool> later = Directory.Delete;
                    Directory.Delete(root + "/b", true);
                }
            }
            """).AnalyzeAsync();

        Assert.Equal(
            ["M:Cleanup.Run(System.String) System.IO.Directory.Delete #1",
             "M:Cleanup.Run(System.String) System.IO.Directory.Delete #2",
             "M:Cleanup.Run(System.String) System.IO.Directory.Delete #3"],
            diagnostics.Select(d => d.Properties["CheckpointBaselineKey"]));
    }
}
