namespace Checkpoint.Tool.Analysis;

/// <summary>One path the change touches, as git's raw tree diff gives it (no rename detection).</summary>
/// <param name="Path">Repository-relative, forward slashes.</param>
/// <param name="Status">A (added), D (deleted), M (modified) or T (type changed).</param>
/// <param name="OldMode">Octal mode at the merge-base; <c>000000</c> when added.</param>
/// <param name="NewMode">Octal mode at HEAD; <c>000000</c> when deleted.</param>
internal sealed record ChangedEntry(string Path, char Status, string OldMode, string NewMode, string OldBlob, string NewBlob)
{
    public const string SymbolicLinkMode = "120000";

    public const string SubmoduleMode = "160000";

    public bool ExistsBefore => OldMode != "000000";

    public bool ExistsAfter => NewMode != "000000";

    public bool IsRegularFileBefore => IsRegularMode(OldMode);

    public bool IsRegularFileAfter => IsRegularMode(NewMode);

    public static bool IsRegularMode(string mode) => mode is "100644" or "100755";
}
