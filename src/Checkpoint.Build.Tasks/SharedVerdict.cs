using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The gate's one registered object: the verdict for a repository, base and skip request, kept in
/// each MSBuild node for the rest of the build (as dotnet/sourcelink's <c>RepositoryTask</c> keeps
/// the repository). The key starts with the repository root <see cref="CheckpointGateScope"/> found
/// with <c>RepositoryLocator</c>, the same directory the gate then opens. The shared project's
/// result cache (build/Checkpoint.Gate.proj) makes the evaluation happen once per build; this
/// object spares every later project on a node the round trip to the scheduler for that result.
/// </summary>
/// <remarks>
/// <see cref="CheckpointGate"/> registers the verdict it computed, and <see cref="CheckpointGateResult"/>
/// the verdict a project received from another node. Entries live for one build
/// (<see cref="RegisteredTaskObjectLifetime.Build"/>), so a later build, even on a reused node, evaluates again.
/// </remarks>
internal static class SharedVerdict
{
    /// <summary>Logged (at low importance) by each project that takes the verdict from its node.</summary>
    public const string ReusedMessage = "Checkpoint gate: verdict already received on this node:";

    private const string Prefix = "Checkpoint.Build.Tasks.SharedVerdict:";

    /// <summary>The key: the global properties of Checkpoint.Gate.proj, repository root first.</summary>
    public static string KeyFor(string repositoryDirectory, string baseRef, string skipReason) =>
        Prefix + repositoryDirectory + "\n" + baseRef + "\n" + skipReason;

    /// <returns>The remembered verdict as a new item, or null when none is registered.</returns>
    public static ITaskItem? Find(IBuildEngine engine, string key)
        => engine is IBuildEngine4 registry && registry.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) is Entry entry
            ? entry.ToItem()
            : null;

    public static void Remember(IBuildEngine engine, string key, ITaskItem verdict)
    {
        if (engine is IBuildEngine4 registry && registry.GetRegisteredTaskObject(key, RegisteredTaskObjectLifetime.Build) == null)
        {
            registry.RegisterTaskObject(key, new Entry(verdict), RegisteredTaskObjectLifetime.Build, allowEarlyCollection: false);
        }
    }

    /// <summary>The key from the <c>Name=value</c> items <see cref="CheckpointGateScope"/> produced.</summary>
    public static string KeyFor(IEnumerable<ITaskItem> gateProperties)
    {
        var values = new Dictionary<string, string>();
        foreach (var property in gateProperties)
        {
            var text = property.ItemSpec;
            var equals = text.IndexOf('=');
            if (equals > 0)
            {
                values[text.Substring(0, equals)] = text.Substring(equals + 1);
            }
        }

        return KeyFor(Value(values, GateProperty.RepositoryDirectory), Value(values, GateProperty.BaseRef), Value(values, GateProperty.SkipReason));
    }

    private static string Value(Dictionary<string, string> values, string name) => values.TryGetValue(name, out var value) ? value : string.Empty;

    /// <summary>An immutable copy: the item MSBuild handed over belongs to the project that received it.</summary>
    private sealed class Entry
    {
        private readonly string _outcome;
        private readonly string _passed;
        private readonly string _code;

        public Entry(ITaskItem verdict)
        {
            _outcome = verdict.ItemSpec;
            _passed = verdict.GetMetadata("Passed");
            _code = verdict.GetMetadata("Code");
        }

        public ITaskItem ToItem()
        {
            var item = new TaskItem(_outcome);
            item.SetMetadata("Passed", _passed);
            item.SetMetadata("Code", _code);
            return item;
        }
    }
}
