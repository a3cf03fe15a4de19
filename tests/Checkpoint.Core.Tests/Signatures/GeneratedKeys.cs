namespace Checkpoint.Core.Tests.Signatures;

/// <summary>
/// Every key type OpenSSH here can make without hardware, generated once for all signature tests
/// (RSA-3072 generation is the slow part). Deleted with the temp directory afterwards.
/// </summary>
public sealed class GeneratedKeys : IDisposable
{
    private static readonly (string Name, string Type, string? Bits)[] Specs =
    {
        ("ed25519", "ed25519", null),
        ("ecdsa-256", "ecdsa", "256"),
        ("ecdsa-384", "ecdsa", "384"),
        ("ecdsa-521", "ecdsa", "521"),
        ("rsa-3072", "rsa", "3072"),
    };

    private readonly Dictionary<string, GeneratedKey> _keys = new();

    public GeneratedKeys()
    {
        Directory = ScratchFolder.Create("checkpoint-sig-");
        Parallel.ForEach(Specs, spec =>
        {
            var made = SshKey.Create(Directory, spec.Name, spec.Name + "@test", spec.Type, spec.Bits);
            var key = new GeneratedKey(spec.Name, made.PrivateKeyPath, made.PublicKey);
            lock (_keys)
            {
                _keys[spec.Name] = key;
            }
        });
    }

    public static IEnumerable<object[]> Names => Specs.Select(spec => new object[] { spec.Name });

    public string Directory { get; }

    internal GeneratedKey this[string name] => _keys[name];

    /// <summary>Runs ssh-keygen in the keys' directory and returns its exit code and combined output.</summary>
    internal (int ExitCode, string Output) Run(params string[] arguments) => OpenSsh.Run(Directory, null, arguments);

    /// <summary>Makes an extra key (for example a DSA or 1024-bit RSA key that Checkpoint must refuse) and returns its .pub path.</summary>
    internal string MakeKey(string name, params string[] typeArguments)
    {
        var path = Path.Combine(Directory, name);
        if (!File.Exists(path))
        {
            var (exitCode, output) = Run(new[] { "-q" }.Concat(typeArguments).Concat(new[] { "-N", string.Empty, "-f", path }).ToArray());
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"ssh-keygen could not make {name}: {output}");
            }
        }

        return path + ".pub";
    }

    /// <summary><c>ssh-keygen -Y sign</c> over <paramref name="message"/>; returns the armored signature.</summary>
    internal string Sign(string keyName, byte[] message, string signatureNamespace = "checkpoint-approval", string? hashAlgorithm = null)
    {
        var file = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(file, message);
        var arguments = new List<string> { "-Y", "sign", "-f", this[keyName].PrivateKeyPath, "-n", signatureNamespace };
        if (hashAlgorithm is not null)
        {
            arguments.AddRange(new[] { "-O", "hashalg=" + hashAlgorithm });
        }

        arguments.Add(file);
        var (exitCode, output) = OpenSsh.Run(Directory, null, arguments.ToArray());
        if (exitCode != 0)
        {
            throw new InvalidOperationException("ssh-keygen -Y sign failed: " + output);
        }

        return File.ReadAllText(file + ".sig");
    }

    /// <summary><c>ssh-keygen -Y verify</c>: true when OpenSSH accepts the signature for the principal.</summary>
    internal (bool Accepted, string Output) Verify(string allowedSigners, string principal, string signatureNamespace, string armoredSignature, byte[] message, string? verifyTime = null, string? timeZone = null)
    {
        var stem = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
        File.WriteAllText(stem + ".allowed", allowedSigners);
        File.WriteAllText(stem + ".sig", armoredSignature);
        var arguments = new List<string> { "-Y", "verify", "-f", stem + ".allowed", "-I", principal, "-n", signatureNamespace, "-s", stem + ".sig" };
        if (verifyTime is not null)
        {
            arguments.AddRange(new[] { "-O", "verify-time=" + verifyTime });
        }

        var (exitCode, output) = OpenSsh.Run(Directory, message, timeZone, arguments.ToArray());
        return (exitCode == 0, output);
    }

    public void Dispose() => ScratchFolder.Delete(Directory);
}
