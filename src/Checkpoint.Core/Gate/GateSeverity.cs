namespace Checkpoint.Core.Gate;

public enum GateSeverity
{
    Error,
    Warning,
    Info,
}
