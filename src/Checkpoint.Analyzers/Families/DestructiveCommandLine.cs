using System;
using System.Collections.Generic;
using System.Text;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Reads a command line that a program starts (file name and arguments, as constants) and says
/// whether it runs an infrastructure teardown or a recursive delete.
/// </summary>
/// <remarks>
/// Quotes are dropped rather than honoured, so <c>bash -c "terraform destroy"</c> reads as the
/// words <c>bash -c terraform destroy</c> and the inner command is still found. Shell separators
/// (<c>; &amp; | ( )</c> and newlines) end a command. A command that asks for a dry run
/// (<c>--dry-run</c>, other than <c>--dry-run=none</c>) is a rehearsal and is not reported.
/// </remarks>
internal static class DestructiveCommandLine
{
    private const string Separator = ";";

    /// <summary>Returns the command that destroys, such as <c>terraform destroy</c>, or null.</summary>
    public static string? Find(string commandLine)
    {
        var words = Words(commandLine);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == Separator || !IsProgramPosition(words, i))
            {
                continue;
            }

            var command = Command(words, i);
            if (command.Count == 0 || IsDryRun(command))
            {
                continue;
            }

            var finding = Program(words[i]) switch
            {
                "terraform" or "tofu" => Terraform(command),
                "pulumi" => FirstVerb(command) is "destroy" or "down" ? "pulumi destroy" : null,
                "kubectl" or "oc" => command.Contains("delete") ? "kubectl delete" : null,
                "helm" => FirstVerb(command) is "uninstall" or "delete" or "del" or "un" ? "helm uninstall" : null,
                "az" => command.Contains("delete") ? (command.Contains("group") ? "az group delete" : "az … delete") : null,
                "aws" => Aws(command),
                "gcloud" => command.Contains("delete") ? "gcloud … delete" : null,
                "rm" => Rm(command),
                _ => null,
            };

            if (finding is not null)
            {
                return finding;
            }
        }

        return null;
    }

    /// <summary>
    /// A word names the program when only launchers (<c>bash -c</c>, <c>sudo</c>, <c>env X=1</c>,
    /// <c>cmd /c</c>) stand before it in its command; <c>git rm -r</c> is therefore not <c>rm</c>.
    /// </summary>
    private static bool IsProgramPosition(List<string> words, int at)
    {
        for (var i = at - 1; i >= 0 && words[i] != Separator; i--)
        {
            var word = words[i];
            var isLauncherOrOption = Launchers.Contains(Program(word)) ||
                word.StartsWith("-", StringComparison.Ordinal) ||
                word.StartsWith("/", StringComparison.Ordinal) && word.Length <= 3 ||
                word.IndexOf('=') > 0;
            if (!isLauncherOrOption)
            {
                return false;
            }
        }

        return true;
    }

    private static readonly HashSet<string> Launchers = new(StringComparer.Ordinal)
    {
        "bash", "sh", "zsh", "dash", "cmd", "pwsh", "powershell", "sudo", "env", "xargs", "nohup", "exec", "time", "npx",
    };

    private static string? Terraform(List<string> command)
    {
        var verb = FirstVerb(command);
        if (verb == "destroy")
        {
            return "terraform destroy";
        }

        return verb == "apply" && (command.Contains("-destroy") || command.Contains("--destroy"))
            ? "terraform apply -destroy"
            : null;
    }

    private static string? Aws(List<string> command)
    {
        for (var i = 0; i < command.Count; i++)
        {
            var word = command[i];
            if (word.StartsWith("delete-", StringComparison.Ordinal) || word.StartsWith("terminate-", StringComparison.Ordinal))
            {
                return "aws … " + word;
            }

            if (word == "s3" && i + 1 < command.Count)
            {
                var verb = command[i + 1];
                if (verb == "rb")
                {
                    return "aws s3 rb";
                }

                if (verb == "rm" && command.Contains("--recursive"))
                {
                    return "aws s3 rm --recursive";
                }
            }
        }

        return null;
    }

    private static string? Rm(List<string> command)
    {
        var recursive = false;
        foreach (var word in command)
        {
            if (word == "--")
            {
                break;
            }

            if (word == "--recursive")
            {
                recursive = true;
            }
            else if (word.Length > 1 && word[0] == '-' && word[1] != '-')
            {
                recursive |= word.IndexOf('r') >= 0 || word.IndexOf('R') >= 0;
            }
        }

        return recursive ? "rm -rf" : null;
    }

    private static bool IsDryRun(List<string> command)
    {
        foreach (var word in command)
        {
            if (word.StartsWith("--dry-run", StringComparison.Ordinal) && word != "--dry-run=none")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The first word after the program that is not an option.</summary>
    private static string? FirstVerb(List<string> command)
    {
        foreach (var word in command)
        {
            if (!word.StartsWith("-", StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The words after the program at <paramref name="at"/>, up to the next separator.</summary>
    private static List<string> Command(List<string> words, int at)
    {
        var command = new List<string>();
        for (var i = at + 1; i < words.Count && words[i] != Separator; i++)
        {
            command.Add(words[i]);
        }

        return command;
    }

    /// <summary>The program's bare name: no directory, no Windows extension, lower case.</summary>
    private static string Program(string word)
    {
        var name = word.Substring(Math.Max(word.LastIndexOf('/'), word.LastIndexOf('\\')) + 1).ToLowerInvariant();
        foreach (var extension in new[] { ".exe", ".cmd", ".bat" })
        {
            if (name.EndsWith(extension, StringComparison.Ordinal))
            {
                return name.Substring(0, name.Length - extension.Length);
            }
        }

        return name;
    }

    private static List<string> Words(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in commandLine)
        {
            if (c is ';' or '&' or '|' or '(' or ')' or '\n' or '`')
            {
                Flush();
                words.Add(Separator);
            }
            else if (char.IsWhiteSpace(c) || c is '"' or '\'')
            {
                Flush();
            }
            else
            {
                word.Append(c);
            }
        }

        Flush();
        return words;

        void Flush()
        {
            if (word.Length > 0)
            {
                words.Add(word.ToString());
                word.Clear();
            }
        }
    }
}
