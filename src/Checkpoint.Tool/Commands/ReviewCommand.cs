using System;
using System.CommandLine;
using Checkpoint.Tool.Output;
using Checkpoint.Tool.Review;

namespace Checkpoint.Tool.Commands;

/// <summary>`checkpoint review`: the human's view of the change, what weakens the checkpoint first.</summary>
internal static class ReviewCommand
{
    public static Command Create(GlobalOptions globals, ToolConsole console, ToolEnvironment environment)
    {
        var format = OutputFormatOption.Create(OutputFormat.Text, OutputFormat.Json, OutputFormat.Markdown, OutputFormat.Sarif);
        var noBuild = new Option<bool>("--no-build")
        {
            Description = "Skip the operation analysis: no compilation, no restore of the merge-base (the review then says operations were not analyzed).",
        };
        var timeout = BuildTimeoutOption();
        var command = new Command("review", "Show what the change does: changes that weaken the checkpoint, destructive operations added/removed/moved, attestations, files.")
        {
            format, noBuild, timeout,
        };
        command.SetAction(parseResult =>
        {
            using var session = RepositorySession.Open(parseResult, globals, console, environment);
            var review = ReviewBuilder.Build(session, !parseResult.GetValue(noBuild), TimeSpan.FromMinutes(parseResult.GetValue(timeout)));
            switch (parseResult.GetValue(format))
            {
                case OutputFormat.Json:
                    ReviewOutput.WriteJson(console, review);
                    break;
                case OutputFormat.Markdown:
                    ReviewOutput.WriteMarkdown(console, review);
                    break;
                case OutputFormat.Sarif:
                    console.RawOut.WriteLine(ReviewSarif.Write(review, session.Change.Repository.Root));
                    break;
                default:
                    ReviewOutput.WriteText(console, review);
                    break;
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Option<int> BuildTimeoutOption(int defaultMinutes = 10, string description = "Minutes the merge-base's restore and evaluation, and a package restore, may each take.")
    {
        var option = new Option<int>("--build-timeout")
        {
            Description = description,
            HelpName = "MINUTES",
            DefaultValueFactory = _ => defaultMinutes,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 240)
            {
                result.AddError("--build-timeout must be between 1 and 240 minutes");
            }
        });
        return option;
    }
}
