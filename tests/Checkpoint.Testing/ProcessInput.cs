using System.Text;

namespace Checkpoint.Testing;

/// <summary>What a child process reads on standard input: text, bytes, or a stream written as it runs.</summary>
public sealed class ProcessInput
{
    private readonly Action<Stream> _write;

    private ProcessInput(Action<Stream> write)
    {
        _write = write;
    }

    /// <summary>UTF-8 text; no input when null.</summary>
    public static implicit operator ProcessInput?(string? text) => text is null ? null : FromText(text);

    /// <summary>Bytes as they are; no input when null.</summary>
    public static implicit operator ProcessInput?(byte[]? bytes) => bytes is null ? null : FromBytes(bytes);

    public static ProcessInput FromText(string text) => FromBytes(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text));

    public static ProcessInput FromBytes(byte[] bytes) => new(stream => stream.Write(bytes));

    /// <summary>Input too large to hold in memory (a <c>git fast-import</c> stream): <paramref name="write"/> writes it as the child reads.</summary>
    public static ProcessInput FromWriter(Action<Stream> write) => new(write);

    internal void WriteTo(Stream stream) => _write(stream);
}
