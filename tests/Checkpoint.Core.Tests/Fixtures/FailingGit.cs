using Checkpoint.Core.Gate;

namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>
/// Evaluates the gate with a git of its own: a script that runs the real git, except when one of its
/// arguments is <c>failOn</c> (a subcommand), where it runs <c>replacement</c> instead (by default it
/// prints a fatal error and exits 128, as git does when the object store or a ref is broken).
/// </summary>
internal static class FailingGit
{
    public const string FatalError = "echo 'fatal: injected failure' >&2; exit 128";

    public static readonly IReadOnlyDictionary<string, string?> Ci = new Dictionary<string, string?> { ["CI"] = "true" };

    public static GateVerdict Evaluate(TestRepository repo, string failOn, string replacement = FatalError, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var folder = ScratchFolder.Create("checkpoint-failing-git-");
        try
        {
            var realGit = ProcessRunner.RunChecked("sh", ["-c", "command -v git"], folder).StandardOutput.Trim();
            var wrapper = Path.Combine(folder, "git");
            File.WriteAllText(wrapper, $"#!/bin/sh\nfor a in \"$@\"; do if [ \"$a\" = '{failOn}' ]; then {replacement}; exit 1; fi; done\nexec '{realGit}' \"$@\"\n");
            ProcessRunner.RunChecked("chmod", ["+x", wrapper], folder);
            return CheckpointGate.Evaluate(new GateRequest(repo.Root)
            {
                Environment = environment ?? Ci,
                Now = TestRepository.Now,
                GitExecutable = wrapper,
            });
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }
}
