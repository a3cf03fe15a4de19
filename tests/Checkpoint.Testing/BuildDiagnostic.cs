namespace Checkpoint.Testing;

/// <summary>One diagnostic line of MSBuild's console output.</summary>
public sealed record BuildDiagnostic(string File, int Line, int Column, string Severity, string Code, string Message)
{
    public string FileName => Path.GetFileName(File);
}
