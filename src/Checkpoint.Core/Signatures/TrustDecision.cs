namespace Checkpoint.Core.Signatures;

/// <summary>Whether an allowed_signers file trusts a key for a principal and namespace at a given time.</summary>
public sealed class TrustDecision
{
    private TrustDecision(bool isTrusted, string? failure, AllowedSigner? entry)
    {
        IsTrusted = isTrusted;
        Failure = failure;
        Entry = entry;
    }

    public bool IsTrusted { get; }

    /// <summary>Why the key is not trusted; <see langword="null"/> when <see cref="IsTrusted"/>.</summary>
    public string? Failure { get; }

    /// <summary>The line that granted trust; <see langword="null"/> when not trusted.</summary>
    public AllowedSigner? Entry { get; }

    internal static TrustDecision Trusted(AllowedSigner entry) => new TrustDecision(isTrusted: true, failure: null, entry);

    internal static TrustDecision Untrusted(string failure) => new TrustDecision(isTrusted: false, failure, entry: null);

    public override string ToString() => IsTrusted ? "trusted by line " + Entry!.LineNumber : "untrusted: " + Failure;
}
