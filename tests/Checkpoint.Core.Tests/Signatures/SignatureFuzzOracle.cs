using System.Diagnostics;
using System.Text;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// What the SSHSIG parser and verifier may do with any input: reject it cleanly (one-line
/// <see cref="SshFormatException"/> or an invalid <see cref="SignatureCheck"/> with a reason), or accept it
/// only if it is, byte for byte, a signature that was really made over the message.
/// Shared by the fuzz test and the regression table.
/// </summary>
internal static class SignatureFuzzOracle
{
    public const string Approval = "checkpoint-approval";

    // No single input may take this long; a hang or runaway work shows here before the test's budget does.
    // Generous on purpose: the slowest legitimate input (BouncyCastle proving a mutated 3072-bit RSA modulus
    // composite) takes tens of milliseconds, but a loaded shared runner can stretch that by 50x.
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(10);

    /// <summary>Returns null when the outcome is allowed, or what went wrong.</summary>
    /// <param name="armored">The input text.</param>
    /// <param name="message">The message to verify against.</param>
    /// <param name="genuine">The blobs of genuine signatures over <paramref name="message"/>; only these may verify.</param>
    public static string? Check(string armored, byte[] message, IReadOnlyCollection<byte[]> genuine, bool alsoFromStream = true)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var problem = CheckOutcome(armored, message, genuine, alsoFromStream);
            if (problem is null && clock.Elapsed > SlowInput)
            {
                problem = $"took {clock.Elapsed.TotalMilliseconds:F0} ms";
            }

            return problem;
        }
#pragma warning disable CA1031 // Any other exception is exactly the bug the fuzzer looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    public static string Describe(string armored) => Convert.ToBase64String(Encoding.UTF8.GetBytes(armored));

    private static string? CheckOutcome(string armored, byte[] message, IReadOnlyCollection<byte[]> genuine, bool alsoFromStream)
    {
        if (!SshSignature.TryParse(armored, out var signature, out var error))
        {
            return IsOneLine(error) ? null : $"parse error is not one clear line: '{error}'";
        }

        var blob = SshSignature.Dearmor(armored);
        var isGenuine = genuine.Any(candidate => candidate.AsSpan().SequenceEqual(blob));
        var check = signature!.Verify(message, Approval);
        if (check.IsValid != isGenuine)
        {
            return isGenuine ? $"a genuine signature did not verify: {check.Failure}" : "a mutated signature verified";
        }

        if (!check.IsValid && !IsOneLine(check.Failure))
        {
            return $"verify failure is not one clear line: '{check.Failure}'";
        }

        if (!alsoFromStream)
        {
            return null;
        }

        using var stream = new MemoryStream(message);
        return signature.Verify(stream, Approval).IsValid == check.IsValid ? null : "stream and byte verification disagree";
    }

    private static bool IsOneLine(string? text) => !string.IsNullOrWhiteSpace(text) && text.IndexOfAny(new[] { '\n', '\r' }) < 0;
}
