using System.Collections.Generic;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Checkpoint.Build.Tasks;

/// <summary>
/// The verdict of Checkpoint.Gate.proj, remembered in each MSBuild node for the rest of the build
/// under the same global properties the shared project was built with, so that the projects after
/// the first on a node take it from memory instead of asking the scheduler for the shared
/// project's cached result. MSBuild's own result cache would give the same answer: this only saves
/// the round trip, which in a no-op build of many projects is most of what the gate costs.
/// </summary>
/// <remarks>
/// Only <see cref="CheckpointGateResult"/> writes an entry, with the verdict that the shared
/// project returned. Entries live for one build (<see cref="RegisteredTaskObjectLifetime.Build"/>),
/// so a later build, even on a reused node, evaluates again.
/// </remarks>
internal static class SharedVerdict
{
    /// <summary>Logged (at low importance) by each project that takes the verdict from its node.</summary>
    public const string ReusedMessage = "Checkpoint gate: verdict already received on this node:";

    private const string Prefix = "Checkpoint.Build.Tasks.SharedVerdict:";

    public static string KeyFor(IEnumerable<ITaskItem> gateProperties)
    {
        var parts = new List<string>();
        foreach (var property in gateProperties)
        {
            parts.Add(property.ItemSpec);
        }

        return Prefix + string.Join("\n", parts);
    }

    /// <returns>The remembered verdict as a new item, or null on the first project of a node.</returns>
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
