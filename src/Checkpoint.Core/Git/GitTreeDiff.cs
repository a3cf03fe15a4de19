using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

namespace Checkpoint.Core.Git;

/// <summary>
/// Compares pairs of trees through one long-lived <c>git diff-tree --stdin</c> process per repository,
/// with the options of <see cref="GitRepository.DiffTree"/> (<c>-r --raw --no-renames</c>, no
/// textconv, no external diff, submodules never ignored): git compares the trees itself, skipping a
/// subtree whose id is the same on both sides, and only the changes cross the pipe. A long history
/// compares thousands of pairs, each version of a folder of thousands of approvals among them, for the
/// cost of one process, and no tree is copied into this process.
/// </summary>
/// <remarks>
/// Each pair is written as a line <c>"&lt;old tree&gt; &lt;new tree&gt;"</c>; git answers with that
/// line, then <c>":&lt;meta&gt;\0&lt;path&gt;\0"</c> per change. A request ends with a pair of empty
/// trees (an answer with no change) and an empty line, which git echoes and flushes: the answers end
/// there. git skips a pair it cannot read without a word, so every answer must begin with
/// the line that was asked, or the comparison fails. Thread-safe: one request at a time.
/// </remarks>
public sealed class GitTreeDiff : IDisposable
{
    private static readonly string[] Arguments =
    {
        "diff-tree", "--stdin", "-r", "-z", "--raw", "--no-abbrev", "--no-renames", "--no-textconv", "--no-ext-diff",
        "--ignore-submodules=none",
    };

    private readonly GitCli _cli;
    private readonly object _gate = new object();
    private GitPipe? _pipe;
    private string? _broken;

    internal GitTreeDiff(GitCli cli)
    {
        _cli = cli;
    }

    /// <summary>The changes from <paramref name="oldTree"/> to <paramref name="newTree"/>; a null side is the empty tree.</summary>
    /// <exception cref="GitException">A tree cannot be read, or git failed.</exception>
    public IReadOnlyList<GitRawChange> Compare(string? oldTree, string? newTree) =>
        Compare(new[] { (oldTree, newTree) })[0];

    /// <summary>
    /// The changes for each pair of trees (old, new), in path order; a null side is the empty tree and
    /// a pair with the same tree on both sides has none (git is not asked).
    /// </summary>
    /// <exception cref="ArgumentException">A tree is not an object id.</exception>
    /// <exception cref="GitException">A tree cannot be read, or git failed.</exception>
    public IReadOnlyList<IReadOnlyList<GitRawChange>> Compare(IReadOnlyList<(string? OldTree, string? NewTree)> pairs)
    {
        if (pairs is null)
        {
            throw new ArgumentNullException(nameof(pairs));
        }

        var results = new IReadOnlyList<GitRawChange>[pairs.Count];
        var asked = new List<(int Index, string Line)>();
        var request = new StringBuilder();
        var idLength = 40;
        for (var i = 0; i < pairs.Count; i++)
        {
            results[i] = Array.Empty<GitRawChange>();
            var (oldTree, newTree) = pairs[i];
            if (string.Equals(oldTree, newTree, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var tree in new[] { oldTree, newTree })
            {
                if (tree != null && !GitObjectReader.IsObjectId(tree))
                {
                    throw new ArgumentException($"'{tree}' is not an object id", nameof(pairs));
                }
            }

            idLength = (oldTree ?? newTree)!.Length;
            var line = (oldTree ?? EmptyTree(idLength)).ToLowerInvariant() + " " + (newTree ?? EmptyTree(idLength)).ToLowerInvariant();
            asked.Add((i, line));
            request.Append(line).Append('\n');
        }

        if (asked.Count == 0)
        {
            return results;
        }

        var end = EmptyTree(idLength) + " " + EmptyTree(idLength);
        request.Append(end).Append("\n\n");
        lock (_gate)
        {
            if (_broken != null)
            {
                throw new GitException(GitFailureKind.CommandFailed, "'git diff-tree --stdin' cannot be used any more: " + _broken);
            }

            var pipe = _pipe ??= GitPipe.Start(_cli, Arguments, withoutIndex: true, output => new BufferedPeekStream(output));
            var output = (BufferedPeekStream)pipe.Output;
            using var watchdog = _cli.KillAfterTimeout(pipe.Process, out var timedOut);
            try
            {
                // git answers while it reads: the request is written while the answers are read, so
                // that neither side waits on a full pipe.
                var bytes = Encoding.ASCII.GetBytes(request.ToString());
                var writer = Task.Run(() => pipe.Write(bytes));
                foreach (var (index, line) in asked)
                {
                    results[index] = ReadAnswer(pipe, output, line, timedOut);
                }

                // The empty trees have no change; the empty line, which is not a pair, comes back as it is.
                if (ReadAnswer(pipe, output, end, timedOut).Count != 0 || output.ReadByte() != '\n')
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "'git diff-tree --stdin' answered out of step after the last pair");
                }

                writer.Wait();
            }
            catch (Exception ex) when (ex is GitException || ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException || ex is AggregateException)
            {
                // A half-read answer leaves the stream out of step: this process is done.
                _broken = timedOut() ? $"it did not answer within {_cli.Timeout.TotalSeconds:0} seconds and was stopped" : ex.Message;
                throw ex is GitException git ? git : new GitException(GitFailureKind.CommandFailed, "'git diff-tree --stdin' failed: " + _broken, ex);
            }
        }

        return results;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _broken ??= "the tree comparison was closed";
            _pipe?.Dispose();
            _pipe = null;
        }
    }

    /// <summary>git's empty tree for object ids of <paramref name="idLength"/> hex digits (SHA-1 or SHA-256); git knows it without storing it.</summary>
    internal static string EmptyTree(int idLength) =>
        idLength == 64 ? "6ef19b41225c5369f1c104d45d8d85efa9b057b53b14b4b9b939dd74decc5321" : "4b825dc642cb6eb9a060e54bf8d69288fbee4904";

    private static byte[] ReadUntil(Stream stream, byte stop, string what)
    {
        var bytes = new List<byte>(96);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, $"'git diff-tree --stdin' ended inside {what}");
            }

            if (b == stop)
            {
                return bytes.ToArray();
            }

            bytes.Add((byte)b);
        }
    }

    private List<GitRawChange> ReadAnswer(GitPipe pipe, BufferedPeekStream output, string line, Func<bool> timedOut)
    {
        var first = output.ReadByte();
        if (first < 0)
        {
            var reason = timedOut() ? $"it did not answer within {_cli.Timeout.TotalSeconds:0} seconds and was stopped" : "it ended early: " + GitCli.FirstLine(pipe.ErrorText());
            throw new GitException(GitFailureKind.UnexpectedOutput, $"'git diff-tree --stdin' did not compare {line.Replace(" ", " with ")}: {reason}");
        }

        var header = Encoding.ASCII.GetString(new[] { (byte)first }) + Encoding.ASCII.GetString(ReadUntil(output, (byte)'\n', "a header"));
        if (!string.Equals(header, line, StringComparison.Ordinal))
        {
            throw new GitException(
                GitFailureKind.UnexpectedOutput,
                $"'git diff-tree --stdin' did not compare {line.Replace(" ", " with ")} (a tree is missing or is not a tree); it answered '{(header.Length > 200 ? header.Substring(0, 200) : header)}'");
        }

        var changes = new List<GitRawChange>();
        while (output.Peek() == ':')
        {
            var meta = ReadUntil(output, 0, "a change");
            var path = ReadUntil(output, 0, "a path");
            changes.Add(GitRepository.ParseRawChange(meta, path));
        }

        changes.Sort((a, b) => a.Path.CompareTo(b.Path));
        return changes;
    }

    /// <summary>A read buffer over git's output that can look at the next byte without taking it.</summary>
    private sealed class BufferedPeekStream : Stream
    {
        private readonly Stream _inner;
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _at;
        private int _length;

        public BufferedPeekStream(Stream inner)
        {
            _inner = inner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        /// <summary>The next byte, left in the buffer, or -1 at the end.</summary>
        public int Peek() => Fill() ? _buffer[_at] : -1;

        public override int ReadByte() => Fill() ? _buffer[_at++] : -1;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (!Fill())
            {
                return 0;
            }

            var read = Math.Min(count, _length - _at);
            Array.Copy(_buffer, _at, buffer, offset, read);
            _at += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private bool Fill()
        {
            if (_at < _length)
            {
                return true;
            }

            _at = 0;
            _length = _inner.Read(_buffer, 0, _buffer.Length);
            return _length > 0;
        }
    }
}
