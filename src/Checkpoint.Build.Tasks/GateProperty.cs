namespace Checkpoint.Build.Tasks;

/// <summary>The global properties every project passes to build/Checkpoint.Gate.proj.</summary>
internal static class GateProperty
{
    public const string RepositoryDirectory = "CheckpointRepositoryDirectory";
    public const string BaseRef = "CheckpointBaseRef";
    public const string SkipReason = "CheckpointSkipReason";
}
