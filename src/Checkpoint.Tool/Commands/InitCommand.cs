using System;
using System.CommandLine;
using System.IO;
using System.Text;
using Checkpoint.Core.Approvals;
using Checkpoint.Core.Policy;
using Checkpoint.Core.Signatures;
using Checkpoint.Tool.Output;
using Spectre.Console;

namespace Checkpoint.Tool.Commands;

/// <summary>
/// `checkpoint init`: writes .checkpoint/policy.json (the documented defaults) and
/// .checkpoint/allowed_signers with the user's public key, never over an existing file unless
/// --force, and says what to do next.
/// </summary>
internal static class InitCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var key = new Option<string?>("--key")
        {
            Description = "Your SSH public key (.pub), or your private key file with its .pub beside it; only the .pub is read, a private key alone is refused (default: ~/.ssh/id_ed25519.pub).",
            HelpName = "FILE",
        };
        var principal = new Option<string?>("--principal")
        {
            Description = "Who you are in allowed_signers and approvals (default: git config user.email).",
            HelpName = "NAME",
        };
        var scope = new Option<string>("--scope")
        {
            Description = "Which branches are gated: agent-branches or all-branches.",
            HelpName = "agent-branches|all-branches",
            DefaultValueFactory = _ => "agent-branches",
        };
        scope.AcceptOnlyFromAmong("agent-branches", "all-branches");
        var approvers = new Option<int>("--required-approvers")
        {
            Description = "Distinct approvers a gated branch needs (1-10).",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var force = new Option<bool>("--force") { Description = "Overwrite existing .checkpoint files." };

        var command = new Command("init", "Create .checkpoint/policy.json and .checkpoint/allowed_signers with your public key.")
        {
            key, principal, scope, approvers, force,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var root = session.Repository.Root;
            var required = parseResult.GetValue(approvers);
            if (required < 1 || required > 10)
            {
                throw new ToolException($"--required-approvers {required} is out of range; use 1 to 10");
            }

            var publicKeyPath = ResolvePublicKeyPath(parseResult.GetValue(key), environment);
            var publicKey = ReadPublicKey(publicKeyPath);
            var name = parseResult.GetValue(principal) ?? session.Repository.GetConfig("user.email");
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ToolException("no principal: pass --principal you@example.com or set git config user.email");
            }

            ValidatePrincipal(name!);

            var policyText = PolicyText(parseResult.GetValue(scope)!, required);
            CheckpointPolicy.Parse(Encoding.UTF8.GetBytes(policyText));
            var signersText = AllowedSignersLine(name!, publicKey);
            var parsedSigners = AllowedSigners.Parse(signersText, CheckpointPolicy.AllowedSignersPath);
            if (parsedSigners.Errors.Count > 0)
            {
                throw new ToolException(parsedSigners.Errors[0].Message);
            }

            var overwrite = parseResult.GetValue(force);
            var directory = Path.Combine(root, ".checkpoint");
            Directory.CreateDirectory(directory);
            var wrotePolicy = WriteFile(console, Path.Combine(root, CheckpointPolicy.FilePath), CheckpointPolicy.FilePath, policyText, overwrite);
            var wroteSigners = WriteFile(console, Path.Combine(root, CheckpointPolicy.AllowedSignersPath), CheckpointPolicy.AllowedSignersPath, signersText, overwrite);

            console.Out.WriteLine();
            console.Out.MarkupLine($"Signer: [bold]{Markup.Escape(name!)}[/] {Markup.Escape(publicKey.KeyType)} {Markup.Escape(publicKey.Fingerprint)}");
            console.Out.WriteLine();
            console.Out.MarkupLine("[bold]Next steps[/]");
            console.Out.WriteLine("  1. Review the two files and merge them into the protected base branch through a reviewed pull request:");
            console.Out.WriteLine("     the gate reads them from the base commit, never from an agent's branch.");
            console.Out.WriteLine("  2. Reference the Checkpoint.Analyzers package in your projects (or Directory.Build.props).");
            console.Out.WriteLine("  3. Add the required CI check that runs 'checkpoint verify' from the base branch (docs/ci/github-actions.md),");
            console.Out.WriteLine("     and protect .checkpoint/ with CODEOWNERS.");
            console.Out.WriteLine("  4. To approve an agent's branch: checkpoint review, then checkpoint approve --key <your key>.");
            console.Out.WriteLine("     Another approver runs 'checkpoint init --principal <them> --key <their .pub>' in a fresh clone");
            console.Out.WriteLine("     and adds the printed allowed_signers line to yours.");
            return wrotePolicy || wroteSigners ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>The documented defaults (docs/tool.md, docs/policy.md), spelled out so the file explains itself.</summary>
    internal static string PolicyText(string scope, int requiredApprovers)
    {
        return "{\n"
            + $"  \"$schema\": \"{JsonOutput.PolicySchemaUri}\",\n"
            + "  \"protectedBranches\": [\"main\", \"master\"],\n"
            + $"  \"scope\": \"{scope}\",\n"
            + "  \"agentBranchPrefixes\": [],\n"
            + "  \"agentIdentities\": [],\n"
            + "  \"agentActors\": [],\n"
            + $"  \"requiredApprovers\": {requiredApprovers},\n"
            + $"  \"maxApprovalAgeDays\": {(int)CheckpointPolicy.DefaultMaxApprovalAge.TotalDays}\n"
            + "}\n";
    }

    internal static string AllowedSignersLine(string principal, SshPublicKey key)
    {
        return $"{principal} namespaces=\"{ApprovalManifest.SignatureNamespace}\" {key}\n";
    }

    private static string ResolvePublicKeyPath(string? requested, ToolEnvironment environment)
    {
        if (string.IsNullOrEmpty(requested))
        {
            var home = environment.HomeDirectory ?? throw new ToolException("no home folder to find ~/.ssh/id_ed25519.pub; pass --key FILE");
            return Path.Combine(home, ".ssh", "id_ed25519.pub");
        }

        var path = Path.GetFullPath(Path.Combine(environment.CurrentDirectory, requested));
        if (!path.EndsWith(".pub", StringComparison.OrdinalIgnoreCase) && File.Exists(path + ".pub"))
        {
            return path + ".pub";
        }

        return path;
    }

    /// <summary>Reads a public key, refusing anything that looks like a private key (Checkpoint never reads those).</summary>
    internal static SshPublicKey ReadPublicKey(string path)
    {
        if (!File.Exists(path))
        {
            throw new ToolException($"public key '{path}' does not exist; pass --key with your .pub file");
        }

        string text;
        try
        {
            var info = new FileInfo(path);
            if (info.Length > 64 * 1024)
            {
                throw new ToolException($"'{path}' is {info.Length} bytes, too large for an SSH public key");
            }

            text = File.ReadAllText(path).Trim();
        }
        catch (IOException ex)
        {
            throw new ToolException($"cannot read '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ToolException($"cannot read '{path}': {ex.Message}", ex);
        }

        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            throw new ToolException($"'{path}' is a private key; pass the public key (.pub) instead");
        }

        try
        {
            return SshPublicKey.Parse(text);
        }
        catch (SshFormatException ex)
        {
            throw new ToolException($"'{path}': {ex.Message}", ex);
        }
    }

    internal static void ValidatePrincipal(string principal)
    {
        foreach (var c in principal)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == ',' || c == '"' || c == '*' || c == '?' || c == '!')
            {
                throw new ToolException($"principal '{principal}' cannot contain spaces, commas, quotes or the wildcards * ? !");
            }
        }
    }

    private static bool WriteFile(ToolConsole console, string path, string displayName, string content, bool overwrite)
    {
        if (File.Exists(path) && !overwrite)
        {
            console.Out.MarkupLine($"[yellow]kept[/]    {Markup.Escape(displayName)} (it exists; --force overwrites it)");
            return false;
        }

        var existed = File.Exists(path);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        console.Out.MarkupLine($"[green]{(existed ? "replaced" : "created")}[/] {Markup.Escape(displayName)}");
        return true;
    }
}
