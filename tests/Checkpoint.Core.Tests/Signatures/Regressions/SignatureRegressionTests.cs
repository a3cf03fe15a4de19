using System.Text;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Inputs that once broke the SSHSIG parser or verifier (found by fuzzing or by hand), kept so they stay fixed.
/// Each row: why it is here, the armored input as base64 of its UTF-8 text, and the message as base64.
/// </summary>
public sealed class SignatureRegressionTests
{
    public static TheoryData<string, string, string> Inputs => new()
    {
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void OnceFailingInput_IsNowRejectedCleanly(string why, string armoredBase64, string messageBase64)
    {
        string armored = Encoding.UTF8.GetString(Convert.FromBase64String(armoredBase64));
        byte[] message = Convert.FromBase64String(messageBase64);

        Assert.Null(SignatureFuzzOracle.Check(armored, message, Array.Empty<byte[]>()) is { } problem ? why + ": " + problem : null);
    }
}
