using System;
using System.Collections.Generic;
using System.IO;
using Checkpoint.Core.Approvals;

namespace Checkpoint.Tool.Signing;

/// <summary>
/// Signs an approval manifest with <c>ssh-keygen -Y sign</c>, so the private key stays wherever
/// it lives (a file ssh-keygen reads, the SSH agent, a hardware key) and Checkpoint never reads
/// it. The result is the armored <c>&lt;manifest&gt;.sig</c> beside the manifest.
/// </summary>
internal sealed class SshKeygenSigner
{
    private readonly string _keyPath;
    private readonly bool _useAgent;

    /// <param name="keyPath">The private key file, or with <paramref name="useAgent"/> the public key whose private half the agent holds.</param>
    public SshKeygenSigner(string keyPath, bool useAgent)
    {
        _keyPath = keyPath;
        _useAgent = useAgent;
    }

    public string SignatureNamespace => ApprovalManifest.SignatureNamespace;

    /// <summary>Writes <paramref name="manifestPath"/>.sig and returns its path.</summary>
    /// <exception cref="ToolException">ssh-keygen is missing or refused to sign; the message is its last line.</exception>
    public string Sign(string manifestPath, bool interactive)
    {
        var arguments = new List<string> { "-Y", "sign", "-n", SignatureNamespace, "-f", _keyPath };
        if (_useAgent)
        {
            arguments.Add("-U");
        }

        arguments.Add(manifestPath);

        // Interactive runs let ssh-keygen talk to the user (passphrase, "confirm user presence").
        var result = ChildProcess.Run(
            "ssh-keygen",
            arguments,
            Path.GetDirectoryName(manifestPath) ?? ".",
            TimeSpan.FromMinutes(5),
            environment: null,
            inheritStandardInput: interactive,
            inheritStandardError: interactive);
        var signaturePath = manifestPath + ".sig";
        if (!result.Succeeded || !File.Exists(signaturePath))
        {
            var reason = result.TimedOut ? "timed out after 5 minutes" : result.LastLine();
            throw new ToolException($"ssh-keygen could not sign with '{_keyPath}': {reason}");
        }

        return signaturePath;
    }
}
