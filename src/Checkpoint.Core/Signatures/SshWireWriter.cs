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

    public byte[] ToArray() => _stream.ToArray();
}
