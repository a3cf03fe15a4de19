using System;
using System.Collections.Generic;
using System.Text;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;

namespace Checkpoint.Core.Audit;

/// <summary>
/// The trusted configuration (policy, allowed_signers, revoked list) as it was at each landing on the
/// protected branch, read from that commit's own <c>.checkpoint/</c> with the gate's
/// <see cref="TrustedConfiguration.Read"/>. The folders of every landing are read in one exchange;
/// each distinct set of files is parsed once.
/// </summary>
internal sealed class TrustTimeline
{
    private const string Folder = ".checkpoint";
    private readonly GitObjectReader _objects;
    private readonly IReadOnlyList<GitCommitRecord> _chain;
    private readonly int _first;
    private readonly string[] _states;
    private readonly Dictionary<string, Trust> _trust = new Dictionary<string, Trust>(StringComparer.Ordinal);
    private readonly List<(int Position, RevokedList? List)> _revocations = new List<(int, RevokedList?)>();

    /// <summary>Reads the state of <c>.checkpoint/</c> at every chain position from <paramref name="first"/> to the tip.</summary>
    public TrustTimeline(GitObjectReader objects, IReadOnlyList<GitCommitRecord> chain, int first)
    {
        _objects = objects;
        _chain = chain;
        _first = Math.Max(0, first);
        _states = new string[chain.Count];
        var names = new List<string>();
        for (var position = _first; position < chain.Count; position++)
        {
            names.Add(chain[position].Id + ":" + Folder);
        }

        var revokedBlobs = new Dictionary<int, string>();
        var index = _first;
        objects.ReadBlobs(names, (name, header, content) =>
        {
            var position = index++;
            if (header is null)
            {
                _states[position] = "absent";
                return;
            }

            if (header.Type != "tree")
            {
                _states[position] = "not-a-folder " + header.Id;
                return;
            }

            var bytes = new byte[header.Size];
            var at = 0;
            while (at < bytes.Length)
            {
                var read = content.Read(bytes, at, bytes.Length - at);
                if (read <= 0)
                {
                    throw new GitException(GitFailureKind.UnexpectedOutput, "'git cat-file --batch' ended inside a tree");
                }

                at += read;
            }

            var state = new StringBuilder("folder");
            foreach (var entry in GitObjectReader.ParseTree(bytes, Folder, header.Id.Length / 2))
            {
                var path = entry.Path.Display;
                if (path == CheckpointPolicy.FilePath || path == CheckpointPolicy.AllowedSignersPath || path == CheckpointPolicy.RevokedPath)
                {
                    state.Append(' ').Append(path).Append('=').Append(entry.Mode).Append(':').Append(entry.ObjectId);
                    if (path == CheckpointPolicy.RevokedPath && entry.IsRegularFile)
                    {
                        revokedBlobs[position] = entry.ObjectId;
                    }
                }
            }

            _states[position] = state.ToString();
        });

        // Each distinct revoked list parsed once; a segment starts wherever the list changes (or goes away).
        var parsed = new Dictionary<string, RevokedList?>(StringComparer.Ordinal);
        string? previous = null;
        for (var position = _first; position < chain.Count; position++)
        {
            revokedBlobs.TryGetValue(position, out var blob);
            if (position > _first && blob == previous)
            {
                continue;
            }

            previous = blob;
            RevokedList? list = null;
            if (blob != null && !parsed.TryGetValue(blob, out list))
            {
                list = ParseRevoked(blob);
                parsed[blob] = list;
            }

            _revocations.Add((position, list));
        }
    }

    /// <summary>The configuration a change landing on top of the chain commit at <paramref name="position"/> was checked against.</summary>
    public Trust At(int position)
    {
        if (position < _first || position >= _chain.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(position));
        }

        var state = _states[position];
        if (!_trust.TryGetValue(state, out var trust))
        {
            trust = Read(_chain[position].Id, state);
            _trust[state] = trust;
        }

        return trust;
    }

    /// <summary>
    /// The first chain position at or after <paramref name="from"/> whose revoked list names the key,
    /// the approval file or the diff, with what it names; null when none does.
    /// </summary>
    public (GitCommitRecord Commit, string What)? RevokedFrom(int from, string? keyFingerprint, string manifestHash, string digest)
    {
        for (var i = 0; i < _revocations.Count; i++)
        {
            var (start, list) = _revocations[i];
            var end = i + 1 < _revocations.Count ? _revocations[i + 1].Position : _chain.Count;
            if (list is null || end <= from)
            {
                continue;
            }

            var at = _chain[Math.Max(start, from)];
            if (keyFingerprint != null && list.IsKeyRevoked(keyFingerprint))
            {
                return (at, $"key {keyFingerprint}");
            }

            if (list.IsApprovalRevoked(manifestHash))
            {
                return (at, $"approval {manifestHash}");
            }

            if (list.IsDiffRevoked(digest))
            {
                return (at, $"diff {digest}");
            }
        }

        return null;
    }

    private RevokedList? ParseRevoked(string blob)
    {
        try
        {
            var content = _objects.Read(blob, RevokedList.MaxSizeBytes)?.Content;
            return content is null ? null : RevokedList.Parse(content);
        }
        catch (Exception ex) when (ex is RevokedListFormatException || ex is System.IO.InvalidDataException)
        {
            // A list that cannot be read revokes nothing here; where it is a base, the audit reports it.
            return null;
        }
    }

    private Trust Read(string commit, string state)
    {
        var configured = state.IndexOf(CheckpointPolicy.FilePath + "=", StringComparison.Ordinal) >= 0 ||
                         state.IndexOf(CheckpointPolicy.AllowedSignersPath + "=", StringComparison.Ordinal) >= 0 ||
                         state.StartsWith("not-a-folder", StringComparison.Ordinal);
        try
        {
            return new Trust(TrustedConfiguration.Read(_objects, commit), configured, null);
        }
        catch (CheckpointException ex)
        {
            return new Trust(null, true, ex.Message);
        }
    }

    /// <summary>The configuration at one point, or why it could not be read.</summary>
    internal sealed class Trust
    {
        public Trust(TrustedConfiguration? configuration, bool configured, string? problem)
        {
            Configuration = configuration;
            Configured = configured;
            Problem = problem;
        }

        /// <summary>Null when <see cref="Problem"/> says why.</summary>
        public TrustedConfiguration? Configuration { get; }

        /// <summary>False when the commit has neither <c>policy.json</c> nor <c>allowed_signers</c>: Checkpoint was not set up there.</summary>
        public bool Configured { get; }

        public string? Problem { get; }
    }
}
