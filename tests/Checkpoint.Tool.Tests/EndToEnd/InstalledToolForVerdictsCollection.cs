namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>A second installed copy, so the verdict tests run beside the other command tests on two cores.</summary>
[CollectionDefinition(Name)]
public sealed class InstalledToolForVerdictsCollection : ICollectionFixture<InstalledTool>
{
    public const string Name = "installed checkpoint tool, verdicts";
}
