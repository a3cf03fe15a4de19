using System;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace Checkpoint.Tool.Output;

/// <summary>
/// Where the tool writes. Human output goes through Spectre.Console, which drops colour for
/// <c>NO_COLOR</c> and escape codes when the stream is not a terminal; machine formats (json,
/// github annotations) go to <see cref="RawOut"/> untouched, so nothing wraps or gets markup.
/// </summary>
internal sealed class ToolConsole
{
    private ToolConsole(IAnsiConsole output, IAnsiConsole error, TextWriter rawOut, TextWriter rawError, TextReader input, bool isInteractive)
    {
        Out = output;
        Error = error;
        RawOut = rawOut;
        RawError = rawError;
        In = input;
        IsInteractive = isInteractive;
    }

    public IAnsiConsole Out { get; }

    public IAnsiConsole Error { get; }

    public TextWriter RawOut { get; }

    public TextWriter RawError { get; }

    public TextReader In { get; }

    /// <summary>True when a human can answer a prompt: both stdin and stdout are terminals.</summary>
    public bool IsInteractive { get; }

    public static ToolConsole ForProcess()
    {
        var noColor = !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var interactive = !Console.IsInputRedirected && !Console.IsOutputRedirected;
        return new ToolConsole(
            Create(Console.Out, noColor, Console.IsOutputRedirected),
            Create(Console.Error, noColor, Console.IsErrorRedirected),
            Console.Out,
            Console.Error,
            Console.In,
            interactive);
    }

    /// <summary>A console over plain writers with no colour and no terminal, for tests.</summary>
    public static ToolConsole ForWriters(TextWriter output, TextWriter error, TextReader input, bool isInteractive)
    {
        return new ToolConsole(Create(output, noColor: true, redirected: true), Create(error, noColor: true, redirected: true), output, error, input, isInteractive);
    }

    /// <summary>One line on stderr, in red where colour is allowed: the only way errors reach the user.</summary>
    public void WriteErrorLine(string message)
    {
        var oneLine = string.Join(" ", message.Split(new[] { '\r', '\n', '\t' }, StringSplitOptions.RemoveEmptyEntries).Select(part => part.Trim()));
        Error.MarkupLine("[red]error:[/] " + Markup.Escape(oneLine));
    }

    private static IAnsiConsole Create(TextWriter writer, bool noColor, bool redirected)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = redirected ? AnsiSupport.No : AnsiSupport.Detect,
            ColorSystem = noColor || redirected ? ColorSystemSupport.NoColors : ColorSystemSupport.Detect,
            Interactive = redirected ? InteractionSupport.No : InteractionSupport.Detect,
        });

        // Redirected output is read by scripts and CI logs: a line must never be wrapped at 80 columns.
        if (redirected)
        {
            console.Profile.Width = 32767;
        }

        return console;
    }
}
