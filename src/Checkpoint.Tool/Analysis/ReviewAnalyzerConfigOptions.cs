using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Checkpoint.Tool.Analysis;

/// <summary>Fixed analyzer options: the same for every file, none read from .editorconfig or .globalconfig.</summary>
internal sealed class ReviewAnalyzerConfigOptions : AnalyzerConfigOptions
{
    private readonly IReadOnlyDictionary<string, string> _values;

    public ReviewAnalyzerConfigOptions(IReadOnlyDictionary<string, string> values)
    {
        _values = values;
    }

    public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
    {
        if (_values.TryGetValue(key, out var found))
        {
            value = found;
            return true;
        }

        value = null;
        return false;
    }
}
