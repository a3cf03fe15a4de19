using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Checkpoint.Analyzers.Sql;

namespace Checkpoint.Analyzers.Families;

/// <summary>
/// Reads a command line that a program starts (file name and arguments, as far as they are known) and
/// says whether it runs an infrastructure teardown, a recursive delete, or destructive SQL through a
/// database client (docs/rules/CHK001.md, "Shell-outs").
/// </summary>
/// <remarks>
/// Quotes group words, as a shell does. The command a launcher runs (<c>bash -c "…"</c>, <c>cmd /c …</c>,
/// <c>pwsh -Command "…"</c>, <c>ssh host "…"</c>) is read like a command line of its own. Shell separators
/// (<c>; &amp; | ( )</c> and newlines) end a command. A command that asks for a dry run
/// (<c>--dry-run</c>, other than <c>--dry-run=none</c>; <c>-WhatIf</c>) is a rehearsal and is not reported.
/// </remarks>
internal static class DestructiveCommandLine
{
    private const string Separator = ";";
    private const int MaximumNesting = 3;

    private static readonly HashSet<string> Launchers = new(StringComparer.Ordinal)
    {
        "bash", "sh", "zsh", "dash", "cmd", "pwsh", "powershell", "sudo", "env", "xargs", "nohup", "exec", "time", "npx", "ssh",
    };

    // The options after which a launcher's next word is a whole command line.
    private static readonly HashSet<string> CommandOptions = new(StringComparer.OrdinalIgnoreCase) { "-c", "/c", "/k", "-command", "--command", "-Command" };

    /// <summary>Returns the command that destroys, such as <c>terraform destroy</c>, or null.</summary>
    public static string? Find(string commandLine) => Find(commandLine, 0);

    private static string? Find(string commandLine, int nesting)
    {
        var words = Words(commandLine);
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] == Separator)
            {
                continue;
            }

            // bash -c "terraform destroy", cmd /c "rd /s /q build", ssh host "rm -rf /data".
            if (nesting < MaximumNesting && i > 0 && IsNestedCommand(words, i) && Find(words[i], nesting + 1) is { } nested)
            {
                return nested;
            }

            if (!IsProgramPosition(words, i))
            {
                continue;
            }

            var command = Command(words, i);
            if (IsDryRun(command))
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
                "dotnet" => command.Count >= 3 && command[0] == "ef" && command[1] == "database" && command[2] == "drop" ? "dotnet ef database drop" : null,
                "psql" => Sql(command, "psql", "-c", "--command"),
                "sqlcmd" => Sql(command, "sqlcmd", "-Q", "-q"),
                "mysql" or "mariadb" => Sql(command, "mysql", "-e", "--execute"),
                "sqlite3" => command.Count >= 2 ? SqlText("sqlite3", command[command.Count - 1]) : null,
                "redis-cli" => command.Any(w => string.Equals(w, "FLUSHALL", StringComparison.OrdinalIgnoreCase) || string.Equals(w, "FLUSHDB", StringComparison.OrdinalIgnoreCase)) ? "redis-cli FLUSHALL" : null,
                "mongosh" or "mongo" => command.Any(w => w.IndexOf("dropDatabase", StringComparison.Ordinal) >= 0 || w.IndexOf(".drop()", StringComparison.Ordinal) >= 0) ? "mongosh … drop" : null,
                "remove-item" or "ri" or "del" or "erase" or "rmdir" or "rd" => WindowsRecursiveDelete(Program(words[i]), command),
                _ => null,
            };

            if (finding is not null)
            {
                return finding;
            }
        }

        return null;
    }

    /// <summary>The word after <c>-c</c> (or <c>/c</c>, <c>-Command</c>) of a launcher, or the remote command of ssh.</summary>
    private static bool IsNestedCommand(List<string> words, int at)
        => (CommandOptions.Contains(words[at - 1]) && at >= 2 && Launchers.Contains(Program(words[at - 2])))
           || (at >= 2 && Program(words[at - 2]) == "ssh" && !words[at - 1].StartsWith("-", StringComparison.Ordinal))
           || words[at].IndexOf(' ') >= 0 && at >= 1 && Launchers.Contains(Program(words[at - 1]));

    /// <summary>
    /// A word names the program when only launchers (<c>bash -c</c>, <c>sudo</c>, <c>env X=1</c>,
    /// <c>cmd /c</c>) stand before it in its command; <c>git rm -r</c> is therefore not <c>rm</c>.
    /// </summary>
    private static bool IsProgramPosition(List<string> words, int at)
    {
        for (var i = at - 1; i >= 0 && words[i] != Separator; i--)
        {
            var word = words[i];
            var isLauncherOrOption = (Launchers.Contains(Program(word)) && Program(word) != "ssh") ||
                word.StartsWith("-", StringComparison.Ordinal) ||
                (word.StartsWith("/", StringComparison.Ordinal) && word.Length <= 3) ||
                word.IndexOf('=') > 0;
            if (!isLauncherOrOption)
            {
                return false;
            }
        }

        return true;
    }

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

    /// <summary>PowerShell's <c>Remove-Item -Recurse</c> and cmd's <c>rd /s</c>, <c>rmdir /s</c>, <c>del /s</c>.</summary>
    private static string? WindowsRecursiveDelete(string program, List<string> command)
    {
        var recursive = command.Any(w => w.Equals("-Recurse", StringComparison.OrdinalIgnoreCase) || w.Equals("-r", StringComparison.OrdinalIgnoreCase)
                                         || w.Equals("/s", StringComparison.OrdinalIgnoreCase));
        if (!recursive || command.Any(w => w.Equals("-WhatIf", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        return program is "remove-item" or "ri" ? "Remove-Item -Recurse" : program + " /s";
    }

    /// <summary>A database client running the SQL of its <c>-c</c>/<c>-Q</c>/<c>-e</c> option.</summary>
    private static string? Sql(List<string> command, string client, string option, string longOption)
    {
        for (var i = 0; i + 1 < command.Count; i++)
        {
            if (command[i] == option || command[i] == longOption)
            {
                return SqlText(client, command[i + 1]);
            }

            if (command[i].StartsWith(longOption + "=", StringComparison.Ordinal))
            {
                return SqlText(client, command[i].Substring(longOption.Length + 1));
            }
        }

        return null;
    }

    private static string? SqlText(string client, string sql)
        => SqlStatements.Find(sql) is { Tier: Catalogue.OperationTier.Destructive } finding ? client + " … " + finding.Statement : null;

    private static bool IsDryRun(List<string> command)
    {
        foreach (var word in command)
        {
            if ((word.StartsWith("--dry-run", StringComparison.Ordinal) && word != "--dry-run=none") || word.Equals("-WhatIf", StringComparison.OrdinalIgnoreCase))
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

    /// <summary>Words as a shell splits them: quotes group (and are dropped), separators outside quotes end a command.</summary>
    private static List<string> Words(string commandLine)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var quoted = false;
        var quote = '\0';
        foreach (var c in commandLine)
        {
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
                else
                {
                    word.Append(c);
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
                quoted = true;
            }
            else if (c is ';' or '&' or '|' or '(' or ')' or '\n' or '`')
            {
                Flush();
                words.Add(Separator);
            }
            else if (char.IsWhiteSpace(c))
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
            if (word.Length > 0 || quoted)
            {
                words.Add(word.ToString());
                word.Clear();
                quoted = false;
            }
        }
    }
}
