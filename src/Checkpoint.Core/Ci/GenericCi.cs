using System.Collections.Generic;

namespace Checkpoint.Core.Ci;

/// <summary>Any other CI system that follows the common convention of setting <c>CI</c>. It names no branch and no pull request.</summary>
public sealed class GenericCi : CiSystem
{
    public GenericCi(IReadOnlyDictionary<string, string?> variables)
        : base(variables)
    {
    }

    public override string Name => "CI";

    public override CiVariableNames Variables { get; } = new CiVariableNames("CI");
}
