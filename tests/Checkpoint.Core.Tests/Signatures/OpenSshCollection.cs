namespace Checkpoint.Core.Tests.Signatures;

[CollectionDefinition(Name)]
public sealed class OpenSshCollection : ICollectionFixture<GeneratedKeys>
{
    public const string Name = "ssh-keygen keys";
}
