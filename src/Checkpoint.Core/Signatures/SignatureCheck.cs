namespace Checkpoint.Core.Signatures;

/// <summary>The outcome of verifying an SSHSIG signature: valid, or invalid with a one-line reason.</summary>
public sealed class SignatureCheck
{
    private SignatureCheck(bool isValid, string? failure)
    {
        IsValid = isValid;
        Failure = failure;
    }

    public bool IsValid { get; }

    /// <summary>Why the signature did not verify; <see langword="null"/> when <see cref="IsValid"/>.</summary>
    public string? Failure { get; }

    internal static SignatureCheck Valid { get; } = new SignatureCheck(isValid: true, failure: null);

    internal static SignatureCheck Invalid(string failure) => new SignatureCheck(isValid: false, failure);

    public override string ToString() => IsValid ? "valid" : "invalid: " + Failure;
}
