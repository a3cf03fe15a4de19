using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Checkpoint.Tool.Analysis;

/// <summary>An additional file (operation catalogue, baseline) with the content of one side of the change.</summary>
internal sealed class ReviewAdditionalText : AdditionalText
{
    private readonly SourceText _text;

    public ReviewAdditionalText(string path, SourceText text)
    {
        Path = path;
        _text = text;
    }

    public override string Path { get; }

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
