using Checkpoint.EndToEnd.Tests;

namespace Checkpoint.Bypass.Tests.BuildLevel;

/// <summary>
/// One consumer git repository of the packed package, with a bare origin whose main the agent
/// branches from. Each bypass lives on its own agent branch; the restore output (ignored by git)
/// survives checkouts, so every project restores once.
/// </summary>
public sealed class GatedConsumer
{
    private static readonly TimeSpan GitTimeout = TimeSpan.FromMinutes(1);

    private GatedConsumer(PackedPackage package, string root)
    {
        Package = package;
        Root = root;
        Project = new Consumer(package, Path.Combine(root, "work"));
        OriginPath = Path.Combine(root, "origin.git");
    }

    public PackedPackage Package { get; }

    public string Root { get; }

    public Consumer Project { get; }

    public string OriginPath { get; }

    public string WorkTree => Project.Directory;

    /// <summary>A consumer whose pushed main holds only a README and a .gitignore for bin/ and obj/.</summary>
    public static GatedConsumer Create()
    {
        var package = PackedPackage.Instance;
        var consumer = new GatedConsumer(package, package.NewConsumerDirectory("bypass"));
        Directory.CreateDirectory(consumer.WorkTree);
        consumer.GitIn(consumer.Root, "init", "-q", "--bare", "-b", "main", consumer.OriginPath);
        consumer.Git("init", "-q", "-b", "main");
        consumer.Git("remote", "add", "origin", consumer.OriginPath);
        consumer.Project.Write(".gitignore", "bin/\nobj/\n").Write("README.md", "# Consumer\n");
        consumer.Commit("Initial commit");
        consumer.Git("push", "-q", "origin", "main");
        consumer.Git("fetch", "-q", "origin");
        consumer.Git("remote", "set-head", "origin", "main");
        return consumer;
    }

    public string Git(params string[] arguments) => GitIn(WorkTree, arguments);

    public void Commit(string message)
    {
        Git("add", "-A");
        Git("commit", "-q", "-m", message);
    }

    /// <summary>Starts <paramref name="branch"/> from main.</summary>
    public void Branch(string branch, string from = "main") => Git("checkout", "-q", "-b", branch, from);

    public void Checkout(string branch) => Git("checkout", "-q", branch);

    /// <summary>Builds without restoring again; <paramref name="variables"/> are added to the child environment.</summary>
    public ProcessResult Build(string target, bool ci, IReadOnlyDictionary<string, string>? variables = null, params string[] extraArguments)
    {
        var environment = Package.Environment(ci);
        foreach ((var name, var value) in variables ?? new Dictionary<string, string>())
        {
            environment[name] = value;
        }

        return DotNet.Run(WorkTree, environment, ["build", target, "--no-restore", "-v:n", .. extraArguments]);
    }

    private string GitIn(string directory, params string[] arguments)
    {
        var result = ProcessRunner.Run("git", arguments, directory, Package.Environment(ci: false), GitTimeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return result.Output.Trim();
    }
}
