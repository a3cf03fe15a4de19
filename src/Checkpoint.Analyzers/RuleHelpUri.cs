namespace Checkpoint.Analyzers;

/// <summary>The one place that knows where a rule's documentation lives.</summary>
internal static class RuleHelpUri
{
    public static string For(string ruleId)
        => "https://github.com/checkpoint-dotnet/checkpoint/blob/main/docs/rules/" + ruleId + ".md";
}
