using Checkpoint.Tool.Baseline;

namespace Checkpoint.Tool.Tests.Baseline;

/// <summary>Reading a compiler's SARIF 2.1 log: keys from the CheckpointBaselineKey property, never from message text.</summary>
public sealed class CompilerLogTests
{
    [Fact]
    public void KeysComeFromTheDiagnosticProperty_AndSuppressedSitesCountAsListed()
    {
        var sites = Read("""
            {"version":"2.1.0","runs":[{"results":[
              {"ruleId":"CHK001","level":"error","message":{"text":"M:Not.The.Key() #9"},
               "properties":{"customProperties":{"CheckpointBaselineKey":"M:A.B() X.Y.Delete #1"}}},
              {"ruleId":"CHK002","level":"warning","message":{"text":"t"},"suppressions":[{"kind":"inSource"}],
               "properties":{"customProperties":{"CheckpointBaselineKey":"M:A.C() X.Y.Stop #1"}}},
              {"ruleId":"CHK007","level":"error","message":{"text":"stale"}},
              {"ruleId":"CA1822","level":"warning","message":{"text":"static"}}
            ]}]}
            """);

        Assert.Equal(["M:A.B() X.Y.Delete #1"], sites.Unlisted);
        Assert.Equal(["M:A.B() X.Y.Delete #1", "M:A.C() X.Y.Stop #1"], sites.All.Order(StringComparer.Ordinal));
        Assert.Empty(sites.CompileErrors);
    }

    [Fact]
    public void CompilerErrors_AreCollected()
    {
        var sites = Read("""{"version":"2.1.0","runs":[{"results":[{"ruleId":"CS0103","level":"error","message":{"text":"The name 'x' does not exist"}}]}]}""");

        Assert.Equal(["CS0103: The name 'x' does not exist"], sites.CompileErrors);
    }

    [Fact]
    public void ASiteWithoutItsKey_IsAnErrorNamingThePackage()
    {
        var error = Assert.Throws<ToolException>(() => Read("""{"version":"2.1.0","runs":[{"results":[{"ruleId":"CHK001","level":"error","message":{"text":"t"}}]}]}"""));

        Assert.Contains("CheckpointBaselineKey", error.Message, StringComparison.Ordinal);
    }

    private static ProjectSites Read(string sarif)
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, sarif);
            var sites = new ProjectSites("/src/A/A.csproj");
            CompilerLog.ReadInto(path, sites);
            return sites;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
