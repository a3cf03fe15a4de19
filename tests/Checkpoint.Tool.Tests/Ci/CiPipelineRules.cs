using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Checkpoint.Tool.Tests.Ci;

/// <summary>
/// The safety rules every documented CI pipeline must follow, checked over the parsed YAML rather
/// than the text, so a comment cannot satisfy them. Each rule returns the violations it found;
/// <see cref="CiPipelineRulesSelfTests"/> proves each one can fail.
/// </summary>
internal static partial class CiPipelineRules
{
    [GeneratedRegex(@"dotnet\s+tool\s+(install|update)\b[^\n]*\bCheckpoint\.Tool\b[^\n]*", RegexOptions.IgnoreCase)]
    private static partial Regex ToolInstall();

    [GeneratedRegex(@"--version\s+\d+\.\d+\.\d+(\s|$)")]
    private static partial Regex PinnedVersion();

    [GeneratedRegex(@"\bdotnet\s+(build|test|run|restore|pack|publish|msbuild|exec)\b|\bmsbuild\b|\bmake\b|\bnpm\b|\byarn\b|\bpwsh\b\s+\S+\.ps1|\./\S+\.(sh|ps1)|\bbash\s+\S+\.sh", RegexOptions.IgnoreCase)]
    private static partial Regex RunsCode();

    [GeneratedRegex(@"secrets\.|\bgithub\.token\b|System\.AccessToken|SYSTEM_ACCESSTOKEN|CI_JOB_TOKEN|\bsecret\b\s*:", RegexOptions.IgnoreCase)]
    private static partial Regex SecretReference();

    [GeneratedRegex(@"pull_request\.head|github\.head_ref|refs/pull/|merge_request|SourceCommitId|SourceBranch", RegexOptions.IgnoreCase)]
    private static partial Regex PullRequestRef();

    [GeneratedRegex(@"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")]
    private static partial Regex PinnedAction();

    public static YamlMappingNode Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Assert.Single(stream.Documents);
        return Assert.IsType<YamlMappingNode>(stream.Documents[0].RootNode);
    }

    /// <summary>Every scalar value in the document, keys included: scripts, inputs, env values.</summary>
    public static IEnumerable<string> Scalars(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                if (scalar.Value != null)
                {
                    yield return scalar.Value;
                }

                break;
            case YamlSequenceNode sequence:
                foreach (var child in sequence.Children.SelectMany(Scalars))
                {
                    yield return child;
                }

                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    foreach (var child in Scalars(key).Concat(Scalars(value)))
                    {
                        yield return child;
                    }
                }

                break;
        }
    }

    /// <summary>The prefix of the Checkpoint action as workflows use it: this repository, at a commit.</summary>
    public const string CheckpointAction = "checkpoint-dotnet/checkpoint@";

    /// <summary>Steps of a workflow that use the Checkpoint action.</summary>
    public static IEnumerable<YamlMappingNode> CheckpointActionSteps(YamlMappingNode root) =>
        GitHubSteps(root).Select(s => s.Step).Where(step => Scalar(step, "uses")?.StartsWith(CheckpointAction, StringComparison.Ordinal) == true);

    public static IEnumerable<string> PinsToolVersion(YamlNode root)
    {
        var installs = Scalars(root).SelectMany(s => ToolInstall().Matches(s)).Select(m => m.Value).ToList();
        var actionSteps = root is YamlMappingNode mapping ? CheckpointActionSteps(mapping).ToList() : [];
        if (installs.Count == 0 && actionSteps.Count == 0)
        {
            yield return "never installs Checkpoint.Tool with dotnet tool install, nor uses the Checkpoint action";
        }

        foreach (var step in actionSteps)
        {
            var version = Scalar(Child(step, "with") as YamlMappingNode, "version");
            if (version == null || !PinnedVersion().IsMatch("--version " + version))
            {
                yield return $"uses the Checkpoint action without a pinned version: X.Y.Z input (got '{version}')";
            }
        }

        foreach (var install in installs.Where(i => !PinnedVersion().IsMatch(i)))
        {
            yield return "installs Checkpoint.Tool without a pinned --version X.Y.Z: " + install;
        }
    }

    public static IEnumerable<string> PassesNoSecrets(YamlNode root)
    {
        return Scalars(root).Where(s => SecretReference().IsMatch(s)).Select(s => "references a secret or token: " + s);
    }

    public static IEnumerable<string> RunsNoCode(YamlNode root)
    {
        return Scalars(root).Where(s => RunsCode().IsMatch(s)).Select(s => "runs code from the checkout: " + s);
    }

    public static IEnumerable<string> RunsVerify(YamlNode root, string format)
    {
        var verify = new Regex(@"checkpoint""?\s+verify\b[^\n]*--format\s+" + Regex.Escape(format) + @"\b");
        if (!Scalars(root).Any(s => verify.IsMatch(s)))
        {
            yield return $"never runs checkpoint verify --format {format}";
        }
    }

    /// <summary>A workflow verifies through the Checkpoint action, whose own steps run verify (<see cref="RunsVerify"/> on action.yml).</summary>
    public static IEnumerable<string> UsesTheCheckpointAction(YamlMappingNode root)
    {
        if (!CheckpointActionSteps(root).Any())
        {
            yield return $"never uses the Checkpoint action ({CheckpointAction}<sha>)";
        }
    }

    // ---- The composite action ---------------------------------------------------------------

    /// <summary>
    /// action.yml: a composite action of bash steps in which inputs reach scripts only through env
    /// (an expression inside a script is template injection), and that never builds or runs code.
    /// </summary>
    public static IEnumerable<string> ActionStepsAreSafeBash(YamlMappingNode action)
    {
        var runs = Child(action, "runs") as YamlMappingNode;
        if (Scalar(runs, "using") != "composite")
        {
            yield return "is not a composite action";
        }

        var steps = (Child(runs, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        if (steps.Count == 0)
        {
            yield return "has no steps";
        }

        foreach (var step in steps)
        {
            var name = Scalar(step, "name") ?? "(unnamed)";
            if (Child(step, "uses") != null)
            {
                yield return $"step '{name}' uses another action: every step is a script of this file";
            }

            if (Scalar(step, "shell") != "bash")
            {
                yield return $"step '{name}' does not run with shell: bash";
            }

            var run = Scalar(step, "run");
            if (run == null)
            {
                yield return $"step '{name}' has no script";
            }
            else if (run.Contains("${{", StringComparison.Ordinal))
            {
                yield return $"step '{name}' puts an expression inside its script; pass it through env";
            }
        }
    }

    // ---- GitHub Actions -------------------------------------------------------------------

    public static IEnumerable<string> GitHubTriggersOnPullRequestTargetOnly(YamlMappingNode root)
    {
        var on = Child(root, "on");
        var events = on switch
        {
            YamlScalarNode scalar => [scalar.Value ?? ""],
            YamlSequenceNode sequence => sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            YamlMappingNode mapping => mapping.Children.Keys.OfType<YamlScalarNode>().Select(s => s.Value ?? "").ToList(),
            _ => new List<string>(),
        };

        if (!events.Contains("pull_request_target"))
        {
            yield return "does not run on pull_request_target (the workflow would come from the pull request)";
        }

        foreach (var other in events.Where(e => e != "pull_request_target"))
        {
            yield return $"also runs on '{other}', where the pull request controls the workflow";
        }
    }

    public static IEnumerable<string> GitHubTokenIsReadOnly(YamlMappingNode root)
    {
        var permissions = Child(root, "permissions") as YamlMappingNode;
        if (permissions == null || permissions.Children.Count != 1 || Scalar(permissions, "contents") != "read")
        {
            yield return "top-level permissions must be exactly 'contents: read'";
        }

        foreach (var job in GitHubJobs(root))
        {
            if (Child(job.Value, "permissions") is YamlNode jobPermissions && Scalars(jobPermissions).Any(s => s == "write" || s == "write-all"))
            {
                yield return $"job '{job.Key}' asks for write permissions";
            }
        }
    }

    public static IEnumerable<string> GitHubCheckoutsKeepNoCredentials(YamlMappingNode root)
    {
        foreach (var (job, step) in GitHubSteps(root))
        {
            if (Scalar(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true
                && Scalar(Child(step, "with") as YamlMappingNode, "persist-credentials") != "false")
            {
                yield return $"job '{job}': actions/checkout without persist-credentials: false";
            }
        }
    }

    public static IEnumerable<string> GitHubActionsArePinnedBySha(YamlMappingNode root)
    {
        foreach (var (job, step) in GitHubSteps(root))
        {
            var uses = Scalar(step, "uses");
            if (uses != null && !PinnedAction().IsMatch(uses))
            {
                yield return $"job '{job}': '{uses}' is not pinned to a full commit SHA";
            }
        }
    }

    /// <summary>
    /// The pwn-request pattern: a pull_request_target job that checks out the pull request's code
    /// and then builds, tests or runs anything. Checking it out as data is fine; running it is not.
    /// </summary>
    public static IEnumerable<string> GitHubNeverRunsPullRequestCode(YamlMappingNode root)
    {
        foreach (var job in GitHubJobs(root))
        {
            var steps = (Child(job.Value, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
            var checksOutPullRequest = steps.Any(step =>
                Scalar(step, "uses")?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true
                && Scalar(Child(step, "with") as YamlMappingNode, "ref") is string reference
                && PullRequestRef().IsMatch(reference));

            if (!checksOutPullRequest)
            {
                continue;
            }

            foreach (var step in steps)
            {
                var run = Scalar(step, "run");
                if (run != null && RunsCode().IsMatch(run))
                {
                    yield return $"job '{job.Key}' checks out the pull request and runs: {run.Trim()}";
                }

                // The Checkpoint action reads the checkout as git data (its own steps pass RunsNoCode);
                // any other action, and any local one (uses: ./...), could run the pull request's code.
                var uses = Scalar(step, "uses");
                if (uses != null && !uses.StartsWith("actions/checkout@", StringComparison.Ordinal) && !uses.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal)
                    && !uses.StartsWith(CheckpointAction, StringComparison.Ordinal))
                {
                    yield return $"job '{job.Key}' checks out the pull request and runs the action {uses}";
                }
            }
        }
    }

    // ---- Azure Pipelines -------------------------------------------------------------------

    public static IEnumerable<string> AzureCheckoutsKeepNoCredentials(YamlMappingNode root)
    {
        var steps = (Child(root, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>().ToList() ?? [];
        var checkouts = steps.Where(s => Child(s, "checkout") != null).ToList();
        if (checkouts.Count == 0)
        {
            yield return "has no explicit checkout step (the implicit one persists credentials)";
        }

        foreach (var checkout in checkouts.Where(c => Scalar(c, "persistCredentials") != "false"))
        {
            yield return $"checkout '{Scalar(checkout, "checkout")}' without persistCredentials: false";
        }
    }

    // ---- helpers ----------------------------------------------------------------------------

    private static IEnumerable<KeyValuePair<string, YamlMappingNode>> GitHubJobs(YamlMappingNode root)
    {
        if (Child(root, "jobs") is not YamlMappingNode jobs)
        {
            yield break;
        }

        foreach (var (key, value) in jobs.Children)
        {
            if (key is YamlScalarNode name && value is YamlMappingNode job)
            {
                yield return new(name.Value ?? "", job);
            }
        }
    }

    private static IEnumerable<(string Job, YamlMappingNode Step)> GitHubSteps(YamlMappingNode root)
    {
        foreach (var job in GitHubJobs(root))
        {
            foreach (var step in (Child(job.Value, "steps") as YamlSequenceNode)?.Children.OfType<YamlMappingNode>() ?? [])
            {
                yield return (job.Key, step);
            }
        }
    }

    public static YamlNode? Child(YamlMappingNode? node, string key)
    {
        if (node == null)
        {
            return null;
        }

        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;
    }

    public static string? Scalar(YamlMappingNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;
}
