using System.Collections.Generic;

namespace Checkpoint.Tool.Analysis;

/// <summary>
/// The change a review looks at, as plain git data: the merge-base (on the protected branch, the
/// trusted side), HEAD, the paths between them, and a way to read objects. The review engine
/// needs nothing else from the repository.
/// </summary>
/// <param name="RepositoryRoot">Only names the cache folder; the review never reads the working tree.</param>
internal sealed record ReviewedChange(string RepositoryRoot, string MergeBase, string Head, IReadOnlyList<ChangedEntry> Entries, IGitObjects Objects);
