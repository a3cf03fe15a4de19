namespace Checkpoint.Core.Tests.Fixtures;

/// <summary>
/// A git executable that is a shell script of the test's own: one that hangs, dies or answers what a
/// broken git could, to show what Checkpoint makes of it.
/// </summary>
internal static class FakeGit
{
    /// <summary>Writes <c>#!/bin/sh</c> and <paramref name="body"/> to <paramref name="folder"/>/<paramref name="name"/>, makes it executable and returns its path.</summary>
    public static string Create(string folder, string name, string body)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        ProcessRunner.RunChecked("chmod", ["+x", path], folder);
        return path;
    }

    /// <summary>A git that answers <paramref name="answer"/> (shell) when one of its arguments contains <paramref name="word"/>, and is the real git otherwise.</summary>
    public static string Intercepting(string folder, string name, string word, string answer) =>
        Create(folder, name, $"case \"$*\" in *{word}*) {answer};; *) exec git \"$@\";; esac");
}
