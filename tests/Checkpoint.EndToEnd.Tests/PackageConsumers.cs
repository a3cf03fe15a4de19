namespace Checkpoint.EndToEnd.Tests;

/// <summary>
/// Every test that uses the packed package runs in this one collection: consumer builds are
/// CPU-bound on a two-core machine, so running them one at a time costs little, and the work
/// area can be deleted when the last of them is done.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackageConsumers : ICollectionFixture<PackageConsumers.WorkArea>
{
    public const string Name = "Package consumers";

    public sealed class WorkArea : IDisposable
    {
        public void Dispose() => PackedPackage.DeleteWorkArea();
    }
}
