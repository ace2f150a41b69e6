using System.Globalization;
using DuckDB.NET.Data;
using Strata.Data.Import;

namespace Strata.Data.Store;

/// <summary>The record of one imported file, written when its import commits.</summary>
public sealed record ImportFileRecord(
    string Dataset, string Format, string Path, long Size, string Fingerprint, string Filter,
    long RowsRead, long Filtered, long Quarantined, string? QuarantinePath, double Seconds);

/// <summary>
/// One file's import as a single transaction: rows go to a staging table, and only <see cref="Commit"/> moves
/// them (without duplicates) into the store. Disposing without committing, a crash or a kill leaves the store
/// as it was before the file.
/// </summary>
public sealed class ImportSession : IDisposable
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDBTransaction _transaction;
    private readonly string _dataset;
    private DuckDBAppender? _appender;
    private bool _done;

    internal ImportSession(DuckDBConnection connection, string dataset)
    {
        _connection = connection;
        _dataset = dataset;
        _transaction = connection.BeginTransaction();
        Execute("CREATE OR REPLACE TEMP TABLE import_staging AS SELECT * FROM imported_events LIMIT 0");
        _appender = connection.CreateAppender("import_staging");
    }

    public long Staged { get; private set; }

    /// <summary>Appends a batch of parsed rows to the staging table.</summary>
    public void Append(EventBatch b)
    {
        var appender = _appender ?? throw new InvalidOperationException("the import session is closed");
        for (var i = 0; i < b.Count; i++)
        {
            appender.CreateRow()
                .AppendValue(_dataset)
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

    /// <summary>
    /// Moves the staged rows into the store, dropping rows identical to one already stored for this data set
    /// (or earlier in the same file), records the file, and commits. Returns the rows inserted.
    /// </summary>
    public long Commit(ImportFileRecord file)
    {
        _appender?.Close();
        _appender = null;
        var id = Convert.ToInt32(Scalar("SELECT coalesce(max(id), 0) + 1 FROM import_files"), CultureInfo.InvariantCulture);
        long inserted;
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = """
                INSERT INTO imported_events
                SELECT dataset, $1, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein,
                       mentions, sources, articles, tone, row_hash
                FROM (SELECT *, row_number() OVER (PARTITION BY row_hash ORDER BY line) AS rn FROM import_staging) s
                WHERE rn = 1 AND NOT EXISTS (SELECT 1 FROM imported_events e WHERE e.dataset = s.dataset AND e.row_hash = s.row_hash)
                """;
            cmd.Parameters.Add(new DuckDBParameter(id));
            inserted = cmd.ExecuteNonQuery();
        }
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "INSERT INTO import_files VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, now())";
            foreach (var v in new object?[]
            {
                id, file.Dataset, file.Format, file.Path, file.Size, file.Fingerprint, file.Filter, file.RowsRead, inserted,
                file.Filtered, Staged - inserted, file.Quarantined, file.QuarantinePath, file.Seconds,
            })
            {
                cmd.Parameters.Add(new DuckDBParameter(v ?? DBNull.Value));
            }
            cmd.ExecuteNonQuery();
        }
        Execute("DROP TABLE import_staging");
        _transaction.Commit();
        _done = true;
        return inserted;
    }

    private void Execute(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var cmd = _connection.CreateCommand();
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
    }
}
