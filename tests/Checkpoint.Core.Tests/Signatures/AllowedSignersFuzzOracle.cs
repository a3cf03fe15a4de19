using System.Diagnostics;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// What the allowed_signers parser and trust decisions may do with any text: never throw, report each bad
/// line once as one line naming file and line, and trust a key only through a line that lists that key for
/// that principal, namespace and time. Shared by the fuzz test and the regression table.
/// </summary>
internal static class AllowedSignersFuzzOracle
{
    public const string Source = "allowed_signers";
    public const string Approval = "checkpoint-approval";
    public static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);

    // Generous on purpose (see SignatureFuzzOracle): a loaded shared runner can stretch any input by 50x.
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(10);

    /// <summary>Returns null when the outcome is allowed, or what went wrong.</summary>
    public static string? Check(string text, IReadOnlyList<string> principals, IReadOnlyList<SshPublicKey> keys)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var problem = CheckOutcome(text, principals, keys);
            return problem is null && clock.Elapsed > SlowInput ? $"took {clock.Elapsed.TotalMilliseconds:F0} ms" : problem;
        }
#pragma warning disable CA1031 // Any exception is exactly the bug the fuzzer looks for.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return $"threw {ex.GetType().Name}: {ex.Message}";
        }
    }

    private static string? CheckOutcome(string text, IReadOnlyList<string> principals, IReadOnlyList<SshPublicKey> keys)
    {
        var signers = AllowedSigners.Parse(text, Source);
        var lineCount = text.Split('\n').Length;
        var seenLines = new HashSet<int>();
        foreach (var error in signers.Errors)
        {
            if (error.LineNumber < 1 || error.LineNumber > lineCount || !seenLines.Add(error.LineNumber))
            {
                return $"error on impossible or repeated line {error.LineNumber}";
            }

            if (!error.Message.StartsWith($"{Source}:{error.LineNumber}: ", StringComparison.Ordinal) || !IsOneLine(error.Message))
            {
                return $"error is not one line naming file and line: '{error.Message}'";
            }
        }

        foreach (var entry in signers.Entries)
        {
            if (entry.LineNumber < 1 || entry.LineNumber > lineCount || !seenLines.Add(entry.LineNumber))
            {
                return $"entry on impossible or repeated line {entry.LineNumber}";
            }

            if (entry.Principals.Count == 0 || entry.IsCertificateAuthority || entry.Key is null)
            {
                return $"entry on line {entry.LineNumber} is incomplete or a certificate authority";
            }
        }

        foreach (var principal in principals)
        {
            foreach (var key in keys)
            {
                var decision = signers.Authorize(principal, key, Approval, Now);
                if (decision.IsTrusted)
                {
                    var entry = decision.Entry!;
                    var justified = entry.Key.Equals(key)
                        && SshPattern.MatchesList(principal, string.Join(",", entry.Principals))
                        && (entry.Namespaces is null || SshPattern.MatchesList(Approval, string.Join(",", entry.Namespaces)))
                        && !(entry.ValidAfter > Now) && !(entry.ValidBefore < Now);
                    if (!justified || decision.Failure is not null)
                    {
                        return $"trusted '{principal}' with {key.Fingerprint} through line {entry.LineNumber}, which does not allow it";
                    }
                }
                else if (decision.Entry is not null || !IsOneLine(decision.Failure))
                {
                    return $"refusal is not one clear line: '{decision.Failure}'";
                }
            }

            _ = signers.PrincipalsFor(keys[0], Approval, Now);
        }

        return null;
    }

    private static bool IsOneLine(string? text) => !string.IsNullOrWhiteSpace(text) && text.IndexOfAny(new[] { '\n', '\r', '\u2028', '\u2029', '\u0085' }) < 0;
}
