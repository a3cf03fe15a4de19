using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Testing.Analyzers;

/// <summary>An AdditionalFiles item (a catalogue, a baseline) held in memory.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text, System.Text.Encoding.UTF8);
}
