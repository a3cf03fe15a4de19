using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Gate;
using Checkpoint.Core.Git;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Review;
using Checkpoint.Tool.Signing;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint approve`: shows the review, then reads the key and takes a typed confirmation, writes
/// the manifest for the current digest, has ssh-keygen sign it, checks the signature against the BASE's
/// allowed_signers, and commits the two files (approvals count only once committed: the gate
/// reads them from HEAD's tree).
/// </summary>
internal static class ApproveCommand
{
    private static readonly Regex UnsafeNameCharacters = new Regex("[^a-z0-9._-]+", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var key = new Option<string?>("--key")
        {
            Description = "Your SSH private key file for ssh-keygen, or with --agent the .pub whose private key the SSH agent holds. Default: git config user.signingkey.",
            HelpName = "FILE",
        };
        var agent = new Option<bool>("--agent") { Description = "Sign with the key held by the SSH agent (ssh-keygen -U); --key names its public key." };
        var principal = new Option<string?>("--principal")
        {
            Description = "Your principal in the base's allowed_signers (default: the one listed for your key).",
            HelpName = "NAME",
        };
        var yes = new Option<bool>("--yes") { Description = "Approve without the typed confirmation (for scripts; you still see the review)." };
        var noCommit = new Option<bool>("--no-commit") { Description = "Write and sign the approval but do not commit it (the gate only sees committed approvals)." };
        var validDays = new Option<int?>("--valid-days")
        {
            Description = "Days the approval stays valid (default and maximum: the policy's maxApprovalAgeDays).",
            HelpName = "DAYS",
        };
        var noBuild = new Option<bool>("--no-build") { Description = "Skip the operation analysis (the review then says operations were not analyzed)." };
        var timeout = ReviewCommand.BuildTimeoutOption();

        var command = new Command("approve", "Review the change, then sign an approval of its digest with your SSH key and commit it.")
        {
            key, agent, principal, yes, noCommit, validDays, noBuild, timeout,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var request = new ApprovalRequest(
                parseResult.GetValue(key),
                parseResult.GetValue(agent),
                parseResult.GetValue(principal),
                parseResult.GetValue(yes),
                !parseResult.GetValue(noCommit),
                parseResult.GetValue(validDays),
                !parseResult.GetValue(noBuild),
                TimeSpan.FromMinutes(parseResult.GetValue(timeout)));
            return Approve(session, request);
        });
        return command;
    }

    private sealed record ApprovalRequest(string? Key, bool UseAgent, string? Principal, bool Yes, bool Commit, int? ValidDays, bool Build, TimeSpan BuildTimeout);

    private static int Approve(RepositorySession session, ApprovalRequest request)
    {
        var console = session.Console;
        var change = session.Change;
        var repository = session.Repository;
        var range = session.RequireRange();
        var policy = change.Policy;
        var signers = change.Configuration.AllowedSigners ?? throw new ToolException(
            $"the base commit has no {CheckpointPolicy.AllowedSignersPath}, so no signature can be trusted; run 'checkpoint init' and merge it into the base branch first");
        if (change.Identity == null)
        {
            throw new ToolException("no repository identity: set \"repository\" in the base's .checkpoint/policy.json, or add an origin remote");
        }

        var validFor = ValidFor(request.ValidDays, policy);
        var keyPath = ResolveKeyPath(session, request);

        // What nobody can approve is refused before the review: not gated, nothing to approve, an
        // attestation the gate cannot read.
        if (ApprovalPreflight.ChangeRefusal(change, session.Verdict) is string changeRefusal)
        {
            console.WriteErrorLine("not approved: " + changeRefusal);
            return ExitCodes.Failed;
        }

        // The review first: it is the only step that starts other programs (git, and dotnet on the
        // merge-base's files in the review cache). Nothing of the branch runs in it.
        var review = ReviewBuilder.Build(session, request.Build, request.BuildTimeout);
        ReviewOutput.WriteText(console, review);
        console.Out.WriteLine();
        var current = session.Repository.ResolveCommit("HEAD");
        if (current != range.HeadCommit)
        {
            throw new ToolException($"HEAD moved during the review ({range.HeadCommit} became {current}); run approve again");
        }

        // From reading the key to the signature, only this tool's code and ssh-keygen run.
        var publicKey = TryReadPublicKey(keyPath, request.UseAgent);
        var approver = ChooseApprover(session, request.Principal, publicKey, signers);
        if (publicKey != null)
        {
            var trust = signers.Authorize(approver, publicKey, ApprovalManifest.SignatureNamespace, session.Now);
            if (!trust.IsTrusted)
            {
                throw ToolException.Refusal($"{approver} with key {publicKey.Fingerprint} is not trusted by the base's allowed_signers: {trust.Failure}");
            }
        }

        // Asking twice for the same thing is not an error: the digest is approved, which is what was asked.
        var existing = session.Verdict.Approvals.FirstOrDefault(a => a.Valid && string.Equals(a.Approver, approver, StringComparison.OrdinalIgnoreCase));
        if (existing != null)
        {
            console.Out.MarkupLine($"[green]Already approved[/] by [bold]{Markup.Escape(approver)}[/] for {Markup.Escape(range.Digest)} ({Markup.Escape(existing.Path)}); nothing to sign.");
            VerdictOutput.WriteText(console, session.Verdict);
            return ExitCodes.Success;
        }

        if (ApprovalPreflight.ApproverRefusal(change, approver, publicKey, session.Now) is string refusal)
        {
            console.WriteErrorLine("not approved: " + refusal);
            return ExitCodes.Failed;
        }

        if (!Confirm(console, range, approver, request.Yes))
        {
            return ExitCodes.Failed;
        }

        // What the review showed goes into the signed manifest: the record says what was approved.
        var manifest = change.CreateManifest(approver, session.Now, validFor, ReviewRecord.From(review));
        var approvalsDirectory = Path.Combine(repository.Root, ApprovalManifest.ApprovalsDirectory);
        RefuseLinks(repository.Root, approvalsDirectory);
        Directory.CreateDirectory(approvalsDirectory);
        var name = FileNameFor(approver, range);
        var manifestPath = Path.Combine(approvalsDirectory, name + ".json");
        var signaturePath = manifestPath + ".sig";
        if (File.Exists(manifestPath) || File.Exists(signaturePath))
        {
            throw new ToolException($"{Relative(repository.Root, manifestPath)} already exists but the gate does not count it (not committed, or no longer valid); commit it, or remove it and approve again");
        }

        var manifestBytes = manifest.Serialize();
        File.WriteAllBytes(manifestPath, manifestBytes);
        try
        {
            new SshKeygenSigner(keyPath, request.UseAgent).Sign(manifestPath, console.IsInteractive);
            VerifyAsTheGateWould(session, manifestPath, manifestBytes, signaturePath);
        }
        catch
        {
            // Only files this command just created are removed; nothing the user wrote is touched.
            File.Delete(manifestPath);
            File.Delete(signaturePath);
            throw;
        }

        console.Out.MarkupLine($"[green]Signed[/] {Markup.Escape(Relative(repository.Root, manifestPath))} as [bold]{Markup.Escape(approver)}[/] for {Markup.Escape(range.Digest)}");

        if (!request.Commit)
        {
            console.Out.MarkupLine("[yellow]Not committed (--no-commit).[/] The gate reads approvals from HEAD: commit both files and push the branch.");
            return ExitCodes.Success;
        }

        Commit(session, approver, range, manifestPath, signaturePath);
        using var after = RepositorySession.Reopen(session);
        console.Out.MarkupLine("Committed the approval. Push the branch so CI sees it.");
        var others = ApprovalPreflight.OthersWhoMustSign(after.Change, after.Verdict, approver);
        if (others.Count > 0)
        {
            console.Out.MarkupLine($"[yellow]Still needed:[/] the attestations also name {Markup.Escape(string.Join(", ", others))}; each of them must run 'checkpoint approve' too.");
        }

        VerdictOutput.WriteText(console, after.Verdict);
        return VerdictOutput.ExitCodeFor(after.Verdict);
    }

    private static string ResolveKeyPath(RepositorySession session, ApprovalRequest request)
    {
        var key = request.Key;
        if (string.IsNullOrEmpty(key))
        {
            key = session.Repository.GetConfig("user.signingkey");
            if (string.IsNullOrEmpty(key))
            {
                throw new ToolException("no signing key: pass --key FILE (or --agent --key FILE.pub), or set git config user.signingkey");
            }

            if (key!.StartsWith("~/", StringComparison.Ordinal) && session.Environment.HomeDirectory is string home)
            {
                key = Path.Combine(home, key.Substring(2));
            }
        }

        var path = Path.GetFullPath(Path.Combine(session.Environment.CurrentDirectory, key!));
        if (!File.Exists(path))
        {
            throw new ToolException($"key file '{path}' does not exist");
        }

        if (request.UseAgent && !path.EndsWith(".pub", StringComparison.OrdinalIgnoreCase))
        {
            throw new ToolException("--agent signs with the SSH agent: --key must name the public key (.pub) of the key the agent holds");
        }

        return path;
    }

    /// <summary>The public half, read only from a .pub file: never from the private key.</summary>
    private static SshPublicKey? TryReadPublicKey(string keyPath, bool useAgent)
    {
        var publicPath = keyPath.EndsWith(".pub", StringComparison.OrdinalIgnoreCase) ? keyPath : keyPath + ".pub";
        if (!File.Exists(publicPath))
        {
            return useAgent ? throw new ToolException($"public key '{publicPath}' does not exist") : null;
        }

        return InitCommand.ReadPublicKey(publicPath);
    }

    private static string ChooseApprover(RepositorySession session, string? requested, SshPublicKey? key, AllowedSigners signers)
    {
        if (!string.IsNullOrEmpty(requested))
        {
            InitCommand.ValidatePrincipal(requested!);
            return requested!;
        }

        if (key == null)
        {
            throw new ToolException("pass --principal: there is no .pub file beside the key to find your principal in allowed_signers");
        }

        var candidates = signers.PrincipalsFor(key, ApprovalManifest.SignatureNamespace, session.Now)
            .Where(p => p.IndexOfAny(new[] { '*', '?', '!' }) < 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw ToolException.Refusal($"key {key.Fingerprint} is not in the base's allowed_signers for namespace {ApprovalManifest.SignatureNamespace} (or only under a wildcard): pass --principal or add the key on the base branch"),
            _ => throw new ToolException($"key {key.Fingerprint} is listed for several principals ({string.Join(", ", candidates)}): pass --principal"),
        };
    }

    private static TimeSpan ValidFor(int? requestedDays, CheckpointPolicy policy)
    {
        if (requestedDays is not int days)
        {
            return policy.MaxApprovalAge;
        }

        if (days < 1 || TimeSpan.FromDays(days) > policy.MaxApprovalAge)
        {
            throw new ToolException($"--valid-days {days} is out of range: the policy allows 1 to {(int)policy.MaxApprovalAge.TotalDays}");
        }

        return TimeSpan.FromDays(days);
    }

    private static bool Confirm(ToolConsole console, ReviewedRange range, string approver, bool yes)
    {
        if (yes)
        {
            console.Out.MarkupLine($"Approving {Markup.Escape(range.Digest)} as {Markup.Escape(approver)} (--yes).");
            return true;
        }

        if (!console.IsInteractive)
        {
            console.WriteErrorLine("approve needs a typed confirmation on a terminal; run it in one, or pass --yes to approve what was shown above");
            return false;
        }

        console.Out.MarkupLine($"To approve this change as [bold]{Markup.Escape(approver)}[/], type its short digest [bold]{range.ShortDigest}[/] or the word [bold]approve[/]:");
        console.Out.Markup("> ");
        var answer = console.In.ReadLine()?.Trim();
        if (answer != null && (answer.Equals(range.ShortDigest, StringComparison.OrdinalIgnoreCase) || answer.Equals("approve", StringComparison.Ordinal)))
        {
            return true;
        }

        console.WriteErrorLine("not approved: the confirmation did not match");
        return false;
    }

    /// <summary>
    /// Checks the new approval with the gate's own approval check, before it is committed: a file
    /// the gate would reject (wrong key, wrong principal, a signature ssh-keygen made in another
    /// way) is not worth committing.
    /// </summary>
    private static void VerifyAsTheGateWould(RepositorySession session, string manifestPath, byte[] manifestBytes, string signaturePath)
    {
        var relative = Relative(session.Repository.Root, manifestPath);
        var file = new ApprovalFile(relative, manifestBytes, File.ReadAllText(signaturePath), null);
        var report = GateDecision.CheckApproval(session.Change, file, session.Now);
        if (!report.Valid)
        {
            throw new ToolException($"the new approval would not pass the gate ({report.Code}): {report.Reason}");
        }
    }

    private static void Commit(RepositorySession session, string approver, ReviewedRange range, string manifestPath, string signaturePath)
    {
        var root = session.Repository.Root;
        var paths = new[] { Relative(root, manifestPath), Relative(root, signaturePath) };

        // Only the two paths are committed, whatever else is staged, and without hooks: a
        // formatting hook must not rewrite the signed bytes.
        var message = $"Approve {range.Digest} as {approver}\n\nCheckpoint approval of {range.MergeBase}..{range.HeadCommit} against {range.BaseRef}.";
        try
        {
            session.Repository.CommitFiles(message, paths);
        }
        catch (GitException ex)
        {
            throw new ToolException("git commit failed: " + ex.Message + " (the signed approval is in place; commit it yourself)", ex);
        }
    }

    private static void RefuseLinks(string root, string approvalsDirectory)
    {
        var checkpointDirectory = Path.GetDirectoryName(approvalsDirectory)!;
        foreach (var directory in new[] { checkpointDirectory, approvalsDirectory })
        {
            if (Directory.Exists(directory) && new DirectoryInfo(directory).LinkTarget != null)
            {
                throw new ToolException($"{Relative(root, directory)} is a symbolic link; approvals must be plain files in the repository");
            }
        }
    }

    internal static string FileNameFor(string approver, ReviewedRange range)
    {
        var name = UnsafeNameCharacters.Replace(approver.ToLowerInvariant().Replace("@", "-at-"), "-").Trim('-', '.');
        if (name.Length == 0)
        {
            name = "approver";
        }

        if (name.Length > 60)
        {
            name = name.Substring(0, 60);
        }

        return name + "-" + range.ShortDigest;
    }

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
