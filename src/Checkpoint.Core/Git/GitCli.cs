using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;

namespace Checkpoint.Core.Git;

/// <summary>
/// Runs the git executable for the gate and the checkpoint tool. Every command gets the same
/// neutral options so that the answer does not depend on the caller's configuration: replace
/// refs, pagers, fsmonitor hooks, external diff drivers and signature display are all turned off,
/// and git's environment variables that redirect the repository or inject configuration are removed.
/// </summary>
internal sealed class GitCli
{
    private static readonly string[] CommonArguments =
    {
        "--no-pager",
        "--no-replace-objects",
        "-c", "core.quotepath=off",
        "-c", "core.useReplaceRefs=false",
        "-c", "core.fsmonitor=false",
        "-c", "core.pager=cat",
        "-c", "color.ui=false",
        "-c", "log.showSignature=false",
        "-c", "diff.noprefix=false",
    };

    // GIT_* variables are removed wholesale because many of them silently change which objects a
    // command sees (GIT_DIR, GIT_OBJECT_DIRECTORY, GIT_REPLACE_REF_BASE, GIT_CONFIG_PARAMETERS...).
    // GIT_CONFIG_GLOBAL stays: CI systems use it to mark the checkout as a safe.directory.
    private static readonly string[] KeptGitVariables = { "GIT_CONFIG_GLOBAL" };

    // Grafts (.git/info/grafts) rewrite parents like replace refs do, and --no-replace-objects
    // does not switch them off; pointing git at a file that does not exist does.
    private static readonly string NoGraftFile = Path.Combine(Path.GetTempPath(), "checkpoint-no-grafts-" + Guid.NewGuid().ToString("N"));

    // diff-tree reads the index although comparing two commits needs nothing from it; in a checkout
    // of many files (a base with thousands of merged approvals) that read is most of its cost. An
    // index file that does not exist is an empty index.
    private static readonly string NoIndexFile = Path.Combine(Path.GetTempPath(), "checkpoint-no-index-" + Guid.NewGuid().ToString("N"));

    public GitCli(string workingDirectory, string? gitExecutable = null)
    {
        WorkingDirectory = workingDirectory ?? throw new ArgumentNullException(nameof(workingDirectory));
        Executable = string.IsNullOrEmpty(gitExecutable) ? "git" : gitExecutable!;
    }

    public string WorkingDirectory { get; }

    public string Executable { get; }

    /// <summary>
    /// How long one git command may run before it is killed and reported as failed. A hung git
    /// (a stale lock, a misbehaving hook) must fail the build, not stall it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many git processes this runner has started, for the gate's timing line.</summary>
    public int ProcessesStarted => _processesStarted;

    private int _processesStarted;

    /// <summary>Runs <c>git</c> with <paramref name="arguments"/> and returns its output whatever the exit code.</summary>
    /// <exception cref="GitException">git could not be started.</exception>
    public GitResult Run(params string[] arguments) => Run(arguments, standardInput: null);

    /// <summary>Runs <c>git</c>, feeding <paramref name="standardInput"/> when given.</summary>
    /// <exception cref="GitException">git could not be started.</exception>
    public GitResult Run(IReadOnlyList<string> arguments, byte[]? standardInput) => Run(arguments, standardInput, withoutIndex: false);

    /// <summary>Runs <c>git</c>; with <paramref name="withoutIndex"/>, against an empty index, for commands that compare commits only.</summary>
    public GitResult Run(IReadOnlyList<string> arguments, byte[]? standardInput, bool withoutIndex)
    {
        using var process = Start(arguments, redirectInput: true, withoutIndex);
        var error = process.StandardError.ReadToEndAsync();
        var writer = Task.Run(() =>
        {
            try
            {
                if (standardInput != null)
                {
                    process.StandardInput.BaseStream.Write(standardInput, 0, standardInput.Length);
                }

                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // git exited without reading its input; its exit code says why.
            }
        });
        using var output = new MemoryStream();
        using (KillAfterTimeout(process, out var timedOut))
        {
            process.StandardOutput.BaseStream.CopyTo(output);
            process.WaitForExit();
            writer.Wait();
            if (timedOut())
            {
                throw new GitException(GitFailureKind.CommandFailed, $"'git {string.Join(" ", arguments.Take(2))}' did not finish within {Timeout.TotalSeconds:0} seconds and was stopped");
            }
        }

        return new GitResult(process.ExitCode, output.ToArray(), error.Result);
    }

    /// <summary>Runs <c>git</c> and throws unless it exits with 0.</summary>
    /// <exception cref="GitException">git could not be started or failed.</exception>
    public GitResult RunChecked(params string[] arguments)
    {
        var result = Run(arguments);
        if (!result.Succeeded)
        {
            throw Failure(arguments, result);
        }

        return result;
    }

    /// <summary>Turns a failed result into an exception whose kind tells "not a repository" and "safe.directory" apart.</summary>
    public static GitException Failure(IReadOnlyList<string> arguments, GitResult result)
    {
        var reason = FirstLine(result.Error);
        var command = "git " + string.Join(" ", arguments.Take(2));
        if (result.Error.IndexOf("dubious ownership", StringComparison.OrdinalIgnoreCase) >= 0 ||
            result.Error.IndexOf("safe.directory", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new GitException(
                GitFailureKind.UnsafeDirectory,
                $"git refused the repository (safe.directory): {reason}");
        }

        if (result.Error.IndexOf("not a git repository", StringComparison.OrdinalIgnoreCase) >= 0)
        {
            return new GitException(GitFailureKind.NotARepository, $"not a git repository: {reason}");
        }

        return new GitException(
            GitFailureKind.CommandFailed,
            $"'{command}' failed with exit code {result.ExitCode}: {(reason.Length == 0 ? "no message" : reason)}");
    }

    internal Process Start(IReadOnlyList<string> arguments, bool redirectInput, bool withoutIndex = false)
    {
        var startInfo = new ProcessStartInfo
        {
            FileName = Executable,
            Arguments = JoinArguments(CommonArguments.Concat(arguments)),
            WorkingDirectory = WorkingDirectory,
            UseShellExecute = false,
            CreateNoWindow = true,
            RedirectStandardInput = redirectInput,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Encoding.UTF8,
        };

        Neutralize(startInfo.Environment, withoutIndex);
        System.Threading.Interlocked.Increment(ref _processesStarted);
        try
        {
            return Process.Start(startInfo)
                ?? throw new GitException(GitFailureKind.GitMissing, $"could not start '{Executable}'");
        }
        catch (Win32Exception ex)
        {
            throw new GitException(
                GitFailureKind.GitMissing,
                $"git is not installed or not on PATH ('{Executable}': {ex.Message})",
                ex);
        }
    }

    /// <summary>
    /// Makes a git process's environment (a copy of this process's) neutral: every <c>GIT_*</c>
    /// variable but <c>GIT_CONFIG_GLOBAL</c> removed, whatever its case, then the variables that turn
    /// off system configuration, prompts, replace refs, optional locks, grafts and pagers set, with
    /// the C locale; with <paramref name="withoutIndex"/>, an index file that does not exist.
    /// </summary>
    internal static void Neutralize(IDictionary<string, string?> environment, bool withoutIndex)
    {
        foreach (var name in environment.Keys.ToList())
        {
            if (name.StartsWith("GIT_", StringComparison.OrdinalIgnoreCase) &&
                !KeptGitVariables.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                environment.Remove(name);
            }
        }

        environment["GIT_CONFIG_NOSYSTEM"] = "1";
        environment["GIT_TERMINAL_PROMPT"] = "0";
        environment["GIT_NO_REPLACE_OBJECTS"] = "1";
        environment["GIT_OPTIONAL_LOCKS"] = "0";
        environment["GIT_GRAFT_FILE"] = NoGraftFile;
        if (withoutIndex)
        {
            environment["GIT_INDEX_FILE"] = NoIndexFile;
        }

        environment["GIT_PAGER"] = "cat";
        environment["LC_ALL"] = "C";
        environment["LANGUAGE"] = "C";
    }

    internal IDisposable KillAfterTimeout(Process process, out Func<bool> timedOut)
    {
        var fired = false;
        var timer = new System.Threading.Timer(
            _ =>
            {
                fired = true;
                try
                {
                    process.Kill();
                }
                catch (InvalidOperationException)
                {
                    // Already exited.
                }
                catch (Win32Exception)
                {
                    // Exiting.
                }
            },
            null,
            Timeout,
            System.Threading.Timeout.InfiniteTimeSpan);
        timedOut = () => fired;
        return timer;
    }

    internal static string FirstLine(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.Length > 0)
            {
                return trimmed.StartsWith("fatal: ", StringComparison.Ordinal) ? trimmed.Substring(7) : trimmed;
            }
        }

        return string.Empty;
    }

    // ProcessStartInfo.ArgumentList is missing from netstandard2.0; this quotes each argument so
    // that the runtime's splitter (the MSVCRT rules, on every OS) gives it back unchanged.
    internal static string JoinArguments(IEnumerable<string> arguments)
    {
        var builder = new StringBuilder();
        foreach (var argument in arguments)
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            AppendArgument(builder, argument);
        }

        return builder.ToString();
    }

    private static void AppendArgument(StringBuilder builder, string argument)
    {
        if (argument.Length != 0 && argument.IndexOfAny(new[] { ' ', '\t', '\n', '\v', '"' }) < 0)
        {
            builder.Append(argument);
            return;
        }

        builder.Append('"');
        var index = 0;
        while (index < argument.Length)
        {
            var c = argument[index++];
            if (c == '\\')
            {
                var backslashes = 1;
                while (index < argument.Length && argument[index] == '\\')
                {
                    index++;
                    backslashes++;
                }

                if (index == argument.Length)
                {
                    builder.Append('\\', backslashes * 2);
                }
                else if (argument[index] == '"')
                {
                    builder.Append('\\', (backslashes * 2) + 1).Append('"');
                    index++;
                }
                else
                {
                    builder.Append('\\', backslashes);
                }

                continue;
            }

            if (c == '"')
            {
                builder.Append('\\').Append('"');
                continue;
            }

            builder.Append(c);
        }

        builder.Append('"');
    }
}
