using System;
using System.Globalization;

namespace Checkpoint.Core.Git;

/// <summary>An author or committer line of a commit object: name, email and time.</summary>
public sealed class GitIdentity
{
    public GitIdentity(string name, string email, DateTimeOffset time)
    {
        Name = name ?? throw new ArgumentNullException(nameof(name));
        Email = email ?? throw new ArgumentNullException(nameof(email));
        Time = time;
    }

    /// <summary>For a commit object without the line (git never writes one).</summary>
    public static GitIdentity Unknown { get; } = new GitIdentity(string.Empty, string.Empty, DateTimeOffset.FromUnixTimeSeconds(0));

    public string Name { get; }

    public string Email { get; }

    /// <summary>The time with the offset recorded beside it; the Unix epoch when the line has none that parses.</summary>
    public DateTimeOffset Time { get; }

    public override string ToString() => $"{Name} <{Email}>";

    /// <summary>Parses <c>Name &lt;email&gt; 1700000000 +0100</c>, leniently: a part that is missing stays empty.</summary>
    internal static GitIdentity Parse(string text)
    {
        var open = text.IndexOf('<');
        var close = text.LastIndexOf('>');
        if (open < 0 || close < open)
        {
            return new GitIdentity(text.Trim(), string.Empty, DateTimeOffset.FromUnixTimeSeconds(0));
        }

        var name = text.Substring(0, open).Trim();
        var email = text.Substring(open + 1, close - open - 1).Trim();
        var rest = text.Substring(close + 1).Trim().Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
        var time = DateTimeOffset.FromUnixTimeSeconds(0);
        if (rest.Length >= 1 && long.TryParse(rest[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds) &&
            seconds >= -62135596800L && seconds <= 253402300799L)
        {
            time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            if (rest.Length >= 2 && rest[1].Length == 5 && (rest[1][0] == '+' || rest[1][0] == '-') &&
                int.TryParse(rest[1].Substring(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours) &&
                int.TryParse(rest[1].Substring(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) &&
                hours <= 14 && minutes < 60)
            {
                var offset = new TimeSpan(hours, minutes, 0);
                try
                {
                    time = time.ToOffset(rest[1][0] == '-' ? -offset : offset);
                }
                catch (ArgumentOutOfRangeException)
                {
                    // At the ends of the calendar the offset cannot be shown; the instant stays right.
                }
            }
        }

        return new GitIdentity(name, email, time);
    }
}
