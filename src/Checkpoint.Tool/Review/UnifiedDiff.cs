using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace Checkpoint.Tool.Review;

/// <summary>
/// Reads the unified diff text that git prints. Only used for what the human reads in
/// <c>checkpoint review</c> (weakening changes, attestations); the digest that approvals
/// bind to is computed by Checkpoint.Core over git objects, never from this text.
/// </summary>
internal static class UnifiedDiff
{
    public static IReadOnlyList<FileDiff> Parse(string diffText)
    {
        var files = new List<FileDiff>();
        FileDiff? current = null;
        var oldLine = 0;
        var newLine = 0;
        var inHunk = false;

        using var reader = new StringReader(diffText);
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                current = new FileDiff(PathFromDiffGitHeader(line));
                files.Add(current);
                inHunk = false;
                continue;
            }

            if (current == null)
            {
                continue;
            }

            if (inHunk && line.Length > 0 && (line[0] == '+' || line[0] == '-' || line[0] == ' ' || line[0] == '\\'))
            {
                switch (line[0])
                {
                    case '+':
                        current.Added.Add(new DiffLine(newLine++, line.Substring(1)));
                        break;
                    case '-':
                        current.Removed.Add(new DiffLine(oldLine++, line.Substring(1)));
                        break;
                    case ' ':
                        oldLine++;
                        newLine++;
                        break;
                }

                continue;
            }

            if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                (oldLine, newLine) = ParseHunkHeader(line);
                inHunk = true;
                continue;
            }

            inHunk = false;
            if (line.StartsWith("new file mode", StringComparison.Ordinal))
            {
                current.IsNew = true;
            }
            else if (line.StartsWith("deleted file mode", StringComparison.Ordinal))
            {
                current.IsDeleted = true;
            }
            else if (line.StartsWith("Binary files ", StringComparison.Ordinal) || line.StartsWith("GIT binary patch", StringComparison.Ordinal))
            {
                current.IsBinary = true;
            }
            else if (line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var path = StripSidePrefix(Unquote(line.Substring(4)));
                if (path != null)
                {
                    current.Path = path;
                }
            }
            else if (line.StartsWith("--- ", StringComparison.Ordinal) && current.IsDeleted)
            {
                var path = StripSidePrefix(Unquote(line.Substring(4)));
                if (path != null)
                {
                    current.Path = path;
                }
            }
        }

        return files;
    }

    private static (int OldStart, int NewStart) ParseHunkHeader(string header)
    {
        // @@ -oldStart[,oldCount] +newStart[,newCount] @@ context
        var parts = header.Split(' ');
        var oldStart = parts.Length > 1 ? ParseStart(parts[1]) : 0;
        var newStart = parts.Length > 2 ? ParseStart(parts[2]) : 0;
        return (oldStart, newStart);
    }

    private static int ParseStart(string range)
    {
        var text = range.Substring(1);
        var comma = text.IndexOf(',');
        if (comma >= 0)
        {
            text = text.Substring(0, comma);
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    private static string PathFromDiffGitHeader(string header)
    {
        // "diff --git a/x b/x": ambiguous when the path has spaces, so this is only a first guess
        // that the ---/+++ lines replace.
        var rest = header.Substring("diff --git ".Length);
        if (rest.StartsWith("\"", StringComparison.Ordinal))
        {
            var end = FindClosingQuote(rest);
            return StripSidePrefix(Unquote(rest.Substring(0, end + 1))) ?? rest;
        }

        var middle = rest.IndexOf(" b/", StringComparison.Ordinal);
        var first = middle > 0 ? rest.Substring(0, middle) : rest;
        return StripSidePrefix(first) ?? first;
    }

    private static int FindClosingQuote(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return text.Length - 1;
    }

    private static string? StripSidePrefix(string path)
    {
        if (path == "/dev/null")
        {
            return null;
        }

        if (path.StartsWith("a/", StringComparison.Ordinal) || path.StartsWith("b/", StringComparison.Ordinal))
        {
            return path.Substring(2);
        }

        return path;
    }

    /// <summary>Undoes git's C-style quoting of unusual paths ("a/caf\303\251.cs").</summary>
    internal static string Unquote(string text)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"')
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 1; i < text.Length - 1; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 >= text.Length - 1)
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }

            var next = text[++i];
            switch (next)
            {
                case 'n':
                    bytes.Add((byte)'\n');
                    break;
                case 't':
                    bytes.Add((byte)'\t');
                    break;
                case 'r':
                    bytes.Add((byte)'\r');
                    break;
                case 'a':
                    bytes.Add(7);
                    break;
                case 'b':
                    bytes.Add(8);
                    break;
                case 'f':
                    bytes.Add(12);
                    break;
                case 'v':
                    bytes.Add(11);
                    break;
                case '"':
                    bytes.Add((byte)'"');
                    break;
                case '\\':
                    bytes.Add((byte)'\\');
                    break;
                default:
                    if (next >= '0' && next <= '7' && i + 2 < text.Length - 1)
                    {
                        bytes.Add((byte)Convert.ToInt32(text.Substring(i, 3), 8));
                        i += 2;
                    }
                    else
                    {
                        bytes.Add((byte)next);
                    }

                    break;
            }
        }

        return Encoding.UTF8.GetString(bytes.ToArray());
    }
}
