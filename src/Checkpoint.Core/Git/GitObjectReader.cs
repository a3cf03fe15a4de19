using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Checkpoint.Core.Git;

/// <summary>
/// Reads git objects through one long-lived <c>git cat-file --batch</c> process per repository, so
/// that reading the trust files, the approvals, symlink targets and every changed blob of the digest
/// costs one process, not one per object. Objects come out exactly as stored: no filters, no
/// textconv, no replace refs (the process runs with <c>--no-replace-objects</c>).
/// </summary>
/// <remarks>
/// The review reads blobs and trees at any commit through the same door
/// (<see cref="Read"/>, <see cref="ReadTree"/>, <see cref="ReadBlobs"/>). Requests are object names as
/// rev-parse understands them (an id, <c>&lt;commit&gt;:&lt;path&gt;</c>, <c>HEAD</c>); a name must not
/// contain a line break or a NUL. Thread-safe: one request at a time.
/// </remarks>
public sealed class GitObjectReader : IDisposable
{
    private const int BufferSize = 81920;
    private readonly GitCli _cli;
    private readonly object _gate = new object();
    private GitPipe? _pipe;
    private string? _broken;

    internal GitObjectReader(GitCli cli)
    {
        _cli = cli;
    }

    /// <summary>
    /// Reads one object. Returns null when the name does not resolve. An object larger than
    /// <paramref name="maxBytes"/> is skipped and reported with <see cref="InvalidDataException"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The object is larger than <paramref name="maxBytes"/>.</exception>
    /// <exception cref="GitException">git failed or stopped answering.</exception>
    public GitObject? Read(string name, long maxBytes)
    {
        GitObject? result = null;
        string? tooLarge = null;
        Exchange(new[] { name }, (_, header, content) =>
        {
            if (header is null)
            {
                return;
            }

            if (header.Size > maxBytes)
            {
                tooLarge = $"'{name}' is {header.Size} bytes; the limit is {maxBytes}";
                return;
            }

            var bytes = new byte[header.Size];
            ReadExactly(content, bytes);
            result = new GitObject(header.Id, header.Type, bytes);
        });

        return tooLarge is null ? result : throw new InvalidDataException(tooLarge);
    }

    /// <summary>Reads many objects in one exchange and hands each one's header and content stream to <paramref name="onObject"/> (a null header: the name does not resolve).</summary>
    /// <remarks>The stream is valid only during the call; what the callback leaves unread is skipped.</remarks>
    public void ReadBlobs(IReadOnlyList<string> names, Action<string, GitObjectHeader?, Stream> onObject)
    {
        if (names is null || onObject is null)
        {
            throw new ArgumentNullException(names is null ? nameof(names) : nameof(onObject));
        }

        Exchange(names, (index, header, content) => onObject(names[index], header, content));
    }

    /// <summary>The commit <paramref name="revision"/> names (peeling tags), or null when it names none.</summary>
    public GitCommitObject? ReadCommit(string revision)
    {
        var commit = Read(revision + "^{commit}", 16 * 1024 * 1024);
        if (commit is null)
        {
            return null;
        }

        string? tree = null;
        var parents = new List<string>();
        foreach (var line in HeaderLines(commit.Content))
        {
            if (line.StartsWith("tree ", StringComparison.Ordinal) && tree is null)
            {
                tree = line.Substring(5);
            }
            else if (line.StartsWith("parent ", StringComparison.Ordinal))
            {
                parents.Add(line.Substring(7));
            }
        }

        return new GitCommitObject(commit.Id, tree ?? throw new GitException(GitFailureKind.UnexpectedOutput, $"commit {commit.Id} has no tree"), parents);
    }

    /// <summary>
    /// The entries directly inside the tree <paramref name="treeish"/> names (a tree id, or
    /// <c>&lt;commit&gt;:&lt;folder&gt;</c>), with their paths under <paramref name="pathPrefix"/>.
    /// Null when the name does not resolve.
    /// </summary>
    /// <exception cref="InvalidDataException">The name resolves to something that is not a tree (a file or a symlink).</exception>
    public IReadOnlyList<GitTreeEntry>? ReadTree(string treeish, string pathPrefix = "")
    {
        var tree = Read(treeish, 256L * 1024 * 1024);
        if (tree is null)
        {
            return null;
        }

        if (tree.Type != "tree")
        {
            throw new InvalidDataException($"'{treeish}' is a {tree.Type}, not a folder");
        }

        return ParseTree(tree.Content, pathPrefix, tree.Id.Length / 2);
    }

    /// <summary>
    /// Every file (blob, symlink or gitlink) under the tree <paramref name="treeish"/> names, at any
    /// depth, with paths under <paramref name="pathPrefix"/>: <c>git ls-tree -r</c> through the
    /// batch, one exchange per folder level. Null when the name does not resolve.
    /// </summary>
    /// <exception cref="InvalidDataException">The name resolves to something that is not a tree.</exception>
    public IReadOnlyList<GitTreeEntry>? ListFiles(string treeish, string pathPrefix = "")
    {
        var level = ReadTree(treeish, pathPrefix);
        if (level is null)
        {
            return null;
        }

        var files = new List<GitTreeEntry>();
        while (level.Count > 0)
        {
            files.AddRange(level.Where(e => !e.IsDirectory));
            var folders = level.Where(e => e.IsDirectory).ToList();
            var next = new List<GitTreeEntry>();
            Exchange(folders.Select(f => f.ObjectId).ToList(), (index, header, content) =>
            {
                if (header is null || header.Type != "tree")
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, $"folder '{folders[index].Path.Display}' cannot be read as a tree");
                }

                var bytes = new byte[header.Size];
                ReadExactly(content, bytes);
                next.AddRange(ParseTree(bytes, folders[index].Path.Display, header.Id.Length / 2));
            });
            level = next;
        }

        return files.OrderBy(f => f.Path).ToList();
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _broken ??= "the object reader was closed";
            _pipe?.Dispose();
            _pipe = null;
        }
    }

    internal static IReadOnlyList<GitTreeEntry> ParseTree(byte[] content, string pathPrefix, int idBytes)
    {
        // A tree object is a sequence of "<octal mode> <name>\0<raw id>".
        var prefix = Encoding.UTF8.GetBytes(pathPrefix.Length == 0 || pathPrefix.EndsWith("/", StringComparison.Ordinal) ? pathPrefix : pathPrefix + "/");
        var entries = new List<GitTreeEntry>();
        var at = 0;
        while (at < content.Length)
        {
            var space = Array.IndexOf(content, (byte)' ', at);
            var nul = space < 0 ? -1 : Array.IndexOf(content, (byte)0, space);
            if (space < 0 || nul < 0 || nul + 1 + idBytes > content.Length)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "a tree object is malformed");
            }

            var mode = Encoding.ASCII.GetString(content, at, space - at);
            if (mode.Length == 0 || mode.Length > 6 || mode.Any(c => c < '0' || c > '7'))
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "a tree object is malformed");
            }

            mode = mode.PadLeft(6, '0');
            var name = new byte[prefix.Length + (nul - space - 1)];
            Array.Copy(prefix, name, prefix.Length);
            Array.Copy(content, space + 1, name, prefix.Length, nul - space - 1);
            var id = new StringBuilder(idBytes * 2);
            for (var i = 0; i < idBytes; i++)
            {
                id.Append(content[nul + 1 + i].ToString("x2", CultureInfo.InvariantCulture));
            }

            var type = mode == "040000" ? "tree" : mode == "160000" ? "commit" : "blob";
            entries.Add(new GitTreeEntry(mode, type, id.ToString(), null, new GitPath(name)));
            at = nul + 1 + idBytes;
        }

        return entries;
    }

    private static IEnumerable<string> HeaderLines(byte[] commit)
    {
        // The header ends at the first empty line; the message after it is not needed here.
        var text = Encoding.UTF8.GetString(commit);
        var end = text.IndexOf("\n\n", StringComparison.Ordinal);
        return (end < 0 ? text : text.Substring(0, end)).Split('\n');
    }

    private static void ReadExactly(Stream stream, byte[] buffer)
    {
        var at = 0;
        while (at < buffer.Length)
        {
            var read = stream.Read(buffer, at, buffer.Length - at);
            if (read <= 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside an object");
            }

            at += read;
        }
    }

    /// <summary>Writes every request, then reads the answers in order, each through a stream bounded to the object's size.</summary>
    private void Exchange(IReadOnlyList<string> names, Action<int, GitObjectHeader?, Stream> onObject)
    {
        if (names.Count == 0)
        {
            return;
        }

        foreach (var name in names)
        {
            if (string.IsNullOrEmpty(name) || name.IndexOfAny(new[] { '\n', '\r', '\0' }) >= 0)
            {
                throw new ArgumentException("an object name must be non-empty, on one line and without NUL", nameof(names));
            }
        }

        lock (_gate)
        {
            if (_broken != null)
            {
                throw new GitException(GitFailureKind.CommandFailed, "'git cat-file --batch' cannot be used any more: " + _broken);
            }

            var pipe = Start();
            var request = Encoding.UTF8.GetBytes(string.Join("\n", names) + "\n");
            using var watchdog = _cli.KillAfterTimeout(pipe.Process, out var timedOut);
            try
            {
                // A small request fits in the pipe; a large one is written while the answers are
                // read, so that neither side waits on a full pipe.
                Task writer;
                if (request.Length <= 16 * 1024)
                {
                    pipe.Write(request);
                    writer = Task.CompletedTask;
                }
                else
                {
                    writer = Task.Run(() => pipe.Write(request));
                }

                var bounded = new BoundedStream(pipe.Output);
                for (var i = 0; i < names.Count; i++)
                {
                    var header = ReadHeader(pipe, names[i], timedOut);
                    bounded.Reset(header?.Size ?? 0);
                    onObject(i, header, bounded);
                    bounded.Skip();
                    if (header != null && pipe.Output.ReadByte() != '\n')
                    {
                        throw new GitException(GitFailureKind.UnexpectedOutput, $"'git cat-file --batch' output is malformed after {header.Id}");
                    }
                }

                writer.Wait();
            }
            catch (Exception ex) when (ex is GitException || ex is IOException || ex is ObjectDisposedException || ex is InvalidOperationException)
            {
                // A half-read answer leaves the stream out of step: this reader is done.
                _broken = timedOut() ? $"it did not answer within {_cli.Timeout.TotalSeconds:0} seconds and was stopped" : ex.Message;
                throw ex is GitException git ? git : new GitException(GitFailureKind.CommandFailed, "'git cat-file --batch' failed: " + _broken, ex);
            }
            catch
            {
                // Whatever the callback threw, the answers must still be read to stay in step; the
                // simplest safe course is to give up on this process.
                _broken = "a caller stopped reading in the middle of an answer";
                throw;
            }
        }
    }

    private GitPipe Start() =>
        _pipe ??= GitPipe.Start(_cli, new[] { "cat-file", "--batch" }, withoutIndex: false, output => new BufferedStream(output, 1 << 16)); // headers are read byte by byte

    private GitObjectHeader? ReadHeader(GitPipe pipe, string name, Func<bool> timedOut)
    {
        var line = ReadLine(pipe.Output);
        if (line is null)
        {
            var reason = timedOut() ? $"it did not answer within {_cli.Timeout.TotalSeconds:0} seconds and was stopped" : "it ended early: " + GitCli.FirstLine(pipe.ErrorText());
            throw new GitException(GitFailureKind.UnexpectedOutput, $"'git cat-file --batch' could not read '{name}': {reason}");
        }

        if (line.EndsWith(" missing", StringComparison.Ordinal) || line.EndsWith(" ambiguous", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = line.Split(' ');
        if (parts.Length != 3 || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var size) || !IsObjectId(parts[0]))
        {
            throw new GitException(GitFailureKind.UnexpectedOutput, $"'git cat-file --batch' answered '{line}' for '{name}'");
        }

        return new GitObjectHeader(parts[0].ToLowerInvariant(), parts[1], size);
    }

    internal static bool IsObjectId(string text) =>
        (text.Length == 40 || text.Length == 64) && text.All(c => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));

    private static string? ReadLine(Stream stream)
    {
        var line = new List<byte>(96);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return line.Count == 0 ? null : Encoding.UTF8.GetString(line.ToArray());
            }

            if (b == '\n')
            {
                return Encoding.UTF8.GetString(line.ToArray());
            }

            line.Add((byte)b);
        }
    }

    /// <summary>A read-only view of the next <c>size</c> bytes of the batch output.</summary>
    private sealed class BoundedStream : Stream
    {
        private readonly Stream _inner;
        private byte[]? _skipBuffer;
        private long _remaining;

        public BoundedStream(Stream inner)
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

        public void Reset(long size) => _remaining = size;

        public void Skip()
        {
            while (_remaining > 0)
            {
                _skipBuffer ??= new byte[BufferSize];
                if (Read(_skipBuffer, 0, _skipBuffer.Length) <= 0)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside an object");
                }
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_remaining <= 0)
            {
                return 0;
            }

            var read = _inner.Read(buffer, offset, (int)Math.Min(count, _remaining));
            if (read <= 0)
            {
                throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside an object");
            }

            _remaining -= read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
