namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>The tests that build consumers of the packed packages: one at a time, and the work area deleted after the last.</summary>
[CollectionDefinition(ConsumerWorkArea.Collection)]
public sealed class PackageConsumers : ICollectionFixture<ConsumerWorkArea.Cleanup>;
