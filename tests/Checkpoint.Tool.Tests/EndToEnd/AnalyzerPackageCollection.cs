namespace Checkpoint.Tool.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class AnalyzerPackageCollection : ICollectionFixture<AnalyzerPackage>
{
    public const string Name = "analyzer package and installed tool";
}
