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
/// One file's import as a single transaction: rows are staged inside the transaction (in a staging table shaped
/// like the target table, or, for events, in the target table itself), and only <see cref="Commit"/> settles them
/// in the store and records the file. Disposing without committing, a
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
        FileId = Convert.ToInt32(Scalar("SELECT coalesce(max(id), 0) + 1 FROM import_files"), CultureInfo.InvariantCulture);
        if (table is not null)
        {
            Execute($"CREATE OR REPLACE TEMP TABLE import_staging AS SELECT * FROM {table} LIMIT 0");
            _appender = connection.CreateAppender("import_staging");
        }
    }

    private protected DuckDBConnection Connection { get; }

    public string Dataset { get; }

    public long Staged { get; private protected set; }

    /// <summary>The id the file gets in <c>import_files</c>, fixed when the session begins (inside its transaction).</summary>
    private protected int FileId { get; }

    private protected DuckDBAppender Appender => _appender ?? throw new InvalidOperationException("the import session is closed");

    /// <summary>Moves the staged rows into the target table with file id <paramref name="fileId"/>.</summary>
    private protected abstract CommitResult MoveStaged(int fileId);

    /// <summary>Moves the staged rows into the store, records the file, and commits.</summary>
    public CommitResult Commit(ImportFileRecord file)
    {
        _appender?.Close();
        _appender = null;
        var id = FileId;
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

    /// <summary>Called when the session is disposed without a commit, before its transaction is rolled back.</summary>
    private protected virtual void Abandon() { }

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
            Abandon();
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
/// An import of event rows into <c>imported_events</c>. Rows are appended straight into the table inside the
/// file's transaction, through DuckDB's appender a column chunk at a time (<see cref="EventChunkAppender"/>); a
/// row identical to one earlier in the file or already stored for the data set is dropped.
/// </summary>
/// <remarks>
/// DuckDB's memory is capped for the whole session, so that DuckDB writes each full row group of the open
/// transaction to the database file as it fills (compressed, not yet part of the table) instead of holding the
/// file's rows in memory: an import's footprint does not grow with the file, and the compression runs on the
/// writer thread while the parser reads on, so little is left for the commit (docs/import.md, docs/benchmarks.md).
/// </remarks>
public sealed class EventImportSession : ImportSession
{
    /// <summary>DuckDB's memory limit while a file is imported.</summary>
    public const string MemoryLimit = "64MB";

    private readonly RowHashSet _seen;
    private EventChunkAppender? _appender;

    internal EventImportSession(DuckDBConnection connection, string dataset, int rowHashSlotsLog2)
        : base(connection, dataset, null)
    {
        _seen = new RowHashSet(rowHashSlotsLog2);
        Execute($"SET memory_limit = '{MemoryLimit}'");
        // One DuckDB thread: the appender's flushes then compress on the writer thread itself, while the parser
        // threads have the other cores. With more, the writer waits for DuckDB's workers by spinning, which costs
        // the parsers a core, and each worker adds its own buffers (docs/benchmarks.md).
        Execute("SET threads = 1");
        _appender = new EventChunkAppender(connection, dataset, FileId);
    }

    /// <summary>Appends a batch of parsed rows, dropping exact repeats of earlier rows of the same file.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Append(EventBatch b)
    {
        Check.NotNull(b);
        var appender = _appender ?? throw new InvalidOperationException("the import session is closed");
        for (var i = 0; i < b.Count; i++)
        {
            Staged++;
            if (!_seen.Add(b.RowHash[i]))
            {
                continue;
            }
            appender.Append(b, i);
        }
    }

    private protected override CommitResult MoveStaged(int fileId)
    {
        var appender = _appender ?? throw new InvalidOperationException("the import session is closed");
        try
        {
            appender.Close();
            var inserted = appender.Appended;
            if (!_seen.IsComplete)
            {
                // More rows than the in-memory set holds: DuckDB finds the repeats among the file's rows, keeping
                // each one's first line.
                inserted -= Execute("""
                    DELETE FROM imported_events
                    WHERE file_id = $1 AND (row_hash, line) IN (
                        SELECT (row_hash, line) FROM (
                            SELECT row_hash, line, row_number() OVER (PARTITION BY row_hash ORDER BY line) AS n
                            FROM imported_events
                            WHERE file_id = $1 AND row_hash IN (
                                SELECT row_hash FROM imported_events WHERE file_id = $1 GROUP BY row_hash HAVING count(*) > 1))
                        WHERE n > 1)
                    """, fileId);
            }
            var hadRows = Convert.ToInt64(
                ScalarOf("SELECT count(*) FROM (SELECT 1 FROM imported_events WHERE dataset = $1 AND file_id <> $2 LIMIT 1)", Dataset, fileId),
                CultureInfo.InvariantCulture) > 0;
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
    }

    private protected override void Abandon()
    {
        _appender?.Dispose();
        _appender = null;
    }

    private protected override void Closed()
    {
        _appender?.Dispose();
        _appender = null;
        try
        {
            // The settings are the connection's; after a failed statement the transaction had to end first.
            Execute("RESET memory_limit");
            Execute("RESET threads");
        }
        catch (DuckDBException)
        {
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
