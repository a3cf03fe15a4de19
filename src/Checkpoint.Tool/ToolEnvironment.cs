using System;
using System.Collections.Generic;
using System.IO;
using Checkpoint.Core.Basics;

namespace Checkpoint.Tool;

/// <summary>
/// What the tool reads from the process it runs in. The gate gets the REAL environment (CI
/// variables, CHECKPOINT_AGENT, the CI actor): the tool never filters or adds to it.
/// </summary>
internal sealed class ToolEnvironment
{
    public ToolEnvironment(IReadOnlyDictionary<string, string?> variables, string currentDirectory, Func<DateTimeOffset> clock)
    {
        Variables = variables;
        CurrentDirectory = currentDirectory;
        Clock = clock;
    }

    public IReadOnlyDictionary<string, string?> Variables { get; }

    public string CurrentDirectory { get; }

    public Func<DateTimeOffset> Clock { get; }

    public string? HomeDirectory
    {
        get
        {
            var home = Get("HOME") ?? Get("USERPROFILE");
            return string.IsNullOrEmpty(home) ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) : home;
        }
    }

    public static ToolEnvironment ForProcess() =>
        new ToolEnvironment(EnvironmentSnapshot.Current(), Directory.GetCurrentDirectory(), () => DateTimeOffset.UtcNow);

    public string? Get(string name) => Variables.TryGetValue(name, out var value) ? value : null;
}
