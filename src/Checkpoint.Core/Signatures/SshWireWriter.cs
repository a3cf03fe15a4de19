using System.IO;
using System.Text;

namespace Checkpoint.Core.Signatures;

/// <summary>Writes RFC 4251 wire types; used to rebuild the exact bytes a signer signed.</summary>
internal sealed class SshWireWriter
{
    private readonly MemoryStream stream = new MemoryStream();

    public SshWireWriter WriteRaw(byte[] bytes)
    {
        stream.Write(bytes, 0, bytes.Length);
        return this;
    }

    public SshWireWriter WriteByte(byte value)
    {
        stream.WriteByte(value);
        return this;
    }

    public SshWireWriter WriteUInt32(uint value)
    {
        stream.WriteByte((byte)(value >> 24));
        stream.WriteByte((byte)(value >> 16));
        stream.WriteByte((byte)(value >> 8));
        stream.WriteByte((byte)value);
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
        int start = 0;
        while (start < magnitude.Length && magnitude[start] == 0)
        {
            start++;
        }

        int length = magnitude.Length - start;
        bool needsSignByte = length > 0 && (magnitude[start] & 0x80) != 0;
        WriteUInt32((uint)(length + (needsSignByte ? 1 : 0)));
        if (needsSignByte)
        {
            stream.WriteByte(0);
        }

        stream.Write(magnitude, start, length);
        return this;
    }

    public byte[] ToArray() => stream.ToArray();
}
