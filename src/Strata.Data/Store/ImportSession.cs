using System.Globalization;
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

    private protected ImportSession(DuckDBConnection connection, string dataset, string table)
    {
        Connection = connection;
        Dataset = dataset;
        _transaction = connection.BeginTransaction();
        Execute($"CREATE OR REPLACE TEMP TABLE import_staging AS SELECT * FROM {table} LIMIT 0");
        _appender = connection.CreateAppender("import_staging");
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
        Execute("DROP TABLE import_staging");
        _transaction.Commit();
        _done = true;
        return result;
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
        GC.SuppressFinalize(this);
    }
}

/// <summary>An import of event rows into <c>imported_events</c>; a row identical to a stored one is dropped.</summary>
public sealed class EventImportSession : ImportSession
{
    internal EventImportSession(DuckDBConnection connection, string dataset)
        : base(connection, dataset, "imported_events") { }

    /// <summary>Appends a batch of parsed rows to the staging table.</summary>
    public void Append(EventBatch b)
    {
        var appender = Appender;
        for (var i = 0; i < b.Count; i++)
        {
            appender.CreateRow()
                .AppendValue(Dataset)
                .AppendValue(0)
                .AppendValue(b.Line[i])
                .AppendValue(b.SourceId[i])
                .AppendValue(b.Date[i])
                .AppendValue(b.Source[i])
                .AppendValue(b.Target[i])
                .AppendValue(b.Cameo[i])
                .AppendValue(b.Root[i])
                .AppendValue(b.Quad[i])
                .AppendValue(b.Goldstein[i])
                .AppendValue(b.Mentions[i])
                .AppendValue(b.Sources[i])
                .AppendValue(b.Articles[i])
                .AppendValue(b.Tone[i])
                .AppendValue(b.RowHash[i])
                .EndRow();
        }
        Staged += b.Count;
    }

    /// <summary>Drops rows identical to one already stored for this data set (or earlier in the same file).</summary>
    private protected override CommitResult MoveStaged(int fileId)
    {
        var inserted = Execute("""
            INSERT INTO imported_events
            SELECT dataset, $1, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein,
                   mentions, sources, articles, tone, row_hash
            FROM (SELECT *, row_number() OVER (PARTITION BY row_hash ORDER BY line) AS rn FROM import_staging) s
            WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM imported_events e WHERE e.dataset = s.dataset AND e.row_hash = s.row_hash)
            """, fileId);
        return new CommitResult(inserted, Staged - inserted, 0);
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
