using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>TeamCity: it says it is TeamCity, but keeps branch and pull request details in build parameters, not the environment.</summary>
public sealed class TeamCity : CiSystem
{
    public TeamCity(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "TeamCity";

    public override CiVariableNames Variables { get; } = new CiVariableNames("TEAMCITY_VERSION");
}
