using System.Collections.Generic;
using System.Linq;

namespace Checkpoint.Core.Ci;

/// <summary>
/// The one place that knows every CI system Checkpoint recognises and picks the one a build runs
/// on. Adding a system is one class and one line here. Specific systems come before
/// <see cref="GenericCi"/> because most of them also set <c>CI</c>.
/// </summary>
public static class CiSystems
{
    /// <summary>Every system, in the order they are tried, each reading <paramref name="variables"/>.</summary>
    public static IReadOnlyList<CiSystem> All(IReadOnlyDictionary<string, string?> variables) => new CiSystem[]
    {
        new GitHubActions(variables),
        new AzurePipelines(variables),
        new GitLabCi(variables),
        new Jenkins(variables),
        new TeamCity(variables),
        new Buildkite(variables),
        new CircleCi(variables),
        new BitbucketPipelines(variables),
        new TravisCi(variables),
        new AppVeyor(variables),
        new Drone(variables),
        new Woodpecker(variables),
        new GenericCi(variables),
    };

    /// <summary>The system the variables say the build runs on, or null outside CI.</summary>
    public static CiSystem? Detect(IReadOnlyDictionary<string, string?> variables) =>
        All(variables).FirstOrDefault(system => system.Detected != null);
}
