using System;
using System.Text;

namespace Checkpoint.Core.Signatures;

/// <summary>
/// Reads RFC 4251 wire types from an attacker-supplied buffer. Every length is checked against the
/// bytes that remain before anything is allocated, so a forged length can never cause a large allocation.
/// </summary>
internal sealed class SshWireReader
{
    private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly string _context;
    private int _position;

    public SshWireReader(byte[] buffer, string context)
        : this(buffer, 0, buffer.Length, context)
    {
    }

    public SshWireReader(byte[] buffer, int offset, int count, string context)
    {
        _buffer = buffer;
        _position = offset;
        _end = offset + count;
        _context = context;
    }

    public int Remaining => _end - _position;

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _buffer[_position++];
    }

    public uint ReadUInt32(string field)
    {
        Require(4, field);
        var value = ((uint)_buffer[_position] << 24) | ((uint)_buffer[_position + 1] << 16) | ((uint)_buffer[_position + 2] << 8) | _buffer[_position + 3];
        _position += 4;
        return value;
    }

    /// <summary>Reads a length-prefixed string as a slice of the underlying buffer, without copying.</summary>
    public ArraySegment<byte> ReadSlice(string field)
    {
        var length = ReadUInt32(field + " length");
        if (length > (uint)Remaining)
        {
            throw Error($"field '{field}' claims {length} bytes but only {Remaining} remain");
        }

        var slice = new ArraySegment<byte>(_buffer, _position, (int)length);
        _position += (int)length;
        return slice;
    }

    public byte[] ReadBytes(string field)
    {
        var slice = ReadSlice(field);
        var copy = new byte[slice.Count];
        Buffer.BlockCopy(slice.Array!, slice.Offset, copy, 0, slice.Count);
        return copy;
    }

    /// <summary>Reads a string that must be UTF-8 text without NUL bytes, as OpenSSH's cstrings are.</summary>
    public string ReadText(string field)
    {
        var slice = ReadSlice(field);
        if (Array.IndexOf(slice.Array!, (byte)0, slice.Offset, slice.Count) >= 0)
        {
            throw Error($"field '{field}' contains a NUL byte");
        }

        try
        {
            return StrictUtf8.GetString(slice.Array!, slice.Offset, slice.Count);
        }
        catch (ArgumentException)
        {
            throw Error($"field '{field}' is not valid UTF-8");
        }
    }

    /// <summary>
    /// Reads a non-negative mpint in its one canonical encoding (a leading zero byte only before a high bit)
    /// and returns its magnitude. Negative values, other encodings and magnitudes longer than
    /// <paramref name="maxMagnitudeBytes"/> are rejected.
    /// </summary>
    public byte[] ReadPositiveMpint(string field, int maxMagnitudeBytes)
    {
        var slice = ReadSlice(field);
        var offset = slice.Offset;
        var count = slice.Count;
        if (count > 0 && (slice.Array![offset] & 0x80) != 0)
        {
            throw Error($"field '{field}' is negative");
        }

        if (count > 0 && slice.Array![offset] == 0 && (count == 1 || (slice.Array[offset + 1] & 0x80) == 0))
        {
            throw Error($"field '{field}' has a non-canonical leading zero");
        }

        while (count > 0 && slice.Array![offset] == 0)
        {
            offset++;
            count--;
        }

        if (count > maxMagnitudeBytes)
        {
            throw Error($"field '{field}' is {count} bytes, more than the {maxMagnitudeBytes} allowed");
        }

        var magnitude = new byte[count];
        Buffer.BlockCopy(slice.Array!, offset, magnitude, 0, count);
        return magnitude;
    }

    public void ReadMagic(byte[] magic, string field)
    {
        Require(magic.Length, field);
        for (var i = 0; i < magic.Length; i++)
        {
            if (_buffer[_position + i] != magic[i])
            {
                throw Error($"does not start with '{Encoding.ASCII.GetString(magic)}'");
            }
        }

        _position += magic.Length;
    }

    public void RequireEnd()
    {
        if (Remaining != 0)
        {
            throw Error($"{Remaining} unexpected trailing bytes");
        }
    }

    public SshFormatException Error(string problem) => new SshFormatException(_context + ": " + problem + ".");

    private void Require(int count, string field)
    {
        if (Remaining < count)
        {
            throw Error($"truncated at field '{field}' (needs {count} bytes, {Remaining} remain)");
        }
    }
}
