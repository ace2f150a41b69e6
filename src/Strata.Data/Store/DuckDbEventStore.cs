using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Strata.Domain;

namespace Strata.Data.Store;

/// <summary>The embedded store: one DuckDB file, created and migrated on first use.</summary>
public sealed partial class DuckDbEventStore : IEventStore
{
    private readonly DuckDBConnection _connection;

    private DuckDbEventStore(DuckDBConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>The schema version this build of Strata creates and understands.</summary>
    public static int LatestSchemaVersion => Schema.Latest;

    public int SchemaVersion { get; private set; }

    /// <summary>Opens the store at <paramref name="path"/>, creating the file and its folder when missing.</summary>
    public static DuckDbEventStore Open(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        DuckDBConnection connection;
        try
        {
            connection = new DuckDBConnection($"Data Source={full}");
            connection.Open();
        }
        catch (DuckDBException e)
        {
            throw new DataException($"cannot open the store {full}: {FirstLine(e.Message)}", e);
        }
        var store = new DuckDbEventStore(connection, full);
        try
        {
            store.Migrate();
            store.CreateViews();
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();

    private void Migrate()
    {
        Execute("CREATE TABLE IF NOT EXISTS strata_schema (version INTEGER NOT NULL, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
        var current = Convert.ToInt32(Scalar("SELECT coalesce(max(version), 0) FROM strata_schema"), CultureInfo.InvariantCulture);
        if (current > Schema.Latest)
        {
            throw new DataException($"the store {Path} has schema version {current}, newer than this build of Strata knows ({Schema.Latest}); upgrade Strata or use another --db");
        }
        foreach (var (version, description, sql) in Schema.Migrations)
        {
            if (version <= current)
            {
                continue;
            }
            using var tx = _connection.BeginTransaction();
            Execute(sql);
            Execute("INSERT INTO strata_schema VALUES ($1, $2, now())", version, description);
            tx.Commit();
            current = version;
        }
        SchemaVersion = current;
    }

    /// <summary>
    /// <c>all_events</c>: curated and imported events in one shape (imported rows have no level, description,
    /// tags or citations; curated rows no mention counts and no native code), for exports and series. A temporary view, so it never
    /// needs a migration.
    /// </summary>
    private void CreateViews() => Execute("""
        CREATE OR REPLACE TEMP VIEW all_events AS
        SELECT id, dataset, 'curated' AS kind, date_start, date_end, date_precision, date_text, source, target, cameo, root,
               quad_class, goldstein, level, confidence, description, tags, NULL::INTEGER AS mentions, NULL::INTEGER AS sources,
               NULL::INTEGER AS articles, NULL::DOUBLE AS tone, origin_file AS file, origin_line AS line, NULL::VARCHAR AS native_code
        FROM events
        UNION ALL
        SELECT e.dataset || ':' || coalesce(e.source_id, e.file_id::VARCHAR || ':' || e.line::VARCHAR) AS id, e.dataset, 'imported' AS kind,
               e.event_date, e.event_date, 'Day', strftime(e.event_date, '%Y-%m-%d'), e.source, e.target, e.cameo,
               lpad(e.root::VARCHAR, 2, '0'), e.quad_class, e.goldstein, NULL, NULL, NULL, NULL::VARCHAR[], e.mentions, e.sources,
               e.articles, e.tone, f.path, e.line, e.native_code
        FROM imported_events e JOIN import_files f ON f.id = e.file_id
        """);

    /// <summary>
    /// Writes the events that <paramref name="filter"/> selects, curated and imported alike, to a file with
    /// DuckDB's COPY: CSV with a header, JSON lines, or Parquet. Returns the rows written.
    /// </summary>
    public long ExportEvents(EventFilter filter, string path, string format)
    {
        var (where, args) = EventSql.Where(filter);
        var options = format switch
        {
            "csv" => "FORMAT CSV, HEADER",
            "jsonl" => "FORMAT JSON",
            "parquet" => "FORMAT PARQUET, COMPRESSION ZSTD",
            _ => throw new ArgumentException($"unknown export format '{format}'", nameof(format)),
        };
        var limit = filter.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var target = System.IO.Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal);
        using var cmd = Command($"COPY (SELECT * FROM all_events e WHERE {where} ORDER BY e.date_start, e.id{limit}) TO '{target}' ({options})", args);
        return cmd.ExecuteNonQuery();
    }

    /// <summary>
    /// The events of one dyad reduced to atoms for series: grouped by date interval and quad class, with their
    /// weights (curated events by level, imported ones by mentions or one each), from the given data sets (all
    /// when empty).
    /// </summary>
    public IReadOnlyList<global::Strata.Series.EventAtom> Atoms(Dyad dyad, global::Strata.Series.SeriesWeighting weighting, IReadOnlyList<string> datasets) =>
        Atoms(new EventFilter { Dyad = dyad }, weighting, datasets);

    /// <summary>The events <paramref name="filter"/> selects (for example a dyad and CAMEO roots) reduced to atoms, as <see cref="Atoms(Dyad, global::Strata.Series.SeriesWeighting, IReadOnlyList{string})"/>.</summary>
    public IReadOnlyList<global::Strata.Series.EventAtom> Atoms(EventFilter filter, global::Strata.Series.SeriesWeighting weighting, IReadOnlyList<string> datasets)
    {
        Check.NotNull(filter);
        var (where, args) = EventSql.Where(filter);
        var list = args.ToList();
        string P(object? v)
        {
            list.Add(v);
            return "$" + list.Count.ToString(CultureInfo.InvariantCulture);
        }
        var datasetClause = datasets.Count == 0 ? "" : $" AND e.dataset IN ({string.Join(", ", datasets.Select(d => P(d)))})";
        var sql = $"""
            SELECT date_start, date_end, quad_class, sum(w), sum(w * goldstein), count(*)
            FROM (SELECT e.*, CASE WHEN e.kind = 'curated' THEN
                                  CASE e.level WHEN 'structural' THEN {P(weighting.Structural)} WHEN 'conjunctural' THEN {P(weighting.Conjunctural)} ELSE {P(weighting.Episodic)} END
                               WHEN {P(weighting.ByMentions)} THEN coalesce(e.mentions, 1)::DOUBLE ELSE 1.0 END AS w
                  FROM all_events e WHERE {where}{datasetClause})
            GROUP BY date_start, date_end, quad_class
            ORDER BY date_start
            """;
        using var cmd = Command(sql, [.. list]);
        using var r = cmd.ExecuteReader();
        var atoms = new List<global::Strata.Series.EventAtom>();
        while (r.Read())
        {
            atoms.Add(new global::Strata.Series.EventAtom(
                DateOnly.FromDateTime(r.GetDateTime(0)), DateOnly.FromDateTime(r.GetDateTime(1)), (QuadClass)r.GetByte(2),
                r.GetDouble(3), r.GetDouble(4), Convert.ToDouble(r.GetValue(5), CultureInfo.InvariantCulture)));
        }
        return atoms;
    }

    /// <summary>The first and last day covered by the given data sets (all when empty); null when they hold nothing.</summary>
    public (DateOnly From, DateOnly To)? Coverage(IReadOnlyList<string> datasets)
    {
        var clause = datasets.Count == 0 ? "" : $" WHERE dataset IN ({string.Join(", ", datasets.Select((_, i) => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)))})";
        using var cmd = Command($"SELECT min(date_start), max(date_end) FROM all_events{clause}", [.. datasets]);
        using var r = cmd.ExecuteReader();
        if (!r.Read() || r.IsDBNull(0))
        {
            return null;
        }
        return (DateOnly.FromDateTime(r.GetDateTime(0)), DateOnly.FromDateTime(r.GetDateTime(1)));
    }

    public IReadOnlyList<DatasetInfo> Datasets()
    {
        using var cmd = Command("SELECT name, kind, path, content_hash, event_count, loaded_at FROM datasets ORDER BY name");
        using var r = cmd.ExecuteReader();
        var list = new List<DatasetInfo>();
        while (r.Read())
        {
            list.Add(new DatasetInfo(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt64(4), r.GetDateTime(5)));
        }
        return list;
    }

    public LoadResult LoadDataset(string name, string kind, string path, string contentHash, IReadOnlyList<Event> events)
    {
        Check.NotBlank(name);
        Check.NotNull(events);
        var before = Convert.ToInt32(Scalar("SELECT count(*) FROM events WHERE dataset = $1", name), CultureInfo.InvariantCulture);
        var previousHash = Scalar("SELECT content_hash FROM datasets WHERE name = $1", name) as string;

        using var tx = _connection.BeginTransaction();
        Execute("DELETE FROM events WHERE dataset = $1", name);
        Execute("DELETE FROM event_sources WHERE dataset = $1", name);
        Execute("DELETE FROM event_disputes WHERE dataset = $1", name);
        AppendEvents(name, events);

        var clash = Scalar("""
            SELECT min(e.id) FROM events e
            WHERE e.dataset = $1 AND EXISTS (SELECT 1 FROM events o WHERE o.id = e.id AND o.dataset <> $1)
            """, name) as string;
        if (clash is not null)
        {
            tx.Rollback();
            throw new DataException($"event id '{clash}' already belongs to another data set; ids must be unique across data sets");
        }
        Execute("DELETE FROM datasets WHERE name = $1", name);
        Execute("INSERT INTO datasets VALUES ($1, $2, $3, $4, $5, now())", name, kind, path, contentHash, (long)events.Count);
        tx.Commit();
        return new LoadResult(name, before, events.Count, previousHash == contentHash && before == events.Count);
    }

    private void AppendEvents(string dataset, IReadOnlyList<Event> events)
    {
        using (var appender = _connection.CreateAppender("events"))
        {
            foreach (var e in events)
            {
                var row = appender.CreateRow()
                    .AppendValue(e.Id)
                    .AppendValue(dataset)
                    .AppendValue(e.Date.Start)
                    .AppendValue(e.Date.End)
                    .AppendValue(e.Date.Precision.ToString())
                    .AppendValue(e.Date.Text)
                    .AppendValue(e.Source)
                    .AppendValue(e.Target)
                    .AppendValue(e.Witnesses.ToList())
                    .AppendValue(e.Code.Value)
                    .AppendValue(e.Code.Root)
                    .AppendValue((sbyte)e.QuadClass)
                    .AppendValue(e.Goldstein)
                    .AppendValue(e.Magnitude?.Value)
                    .AppendValue(e.Magnitude?.Unit)
                    .AppendValue(e.Level.ToString().ToLowerInvariant())
                    .AppendValue(e.Confidence.ToString().ToLowerInvariant())
                    .AppendValue(e.Description)
                    .AppendValue(e.Tags.ToList())
                    .AppendValue(e.Provenance?.File ?? "")
                    .AppendValue(e.Provenance?.Line ?? 0L);
                row.EndRow();
            }
        }
        using (var appender = _connection.CreateAppender("event_sources"))
        {
            foreach (var e in events)
            {
                for (var i = 0; i < e.Sources.Count; i++)
                {
                    var c = e.Sources[i];
                    appender.CreateRow()
                        .AppendValue(e.Id).AppendValue(dataset).AppendValue(i)
                        .AppendValue(c.Author).AppendValue(c.Title).AppendValue(c.Publisher).AppendValue(c.Date?.Text)
                        .AppendValue(c.Url).AppendValue(c.ArchiveId).AppendValue(c.Page)
                        .EndRow();
                }
            }
        }
        using (var appender = _connection.CreateAppender("event_disputes"))
        {
            foreach (var e in events)
            {
                for (var i = 0; i < e.Disputes.Count; i++)
                {
                    appender.CreateRow().AppendValue(e.Id).AppendValue(dataset).AppendValue(i)
                        .AppendValue(e.Disputes[i].Field).AppendValue(e.Disputes[i].Note).EndRow();
                }
            }
        }
    }

    /// <summary>True when a file with this fingerprint was already imported into the data set under the same filter.</summary>
    public bool HasImported(string dataset, string fingerprint, string filter) =>
        Convert.ToInt64(Scalar("SELECT count(*) FROM import_files WHERE dataset = $1 AND fingerprint = $2 AND filter = $3", dataset, fingerprint, filter), CultureInfo.InvariantCulture) > 0;

    /// <summary>Starts the all-or-nothing import of one file into <paramref name="dataset"/>.</summary>
    public EventImportSession BeginImport(string dataset) => BeginImport(dataset, RowHashSet.DefaultMaxSlotsLog2);

    /// <summary>As <see cref="BeginImport(string)"/>, with the in-memory set of row hashes capped at 2^<paramref name="rowHashSlotsLog2"/> slots.</summary>
    internal EventImportSession BeginImport(string dataset, int rowHashSlotsLog2) => new(_connection, dataset, rowHashSlotsLog2);

    /// <summary>Starts the all-or-nothing import of one indicator file into <paramref name="dataset"/>.</summary>
    public IndicatorImportSession BeginIndicatorImport(string dataset) => new(_connection, dataset);

    /// <summary>Starts the all-or-nothing import of one GDELT mentions file into <paramref name="dataset"/>.</summary>
    public MentionImportSession BeginMentionImport(string dataset) => new(_connection, dataset);

    /// <summary>Imported rows per data set.</summary>
    public IReadOnlyDictionary<string, long> ImportedCounts()
    {
        using var cmd = Command("SELECT dataset, count(*) FROM imported_events GROUP BY dataset ORDER BY dataset");
        using var r = cmd.ExecuteReader();
        var d = new Dictionary<string, long>(StringComparer.Ordinal);
        while (r.Read())
        {
            d[r.GetString(0)] = r.GetInt64(1);
        }
        return d;
    }

    /// <summary>Runs a read-only query and returns its rows, for tests and exports.</summary>
    public IReadOnlyList<object?[]> Rows(string sql, params object?[] args)
    {
        using var cmd = Command(sql, args);
        using var r = cmd.ExecuteReader();
        var rows = new List<object?[]>();
        while (r.Read())
        {
            var row = new object?[r.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = r.IsDBNull(i) ? null : r.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    public long Count(EventFilter filter)
    {
        var (where, args) = EventSql.Where(filter);
        return Convert.ToInt64(Scalar($"SELECT count(*) FROM events e WHERE {where}", args), CultureInfo.InvariantCulture);
    }

    public IReadOnlyList<Event> Query(EventFilter filter)
    {
        var (where, args) = EventSql.Where(filter);
        var limit = filter.Limit is { } n ? $" LIMIT {n.ToString(CultureInfo.InvariantCulture)}" : "";
        var selected = $"SELECT e.id, e.dataset FROM events e WHERE {where} ORDER BY e.date_start, e.date_end, e.id{limit}";

        var citations = new Dictionary<(string, string), List<Citation>>();
        using (var cmd = Command($"""
            SELECT s.event_id, s.dataset, s.author, s.title, s.publisher, s.date_text, s.url, s.archive_id, s.page
            FROM event_sources s JOIN ({selected}) k ON k.id = s.event_id AND k.dataset = s.dataset
            ORDER BY s.event_id, s.ordinal
            """, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                if (!citations.TryGetValue(key, out var list))
                {
                    citations[key] = list = [];
                }
                list.Add(new Citation(
                    Str(r, 2), r.GetString(3), Str(r, 4), Str(r, 5) is { } d ? PartialDate.Parse(d) : null, Str(r, 6), Str(r, 7), Str(r, 8)));
            }
        }

        var disputes = new Dictionary<(string, string), List<Dispute>>();
        using (var cmd = Command($"""
            SELECT d.event_id, d.dataset, d.field, d.note
            FROM event_disputes d JOIN ({selected}) k ON k.id = d.event_id AND k.dataset = d.dataset
            ORDER BY d.event_id, d.ordinal
            """, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                if (!disputes.TryGetValue(key, out var list))
                {
                    disputes[key] = list = [];
                }
                list.Add(new Dispute(r.GetString(2), r.GetString(3)));
            }
        }

        var events = new List<Event>();
        using (var cmd = Command($"""
            SELECT e.id, e.dataset, e.date_text, e.source, e.target, e.witnesses, e.cameo, e.goldstein, e.magnitude, e.magnitude_unit,
                   e.level, e.confidence, e.description, e.tags, e.origin_file, e.origin_line
            FROM events e WHERE {where} ORDER BY e.date_start, e.date_end, e.id{limit}
            """, args))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = (r.GetString(0), r.GetString(1));
                events.Add(new Event
                {
                    Id = key.Item1,
                    Date = PartialDate.Parse(r.GetString(2)),
                    Source = r.GetString(3),
                    Target = r.GetString(4),
                    Witnesses = StrList(r, 5),
                    Code = EventCode.Parse(r.GetString(6)),
                    Goldstein = r.GetDouble(7),
                    Magnitude = r.IsDBNull(8) ? null : new Magnitude(r.GetDouble(8), Str(r, 9) ?? ""),
                    Level = Enum.Parse<EventLevel>(r.GetString(10), ignoreCase: true),
                    Confidence = Enum.Parse<Confidence>(r.GetString(11), ignoreCase: true),
                    Description = r.GetString(12),
                    Tags = StrList(r, 13),
                    Sources = citations.GetValueOrDefault(key) ?? [],
                    Disputes = disputes.GetValueOrDefault(key) ?? [],
                    Provenance = new Provenance(key.Item2, r.GetString(14), r.GetInt64(15)),
                });
            }
        }
        return events;
    }

    private static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static List<string> StrList(DbDataReader r, int i) =>
        r.IsDBNull(i) ? [] : r.GetFieldValue<List<string>>(i);

    private DuckDBCommand Command(string sql, params object?[] args)
    {
        var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var a in args)
        {
            cmd.Parameters.Add(new DuckDBParameter(a ?? DBNull.Value));
        }
        return cmd;
    }

    private void Execute(string sql, params object?[] args)
    {
        using var cmd = Command(sql, args);
        cmd.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params object?[] args)
    {
        using var cmd = Command(sql, args);
        var v = cmd.ExecuteScalar();
        return v is DBNull ? null : v;
    }

    public void Dispose() => _connection.Dispose();
}
