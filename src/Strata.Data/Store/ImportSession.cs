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

/// <summary>What committing one file did: rows inserted, rows dropped as duplicates, stored rows replaced.</summary>
public sealed record CommitResult(long Inserted, long Duplicates, long Replaced);

/// <summary>
/// One file's import as a single transaction: rows go to a staging table shaped like the target table, and
/// only <see cref="Commit"/> moves them into the store and records the file. Disposing without committing, a
/// crash or a kill leaves the store as it was before the file. Subclasses say how rows are appended and how
/// staged rows join the stored ones (events drop duplicates; indicators replace the values they restate).
/// </summary>
public abstract class ImportSession : IDisposable
{
    private readonly DuckDBTransaction _transaction;
    private DuckDBAppender? _appender;
    private bool _done;

    /// <param name="connection">The store's connection.</param>
    /// <param name="dataset">The data set the rows go into.</param>
    /// <param name="table">The target table; a staging table of its shape is created for the rows. Null when the
    /// subclass stages rows its own way.</param>
    private protected ImportSession(DuckDBConnection connection, string dataset, string? table)
    {
        Connection = connection;
        Dataset = dataset;
        _transaction = connection.BeginTransaction();
        if (table is not null)
        {
            Execute($"CREATE OR REPLACE TEMP TABLE import_staging AS SELECT * FROM {table} LIMIT 0");
            _appender = connection.CreateAppender("import_staging");
        }
    }

    private protected DuckDBConnection Connection { get; }

    public string Dataset { get; }

    public long Staged { get; private protected set; }

    private protected DuckDBAppender Appender => _appender ?? throw new InvalidOperationException("the import session is closed");

    /// <summary>Moves the staged rows into the target table with file id <paramref name="fileId"/>.</summary>
    private protected abstract CommitResult MoveStaged(int fileId);

    /// <summary>Moves the staged rows into the store, records the file, and commits.</summary>
    public CommitResult Commit(ImportFileRecord file)
    {
        _appender?.Close();
        _appender = null;
        var id = Convert.ToInt32(Scalar("SELECT coalesce(max(id), 0) + 1 FROM import_files"), CultureInfo.InvariantCulture);
        var result = MoveStaged(id);
        using (var cmd = Connection.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO import_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())";
            foreach (var v in new object?[]
            {
                id, file.Dataset, file.Format, file.Path, file.Size, file.Fingerprint, file.Filter, file.RowsRead, result.Inserted,
                file.Filtered, result.Duplicates, file.Quarantined, file.QuarantinePath, file.Seconds,
            })
            {
                cmd.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
            }
            cmd.ExecuteNonQuery();
        }
        Execute("DROP TABLE IF EXISTS import_staging");
        _transaction.Commit();
        _done = true;
        Closed();
        return result;
    }

    /// <summary>Called once the session has committed or been abandoned, to release what the subclass holds.</summary>
    private protected virtual void Closed() { }

    private protected object? ScalarOf(string sql, params object?[] args)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }
        return cmd.ExecuteScalar();
    }

    private protected long Execute(string sql, params object?[] args)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }
        return cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }

    public void Dispose()
    {
        if (!_done)
        {
            try
            {
                _appender?.Dispose();
            }
            catch (DuckDBException)
            {
                // The rows are discarded with the transaction below.
            }
            _transaction.Rollback();
            _done = true;
        }
        _transaction.Dispose();
        Closed();
        GC.SuppressFinalize(this);
    }
}

/// <summary>
/// An import of event rows into <c>imported_events</c>. Parsed rows are spooled to a temporary tab-separated
/// file beside the store and bulk-loaded with DuckDB's parallel CSV reader at commit; a row identical to one
/// earlier in the file or already stored for the data set is dropped.
/// </summary>
/// <remarks>
/// Spooling is faster than DuckDB's row-by-row appender here: formatting a row costs less than appending sixteen
/// values through the C API, it runs on the writer thread beside the parser, and the bulk load uses both cores
/// (docs/benchmarks.md). DuckDB's memory is capped during the load so that an import's footprint does not grow
/// with the file; DuckDB spills to disk beyond it.
/// </remarks>
public sealed class EventImportSession : ImportSession
{
    /// <summary>DuckDB's memory limit while a file is loaded.</summary>
    public const string MemoryLimit = "128MB";

    private const string Columns =
        "{'line': 'BIGINT', 'source_id': 'VARCHAR', 'event_date': 'DATE', 'source': 'VARCHAR', 'target': 'VARCHAR', " +
        "'cameo': 'VARCHAR', 'root': 'TINYINT', 'quad_class': 'TINYINT', 'goldstein': 'DOUBLE', 'mentions': 'INTEGER', " +
        "'sources': 'INTEGER', 'articles': 'INTEGER', 'tone': 'DOUBLE', 'native_code': 'VARCHAR', 'row_hash': 'UBIGINT'}";

    private readonly string _spoolPath;
    private readonly HashSet<ulong> _seen = [];
    private FileStream? _spool;
    private byte[] _buffer = new byte[1 << 16];
    private long _duplicatesInFile;

    internal EventImportSession(DuckDBConnection connection, string dataset, string storePath)
        : base(connection, dataset, null)
    {
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

    /// <summary>Spools a batch of parsed rows, dropping exact repeats of earlier rows of the same file.</summary>
    public void Append(EventBatch b)
    {
        var spool = _spool ?? throw new InvalidOperationException("the import session is closed");
        for (var i = 0; i < b.Count; i++)
        {
            Staged++;
            if (!_seen.Add(b.RowHash[i]))
            {
                _duplicatesInFile++;
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
        w.Text(b.NativeCode[i]);
        w.Last(b.RowHash[i]);
        return w.Overflowed ? -1 : w.Length;
    }

    private protected override CommitResult MoveStaged(int fileId)
    {
        _spool?.Dispose();
        _spool = null;
        var hadRows = Convert.ToInt64(ScalarOf("SELECT count(*) FROM (SELECT 1 FROM imported_events WHERE dataset = $1 LIMIT 1)", Dataset), CultureInfo.InvariantCulture) > 0;
        var path = _spoolPath.Replace("'", "''", StringComparison.Ordinal);
        Execute($"SET memory_limit = '{MemoryLimit}'");
        // Rows keep their file line, so the table's physical order does not matter; without it DuckDB loads in
        // parallel and within the memory cap (measured: 2.3 s down to 1.3 s for a million rows).
        Execute("SET preserve_insertion_order = false");
        try
        {
            var inserted = Execute($"""
                INSERT INTO imported_events
                SELECT $1, $2, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein,
                       mentions, sources, articles, tone, row_hash, native_code
                FROM read_csv('{path}', delim = '\t', header = false, quote = '', escape = '', nullstr = '\N',
                              auto_detect = false, columns = {Columns})
                """, Dataset, fileId);
            if (hadRows)
            {
                // Rows identical to ones stored from earlier files: the new file's hashes are the small side of the join.
                inserted -= Execute("""
                    DELETE FROM imported_events
                    WHERE file_id = $2 AND row_hash IN (
                        SELECT o.row_hash FROM imported_events o
                        WHERE o.dataset = $1 AND o.file_id <> $2
                          AND o.row_hash IN (SELECT row_hash FROM imported_events WHERE file_id = $2))
                    """, Dataset, fileId);
            }
            return new CommitResult(inserted, Staged - inserted, 0);
        }
        catch (DuckDBException e)
        {
            throw new DataException($"the store could not load the file's rows: {e.Message.Split('\n')[0]}", e);
        }
        finally
        {
            // After a failed statement the transaction is aborted and these would fail too; the settings are the
            // connection's, so restore them outside it in Dispose as well.
            TryExecute("RESET memory_limit");
            TryExecute("RESET preserve_insertion_order");
        }
    }

    private void TryExecute(string sql)
    {
        try
        {
            Execute(sql);
        }
        catch (DuckDBException)
        {
            // Reported by Closed(), which runs once the transaction has ended.
        }
    }

    private protected override void Closed()
    {
        TryExecute("RESET memory_limit");
        TryExecute("RESET preserve_insertion_order");
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

/// <summary>
/// An import of yearly indicator values into <c>indicators</c>. A value for a (name, actor_a, actor_b, year)
/// already stored in the data set is replaced by the new file's value: a corrected or newer release of a
/// source restates its series rather than doubling them.
/// </summary>
public sealed class IndicatorImportSession : ImportSession
{
    internal IndicatorImportSession(DuckDBConnection connection, string dataset)
        : base(connection, dataset, "indicators") { }

    public void Append(IEnumerable<Indicator> indicators)
    {
        var appender = Appender;
        foreach (var x in indicators)
        {
            appender.CreateRow()
                .AppendValue(Dataset)
                .AppendValue(0)
                .AppendValue(x.Line)
                .AppendValue(x.Name)
                .AppendValue(x.ActorA)
                .AppendValue(x.ActorB)
                .AppendValue(x.Year)
                .AppendValue(x.Value)
                .AppendValue(x.Note)
                .EndRow();
            Staged++;
        }
    }

    private protected override CommitResult MoveStaged(int fileId)
    {
        var replaced = Execute("""
            DELETE FROM indicators i USING import_staging s
            WHERE i.dataset = s.dataset AND i.name = s.name AND i.actor_a = s.actor_a
              AND i.actor_b IS NOT DISTINCT FROM s.actor_b AND i.year = s.year
            """);
        var inserted = Execute("""
            INSERT INTO indicators SELECT dataset, $1, line, name, actor_a, actor_b, year, value, note FROM import_staging
            """, fileId);
        return new CommitResult(inserted, 0, replaced);
    }
}

/// <summary>An import of GDELT 2.0 mentions into <c>event_mentions</c>; a row identical to a stored one is dropped.</summary>
public sealed class MentionImportSession : ImportSession
{
    internal MentionImportSession(DuckDBConnection connection, string dataset)
        : base(connection, dataset, "event_mentions") { }

    public void Append(Mention m)
    {
        Check.NotNull(m);
        Appender.CreateRow()
            .AppendValue(Dataset)
            .AppendValue(0)
            .AppendValue(m.Line)
            .AppendValue(m.GlobalEventId)
            .AppendValue(m.EventTime)
            .AppendValue(m.MentionTime)
            .AppendValue(m.MentionType)
            .AppendValue(m.SourceName)
            .AppendValue(m.Identifier)
            .AppendValue(m.SentenceId)
            .AppendValue(m.InRawText)
            .AppendValue(m.Confidence)
            .AppendValue(m.DocLength)
            .AppendValue(m.DocTone)
            .AppendValue(m.Translation)
            .AppendValue(m.RowHash)
            .EndRow();
        Staged++;
    }

    private protected override CommitResult MoveStaged(int fileId)
    {
        var inserted = Execute("""
            INSERT INTO event_mentions
            SELECT dataset, $1, line, global_event_id, event_time, mention_time, mention_type, source_name, identifier, sentence_id,
                   in_raw_text, confidence, doc_length, doc_tone, translation, row_hash
            FROM (SELECT *, row_number() OVER (PARTITION BY row_hash ORDER BY line) AS rn FROM import_staging) s
            WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM event_mentions e WHERE e.dataset = s.dataset AND e.row_hash = s.row_hash)
            """, fileId);
        return new CommitResult(inserted, Staged - inserted, 0);
    }
}
