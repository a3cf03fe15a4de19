namespace Checkpoint.Tool.Commands;

internal enum OutputFormat
{
    Text,
    Json,
    Github,
    Markdown,
    Sarif,
    Csv,
}
