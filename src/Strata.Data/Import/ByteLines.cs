namespace Strata.Data.Import;

/// <summary>
/// Splits a stream into lines of raw bytes without decoding them, reusing one buffer. A line's span is valid
/// until the next call. Handles LF and CRLF; the last line may lack its terminator.
/// </summary>
internal sealed class ByteLines(Stream stream, int bufferSize = 1 << 20)
{
    private byte[] _buffer = new byte[bufferSize];
    private int _start;
    private int _end;
    private bool _eof;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes of the stream consumed, up to and including the last line returned.</summary>
    public long BytesConsumed { get; private set; }

    public bool TryNext(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var available = _buffer.AsSpan(_start, _end - _start);
            var nl = available.IndexOf((byte)'\n');
            if (nl >= 0)
            {
                line = Trim(available[..nl]);
                _start += nl + 1;
                BytesConsumed += nl + 1;
                LineNumber++;
                return true;
            }
            if (_eof)
            {
                if (available.Length > 0)
                {
                    line = Trim(available);
                    _start = _end;
                    BytesConsumed += available.Length;
                    LineNumber++;
                    return true;
                }
                line = default;
                return false;
            }
            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
        var n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }
        _end += n;
    }

    private static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
