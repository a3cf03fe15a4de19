using Checkpoint.Core.Approvals;

namespace Checkpoint.Testing;

/// <summary>
/// A real OpenSSH key pair made by <c>ssh-keygen</c> in a temp folder, and real <c>ssh-keygen -Y sign</c>
/// with it. The named keys (<see cref="Alice"/>, <see cref="Bob"/>, ...) are made once per test process
/// and shared; <see cref="Create"/> makes a key of a test's own.
/// </summary>
public sealed class SshKey
{
    private static readonly Lazy<string> SharedFolder = new(CreateSharedFolder);
    private static readonly Dictionary<string, SshKey> Shared = new(StringComparer.Ordinal);
    private static readonly Lock SharedLock = new();

    private SshKey(string name, string principal, string privateKeyPath)
    {
        Name = name;
        Principal = principal;
        PrivateKeyPath = privateKeyPath;
        PublicKey = File.ReadAllText(PublicKeyPath).Trim();
        var parts = PublicKey.Split(' ');
        PublicKeyText = parts[0] + " " + parts[1];
    }

    public static SshKey Alice => Named("alice", "ed25519");

    public static SshKey Bob => Named("bob", "ed25519");

    public static SshKey Mallory => Named("mallory", "ed25519");

    public static SshKey EcdsaCarol => Named("carol", "ecdsa", "384");

    public static SshKey RsaDave => Named("dave", "rsa", "3072");

    public string Name { get; }

    /// <summary>The principal the key signs as: <c>name@example.com</c> unless made with another.</summary>
    public string Principal { get; }

    public string PrivateKeyPath { get; }

    public string PublicKeyPath => PrivateKeyPath + ".pub";

    /// <summary>The .pub line: "type base64 comment".</summary>
    public string PublicKey { get; }

    /// <summary>"type base64", without comment.</summary>
    public string PublicKeyText { get; }

    /// <summary>The principal and key as <c>git config user.name/user.email</c> or a commit identity: "name &lt;principal&gt;".</summary>
    public string Identity => $"{Name} <{Principal}>";

    /// <summary>
    /// Makes a new key in <paramref name="folder"/> (file name <paramref name="name"/>) with the real ssh-keygen.
    /// </summary>
    /// <param name="bits">For ecdsa and rsa keys; the ssh-keygen default when null.</param>
    public static SshKey Create(string folder, string name, string? principal = null, string type = "ed25519", string? bits = null)
    {
        principal ??= name + "@example.com";
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        List<string> arguments = ["-q", "-t", type];
        if (bits is not null)
        {
            arguments.AddRange(["-b", bits]);
        }

        arguments.AddRange(["-N", string.Empty, "-C", principal, "-f", path]);
        ProcessRunner.RunChecked("ssh-keygen", arguments, folder, timeout: TimeSpan.FromMinutes(1));
        return new SshKey(name, principal, path);
    }

    /// <summary>An allowed_signers line for this key, restricted to the approval namespace unless <paramref name="options"/> says otherwise.</summary>
    public string AllowedSignersLine(string? options = "namespaces=\"" + ApprovalManifest.SignatureNamespace + "\"") =>
        options is null ? $"{Principal} {PublicKeyText}" : $"{Principal} {options} {PublicKeyText}";

    /// <summary>Signs <paramref name="content"/> with real <c>ssh-keygen -Y sign</c> and returns the armored signature.</summary>
    public string Sign(byte[] content, string signatureNamespace = ApprovalManifest.SignatureNamespace)
    {
        var folder = ScratchFolder.Create("checkpoint-sign-");
        try
        {
            var file = Path.Combine(folder, "manifest.json");
            File.WriteAllBytes(file, content);
            SignFile(file, signatureNamespace);
            return File.ReadAllText(file + ".sig");
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    /// <summary>Writes <c><paramref name="path"/>.sig</c> beside the file, as an approver running ssh-keygen by hand does.</summary>
    public void SignFile(string path, string signatureNamespace = ApprovalManifest.SignatureNamespace) =>
        ProcessRunner.RunChecked(
            "ssh-keygen",
            ["-q", "-Y", "sign", "-f", PrivateKeyPath, "-n", signatureNamespace, path],
            Path.GetDirectoryName(Path.GetFullPath(path))!,
            timeout: TimeSpan.FromMinutes(1));

    public override string ToString() => Identity;

    private static SshKey Named(string name, string type, string? bits = null)
    {
        lock (SharedLock)
        {
            if (!Shared.TryGetValue(name, out var key))
            {
                key = Create(SharedFolder.Value, name, type: type, bits: bits);
                Shared[name] = key;
            }

            return key;
        }
    }

    private static string CreateSharedFolder()
    {
        var folder = ScratchFolder.Create("checkpoint-keys-");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => ScratchFolder.Delete(folder);
        return folder;
    }
}
