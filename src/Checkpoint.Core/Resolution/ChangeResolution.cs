using System;
using System.Collections.Generic;

namespace Checkpoint.Core.Resolution;

/// <summary>The answer of <see cref="ChangeResolver"/>: a resolved change, or a typed failure; and what it cost.</summary>
public sealed class ChangeResolution : IDisposable
{
    internal ChangeResolution(ResolvedChange? change, ResolutionFailure? failure, IReadOnlyList<string> timings, TimeSpan elapsed, int? gitProcesses)
    {
        Change = change;
        Failure = failure;
        Timings = timings;
        Elapsed = elapsed;
        GitProcesses = gitProcesses;
    }

    /// <summary>The resolved change; null when <see cref="Failure"/> says why not.</summary>
    public ResolvedChange? Change { get; }

    public ResolutionFailure? Failure { get; }

    /// <summary>One entry per step: <c>open 14 ms</c>, <c>head and base 18 ms</c>, ...</summary>
    public IReadOnlyList<string> Timings { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>How many git processes the resolution started; null when no repository was opened.</summary>
    public int? GitProcesses { get; }

    public void Dispose() => Change?.Dispose();
}
