// Stubs of Google.Cloud.Kms.V1 and Google.Cloud.SecretManager.V1 (not served here): generated
// GAPIC clients, after googleapis/google-cloud-dotnet KeyManagementServiceClient.g.cs and
// SecretManagerServiceClient.g.cs.
using Google.Api.Gax.Grpc;

namespace Google.Cloud.Kms.V1
{
    public sealed class CryptoKeyVersion
    {
    }

    public abstract partial class KeyManagementServiceClient
    {
        public static KeyManagementServiceClient Create() => throw null!;

        public virtual CryptoKeyVersion DestroyCryptoKeyVersion(string name, CallSettings? callSettings = null) => throw null!;
        public virtual CryptoKeyVersion RestoreCryptoKeyVersion(string name, CallSettings? callSettings = null) => throw null!;
    }
}

namespace Google.Cloud.SecretManager.V1
{
    public sealed class SecretVersion
    {
    }

    public abstract partial class SecretManagerServiceClient
    {
        public static SecretManagerServiceClient Create() => throw null!;

        public virtual void DeleteSecret(string name, CallSettings? callSettings = null) => throw null!;
        public virtual SecretVersion DestroySecretVersion(string name, CallSettings? callSettings = null) => throw null!;
        public virtual SecretVersion DisableSecretVersion(string name, CallSettings? callSettings = null) => throw null!;
        public virtual SecretVersion EnableSecretVersion(string name, CallSettings? callSettings = null) => throw null!;
    }
}
