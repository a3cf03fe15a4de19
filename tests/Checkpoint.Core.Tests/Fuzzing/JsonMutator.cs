using System.Text;

namespace Checkpoint.Core.Tests.Fuzzing;

/// <summary>Deterministic mutations of JSON documents: bit flips, byte edits, truncation and token swaps.</summary>
internal sealed class JsonMutator
{
    private static readonly string[] Tokens =
    {
        "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u0000", "\\ud800", "null", "true", "false", "0", "-1", "1e999",
        "2147483648", "\"\"", "{}", "[]", "\"x\"", "\u00e9", "\uFEFF", "\r\n", "\t", "//", "/*", "sha256:", "Z", "+25:00",
        "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "\"schema\"", "\"scope\"", "\"files\"", "\"base\"",
    };

    private readonly Random _random;

    public JsonMutator(int seed) => _random = new Random(seed);

    public byte[] Mutate(byte[] input)
    {
        var current = input;
        var rounds = 1 + _random.Next(3);
        for (var i = 0; i < rounds; i++)
        {
            current = MutateOnce(current);
        }

        return current;
    }

    public byte[] RandomDocument()
    {
        var builder = new StringBuilder();
        var count = _random.Next(1, 40);
        for (var i = 0; i < count; i++)
        {
            builder.Append(Tokens[_random.Next(Tokens.Length)]);
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    private byte[] MutateOnce(byte[] input)
    {
        if (input.Length == 0)
        {
            return Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]);
        }

        var bytes = new List<byte>(input);
        var position = _random.Next(bytes.Count);
        switch (_random.Next(7))
        {
            case 0:
                bytes[position] ^= (byte)(1 << _random.Next(8));
                break;
            case 1:
                bytes[position] = (byte)_random.Next(256);
                break;
            case 2:
                bytes.RemoveRange(position, Math.Min(bytes.Count - position, 1 + _random.Next(8)));
                break;
            case 3:
                bytes.InsertRange(position, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                break;
            case 4:
                return bytes.Take(position).ToArray();
            case 5:
                var length = Math.Min(bytes.Count - position, 1 + _random.Next(24));
                bytes.InsertRange(_random.Next(bytes.Count), bytes.GetRange(position, length));
                break;
            default:
                // Replace a quoted string's content with a token, keeping the document's shape.
                var quote = bytes.IndexOf((byte)'"', position);
                var end = quote < 0 ? -1 : bytes.IndexOf((byte)'"', quote + 1);
                if (end > quote)
                {
                    bytes.RemoveRange(quote + 1, end - quote - 1);
                    bytes.InsertRange(quote + 1, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)].Replace("\"", string.Empty, StringComparison.Ordinal)));
                }

                break;
        }

        return bytes.ToArray();
    }
}
