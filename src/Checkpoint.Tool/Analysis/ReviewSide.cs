namespace Checkpoint.Tool.Analysis;

/// <summary>Which side of the change a compilation is made of.</summary>
internal enum ReviewSide
{
    MergeBase,
    Head,
}
