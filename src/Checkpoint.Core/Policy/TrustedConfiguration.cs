using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Git;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Policy;

/// <summary>
/// The policy, the trusted signers and the revoked list, read from the base commit's objects. The
/// branch under review never decides who may approve it, how strict the gate is, or what is revoked.
/// </summary>
public sealed class TrustedConfiguration
{
    private const int MaxAllowedSignersBytes = 1024 * 1024;

    // The folder that holds the three files.
    private const string ConfigurationDirectory = ".checkpoint";

    private static readonly string[] TrustedPaths = { CheckpointPolicy.FilePath, CheckpointPolicy.AllowedSignersPath, CheckpointPolicy.RevokedPath };

    private TrustedConfiguration(CheckpointPolicy policy, AllowedSigners? allowedSigners, RevokedList revoked)
    {
        Policy = policy;
        AllowedSigners = allowedSigners;
        Revoked = revoked;
    }

    public CheckpointPolicy Policy { get; }

    /// <summary>The base's allowed_signers; null when the base has none (then nobody can approve).</summary>
    public AllowedSigners? AllowedSigners { get; }

    /// <summary>The base's revoked approvals, diffs and keys; empty when the base has no list.</summary>
    public RevokedList Revoked { get; }

    /// <summary>One line per allowed_signers line that grants no trust, for the verdict's notices.</summary>
    public IReadOnlyList<string> Notices =>
        AllowedSigners is null ? Array.Empty<string>() : AllowedSigners.Errors.Select(e => e.Message + " (line ignored)").ToList();

    /// <summary>Reads <c>.checkpoint/policy.json</c>, <c>allowed_signers</c> and <c>revoked</c> at <paramref name="baseCommit"/>.</summary>
    /// <exception cref="CheckpointException">CHK106: a file is malformed, is not a regular file, or the folder is not a folder.</exception>
    /// <exception cref="GitException">git failed.</exception>
    public static TrustedConfiguration Read(GitObjectReader objects, string baseCommit)
    {
        if (objects is null)
        {
            throw new ArgumentNullException(nameof(objects));
        }

        var at = "@" + GitRepository.Short(baseCommit);
        IReadOnlyList<GitTreeEntry>? folder;
        string? folderProblem = null;
        try
        {
            folder = objects.ReadTree(baseCommit + ":" + ConfigurationDirectory, ConfigurationDirectory);
        }
        catch (InvalidDataException)
        {
            folder = null;
            folderProblem = $"'{ConfigurationDirectory}' at {GitRepository.Short(baseCommit)} is not a directory (it is a file or a symlink); it must be a plain folder";
        }

        byte[]? ReadFile(string path, long maxBytes)
        {
            if (folderProblem != null)
            {
                throw new InvalidDataException(folderProblem);
            }

            var entry = folder?.FirstOrDefault(e => e.Path.Display == path);
            if (entry is null)
            {
                return null;
            }

            if (!entry.IsRegularFile)
            {
                throw new InvalidDataException($"'{path}' must be a regular file, not mode {entry.Mode}");
            }

            return objects.Read(entry.ObjectId, maxBytes)?.Content
                ?? throw new InvalidDataException($"'{path}' at {GitRepository.Short(baseCommit)} cannot be read from the object store");
        }

        CheckpointPolicy policy;
        try
        {
            var policyBytes = ReadFile(CheckpointPolicy.FilePath, CheckpointPolicy.MaxSizeBytes);
            policy = policyBytes is null ? CheckpointPolicy.Default : CheckpointPolicy.Parse(policyBytes, CheckpointPolicy.FilePath + at);
        }
        catch (PolicyFormatException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's policy is malformed: " + ex.Message, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's policy cannot be read: " + ex.Message, ex);
        }

        AllowedSigners? signers;
        try
        {
            var signersBytes = ReadFile(CheckpointPolicy.AllowedSignersPath, MaxAllowedSignersBytes);
            signers = signersBytes is null
                ? null
                : AllowedSigners.Parse(new UTF8Encoding(false, false).GetString(signersBytes), CheckpointPolicy.AllowedSignersPath + at);
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's allowed_signers cannot be read: " + ex.Message, ex);
        }

        RevokedList revoked;
        try
        {
            var revokedBytes = ReadFile(CheckpointPolicy.RevokedPath, RevokedList.MaxSizeBytes);
            revoked = revokedBytes is null ? RevokedList.Empty : RevokedList.Parse(revokedBytes, CheckpointPolicy.RevokedPath + at);
        }
        catch (RevokedListFormatException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's revoked list is malformed: " + ex.Message, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's revoked list cannot be read: " + ex.Message, ex);
        }

        return new TrustedConfiguration(policy, signers, revoked);
    }

    /// <summary>Notices for trust files the branch changes but the gate read from the base.</summary>
    public static IReadOnlyList<string> BranchChangeNotices(IEnumerable<GitPath> changedPaths)
    {
        var notices = new List<string>();
        foreach (var path in changedPaths)
        {
            if (TrustedPaths.Contains(path.Display, StringComparer.Ordinal))
            {
                notices.Add($"{path.Display} differs on this branch; the base's copy was used");
            }
        }

        return notices;
    }
}
