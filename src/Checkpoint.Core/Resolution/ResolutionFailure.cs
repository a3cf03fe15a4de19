namespace Checkpoint.Core.Resolution;

/// <summary>
/// Why a change could not be resolved: the rule that fails (a CHK code) and a one-line message that
/// says what to do. Never an exception escaping to the caller.
/// </summary>
public sealed class ResolutionFailure
{
    internal ResolutionFailure(string code, string message, bool noRepository)
    {
        Code = code;
        Message = message;
        NoRepository = noRepository;
    }

    /// <summary>One of <c>GateCodes</c>: CHK105 (no diff: no base, no HEAD, shallow, unrelated) or CHK106 (cannot run).</summary>
    public string Code { get; }

    public string Message { get; }

    /// <summary>
    /// True when there is no repository here at all (no <c>.git</c> above the folder): outside CI the
    /// build may go on with a warning; in CI it fails like any other failure.
    /// </summary>
    public bool NoRepository { get; }

    /// <summary>The working tree's root, when the repository was opened.</summary>
    public string? RepositoryRoot { get; internal set; }

    public ResolvedBase? Base { get; internal set; }

    public string? Head { get; internal set; }

    public string? Branch { get; internal set; }

    /// <summary>Set when HEAD is a protected branch's remote tip although the rest could not be resolved (a shallow clone).</summary>
    public ProtectedBranch? ProtectedBranch { get; internal set; }

    public override string ToString() => Code + ": " + Message;
}
