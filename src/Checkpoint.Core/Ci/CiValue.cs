namespace Checkpoint.Core.Ci;

/// <summary>A value a CI system set, with the variable it came from (messages name the variable).</summary>
public sealed class CiValue
{
    public CiValue(string variable, string value)
    {
        Variable = variable;
        Value = value;
    }

    public string Variable { get; }

    public string Value { get; }

    public override string ToString() => Variable + "=" + Value;
}
