using System.Text.RegularExpressions;
using Checkpoint.Tool.Tests.Ci;
using YamlDotNet.RepresentationModel;

namespace Checkpoint.Tool.Tests.EndToEnd;

/// <summary>
/// Runs a composite action's steps as a GitHub runner would: each <c>run:</c> script with
/// <c>bash --noprofile --norc -eo pipefail</c> (GitHub's <c>shell: bash</c>), in its
/// <c>working-directory</c>, with the variables GitHub sets (<c>GITHUB_OUTPUT</c>,
/// <c>GITHUB_STEP_SUMMARY</c>, <c>RUNNER_TEMP</c>, ...), the step's <c>env:</c>, and the expressions
/// it may use (<c>inputs.*</c>, <c>runner.temp</c>, <c>github.*</c>, <c>steps.*.outputs.*</c>)
/// evaluated. An expression it does not know fails the run, so the action cannot rely on anything this
/// runner does not reproduce. A failing step ends the job, as on GitHub.
/// </summary>
internal static partial class CompositeActionRunner
{
    [GeneratedRegex(@"\$\{\{\s*(?<expression>[^}]+?)\s*\}\}")]
    private static partial Regex Expression();

    public static ActionRunResult Run(string actionFile, GitHubRunnerContext context, IReadOnlyDictionary<string, string> inputs)
    {
        var action = CiPipelineRules.Load(File.ReadAllText(actionFile));
        var values = InputValues(action, inputs);
        var steps = ((YamlSequenceNode)CiPipelineRules.Child((YamlMappingNode)CiPipelineRules.Child(action, "runs")!, "steps")!).Children.OfType<YamlMappingNode>().ToList();
        var outputs = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var log = new System.Text.StringBuilder();
        var summary = new System.Text.StringBuilder();

        for (var index = 0; index < steps.Count; index++)
        {
            var step = steps[index];
            var name = CiPipelineRules.Scalar(step, "name") ?? $"step {index + 1}";
            Assert.Null(CiPipelineRules.Child(step, "if"));
            Assert.Equal("bash", CiPipelineRules.Scalar(step, "shell"));
            string Evaluate(string text) => Expression().Replace(text, m => Value(m.Groups["expression"].Value, values, context, outputs, actionFile));

            var stepFolder = Path.Combine(context.RunnerTemp, "_step" + index);
            Directory.CreateDirectory(stepFolder);
            var outputFile = Path.Combine(stepFolder, "output");
            var summaryFile = Path.Combine(stepFolder, "summary");
            var script = Path.Combine(stepFolder, "script.sh");
            File.WriteAllText(outputFile, string.Empty);
            File.WriteAllText(summaryFile, string.Empty);
            File.WriteAllText(script, CiPipelineRules.Scalar(step, "run")!);

            var environment = new Dictionary<string, string?>(context.Environment(), StringComparer.Ordinal)
            {
                ["GITHUB_OUTPUT"] = outputFile,
                ["GITHUB_STEP_SUMMARY"] = summaryFile,
                ["GITHUB_ENV"] = Path.Combine(stepFolder, "env"),
                ["GITHUB_PATH"] = Path.Combine(stepFolder, "path"),
                ["GITHUB_ACTION_PATH"] = Path.GetDirectoryName(actionFile),
            };
            if (CiPipelineRules.Child(step, "env") is YamlMappingNode env)
            {
                foreach (var (key, value) in env.Children)
                {
                    environment[((YamlScalarNode)key).Value!] = Evaluate(((YamlScalarNode)value).Value ?? string.Empty);
                }
            }

            var workingDirectory = CiPipelineRules.Scalar(step, "working-directory") is string folder ? Evaluate(folder) : context.Workspace;
            var result = ProcessRunner.Run("bash", ["--noprofile", "--norc", "-eo", "pipefail", script], workingDirectory, environment, TimeSpan.FromMinutes(8));
            log.Append($"##[step] {name}\n").Append(result.Output);
            summary.Append(File.ReadAllText(summaryFile));
            if (CiPipelineRules.Scalar(step, "id") is string id)
            {
                outputs[id] = ReadOutputs(outputFile);
            }

            if (result.ExitCode != 0)
            {
                return new ActionRunResult(result.ExitCode, name, log.ToString(), summary.ToString(), outputs);
            }
        }

        return new ActionRunResult(0, null, log.ToString(), summary.ToString(), outputs);
    }

    private static Dictionary<string, string> InputValues(YamlMappingNode action, IReadOnlyDictionary<string, string> given)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in ((YamlMappingNode)CiPipelineRules.Child(action, "inputs")!).Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var definition = (YamlMappingNode)value;
            if (given.TryGetValue(name, out var provided))
            {
                values[name] = provided;
            }
            else if (CiPipelineRules.Scalar(definition, "required") == "true")
            {
                throw new InvalidOperationException($"input '{name}' is required by the action and was not given");
            }
            else
            {
                values[name] = CiPipelineRules.Scalar(definition, "default") ?? string.Empty;
            }
        }

        Assert.Empty(given.Keys.Except(values.Keys));
        return values;
    }

    private static string Value(string expression, Dictionary<string, string> inputs, GitHubRunnerContext context, Dictionary<string, Dictionary<string, string>> outputs, string actionFile)
    {
        var parts = expression.Split('.');
        return parts switch
        {
            ["inputs", var name] => inputs[name],
            ["runner", "temp"] => context.RunnerTemp,
            ["github", "workspace"] => context.Workspace,
            ["github", "action_path"] => Path.GetDirectoryName(actionFile)!,
            ["steps", var id, "outputs", var name] => outputs.TryGetValue(id, out var step) && step.TryGetValue(name, out var value) ? value : string.Empty,
            _ => throw new InvalidOperationException($"the action uses the expression '{expression}', which this runner does not reproduce"),
        };
    }

    /// <summary>GITHUB_OUTPUT lines: <c>name=value</c>, or <c>name&lt;&lt;DELIMITER</c> ... <c>DELIMITER</c>.</summary>
    private static Dictionary<string, string> ReadOutputs(string file)
    {
        var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(file);
        for (var i = 0; i < lines.Length; i++)
        {
            var heredoc = lines[i].IndexOf("<<", StringComparison.Ordinal);
            var equals = lines[i].IndexOf('=', StringComparison.Ordinal);
            if (heredoc > 0 && (equals < 0 || heredoc < equals))
            {
                var delimiter = lines[i][(heredoc + 2)..];
                var value = lines.Skip(i + 1).TakeWhile(l => l != delimiter).ToList();
                outputs[lines[i][..heredoc]] = string.Join("\n", value);
                i += value.Count + 1;
            }
            else if (equals > 0)
            {
                outputs[lines[i][..equals]] = lines[i][(equals + 1)..];
            }
        }

        return outputs;
    }
}
