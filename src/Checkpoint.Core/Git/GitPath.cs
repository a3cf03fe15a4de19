using System;
using System.Text;

namespace Checkpoint.Core.Git;

/// <summary>
/// A path exactly as git stores it: bytes, usually but not necessarily UTF-8. The digest hashes the
/// bytes; <see cref="Display"/> is for people and escapes what is not printable UTF-8.
/// </summary>
public sealed class GitPath : IEquatable<GitPath>, IComparable<GitPath>
{
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private readonly byte[] _bytes;

    public GitPath(byte[] bytes)
    {
        _bytes = (byte[])(bytes ?? throw new ArgumentNullException(nameof(bytes))).Clone();
        Display = Escape(_bytes);
    }

    public static GitPath FromString(string path) => new GitPath(Encoding.UTF8.GetBytes(path));

    /// <summary>A copy of the raw path bytes.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    internal byte[] Bytes => _bytes;

    public int Length => _bytes.Length;

    /// <summary>The path as text: UTF-8 when valid; otherwise invalid bytes and control characters as <c>\xNN</c>.</summary>
    public string Display { get; }

    public bool StartsWith(string prefix) => StartsWith(Encoding.UTF8.GetBytes(prefix));

    internal bool StartsWith(byte[] prefixBytes)
    {
        if (prefixBytes.Length > _bytes.Length)
        {
            return false;
        }

        for (var i = 0; i < prefixBytes.Length; i++)
        {
            if (_bytes[i] != prefixBytes[i])
            {
                return false;
            }
        }

        return true;
    }

    public int CompareTo(GitPath? other)
    {
        if (other is null)
        {
            return 1;
        }

        var length = Math.Min(_bytes.Length, other._bytes.Length);
        for (var i = 0; i < length; i++)
        {
            var difference = _bytes[i].CompareTo(other._bytes[i]);
            if (difference != 0)
            {
                return difference;
            }
        }

        return _bytes.Length.CompareTo(other._bytes.Length);
    }

    public bool Equals(GitPath? other) => other is not null && CompareTo(other) == 0;

    public override bool Equals(object? obj) => obj is GitPath other && Equals(other);

    public override int GetHashCode()
    {
        unchecked
        {
            var hash = 17;
            foreach (var b in _bytes)
            {
                hash = (hash * 31) + b;
            }

            return hash;
        }
    }

    public override string ToString() => Display;

    private static string Escape(byte[] bytes)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var escaped = new StringBuilder();
            foreach (var b in bytes)
            {
                if (b >= 0x20 && b < 0x7f && b != (byte)'\\')
                {
                    escaped.Append((char)b);
                }
                else
                {
                    escaped.Append("\\x").Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }

            return escaped.ToString();
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c < 0x20 || c == 0x7f || c == '\\')
            {
                builder.Append("\\x").Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
