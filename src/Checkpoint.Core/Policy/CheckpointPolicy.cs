using System;
using System.Collections.Generic;
using System.Linq;
using Checkpoint.Core.Basics;
using Checkpoint.Core.Json;

namespace Checkpoint.Core.Policy;

/// <summary>
/// The gate's settings from <c>.checkpoint/policy.json</c>, always read from the base commit. A
/// missing file means <see cref="Default"/>; a malformed one fails the gate (it never falls back to
/// defaults). The format is documented in docs/policy.md.
/// </summary>
public sealed class CheckpointPolicy
{
    /// <summary>Repository-relative path of the policy file.</summary>
    public const string FilePath = ".checkpoint/policy.json";

    /// <summary>Repository-relative path of the trusted signers file.</summary>
    public const string AllowedSignersPath = ".checkpoint/allowed_signers";

    /// <summary>Repository-relative path of the list of revoked approvals and keys (docs/policy.md).</summary>
    public const string RevokedPath = ".checkpoint/revoked";

    public const int MaxSizeBytes = 1024 * 1024;

    /// <summary>Branch prefixes the coding agents use; a policy can add to them, never remove.</summary>
    public static readonly IReadOnlyList<string> DefaultAgentBranchPrefixes = new[]
    {
        "copilot/", "claude/", "codex/", "cursor/", "devin/", "jules/", "aider/", "agent/",
    };

    /// <summary>
    /// Commit identities (email or name, <c>*</c> wildcards, case-insensitive) of coding agents.
    /// A policy can add to them, never remove.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAgentIdentities = new[]
    {
        "Copilot@users.noreply.github.com",
        "*+Copilot@users.noreply.github.com",
        "*copilot-swe-agent[bot]@users.noreply.github.com",
        "*devin-ai-integration[bot]@users.noreply.github.com",
        "*openai-codex[bot]@users.noreply.github.com",
        "*chatgpt-codex-connector[bot]@users.noreply.github.com",
        "*cursor[bot]@users.noreply.github.com",
        "*claude[bot]@users.noreply.github.com",
        "*google-labs-jules[bot]@users.noreply.github.com",
        "noreply@anthropic.com",
        "cursoragent@cursor.com",
        "noreply@aider.chat",
        "*(aider)",
    };

    /// <summary>CI actor logins of coding agents (GITHUB_ACTOR, BUILD_REQUESTEDFOR, GITLAB_USER_LOGIN...).</summary>
    public static readonly IReadOnlyList<string> DefaultAgentActors = new[]
    {
        "Copilot",
        "copilot-swe-agent",
        "copilot-swe-agent[bot]",
        "devin-ai-integration[bot]",
        "openai-codex[bot]",
        "chatgpt-codex-connector[bot]",
        "cursor[bot]",
        "claude[bot]",
        "google-labs-jules[bot]",
    };

    private static readonly string[] DefaultProtectedBranches = { "main", "master" };

    public CheckpointPolicy(
        IReadOnlyList<string>? protectedBranches = null,
        GateScope scope = GateScope.AgentBranches,
        IReadOnlyList<string>? agentBranchPrefixes = null,
        IReadOnlyList<string>? agentIdentities = null,
        IReadOnlyList<string>? agentActors = null,
        int requiredApprovers = 1,
        TimeSpan? maxApprovalAge = null,
        string? repository = null,
        bool isDefault = false)
    {
        ProtectedBranches = protectedBranches ?? DefaultProtectedBranches;
        Scope = scope;
        AgentBranchPrefixes = DefaultAgentBranchPrefixes.Concat(agentBranchPrefixes ?? Array.Empty<string>()).Distinct(StringComparer.Ordinal).ToList();
        AgentIdentities = DefaultAgentIdentities.Concat(agentIdentities ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        AgentActors = DefaultAgentActors.Concat(agentActors ?? Array.Empty<string>()).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        RequiredApprovers = requiredApprovers;
        MaxApprovalAge = maxApprovalAge ?? DefaultMaxApprovalAge;
        Repository = repository;
        IsDefault = isDefault;
    }

    /// <summary>How long an approval counts, at most, whatever its own <c>expiresAt</c> says.</summary>
    public static readonly TimeSpan DefaultMaxApprovalAge = TimeSpan.FromDays(14);

    /// <summary>The policy in effect when the base has no <c>.checkpoint/policy.json</c>.</summary>
    public static CheckpointPolicy Default { get; } = new CheckpointPolicy(isDefault: true);

    /// <summary>Branches whose remote tip (and its history) is not gated outside a pull request: names with <see cref="Glob"/> wildcards.</summary>
    public IReadOnlyList<string> ProtectedBranches { get; }

    public GateScope Scope { get; }

    public IReadOnlyList<string> AgentBranchPrefixes { get; }

    public IReadOnlyList<string> AgentIdentities { get; }

    public IReadOnlyList<string> AgentActors { get; }

    /// <summary>Distinct valid approvers a gated branch needs (1 to 10).</summary>
    public int RequiredApprovers { get; }

    public TimeSpan MaxApprovalAge { get; }

    /// <summary>The repository identity approvals must name; when null, the normalized origin URL is used.</summary>
    public string? Repository { get; }

    /// <summary>True when no policy file was found and the defaults apply.</summary>
    public bool IsDefault { get; }

    /// <summary>Parses policy.json bytes. <paramref name="sourceName"/> prefixes every error.</summary>
    /// <exception cref="PolicyFormatException">The file is malformed; the message says where and why.</exception>
    public static CheckpointPolicy Parse(byte[] utf8Json, string sourceName = FilePath)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        if (utf8Json.Length > MaxSizeBytes)
        {
            throw new PolicyFormatException($"{sourceName}: file is {utf8Json.Length} bytes; the limit is {MaxSizeBytes}");
        }

        Func<string, Exception> error = message => new PolicyFormatException($"{sourceName}: {message}");
        try
        {
            using var document = JsonObjectReader.ParseDocument(utf8Json, "policy", error);
            var reader = new JsonObjectReader(document.RootElement, "policy", error);
            reader.OptionalString("$schema", 1024);
            var protectedBranches = reader.OptionalStringArray("protectedBranches", 100, 255);
            if (protectedBranches is { Count: 0 })
            {
                throw error("\"protectedBranches\" is empty; list at least the default branch");
            }

            var scope = GateScope.AgentBranches;
            var scopeText = reader.OptionalString("scope", 32);
            if (scopeText != null)
            {
                scope = scopeText switch
                {
                    "agent-branches" => GateScope.AgentBranches,
                    "all-branches" => GateScope.AllBranches,
                    _ => throw error($"\"scope\" is \"{JsonObjectReader.Printable(scopeText)}\"; expected \"agent-branches\" or \"all-branches\""),
                };
            }

            var prefixes = reader.OptionalStringArray("agentBranchPrefixes", 100, 255);
            var identities = reader.OptionalStringArray("agentIdentities", 500, 320);
            var actors = reader.OptionalStringArray("agentActors", 500, 255);
            var requiredApprovers = reader.OptionalInteger("requiredApprovers", 1, 10) ?? 1;
            var maxAgeDays = reader.OptionalInteger("maxApprovalAgeDays", 1, 365);
            var repository = reader.OptionalString("repository", 512);
            if (repository != null)
            {
                repository = RepositoryIdentity.Normalize(repository)
                    ?? throw error($"\"repository\" \"{JsonObjectReader.Printable(repository)}\" is not a repository identity like github.com/owner/repo");
            }

            reader.RejectUnknownMembers();
            return new CheckpointPolicy(
                protectedBranches,
                scope,
                prefixes,
                identities,
                actors,
                requiredApprovers,
                maxAgeDays is int days ? TimeSpan.FromDays(days) : null,
                repository);
        }
        catch (InvalidOperationException ex)
        {
            throw new PolicyFormatException($"{sourceName}: not well-formed: {ex.Message}", ex);
        }
    }

    /// <summary>True when <paramref name="branch"/> matches one of <see cref="ProtectedBranches"/> (<see cref="Glob"/>, case-sensitive).</summary>
    public bool IsProtected(string branch) =>
        ProtectedBranches.Any(pattern => Glob.IsMatch(pattern, branch));
}
