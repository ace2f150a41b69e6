using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;
using Strata.Data.Import;

namespace Strata.Data.Store;

/// <summary>
/// Appends event rows to <c>imported_events</c> through DuckDB's C appender, a data chunk of 2,048 rows at a
/// time, writing each value straight into the chunk's column vectors. This is DuckDB's fastest input path: no
/// text to format and parse again, no value-by-value calls across the native boundary, and no staging copy.
/// The rows become part of the connection's open transaction and are discarded with it.
/// </summary>
/// <remarks>
/// Values are written in DuckDB's vector layout as its C API defines it (<c>duckdb.h</c>): fixed-width numbers
/// in place, DATE as days since 1970-01-01, VARCHAR as the 16-byte <c>duckdb_string_t</c> (strings of up to 12
/// bytes inlined, zero-padded; longer ones copied into the vector by <c>duckdb_unsafe_vector_assign_string_element_len</c>),
/// NULL as a cleared bit of the validity mask. The column order and types are checked against the table when the
/// appender opens, so a schema change that this code does not know fails at once rather than writing garbage.
/// </remarks>
internal sealed unsafe class EventChunkAppender : IDisposable
{
    private static readonly (string Name, DuckDBType Type)[] Layout =
    [
        ("dataset", DuckDBType.Varchar), ("file_id", DuckDBType.Integer), ("line", DuckDBType.BigInt),
        ("source_id", DuckDBType.Varchar), ("event_date", DuckDBType.Date), ("source", DuckDBType.Varchar),
        ("target", DuckDBType.Varchar), ("cameo", DuckDBType.Varchar), ("root", DuckDBType.TinyInt),
        ("quad_class", DuckDBType.TinyInt), ("goldstein", DuckDBType.Double), ("mentions", DuckDBType.Integer),
        ("sources", DuckDBType.Integer), ("articles", DuckDBType.Integer), ("tone", DuckDBType.Double),
        ("row_hash", DuckDBType.UnsignedBigInt), ("native_code", DuckDBType.Varchar),
    ];

    private const int Dataset = 0, FileId = 1, Line = 2, SourceId = 3, EventDate = 4, Source = 5, Target = 6, Cameo = 7,
        Root = 8, Quad = 9, Goldstein = 10, Mentions = 11, Sources = 12, Articles = 13, Tone = 14, RowHash = 15, NativeCode = 16;

    private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

    private readonly NativeAppender _appender;
    private readonly DuckDBLogicalType[] _types;
    private readonly DuckDBDataChunk _chunk;
    private readonly int _capacity;
    private readonly IntPtr[] _vectors = new IntPtr[Layout.Length];
    private readonly byte*[] _data = new byte*[Layout.Length];
    private readonly ulong*[] _validity = new ulong*[Layout.Length];
    private readonly byte[] _dataset;
    private readonly int _fileId;
    private byte[] _scratch = new byte[256];
    private int _rows;
    private bool _closed;

    public EventChunkAppender(DuckDBConnection connection, string dataset, int fileId)
    {
        _dataset = Encoding.UTF8.GetBytes(dataset);
        _fileId = fileId;
        if (NativeMethods.Appender.DuckDBAppenderCreate(connection.NativeConnection, null, "imported_events", out _appender) != DuckDBState.Success)
        {
            var message = ErrorOf(_appender);
            _appender.Dispose();
            throw new InvalidOperationException($"cannot open an appender on imported_events: {message}");
        }
        var count = (int)NativeMethods.Appender.DuckDBAppenderColumnCount(_appender);
        if (count != Layout.Length)
        {
            _appender.Dispose();
            throw new InvalidOperationException($"imported_events has {count} columns; the appender knows {Layout.Length}");
        }
        _types = new DuckDBLogicalType[count];
        var handles = new IntPtr[count];
        for (var i = 0; i < count; i++)
        {
            _types[i] = NativeMethods.Appender.DuckDBAppenderColumnType(_appender, (ulong)i);
            handles[i] = _types[i].DangerousGetHandle();
            var type = NativeMethods.LogicalType.DuckDBGetTypeId(_types[i]);
            if (type != Layout[i].Type)
            {
                Dispose();
                throw new InvalidOperationException($"imported_events column {i + 1} ({Layout[i].Name}) is {type}; the appender writes {Layout[i].Type}");
            }
        }
        _chunk = NativeMethods.DataChunks.DuckDBCreateDataChunk(handles, (ulong)count);
        _capacity = (int)NativeMethods.Helpers.DuckDBVectorSize();
        Bind();
    }

    /// <summary>Rows appended so far.</summary>
    public long Appended { get; private set; }

    /// <summary>Appends row <paramref name="i"/> of a batch.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Append(EventBatch b, int i)
    {
        var r = _rows;
        PutBytes(Dataset, r, _dataset);
        ((int*)_data[FileId])[r] = _fileId;
        ((long*)_data[Line])[r] = b.Line[i];
        if (b.TryGetSourceId(i, out var id))
        {
            PutBytes(SourceId, r, id);
        }
        else
        {
            SetNull(SourceId, r);
        }
        ((int*)_data[EventDate])[r] = b.Date[i].DayNumber - UnixEpochDay;
        PutString(Source, r, b.Source[i]);
        PutString(Target, r, b.Target[i]);
        PutString(Cameo, r, b.Cameo[i]);
        ((sbyte*)_data[Root])[r] = b.Root[i];
        ((sbyte*)_data[Quad])[r] = b.Quad[i];
        ((double*)_data[Goldstein])[r] = b.Goldstein[i];
        PutInt(Mentions, r, b.Mentions[i]);
        PutInt(Sources, r, b.Sources[i]);
        PutInt(Articles, r, b.Articles[i]);
        if (b.Tone[i] is { } tone)
        {
            ((double*)_data[Tone])[r] = tone;
        }
        else
        {
            SetNull(Tone, r);
        }
        ((ulong*)_data[RowHash])[r] = b.RowHash[i];
        PutString(NativeCode, r, b.NativeCode[i]);
        Appended++;
        if (++_rows == _capacity)
        {
            Flush();
        }
    }

    /// <summary>Hands the last rows to DuckDB and closes the appender; the rows are then in the transaction.</summary>
    public void Close()
    {
        if (_closed)
        {
            return;
        }
        Flush();
        _closed = true;
        var state = NativeMethods.Appender.DuckDBAppenderClose(_appender);
        if (state != DuckDBState.Success)
        {
            ThrowError();
        }
    }

    /// <summary>Releases the appender; rows not yet handed over by <see cref="Close"/> are discarded, never flushed.</summary>
    public void Dispose()
    {
        if (!_closed)
        {
            _closed = true;
            NativeMethods.Appender.DuckDBAppenderClear(_appender);
        }
        _chunk?.Dispose();
        foreach (var t in _types ?? [])
        {
            t?.Dispose();
        }
        _appender.Dispose();
    }

    private void Flush()
    {
        if (_rows == 0)
        {
            return;
        }
        NativeMethods.DataChunks.DuckDBDataChunkSetSize(_chunk, (ulong)_rows);
        if (NativeMethods.Appender.DuckDBAppendDataChunk(_appender, _chunk) != DuckDBState.Success)
        {
            ThrowError();
        }
        NativeMethods.DataChunks.DuckDBDataChunkReset(_chunk);
        _rows = 0;
        Bind();
    }

    /// <summary>Looks up each column's vector, data and validity mask, which a reset chunk may have replaced.</summary>
    private void Bind()
    {
        for (var i = 0; i < Layout.Length; i++)
        {
            _vectors[i] = NativeMethods.DataChunks.DuckDBDataChunkGetVector(_chunk, i);
            _data[i] = (byte*)NativeMethods.Vectors.DuckDBVectorGetData(_vectors[i]);
            _validity[i] = null;
        }
    }

    private void ThrowError() => throw new DataException($"the store could not take the rows: {ErrorOf(_appender)}");

    private static string ErrorOf(NativeAppender appender)
    {
        using var error = NativeMethods.Appender.DuckDBAppenderErrorData(appender);
        return error.Message ?? "unknown error";
    }

    private void SetNull(int column, int row)
    {
        var mask = _validity[column];
        if (mask is null)
        {
            NativeMethods.Vectors.DuckDBVectorEnsureValidityWritable(_vectors[column]);
            mask = _validity[column] = NativeMethods.Vectors.DuckDBVectorGetValidity(_vectors[column]);
        }
        mask[row >> 6] &= ~(1UL << (row & 63));
    }

    private void PutInt(int column, int row, int? value)
    {
        if (value is { } v)
        {
            ((int*)_data[column])[row] = v;
        }
        else
        {
            SetNull(column, row);
        }
    }

    private void PutString(int column, int row, string? s)
    {
        if (s is null)
        {
            SetNull(column, row);
            return;
        }
        var slot = _data[column] + (row * 16);
        if (s.Length <= 12)
        {
            // Most values (codes, ids) are short ASCII: narrowed straight into the inlined form.
            ((ulong*)slot)[0] = 0;
            ((ulong*)slot)[1] = 0;
            if (Ascii.FromUtf16(s, new Span<byte>(slot + 4, 12), out var written) == OperationStatus.Done)
            {
                *(uint*)slot = (uint)written;
                return;
            }
        }
        var max = Encoding.UTF8.GetMaxByteCount(s.Length);
        if (_scratch.Length < max)
        {
            _scratch = new byte[max];
        }
        var n = Encoding.UTF8.GetBytes(s, _scratch);
        PutBytes(column, row, _scratch.AsSpan(0, n));
    }

    private void PutBytes(int column, int row, ReadOnlySpan<byte> bytes)
    {
        var slot = _data[column] + (row * 16);
        if (bytes.Length <= 12)
        {
            ((ulong*)slot)[0] = 0;
            ((ulong*)slot)[1] = 0;
            *(uint*)slot = (uint)bytes.Length;
            bytes.CopyTo(new Span<byte>(slot + 4, 12));
            return;
        }
        fixed (byte* p = bytes)
        {
            NativeMethods.Vectors.DuckDBUnsafeVectorAssignStringElementLength(_vectors[column], (ulong)row, p, bytes.Length);
        }
    }
}
