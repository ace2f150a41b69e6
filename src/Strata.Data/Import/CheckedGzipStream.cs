using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace Strata.Data.Import;

/// <summary>
/// Decompresses a .gz file and, at its end, checks the gzip trailer (CRC-32 and length of the content), so that
/// a truncated or corrupt archive is an error instead of a silently shorter import. .NET's decompressor simply
/// stops at the end of a truncated file.
/// </summary>
/// <remarks>The check covers single-member gzip files, the form gzip and every event-data provider write.</remarks>
internal sealed class CheckedGzipStream : ReadOnlyStream
{
    private readonly FileStream _file;
    private readonly GZipStream _gzip;
    private readonly Crc32 _crc = new();
    private long _length;
    private bool _checked;

    public CheckedGzipStream(FileStream file)
    {
        _file = file;
        _gzip = new GZipStream(file, CompressionMode.Decompress, leaveOpen: true);
    }

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        if (n > 0)
        {
            _crc.Append(buffer[..n]);
            _length += n;
        }
        else if (!_checked && buffer.Length > 0)
        {
            _checked = true;
            Verify();
        }
        return n;
    }

    private void Verify()
    {
        if (_file.Length < 18)
        {
            throw new InvalidDataException("the file is too short to be gzip: truncated");
        }
        Span<byte> trailer = stackalloc byte[8];
        _file.Seek(-8, SeekOrigin.End);
        _file.ReadExactly(trailer);
        var crc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
        var size = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        if (crc != _crc.GetCurrentHashAsUInt32() || size != (uint)_length)
        {
            throw new InvalidDataException($"the gzip data ends after {_length:N0} bytes without a matching trailer: truncated or corrupt");
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gzip.Dispose();
            _file.Dispose();
        }
        base.Dispose(disposing);
    }
}
