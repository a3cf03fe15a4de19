namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>The tests that build consumers of the packed analyzers with the installed tool, beside the other collections.</summary>
[CollectionDefinition(Name)]
public sealed class AnalyzerPackageCollection : ICollectionFixture<InstalledTool>, ICollectionFixture<ConsumerWorkArea.Cleanup>
{
    public const string Name = "analyzer package and installed tool";
}
