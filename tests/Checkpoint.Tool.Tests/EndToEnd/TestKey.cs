namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>An SSH key pair made by the real ssh-keygen in the test's temp folder.</summary>
public sealed record TestKey(string Principal, string PrivateKeyPath, string PublicKeyPath)
{
    public string PublicKey => File.ReadAllText(PublicKeyPath).Trim();

    public string AllowedSignersLine => $"{Principal} namespaces=\"checkpoint-approval\" {PublicKey}";
}
