namespace Checkpoint.Tool.Tests.EndToEnd;

[CollectionDefinition(Name)]
public sealed class InstalledToolCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed checkpoint tool";
}
