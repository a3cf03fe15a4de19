using System.IO;
using System.Text;

namespace Checkpoint.Core.Signatures;

/// <summary>Writes RFC 4251 wire types; used to rebuild the exact bytes a signer signed.</summary>
internal sealed class SshWireWriter
{
    private readonly MemoryStream _stream = new MemoryStream();

    public SshWireWriter WriteRaw(byte[] bytes)
    {
        _stream.Write(bytes, 0, bytes.Length);
        return this;
    }

    public SshWireWriter WriteByte(byte value)
    {
        _stream.WriteByte(value);
        return this;
    }

    public SshWireWriter WriteUInt32(uint value)
    {
        _stream.WriteByte((byte)(value >> 24));
        _stream.WriteByte((byte)(value >> 16));
        _stream.WriteByte((byte)(value >> 8));
        _stream.WriteByte((byte)value);
        return this;
    }

    public SshWireWriter WriteString(byte[] bytes)
    {
        WriteUInt32((uint)bytes.Length);
        return WriteRaw(bytes);
    }

    public SshWireWriter WriteString(string text) => WriteString(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes a non-negative integer given as an unsigned big-endian magnitude.</summary>
    public SshWireWriter WriteMpint(byte[] magnitude)
    {
        var start = 0;
        while (start < magnitude.Length && magnitude[start] == 0)
        {
            start++;
        }

        var length = magnitude.Length - start;
        var needsSignByte = length > 0 && (magnitude[start] & 0x80) != 0;
        WriteUInt32((uint)(length + (needsSignByte ? 1 : 0)));
        if (needsSignByte)
        {
            _stream.WriteByte(0);
        }

        _stream.Write(magnitude, start, length);
        return this;
    }

    public byte[] ToArray() => _stream.ToArray();
}
