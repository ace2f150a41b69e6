using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

public sealed class StoreTests : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();

    public void Dispose() => _tmp.Dispose();

    private static Event Sample(string id, string date, string source, string target, string code = "057", EventLevel level = EventLevel.Conjunctural, string description = "A sample event for the store tests.") => new()
    {
        Id = id,
        Date = PartialDate.Parse(date),
        Source = source,
        Target = target,
        Witnesses = source == "CHN" ? ["RUS"] : [],
        Code = EventCode.Parse(code),
        Goldstein = 8,
        Magnitude = code == "071" ? new Magnitude(320, "million USD") : null,
        Level = level,
        Confidence = Confidence.High,
        Description = description,
        Tags = ["test"],
        Sources = [new Citation("An Author", "A Title", "A Publisher", PartialDate.Parse("2025-05-22"), "https://example.org/x", null, "p. 3"), new Citation(null, "Second", "Pub", null, null, "ARCH-1", null)],
        Disputes = code == "071" ? [new Dispute("magnitude", "Another source gives a larger figure.")] : [],
        Provenance = new Provenance("t", "t.yaml", 3),
    };

    private static readonly Event[] Events =
    [
        Sample("a-1954-aid", "1954/1956", "CHN", "PRK", "071", EventLevel.Structural, "Aid over three years after the armistice."),
        Sample("b-2023-letter", "2023-07-27", "CHN", "PRK", "051", EventLevel.Episodic, "A letter read out at a parade."),
        Sample("c-2024-treaty", "2024-06-19", "RUS", "PRK", "057", EventLevel.Structural, "A treaty signed in Pyongyang."),
        Sample("d-2024-protest", "2024-05", "PRK", "CHN", "111", EventLevel.Episodic, "A protest at a joint statement."),
        Sample("e-1972-visit", "1972-02", "USA", "CHN", "042", EventLevel.Conjunctural, "A presidential visit to Beijing."),
    ];

    [Fact]
    public void A_new_store_is_created_at_the_latest_schema_version()
    {
        using var store = DuckDbEventStore.Open(_tmp.File("sub/dir/s.duckdb"));
        Assert.Equal(DuckDbEventStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(6, store.SchemaVersion);
        Assert.True(File.Exists(_tmp.File("sub/dir/s.duckdb")));
        Assert.Empty(store.Datasets());
    }

    [Fact]
    public void A_store_from_before_the_compression_migration_keeps_its_imported_rows_and_gets_the_fixed_text_compression()
    {
        var path = _tmp.File("v5.duckdb");
        using (var c = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            c.Open();
            void Run(string sql)
            {
                using var cmd = c.CreateCommand();
                cmd.CommandText = sql;
                cmd.ExecuteNonQuery();
            }
            Run("CREATE TABLE strata_schema (version INTEGER NOT NULL, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)");
            foreach (var (version, description, sql) in Schema.Migrations.Where(m => m.Version <= 5))
            {
                Run(sql);
                Run($"INSERT INTO strata_schema VALUES ({version}, '{description.Replace("'", "''", StringComparison.Ordinal)}', now())");
            }
            Run("""
                INSERT INTO imported_events VALUES
                ('old', 1, 7, '42', DATE '2024-06-19', 'RUS', 'PRK', '057', 5, 1, 8.0, 3, 2, 1, -1.5, 99, NULL)
                """);
        }
        using var store = DuckDbEventStore.Open(path);
        Assert.Equal(6, store.SchemaVersion);
        var row = store.Rows("SELECT dataset, file_id, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein, tone, row_hash FROM imported_events").Single();
        Assert.Equal(["old", "1", "7", "42", "2024-06-19", "RUS", "PRK", "057", "5", "1", "8", "-1.5", "99"],
            row.Select(v => v is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)));

        // One id repeated 10,000 times would be stored as a constant or a dictionary if DuckDB chose; the
        // migration fixed FSST for it (and dictionary for the codes, none for the hash).
        store.Rows("""
            INSERT INTO imported_events
            SELECT 'old', 2, i, 'same-id', DATE '2024-01-01', 'USA', 'CHN', '190', 19, 4, -10, NULL, NULL, NULL, NULL, 0, NULL
            FROM range(10000) r(i)
            """);
        store.Rows("CHECKPOINT");
        var compression = store.Rows("""
            SELECT DISTINCT column_name, compression FROM pragma_storage_info('imported_events')
            WHERE segment_type <> 'VALIDITY' AND column_name IN ('source_id', 'source', 'row_hash')
            """).ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("FSST", compression["source_id"]);
        Assert.Equal("Dictionary", compression["source"]);
        Assert.Equal("Uncompressed", compression["row_hash"]);
    }

    [Fact]
    public void Loading_the_same_events_twice_gives_the_same_rows()
    {
        var path = _tmp.File("s.duckdb");
        using (var store = DuckDbEventStore.Open(path))
        {
            var first = store.LoadDataset("t", "curated", "/x", "hash1", Events);
            Assert.False(first.Unchanged);
            var again = store.LoadDataset("t", "curated", "/x", "hash1", Events);
            Assert.True(again.Unchanged);
            Assert.Equal(Events.Length, store.Count(new EventFilter()));
        }
        using (var reopened = DuckDbEventStore.Open(path))
        {
            var back = reopened.Query(new EventFilter());
            Assert.Equal(Events.Select(e => e.Id).Order(), back.Select(e => e.Id).Order());
            var aid = back.Single(e => e.Id == "a-1954-aid");
            var original = Events[0];
            Assert.Equal(original.Date, aid.Date);
            Assert.Equal(original.Witnesses, aid.Witnesses);
            Assert.Equal(original.Code, aid.Code);
            Assert.Equal(original.Magnitude, aid.Magnitude);
            Assert.Equal(original.Sources, aid.Sources);
            Assert.Equal(original.Disputes, aid.Disputes);
            Assert.Equal(original.Tags, aid.Tags);
            Assert.Equal(original.Description, aid.Description);
            Assert.Equal(new Provenance("t", "t.yaml", 3), aid.Provenance);
            Assert.Single(reopened.Datasets());
        }
    }

    [Fact]
    public void Loading_a_changed_data_set_replaces_its_rows_and_leaves_others_alone()
    {
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        store.LoadDataset("t", "curated", "/x", "h1", Events);
        store.LoadDataset("other", "curated", "/y", "h9", [Sample("z-other", "1990", "USA", "RUS")]);
        var result = store.LoadDataset("t", "curated", "/x", "h2", Events[..2]);
        Assert.Equal(5, result.EventsBefore);
        Assert.Equal(2, result.EventsAfter);
        Assert.Equal(3, store.Count(new EventFilter()));
        Assert.Equal(1, store.Count(new EventFilter { Dataset = "other" }));
    }

    [Fact]
    public void An_id_owned_by_another_data_set_fails_the_load_and_changes_nothing()
    {
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        store.LoadDataset("t", "curated", "/x", "h1", Events);
        var e = Assert.Throws<DataException>(() => store.LoadDataset("u", "curated", "/y", "h2", [Sample("new-one", "2000", "USA", "RUS"), Events[2]]));
        Assert.Contains("'c-2024-treaty'", e.Message, StringComparison.Ordinal);
        Assert.Equal(5, store.Count(new EventFilter()));
        Assert.DoesNotContain(store.Datasets(), d => d.Name == "u");
    }

    [Theory]
    [InlineData("dyad PRK-CHN", "a-1954-aid,b-2023-letter,d-2024-protest")]
    [InlineData("dyad PRK>CHN", "d-2024-protest")]
    [InlineData("actor RUS", "c-2024-treaty")]
    [InlineData("actor USA,RUS", "e-1972-visit,c-2024-treaty")]
    [InlineData("from 2023-01 to 2025-12", "b-2023-letter,d-2024-protest,c-2024-treaty")]
    [InlineData("from 1955 to 1955", "a-1954-aid")]
    [InlineData("to 1954-01", "a-1954-aid")]
    [InlineData("level structural", "a-1954-aid,c-2024-treaty")]
    [InlineData("code 05", "b-2023-letter,c-2024-treaty")]
    [InlineData("code 0571", "")]
    [InlineData("quad 3", "d-2024-protest")]
    [InlineData("quad 2", "a-1954-aid")]
    [InlineData("text PARADE letter", "b-2023-letter")]
    [InlineData("text 50%", "")]
    public void Filters_select_exactly_the_matching_events(string spec, string expected)
    {
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        store.LoadDataset("t", "curated", "/x", "h1", Events);
        var words = spec.Split(' ', 2);
        var f = new EventFilter();
        var parts = spec.Split(' ');
        for (var i = 0; i < parts.Length; i += 2)
        {
            var v = parts[i + 1];
            f = parts[i] switch
            {
                "dyad" => f with { Dyad = Dyad.TryParse(v, out var d, out _) ? d : null },
                "actor" => f with { Actors = v.Split(',') },
                "from" => f with { From = PartialDate.Parse(v) },
                "to" => f with { To = PartialDate.Parse(v) },
                "level" => f with { Levels = [Enum.Parse<EventLevel>(v, true)] },
                "code" => f with { CodePrefixes = [v] },
                "quad" => f with { QuadClasses = [(QuadClass)int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)] },
                "text" => f with { Text = string.Join(' ', parts[(i + 1)..]) },
                _ => throw new ArgumentException(parts[i]),
            };
            if (parts[i] == "text")
            {
                break;
            }
        }
        Assert.NotEmpty(words);
        var ids = store.Query(f).Select(e => e.Id);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries), ids);
        Assert.Equal(expected.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, store.Count(f));
    }

    [Fact]
    public void The_bundled_chronology_loads_once_and_is_not_reloaded_when_unchanged()
    {
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        var first = CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference);
        Assert.NotNull(first);
        var n = store.Count(new EventFilter());
        Assert.True(n >= 250);
        Assert.Null(CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference));
        var again = CuratedLoader.Load(store, Fixtures.Reference, Fixtures.Bundled.ChronologyPath, CuratedLoader.BundledDataset);
        Assert.True(again.Unchanged);
        Assert.Equal(n, store.Count(new EventFilter()));
    }

    [Fact]
    public void An_invalid_file_is_not_loaded_and_every_issue_is_returned()
    {
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        var e = Assert.Throws<DataException>(() => CuratedLoader.Load(store, Fixtures.Reference, TestPaths.Corpus("broken", "fields.yaml"), "broken"));
        Assert.Equal(File.ReadAllLines(TestPaths.Corpus("broken", "fields.expected")).Count(l => l.Length > 0), e.Issues.Count);
        Assert.Empty(store.Datasets());
    }

    [Fact]
    public void A_store_from_a_newer_strata_is_refused_with_a_clear_message()
    {
        var path = _tmp.File("s.duckdb");
        using (var store = DuckDbEventStore.Open(path))
        {
        }
        using (var conn = new DuckDB.NET.Data.DuckDBConnection($"Data Source={path}"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "INSERT INTO strata_schema VALUES (99, 'future', now())";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<DataException>(() => DuckDbEventStore.Open(path));
        Assert.Contains("schema version 99", e.Message, StringComparison.Ordinal);
    }
}
