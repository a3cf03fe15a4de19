using System.Text;

namespace Checkpoint.Core.Tests.Signatures;

/// <summary>Seeded mutations for fuzzing: the same seed gives the same inputs on every run and machine.</summary>
internal sealed class Mutator
{
    private static readonly uint[] InterestingLengths = { 0, 1, 2, 3, 4, 31, 32, 33, 63, 64, 65, 127, 128, 255, 256, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF };

    public Mutator(int seed) => Random = new Random(seed);

    public Random Random { get; }

    public bool Chance(int percent) => Random.Next(100) < percent;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public byte[] RandomBytes(int maxLength)
    {
        var bytes = new byte[Random.Next(maxLength + 1)];
        Random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>One to three stacked byte-level edits; <paramref name="lengthFields"/> are offsets of uint32 length prefixes.</summary>
    public byte[] MutateBytes(byte[] input, IReadOnlyList<int> lengthFields)
    {
        var bytes = new List<byte>(input);
        var edits = 1 + Random.Next(3);
        for (var edit = 0; edit < edits; edit++)
        {
            switch (Random.Next(7))
            {
                case 0 when bytes.Count > 0:
                    var bit = Random.Next(bytes.Count * 8);
                    bytes[bit / 8] ^= (byte)(1 << (bit % 8));
                    break;
                case 1 when bytes.Count > 0:
                    bytes[Random.Next(bytes.Count)] = (byte)Random.Next(256);
                    break;
                case 2:
                    bytes = bytes.Take(Random.Next(bytes.Count + 1)).ToList();
                    break;
                case 3:
                    bytes.InsertRange(Random.Next(bytes.Count + 1), RandomBytes(8));
                    break;
                case 4 when bytes.Count > 0:
                    var start = Random.Next(bytes.Count);
                    bytes.RemoveRange(start, Math.Min(bytes.Count - start, 1 + Random.Next(8)));
                    break;
                case 5 when lengthFields.Count > 0:
                    var offset = Pick(lengthFields);
                    if (offset + 4 <= bytes.Count)
                    {
                        var current = (uint)((bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3]);
                        var value = Random.Next(3) switch
                        {
                            0 => Pick(InterestingLengths),
                            1 => current + (uint)Random.Next(-2, 3),
                            _ => (uint)Random.Next(),
                        };
                        bytes[offset] = (byte)(value >> 24);
                        bytes[offset + 1] = (byte)(value >> 16);
                        bytes[offset + 2] = (byte)(value >> 8);
                        bytes[offset + 3] = (byte)value;
                    }

                    break;
                default:
                    if (bytes.Count > 1)
                    {
                        var from = Random.Next(bytes.Count);
                        var length = Math.Min(bytes.Count - from, 1 + Random.Next(16));
                        bytes.InsertRange(Random.Next(bytes.Count + 1), bytes.GetRange(from, length));
                    }

                    break;
            }
        }

        return bytes.ToArray();
    }

    /// <summary>One to three stacked character-level edits, favouring characters that mean something to the parsers.</summary>
    public string MutateText(string input, IReadOnlyList<string> dictionary)
    {
        var text = new StringBuilder(input);
        var edits = 1 + Random.Next(3);
        for (var edit = 0; edit < edits; edit++)
        {
            switch (Random.Next(6))
            {
                case 0 when text.Length > 0:
                    text[Random.Next(text.Length)] = RandomChar();
                    break;
                case 1:
                    text.Insert(Random.Next(text.Length + 1), RandomChar());
                    break;
                case 2 when text.Length > 0:
                    var start = Random.Next(text.Length);
                    text.Remove(start, Math.Min(text.Length - start, 1 + Random.Next(12)));
                    break;
                case 3:
                    text.Length = Random.Next(text.Length + 1);
                    break;
                case 4:
                    text.Insert(Random.Next(text.Length + 1), Pick(dictionary));
                    break;
                default:
                    if (text.Length > 1)
                    {
                        var from = Random.Next(text.Length);
                        var length = Math.Min(text.Length - from, 1 + Random.Next(40));
                        text.Insert(Random.Next(text.Length + 1), text.ToString(from, length));
                    }

                    break;
            }
        }

        return text.ToString();
    }

    public string RandomText(int maxLength, IReadOnlyList<string> dictionary)
    {
        var text = new StringBuilder();
        var target = Random.Next(maxLength + 1);
        while (text.Length < target)
        {
            if (Chance(30))
            {
                text.Append(Pick(dictionary));
            }
            else
            {
                text.Append(RandomChar());
            }
        }

        return text.ToString();
    }

    private const string Meaningful = "\"\\,= \t\r\n#!*?-";
    private const string Base64Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=";

    private char RandomChar() => Random.Next(10) switch
    {
        0 => Meaningful[Random.Next(Meaningful.Length)],
        1 => (char)Random.Next(0, 0x20),
        2 => (char)Random.Next(0x80, 0x3000),
        3 => Base64Alphabet[Random.Next(Base64Alphabet.Length)],
        _ => (char)Random.Next(0x20, 0x7F),
    };
}
