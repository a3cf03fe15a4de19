namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>Throwaway SSH keys made by the real ssh-keygen once per test run, and real ssh-keygen -Y sign.</summary>
internal sealed class SshKey
{
    private static readonly string KeyDirectory = Path.Combine(Path.GetTempPath(), "checkpoint-core-keys-" + Environment.ProcessId);
    private static readonly Dictionary<string, SshKey> Cache = new();
    private static readonly object Gate = new();

    private SshKey(string name, string privateKeyPath)
    {
        Name = name;
        PrivateKeyPath = privateKeyPath;
        PublicKey = File.ReadAllText(privateKeyPath + ".pub").Trim();
        var parts = PublicKey.Split(' ');
        PublicKeyText = parts[0] + " " + parts[1];
    }

    public static SshKey Alice => Get("alice", "ed25519");

    public static SshKey Bob => Get("bob", "ed25519");

    public static SshKey Mallory => Get("mallory", "ed25519");

    public static SshKey EcdsaCarol => Get("carol", "ecdsa", "-b", "384");

    public static SshKey RsaDave => Get("dave", "rsa", "-b", "3072");

    public string Name { get; }

    public string Principal => Name + "@example.com";

    public string PrivateKeyPath { get; }

    public string PublicKey { get; }

    /// <summary>"type base64", without comment.</summary>
    public string PublicKeyText { get; }

    /// <summary>An allowed_signers line for this key restricted to the approval namespace.</summary>
    public string AllowedSignersLine(string? options = "namespaces=\"checkpoint-approval\"") =>
        options is null ? $"{Principal} {PublicKeyText}" : $"{Principal} {options} {PublicKeyText}";

    /// <summary>Signs <paramref name="content"/> with real ssh-keygen -Y sign and returns the armored signature.</summary>
    public string Sign(byte[] content, string signatureNamespace = "checkpoint-approval")
    {
        var directory = Path.Combine(Path.GetTempPath(), "checkpoint-sign-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var file = Path.Combine(directory, "manifest.json");
            File.WriteAllBytes(file, content);
            ProcessRunner.RunChecked("ssh-keygen", directory, new[] { "-q", "-Y", "sign", "-f", PrivateKeyPath, "-n", signatureNamespace, file });
            return File.ReadAllText(file + ".sig");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SshKey Get(string name, string type, params string[] extra)
    {
        lock (Gate)
        {
            if (Cache.TryGetValue(name, out var key))
            {
                return key;
            }

            Directory.CreateDirectory(KeyDirectory);
            var path = Path.Combine(KeyDirectory, name);
            if (!File.Exists(path))
            {
                var arguments = new List<string> { "-q", "-t", type };
                arguments.AddRange(extra);
                arguments.AddRange(new[] { "-N", string.Empty, "-C", name, "-f", path });
                ProcessRunner.RunChecked("ssh-keygen", KeyDirectory, arguments);
            }

            key = new SshKey(name, path);
            Cache[name] = key;
            return key;
        }
    }
}
