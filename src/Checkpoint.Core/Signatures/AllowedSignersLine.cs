using System;
using System.Globalization;
using System.Text;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// One line of an allowed_signers file: <c>principals [options] keytype base64 [comment]</c>, tokenised the
/// way OpenSSH's sshsig.c and misc.c do (quoted principals, quoted option values, case-insensitive option names).
/// </summary>
internal static class AllowedSignersLine
{
    private const string Whitespace = " \t\r\n";

    // Offsets that bound every civil time zone (UTC-12:00 .. UTC+14:00), for times written without Z.
    private static readonly TimeSpan LatestZoneBehindUtc = TimeSpan.FromHours(12);
    private static readonly TimeSpan EarliestZoneAheadOfUtc = TimeSpan.FromHours(14);

    /// <summary>Returns the entry, or <see langword="null"/> for blank and comment lines.</summary>
    /// <exception cref="SshFormatException">The line is malformed or uses something Checkpoint does not trust.</exception>
    public static AllowedSigner? Parse(string line, int lineNumber)
    {
        if (line.EndsWith("\r", StringComparison.Ordinal))
        {
            line = line.Substring(0, line.Length - 1);
        }

        var position = Skip(line, 0, Whitespace);
        if (position == line.Length || line[position] == '#')
        {
            return null;
        }

        var principals = ReadPrincipals(line, ref position);
        if (principals.Length == 0)
        {
            throw Fail("the principals field is empty");
        }

        if (LooksLikeKeyType(principals))
        {
            throw Fail($"the line starts with the key type '{SshPublicKey.Describe(principals)}': put the signer's principal (for example an email address) before the key");
        }

        if (position >= line.Length)
        {
            throw Fail("missing key after the principals");
        }

        var options = string.Empty;
        if (!LooksLikeKeyType(FirstToken(line, position)))
        {
            var optionsEnd = AdvancePastOptions(line, position);
            options = line.Substring(position, optionsEnd - position);
            position = Skip(line, optionsEnd, " \t");
            if (position >= line.Length)
            {
                throw Fail($"missing key after the options '{SshPublicKey.Describe(options)}'");
            }
        }

        var keyFields = line.Substring(position).Split(new[] { ' ', '\t' }, 3, StringSplitOptions.RemoveEmptyEntries);
        if (keyFields.Length < 2)
        {
            throw Fail($"expected a key ('<type> <base64>') after the principals, found '{SshPublicKey.Describe(line.Substring(position))}'");
        }

        if (!LooksLikeKeyType(keyFields[0]))
        {
            throw Fail($"'{SshPublicKey.Describe(keyFields[0])}' is not a key type");
        }

        SshPublicKey key;
        try
        {
            key = SshPublicKey.ParseFields(keyFields[0], keyFields[1]);
        }
        catch (SshFormatException ex)
        {
            throw Fail(ex.Message.TrimEnd('.'));
        }

        var parsed = ParseOptions(options);
        if (parsed.IsCertificateAuthority)
        {
            throw Fail("cert-authority lines are not supported by Checkpoint, so this line trusts no one");
        }

        return new AllowedSigner(
            principals.Split(','),
            isCertificateAuthority: false,
            parsed.Namespaces?.Split(','),
            parsed.ValidAfter,
            parsed.ValidBefore,
            key,
            lineNumber,
            principals);
    }

    private static SshFormatException Fail(string problem) => new SshFormatException(problem + ".");

    /// <summary>misc.c strdelimw: a token ends at whitespace; a double quote opens a section that ends the token at the next quote.</summary>
    private static string ReadPrincipals(string line, ref int position)
    {
        var start = position;
        var stop = line.IndexOfAny(new[] { ' ', '\t', '\r', '\n', '"' }, start);
        if (stop < 0)
        {
            position = line.Length;
            throw Fail("only principals on this line: missing key");
        }

        if (line[stop] != '"')
        {
            position = Skip(line, stop, Whitespace);
            return line.Substring(start, stop - start);
        }

        var closing = line.IndexOf('"', stop + 1);
        if (closing < 0)
        {
            throw Fail("the principals field has an unterminated quote");
        }

        position = Skip(line, closing + 1, Whitespace);
        return line.Substring(start, stop - start) + line.Substring(stop + 1, closing - stop - 1);
    }

    /// <summary>authfile.c sshkey_advance_past_options: options end at whitespace outside quotes; \" does not close a quote.</summary>
    private static int AdvancePastOptions(string line, int position)
    {
        var quoted = false;
        var i = position;
        for (; i < line.Length && (quoted || (line[i] != ' ' && line[i] != '\t')); i++)
        {
            if (line[i] == '\\' && i + 1 < line.Length && line[i + 1] == '"')
            {
                i++;
            }
            else if (line[i] == '"')
            {
                quoted = !quoted;
            }
        }

        if (quoted)
        {
            throw Fail("the options have an unterminated quote");
        }

        return i;
    }

    /// <summary>sshsig.c sshsigopt_parse.</summary>
    private static LineOptions ParseOptions(string options)
    {
        var result = new LineOptions();
        var i = 0;
        var sawValidAfter = false;
        var sawValidBefore = false;
        DateTimeOffset rawAfter = default;
        DateTimeOffset rawBefore = default;
        var afterIsUtc = false;
        var beforeIsUtc = false;
        while (i < options.Length)
        {
            if (StartsWithIgnoreCase(options, i, "cert-authority"))
            {
                result.IsCertificateAuthority = true;
                i += "cert-authority".Length;
            }
            else if (StartsWithIgnoreCase(options, i, "namespaces="))
            {
                if (result.Namespaces is not null)
                {
                    throw Fail("more than one namespaces= option");
                }

                i += "namespaces=".Length;
                result.Namespaces = Dequote(options, ref i, "namespaces");
            }
            else if (StartsWithIgnoreCase(options, i, "valid-after="))
            {
                if (sawValidAfter)
                {
                    throw Fail("more than one valid-after= option");
                }

                i += "valid-after=".Length;
                rawAfter = ParseTime(Dequote(options, ref i, "valid-after"), "valid-after", out afterIsUtc);
                sawValidAfter = true;
            }
            else if (StartsWithIgnoreCase(options, i, "valid-before="))
            {
                if (sawValidBefore)
                {
                    throw Fail("more than one valid-before= option");
                }

                i += "valid-before=".Length;
                rawBefore = ParseTime(Dequote(options, ref i, "valid-before"), "valid-before", out beforeIsUtc);
                sawValidBefore = true;
            }

            if (i == options.Length)
            {
                break;
            }

            if (options[i] != ',')
            {
                var end = options.IndexOf(',', i);
                var unknown = end < 0 ? options.Substring(i) : options.Substring(i, end - i);
                throw Fail($"unknown option '{SshPublicKey.Describe(unknown)}' (known: cert-authority, namespaces=, valid-after=, valid-before=)");
            }

            i++;
            if (i == options.Length)
            {
                throw Fail("the options end with a comma");
            }
        }

        if (sawValidAfter && sawValidBefore && afterIsUtc == beforeIsUtc && rawBefore <= rawAfter)
        {
            throw Fail("valid-before is not later than valid-after");
        }

        if (sawValidAfter)
        {
            // Without Z, OpenSSH reads the verifier's local time; the latest of all zones is the one that trusts least.
            result.ValidAfter = afterIsUtc ? rawAfter : rawAfter + LatestZoneBehindUtc;
        }

        if (sawValidBefore)
        {
            result.ValidBefore = beforeIsUtc ? rawBefore : rawBefore - EarliestZoneAheadOfUtc;
        }

        return result;
    }

    /// <summary>misc.c opt_dequote: the value must be double-quoted; \" stands for a quote.</summary>
    private static string Dequote(string options, ref int i, string option)
    {
        if (i >= options.Length || options[i] != '"')
        {
            throw Fail($"the {option}= value must be in double quotes");
        }

        var value = new StringBuilder();
        i++;
        while (i < options.Length && options[i] != '"')
        {
            if (options[i] == '\\' && i + 1 < options.Length && options[i + 1] == '"')
            {
                i++;
            }

            value.Append(options[i++]);
        }

        if (i >= options.Length)
        {
            throw Fail($"the {option}= value has no closing quote");
        }

        i++;
        return value.ToString();
    }

    /// <summary>misc.c parse_absolute_time: YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS, optionally followed by Z or UTC.</summary>
    private static DateTimeOffset ParseTime(string text, string option, out bool isUtc)
    {
        var digits = text;
        isUtc = false;
        if (digits.Length > 1 && digits.EndsWith("Z", StringComparison.OrdinalIgnoreCase))
        {
            isUtc = true;
            digits = digits.Substring(0, digits.Length - 1);
        }
        else if (digits.Length > 3 && digits.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            isUtc = true;
            digits = digits.Substring(0, digits.Length - 3);
        }

        var format = digits.Length switch
        {
            8 => "yyyyMMdd",
            12 => "yyyyMMddHHmm",
            14 => "yyyyMMddHHmmss",
            _ => string.Empty,
        };
        var allDigits = true;
        foreach (var c in digits)
        {
            allDigits &= c >= '0' && c <= '9';
        }

        if (format.Length == 0 || !allDigits
            || !DateTime.TryParseExact(digits, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var wallClock)
            || wallClock.Year < 1971)
        {
            throw Fail($"{option}=\"{SshPublicKey.Describe(text)}\" is not a time of the form YYYYMMDD[HHMM[SS]][Z]");
        }

        return new DateTimeOffset(DateTime.SpecifyKind(wallClock, DateTimeKind.Unspecified), TimeSpan.Zero);
    }

    private static bool LooksLikeKeyType(string token) =>
        token == SshPublicKey.Ed25519
        || token == SshPublicKey.Rsa
        || token == SshPublicKey.SkEd25519
        || token == SshPublicKey.SkEcdsaP256
        || token == "ssh-dss"
        || token.StartsWith("ecdsa-sha2-", StringComparison.Ordinal)
        || token.EndsWith("-cert-v01@openssh.com", StringComparison.Ordinal);

    private static string FirstToken(string line, int position)
    {
        var end = line.IndexOfAny(new[] { ' ', '\t' }, position);
        return end < 0 ? line.Substring(position) : line.Substring(position, end - position);
    }

    private static int Skip(string line, int position, string characters)
    {
        while (position < line.Length && characters.IndexOf(line[position]) >= 0)
        {
            position++;
        }

        return position;
    }

    private static bool StartsWithIgnoreCase(string text, int index, string prefix) =>
        string.Compare(text, index, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0 && text.Length - index >= prefix.Length;

    private sealed class LineOptions
    {
        public bool IsCertificateAuthority { get; set; }

        public string? Namespaces { get; set; }

        public DateTimeOffset? ValidAfter { get; set; }

        public DateTimeOffset? ValidBefore { get; set; }
    }
}
