using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>A key made by <c>ssh-keygen</c>, with its private key file on disk.</summary>
internal sealed class GeneratedKey
{
    public GeneratedKey(string name, string privateKeyPath, string publicKeyText)
    {
        Name = name;
        PrivateKeyPath = privateKeyPath;
        PublicKeyText = publicKeyText;
        PublicKey = SshPublicKey.Parse(publicKeyText);
    }

    public string Name { get; }

    public string PrivateKeyPath { get; }

    public string PublicKeyText { get; }

    public SshPublicKey PublicKey { get; }

    public override string ToString() => Name;
}
