namespace Checkpoint.Analyzers.Catalogue;

/// <summary>How much harm an operation can do, and so which rule reports it.</summary>
internal enum OperationTier
{
    /// <summary>Not an operation Checkpoint reports; a catalogue entry with this tier switches another off.</summary>
    Ignore,

    /// <summary>Stops, reboots, detaches or revokes something that can be brought back (CHK002).</summary>
    Disruptive,

    /// <summary>Deletes or destroys resources or data (CHK001).</summary>
    Destructive,
}
