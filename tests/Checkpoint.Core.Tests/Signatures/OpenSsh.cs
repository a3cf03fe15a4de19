using System.Diagnostics;
using Checkpoint.Core.Signatures;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>The real ssh-keygen, run in a throwaway directory. Tests that cross-check against OpenSSH use it.</summary>
internal static class OpenSsh
{
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, params string[] arguments) =>
        Run(workingDirectory, standardInput, timeZone: null, arguments);

    /// <param name="timeZone">A POSIX TZ value for ssh-keygen, which reads allowed_signers times without Z in local time.</param>
    public static (int ExitCode, string Output) Run(string workingDirectory, byte[]? standardInput, string? timeZone, params string[] arguments)
    {
        var start = new ProcessStartInfo("ssh-keygen")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (timeZone is not null)
        {
            start.Environment["TZ"] = timeZone;
        }

        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("ssh-keygen did not start");
        if (standardInput is not null)
        {
            process.StandardInput.BaseStream.Write(standardInput);
        }

        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("ssh-keygen " + string.Join(' ', arguments) + " did not finish in 30 s");
        }

        return (process.ExitCode, output.Result + error.Result);
    }
}

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

/// <summary>
/// Every key type OpenSSH here can make without hardware, generated once for all signature tests
/// (RSA-3072 generation is the slow part). Deleted with the temp directory afterwards.
/// </summary>
public sealed class GeneratedKeys : IDisposable
{
    private static readonly (string Name, string[] Arguments)[] Specs =
    {
        ("ed25519", new[] { "-t", "ed25519" }),
        ("ecdsa-256", new[] { "-t", "ecdsa", "-b", "256" }),
        ("ecdsa-384", new[] { "-t", "ecdsa", "-b", "384" }),
        ("ecdsa-521", new[] { "-t", "ecdsa", "-b", "521" }),
        ("rsa-3072", new[] { "-t", "rsa", "-b", "3072" }),
    };

    private readonly Dictionary<string, GeneratedKey> keys = new();

    public GeneratedKeys()
    {
        Directory = Path.Combine(Path.GetTempPath(), "checkpoint-sig-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Parallel.ForEach(Specs, spec =>
        {
            string path = Path.Combine(Directory, spec.Name);
            var (exitCode, output) = OpenSsh.Run(Directory, null, new[] { "-q" }.Concat(spec.Arguments).Concat(new[] { "-N", string.Empty, "-C", spec.Name + "@test", "-f", path }).ToArray());
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"ssh-keygen could not make a {spec.Name} key: {output}");
            }

            var key = new GeneratedKey(spec.Name, path, File.ReadAllText(path + ".pub").Trim());
            lock (keys)
            {
                keys[spec.Name] = key;
            }
        });
    }

    public static IEnumerable<object[]> Names => Specs.Select(spec => new object[] { spec.Name });

    public string Directory { get; }

    internal GeneratedKey this[string name] => keys[name];

    /// <summary>Runs ssh-keygen in the keys' directory and returns its exit code and combined output.</summary>
    internal (int ExitCode, string Output) Run(params string[] arguments) => OpenSsh.Run(Directory, null, arguments);

    /// <summary>Makes an extra key (for example a DSA or 1024-bit RSA key that Checkpoint must refuse) and returns its .pub path.</summary>
    internal string MakeKey(string name, params string[] typeArguments)
    {
        string path = Path.Combine(Directory, name);
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
        string file = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
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
        string stem = Path.Combine(Directory, Guid.NewGuid().ToString("N"));
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

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless; failing the run over it is not.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class OpenSshCollection : ICollectionFixture<GeneratedKeys>
{
    public const string Name = "ssh-keygen keys";
}
