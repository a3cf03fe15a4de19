using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Policy;

/// <summary>
/// The policy and trusted signers, read from the base commit's objects. The branch under review
/// never decides who may approve it or how strict the gate is.
/// </summary>
public sealed class BaseConfiguration
{
    private const int MaxAllowedSignersBytes = 1024 * 1024;

    // The folder that holds both files (CheckpointPolicy.FilePath, CheckpointPolicy.AllowedSignersPath).
    private const string ConfigurationDirectory = ".checkpoint";

    private BaseConfiguration(CheckpointPolicy policy, AllowedSigners? allowedSigners)
    {
        Policy = policy;
        AllowedSigners = allowedSigners;
    }

    public CheckpointPolicy Policy { get; }

    /// <summary>The base's allowed_signers; null when the base has none (then nobody can approve).</summary>
    public AllowedSigners? AllowedSigners { get; }

    /// <summary>Reads <c>.checkpoint/policy.json</c> and <c>.checkpoint/allowed_signers</c> at <paramref name="baseCommit"/>.</summary>
    /// <exception cref="CheckpointException">CHK106: the policy is malformed, or either file is not a regular file.</exception>
    public static BaseConfiguration Read(GitRepository repository, string baseCommit)
    {
        if (repository is null)
        {
            throw new ArgumentNullException(nameof(repository));
        }

        var at = "@" + GitRepository.Short(baseCommit);

        // One listing of the folder finds both files: a listing with entries proves the folder is a
        // real directory, so a file missing from it is missing. Only when it lists nothing (no
        // folder, or a symlink or file in its place) does ReadFile look at each path to say which.
        var folder = repository.ListDirectory(baseCommit, ConfigurationDirectory);
        byte[]? Read(string path, long maxBytes)
        {
            if (folder.Count == 0)
            {
                return repository.ReadFile(baseCommit, path, maxBytes);
            }

            var entry = folder.FirstOrDefault(e => e.Path.Display == path);
            return entry is null ? null : repository.ReadBlob(entry, maxBytes);
        }

        CheckpointPolicy policy;
        try
        {
            var policyBytes = Read(CheckpointPolicy.FilePath, CheckpointPolicy.MaxSizeBytes);
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
            var signersBytes = Read(CheckpointPolicy.AllowedSignersPath, MaxAllowedSignersBytes);
            signers = signersBytes is null
                ? null
                : AllowedSigners.Parse(new UTF8Encoding(false, false).GetString(signersBytes), CheckpointPolicy.AllowedSignersPath + at);
        }
        catch (InvalidDataException ex)
        {
            throw new CheckpointException(GateCodes.GateUnavailable, "the base's allowed_signers cannot be read: " + ex.Message, ex);
        }

        return new BaseConfiguration(policy, signers);
    }

    /// <summary>Notices for files the branch changes but the gate read from the base.</summary>
    public static IReadOnlyList<string> BranchChangeNotices(IEnumerable<GitPath> changedPaths)
    {
        var notices = new List<string>();
        foreach (var path in changedPaths)
        {
            if (path.Display == CheckpointPolicy.FilePath || path.Display == CheckpointPolicy.AllowedSignersPath)
            {
                notices.Add($"{path.Display} differs on this branch; the base's copy was used");
            }
        }

        return notices;
    }
}
