using System.Text;

namespace Checkpoint.Testing.Tests;

public sealed class ProcessRunnerTests
{
    private static readonly string Here = Path.GetTempPath();

    [Fact]
    public void Arguments_ReachTheChildAsTheyAre_WithNoShellInBetween()
    {
        var result = ProcessRunner.RunChecked("printf", ["%s|", "two words", "it's", "$HOME", "*", ""], Here);

        Assert.Equal("two words|it's|$HOME|*||", result.StandardOutput);
    }

    [Fact]
    public void Environment_ChangesSetAndRemoveVariables_OverALocalEnvironment()
    {
        var result = ProcessRunner.RunChecked("env", [], Here, new Dictionary<string, string?> { ["CHECKPOINT_TESTING_PROBE"] = "set", ["HOME"] = null });
        var variables = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("CHECKPOINT_TESTING_PROBE=set", variables);
        Assert.DoesNotContain(variables, v => v.StartsWith("HOME=", StringComparison.Ordinal));
        Assert.Contains("GIT_CONFIG_NOSYSTEM=1", variables);
        Assert.DoesNotContain(variables, v => v.StartsWith("CI=", StringComparison.Ordinal) || v.StartsWith("GITHUB_ACTIONS=", StringComparison.Ordinal));
    }

    [Fact]
    public void LocalEnvironment_DropsCiMarkersAndGitRepositoryVariables()
    {
        var changed = ProcessEnvironment.Local(new Dictionary<string, string?> { ["CI"] = "true" });
        var local = ProcessEnvironment.Local();

        Assert.Equal("true", changed["CI"]);
        Assert.DoesNotContain(local.Keys, name => name is "CI" or "TF_BUILD" || name.StartsWith("GITHUB_", StringComparison.Ordinal) || name is "GIT_DIR" or "GIT_WORK_TREE");
    }

    [Fact]
    public void StandardInput_BytesReachTheChildUnchanged()
    {
        byte[] bytes = [0, 1, 2, 0xff, 0xfe, (byte)'\n', 0x80];

        var result = ProcessRunner.RunChecked("cat", [], Here, input: bytes);

        Assert.Equal(bytes, result.StandardOutputBytes);
    }

    [Fact]
    public void Output_KeepsBothStreamsApartAndInterleaved()
    {
        var result = ProcessRunner.RunChecked("bash", ["-c", "echo one; sleep 1; echo two >&2; sleep 1; echo three"], Here);

        Assert.Equal("one\nthree\n", result.StandardOutput);
        Assert.Equal("two\n", result.StandardError);
        Assert.Equal("one\ntwo\nthree\n", result.Output);
    }

    [Fact]
    public void Failure_SaysTheCommandLineTheExitCodeAndBothStreams()
    {
        var failure = Assert.Throws<InvalidOperationException>(() =>
            ProcessRunner.RunChecked("bash", ["-c", "echo to-stdout; echo to-stderr >&2; exit 3"], Here));

        Assert.Contains("bash -c 'echo to-stdout; echo to-stderr >&2; exit 3'", failure.Message, StringComparison.Ordinal);
        Assert.Contains("exit code 3", failure.Message, StringComparison.Ordinal);
        Assert.Contains("to-stdout", failure.Message, StringComparison.Ordinal);
        Assert.Contains("to-stderr", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingExecutable_SaysWhatCouldNotStart()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ProcessRunner.Run("checkpoint-no-such-tool", ["--help"], Here));

        Assert.Contains("checkpoint-no-such-tool --help", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeout_KillsTheWholeProcessTreeAndShowsTheOutputSoFar()
    {
        var folder = ScratchFolder.Create("checkpoint-runner-");
        try
        {
            var pidFile = Path.Combine(folder, "grandchild.pid");

            var timeout = Assert.Throws<TimeoutException>(() => ProcessRunner.Run(
                "bash",
                ["-c", "sleep 120 & echo $! > \"$1\"; echo started; wait", "bash", pidFile],
                folder,
                timeout: TimeSpan.FromSeconds(2)));

            Assert.Contains("started", timeout.Message, StringComparison.Ordinal);
            Assert.Contains("did not finish within", timeout.Message, StringComparison.Ordinal);
            var grandchild = "/proc/" + File.ReadAllText(pidFile).Trim();
            for (var attempt = 0; Directory.Exists(grandchild) && attempt < 50; attempt++)
            {
                Thread.Sleep(100);
            }

            Assert.False(Directory.Exists(grandchild), "the grandchild survived the timeout");
        }
        finally
        {
            ScratchFolder.Delete(folder);
        }
    }

    [Fact]
    public void WriterThatFails_ClosesTheInputAndRethrows()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => ProcessRunner.Run(
            "cat",
            [],
            Here,
            timeout: TimeSpan.FromSeconds(30),
            input: ProcessInput.FromWriter(stream =>
            {
                stream.Write(Encoding.ASCII.GetBytes("partial"));
                throw new InvalidOperationException("the writer's own bug");
            })));

        Assert.Equal("the writer's own bug", failure.Message);
    }
}
