using System.Diagnostics;
using System.Globalization;
using System.Text;
using Checkpoint.Testing;

namespace Checkpoint.Benchmarks.Digest;

/// <summary>
/// A git repository for benchmark 3: <see cref="FileCount"/> files on <c>main</c>, and a branch
/// <c>agent/bulk-change</c> whose one commit changes <see cref="ChangedCount"/> of them, large
/// multi-megabyte files and binary files among them. Built once with <c>git fast-import</c> into the
/// temp folder and reused by later runs (the folder name carries the layout version).
/// </summary>
public sealed class SyntheticRepository
{
    public const int FileCount = 20_000;
    public const int ChangedCount = 5_000;
    public const string Branch = "agent/bulk-change";

    // Layout of main: text sources, binary files, and large files (half text, half binary).
    private const int BinaryCount = 100;
    private const int LargeCount = 20;
    private const int LargeSize = 3 * 1024 * 1024;
    private const int DeletedCount = 100;
    private const string LayoutVersion = "v1";

    private SyntheticRepository(string path, string baseCommit, string headCommit)
    {
        Path = path;
        BaseCommit = baseCommit;
        HeadCommit = headCommit;
    }

    public string Path { get; }

    /// <summary>The tip of main, which is also the merge-base of the branch.</summary>
    public string BaseCommit { get; }

    public string HeadCommit { get; }

    /// <summary>Opens the cached repository, building it first when it is missing or incomplete.</summary>
    public static SyntheticRepository OpenOrCreate(TextWriter log)
    {
        var root = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "checkpoint-bench");
        var path = System.IO.Path.Combine(root, "digest-repo-" + LayoutVersion);
        var marker = path + ".complete";
        if (!File.Exists(marker))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }

            Directory.CreateDirectory(path);
            log.WriteLine($"Building the synthetic repository in {path} (once) ...");
            var watch = Stopwatch.StartNew();
            Build(path);
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
            log.WriteLine($"Built in {watch.Elapsed.TotalSeconds:0.0} s.");
        }

        return new SyntheticRepository(
            path,
            Git(path, null, "rev-parse", "refs/heads/main").Trim(),
            Git(path, null, "rev-parse", "refs/heads/" + Branch).Trim());
    }

    private static void Build(string path)
    {
        Git(path, null, "init", "--quiet", "--initial-branch=main");
        ProcessRunner.RunChecked("git", ["fast-import", "--quiet", "--done"], path, timeout: TimeSpan.FromMinutes(30), input: ProcessInput.FromWriter(Import));
    }

    /// <summary>Writes the whole history as a <c>git fast-import</c> stream.</summary>
    private static void Import(Stream standardInput)
    {
        using var import = new BinaryWriter(new BufferedStream(standardInput, 1 << 20), Encoding.UTF8, leaveOpen: false);
        var random = new Random(20261126);
        var paths = new string[FileCount];
        for (var i = 0; i < FileCount; i++)
        {
            paths[i] = i < BinaryCount ? $"assets/bin{i:D5}.dat"
                : i < BinaryCount + LargeCount ? $"data/large{i:D5}.{(i % 2 == 0 ? "csv" : "bin")}"
                : $"src/Area{i % 200:D3}/File{i:D5}.cs";
        }

        // Commit on main: every file at its first version.
        Command(import, $"commit refs/heads/main\nmark :1\ncommitter Bench <bench@example.com> 1700000000 +0000\n");
        Data(import, "Synthetic main\n"u8);
        for (var i = 0; i < FileCount; i++)
        {
            Modify(import, paths[i], Content(random, i, generation: 0));
        }

        // Commit on the branch: change 5,000 paths (all large, all binary, text edits and deletions).
        Command(import, $"commit refs/heads/{Branch}\nmark :2\ncommitter Agent <agent@example.com> 1700000100 +0000\n");
        Data(import, "Synthetic bulk change\n"u8);
        Command(import, "from :1\n");
        var changed = 0;
        for (var i = 0; i < FileCount && changed < ChangedCount; i++)
        {
            var isText = i >= BinaryCount + LargeCount;
            if (isText && i % 4 != 0)
            {
                continue; // Text: one file in four changes.
            }

            if (isText && changed >= ChangedCount - DeletedCount)
            {
                Command(import, $"D {paths[i]}\n");
            }
            else
            {
                Modify(import, paths[i], Content(random, i, generation: 1));
            }

            changed++;
        }

        if (changed != ChangedCount)
        {
            throw new InvalidOperationException($"The layout changes {changed} files, not {ChangedCount}.");
        }

        Command(import, "done\n");
    }

    private static byte[] Content(Random random, int index, int generation)
    {
        if (index < BinaryCount)
        {
            var bytes = new byte[16 * 1024 + random.Next(240 * 1024)];
            random.NextBytes(bytes);
            return bytes;
        }

        if (index < BinaryCount + LargeCount)
        {
            var bytes = new byte[LargeSize];
            if (index % 2 == 0)
            {
                // Large text: CSV rows.
                var row = 0;
                for (var at = 0; at < bytes.Length; row++)
                {
                    var line = Encoding.ASCII.GetBytes($"{row},{generation},{random.Next()},{random.Next()},item-{index}\n");
                    var take = Math.Min(line.Length, bytes.Length - at);
                    Array.Copy(line, 0, bytes, at, take);
                    at += take;
                }
            }
            else
            {
                random.NextBytes(bytes);
            }

            return bytes;
        }

        var text = new StringBuilder(4096);
        text.Append("namespace Synthetic.Area").Append(index % 200).Append(";\n\npublic static class File").Append(index).Append("\n{\n");
        var lines = 20 + random.Next(80);
        for (var line = 0; line < lines; line++)
        {
            text.Append("    public static int Value").Append(line).Append(" => ").Append(random.Next()).Append(" + ").Append(generation).Append(";\n");
        }

        return Encoding.UTF8.GetBytes(text.Append("}\n").ToString());
    }

    private static void Command(BinaryWriter import, string text) => import.Write(Encoding.UTF8.GetBytes(text));

    private static void Data(BinaryWriter import, ReadOnlySpan<byte> bytes)
    {
        Command(import, $"data {bytes.Length}\n");
        import.Write(bytes);
        import.Write((byte)'\n');
    }

    private static void Modify(BinaryWriter import, string path, byte[] content)
    {
        Command(import, $"M 100644 inline {path}\n");
        Data(import, content);
    }

    /// <summary>Runs git in <paramref name="directory"/>; throws with git's own message when it fails.</summary>
    public static string Git(string directory, byte[]? input, params string[] arguments) =>
        ProcessRunner.RunChecked("git", arguments, directory, input: input).StandardOutput;
}
