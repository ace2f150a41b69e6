using System.Buffers.Text;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Strata.Data.Import;

namespace Strata.Data.Store;

/// <summary>The record of one imported file, written when its import commits.</summary>
public sealed record ImportFileRecord(
    string Dataset, string Format, string Path, long Size, string Fingerprint, string Filter,
    long RowsRead, long Filtered, long Quarantined, string? QuarantinePath, double Seconds);

/// <summary>
/// One file's import as a single transaction. Parsed rows are spooled to a temporary tab-separated file
/// beside the store; <see cref="Commit"/> bulk-loads it with DuckDB's parallel CSV reader, removes rows
/// already stored for the data set, records the file and commits. Disposing without committing, a crash or a
/// kill leaves the store as it was before the file (the spool file is deleted, or left for the next run to
/// ignore).
/// </summary>
/// <remarks>
/// Spooling is faster than DuckDB's row-by-row appender here: formatting a row costs less than appending
/// sixteen values through the C API, it runs on the writer thread beside the parser, and the bulk load uses
/// both cores (measured in docs/benchmarks.md).
/// </remarks>
public sealed class ImportSession : IDisposable
{
    private const string Columns =
        "{'line': 'BIGINT', 'source_id': 'VARCHAR', 'event_date': 'DATE', 'source': 'VARCHAR', 'target': 'VARCHAR', " +
        "'cameo': 'VARCHAR', 'root': 'TINYINT', 'quad_class': 'TINYINT', 'goldstein': 'DOUBLE', 'mentions': 'INTEGER', " +
        "'sources': 'INTEGER', 'articles': 'INTEGER', 'tone': 'DOUBLE', 'row_hash': 'UBIGINT'}";

    /// <summary>DuckDB's memory limit while a file is loaded.</summary>
    public const string MemoryLimit = "128MB";

    private readonly DuckDBConnection _connection;
    private readonly string _dataset;
    private readonly string _spoolPath;
    private readonly HashSet<ulong> _seen = [];
    private FileStream? _spool;
    private byte[] _buffer = new byte[1 << 16];

    internal ImportSession(DuckDBConnection connection, string dataset, string storePath)
    {
        _connection = connection;
        _dataset = dataset;
        var folder = System.IO.Path.GetDirectoryName(storePath) ?? System.IO.Path.GetTempPath();
        // A spool file left by a killed import is of no use: the store never saw its rows.
        foreach (var stale in Directory.EnumerateFiles(folder, ".strata-import-*.tsv"))
        {
            try
            {
                File.Delete(stale);
            }
            catch (IOException)
            {
            }
        }
        _spoolPath = System.IO.Path.Combine(folder, $".strata-import-{Guid.NewGuid():N}.tsv");
        _spool = new FileStream(_spoolPath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
    }

    /// <summary>Rows received from the parser, duplicates within the file included.</summary>
    public long Staged { get; private set; }

    /// <summary>Rows dropped because the same row came earlier in the file.</summary>
    public long DuplicatesInFile { get; private set; }

    /// <summary>Spools a batch of parsed rows, dropping exact repeats of earlier rows of the same file.</summary>
    public void Append(EventBatch b)
    {
        var spool = _spool ?? throw new InvalidOperationException("the import session is closed");
        for (var i = 0; i < b.Count; i++)
        {
            Staged++;
            if (!_seen.Add(b.RowHash[i]))
            {
                DuplicatesInFile++;
                continue;
            }
            int length;
            while ((length = Format(b, i, _buffer)) < 0)
            {
                _buffer = new byte[_buffer.Length * 4];
            }
            spool.Write(_buffer, 0, length);
        }
    }

    /// <summary>Formats row <paramref name="i"/> into <paramref name="buffer"/>; -1 when it does not fit.</summary>
    private static int Format(EventBatch b, int i, byte[] buffer)
    {
        var w = new RowWriter(buffer);
        w.Number(b.Line[i]);
        w.Text(b.SourceId[i]);
        w.Date(b.Date[i]);
        w.Text(b.Source[i]);
        w.Text(b.Target[i]);
        w.Text(b.Cameo[i]);
        w.Number((long)b.Root[i]);
        w.Number((long)b.Quad[i]);
        w.Number(b.Goldstein[i]);
        w.Number(b.Mentions[i]);
        w.Number(b.Sources[i]);
        w.Number(b.Articles[i]);
        w.Number(b.Tone[i]);
        w.Last(b.RowHash[i]);
        return w.Overflowed ? -1 : w.Length;
    }

    /// <summary>
    /// Loads the spooled rows, drops those identical to a row already stored for this data set, records the
    /// file, and commits. Returns the rows inserted.
    /// </summary>
    public long Commit(ImportFileRecord file)
    {
        _spool?.Dispose();
        _spool = null;
        // Bound DuckDB's memory during the bulk load so that an import's footprint does not grow with the file;
        // DuckDB spills to disk beyond it.
        Execute($"SET memory_limit = '{MemoryLimit}'");
        long inserted;
        try
        {
            using var tx = _connection.BeginTransaction();
            var id = Convert.ToInt32(Scalar("SELECT coalesce(max(id), 0) + 1 FROM import_files"), CultureInfo.InvariantCulture);
            var hadRows = Convert.ToInt64(Scalar("SELECT count(*) FROM (SELECT 1 FROM imported_events WHERE dataset = $1 LIMIT 1)", _dataset), CultureInfo.InvariantCulture) > 0;
            var path = _spoolPath.Replace("'", "''", StringComparison.Ordinal);
            var loaded = Execute($"""
            INSERT INTO imported_events
            SELECT $1, $2, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein,
                   mentions, sources, articles, tone, row_hash
            FROM read_csv('{path}', delim = '\t', header = false, quote = '', escape = '', nullstr = '\N',
                          auto_detect = false, columns = {Columns})
            """, _dataset, id);
            inserted = loaded;
            if (hadRows)
            {
                // Rows identical to ones stored from earlier files: the new file's hashes are the small side of the join.
                var removed = Execute("""
                DELETE FROM imported_events
                WHERE file_id = $2 AND row_hash IN (
                    SELECT o.row_hash FROM imported_events o
                    WHERE o.dataset = $1 AND o.file_id <> $2
                      AND o.row_hash IN (SELECT row_hash FROM imported_events WHERE file_id = $2))
                """, _dataset, id);
                inserted -= removed;
            }
            Execute(
                "INSERT INTO import_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())",
                id, file.Dataset, file.Format, file.Path, file.Size, file.Fingerprint, file.Filter, file.RowsRead, inserted,
                file.Filtered, Staged - inserted, file.Quarantined, file.QuarantinePath, file.Seconds);
            tx.Commit();
        }
        finally
        {
            Execute("RESET memory_limit");
        }
        DeleteSpool();
        return inserted;
    }

    private long Execute(string sql, params object?[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params object?[] args)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }
        return cmd.ExecuteScalar();
    }

    private void DeleteSpool()
    {
        _spool?.Dispose();
        _spool = null;
        try
        {
            File.Delete(_spoolPath);
        }
        catch (IOException)
        {
        }
    }

    public void Dispose()
    {
        DeleteSpool();
    }

    /// <summary>Formats one spool row into a buffer: tab-separated, <c>\N</c> for null, invariant numbers.</summary>
    private ref struct RowWriter(byte[] buffer)
    {
        private readonly Span<byte> _span = buffer;

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        private Span<byte> Free => Overflowed ? [] : _span[Length..];

        public void Number(long value) => Put(Utf8Formatter.TryFormat(value, Free, out var n), n);

        public void Number(int? value)
        {
            if (value is null)
            {
                Null();
                return;
            }
            Put(Utf8Formatter.TryFormat(value.Value, Free, out var n), n);
        }

        public void Number(double value) => Put(value.TryFormat(Free, out var n, "R", CultureInfo.InvariantCulture), n);

        public void Number(double? value)
        {
            if (value is null)
            {
                Null();
                return;
            }
            Number(value.Value);
        }

        public void Date(DateOnly d) => Put(d.TryFormat(Free, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture), n);

        public void Text(string? s)
        {
            if (s is null)
            {
                Null();
                return;
            }
            var free = Free;
            if (!Encoding.UTF8.TryGetBytes(s, free, out var n))
            {
                Overflowed = true;
                return;
            }
            // Separators inside a value would break the row; such values do not occur in codes and ids.
            free[..n].Replace((byte)'\t', (byte)' ');
            free[..n].Replace((byte)'\n', (byte)' ');
            Put(true, n);
        }

        public void Last(ulong hash)
        {
            if (!Utf8Formatter.TryFormat(hash, Free, out var n) || Free.Length < n + 1)
            {
                Overflowed = true;
                return;
            }
            Length += n;
            _span[Length++] = (byte)'\n';
        }

        private void Null()
        {
            var free = Free;
            if (free.Length < 3)
            {
                Overflowed = true;
                return;
            }
            free[0] = (byte)'\\';
            free[1] = (byte)'N';
            free[2] = (byte)'\t';
            Length += 3;
        }

        private void Put(bool ok, int n)
        {
            if (!ok || Free.Length < n + 1)
            {
                Overflowed = true;
                return;
            }
            Length += n;
            _span[Length++] = (byte)'\t';
        }
    }
}
