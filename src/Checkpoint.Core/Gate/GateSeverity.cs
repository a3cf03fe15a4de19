namespace Checkpoint.Core
{
    public enum GateSeverity
    {
        Error,
        Warning,
        Info,
    }
}
