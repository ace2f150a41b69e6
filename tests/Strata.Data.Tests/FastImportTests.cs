using System.Globalization;
using System.Text;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// The pieces that make the GDELT import fast: parsing blocks of lines on several threads, the capped set of
/// row hashes, and the appender that writes rows straight into DuckDB's vectors. Each is checked against a
/// plain, single-threaded or independently computed answer.
/// </summary>
public sealed class FastImportTests : StoreTestBase
{
    private static readonly string RealFile = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");

    private ImportSummary Import(string path, string dataset, int parsers, int blockSize, ImportFilter? filter = null, int slotsLog2 = RowHashSet.DefaultMaxSlotsLog2) =>
        new EventImporter(Store, Fixtures.Reference).Import(new InputFile(path, null), GdeltReader.Version2, new ImportOptions
        {
            Dataset = dataset,
            Filter = filter ?? ImportFilter.All,
            QuarantineFolder = Tmp.File("q-" + dataset),
            Parsers = parsers,
            ParseBlockSize = blockSize,
            RowHashSlotsLog2 = slotsLog2,
            BatchSize = 64,
        });

    /// <summary>Every stored column but the data set and file id, in line order, as text.</summary>
    private List<string> Stored(string dataset) =>
        Store.Rows("""
            SELECT concat_ws('|', line, source_id, event_date, source, target, cameo, root, quad_class, goldstein, mentions, sources,
                             articles, tone, row_hash, native_code)
            FROM imported_events WHERE dataset = $1 ORDER BY line
            """, dataset).Select(r => (string)r[0]!).ToList();

    /// <summary>
    /// The real rows with every kind of trouble a block edge could mishandle: CRLF endings, blank lines, broken
    /// rows, an exact repeat, invalid UTF-8, a line far longer than a block, and a last line without a newline.
    /// </summary>
    private string WriteMessyFile(out Dictionary<long, string> rejectedLines)
    {
        var lines = File.ReadAllLines(RealFile).Where(l => l.Length > 0).ToList();
        var path = Tmp.File("messy.export.CSV");
        rejectedLines = [];
        using var f = new FileStream(path, FileMode.Create);
        long n = 0;
        void Write(string text, string ending = "\n")
        {
            f.Write(Encoding.UTF8.GetBytes(text + ending));
            n++;
        }
        for (var i = 0; i < lines.Count; i++)
        {
            var c = lines[i].Split('\t');
            switch (i % 97)
            {
                case 3:
                    Write(lines[i], "\r\n");
                    break;
                case 11:
                    Write("");
                    Write(lines[i]);
                    break;
                case 23:
                    c[1] = "20241341";
                    Write(string.Join('\t', c));
                    rejectedLines[n] = "bad date";
                    break;
                case 41:
                    Write(string.Join('\t', c[..30]));
                    rejectedLines[n] = "wrong column count";
                    break;
                case 57:
                    // A source URL of 20,000 bytes: longer than any block below.
                    c[60] = "https://example.org/" + new string('x', 20_000);
                    Write(string.Join('\t', c));
                    break;
                case 71:
                    Write(lines[i]);
                    Write(lines[i]);
                    break;
                case 83:
                    var bytes = Encoding.UTF8.GetBytes(lines[i] + "\n");
                    bytes[Array.IndexOf(bytes, (byte)'\t') + 1] = 0xC9;
                    f.Write(bytes);
                    n++;
                    rejectedLines[n] = "bad encoding";
                    break;
                default:
                    Write(lines[i], i == lines.Count - 1 ? "" : "\n");
                    break;
            }
        }
        return path;
    }

    [Theory]
    [InlineData(2, 300)]
    [InlineData(3, 4096)]
    [InlineData(4, 1 << 20)]
    public void Parallel_parsing_stores_and_quarantines_exactly_what_one_thread_does(int parsers, int blockSize)
    {
        var path = WriteMessyFile(out var rejected);
        foreach (var filter in new[] { ImportFilter.All, new ImportFilter { Actors = new HashSet<string>(["USA", "CHN", "RUS"], StringComparer.Ordinal) } })
        {
            var tag = filter.Actors.Count == 0 ? "all" : "some";
            var one = Import(path, "one-" + tag, 1, 1 << 20, filter);
            var many = Import(path, "many-" + tag, parsers, blockSize, filter);

            Assert.Equal(Stored("one-" + tag), Stored("many-" + tag));
            Assert.Equal((one.RowsRead, one.Imported, one.Filtered, one.Duplicates, one.Quarantined),
                (many.RowsRead, many.Imported, many.Filtered, many.Duplicates, many.Quarantined));
            Assert.Equal(File.ReadAllText(one.QuarantinePath!), File.ReadAllText(many.QuarantinePath!));

        }
        // And against what the file was made of: every broken line quarantined under its number (unfiltered, as
        // the actor filter comes before the date check).
        var quarantined = File.ReadAllLines(Path.Combine(Tmp.File("q-many-all"), "messy.export.CSV.quarantine.tsv")).Skip(1)
            .Select(l => l.Split('\t', 4)).ToDictionary(c => long.Parse(c[1], CultureInfo.InvariantCulture), c => c[2]);
        Assert.Equal(rejected.Keys.Order(), quarantined.Keys.Order());
        Assert.All(rejected, r => Assert.StartsWith(r.Value + ":", quarantined[r.Key], StringComparison.Ordinal));
        // The unfiltered import keeps every good row once: the real rows less the broken ones and the repeat.
        var good = File.ReadAllLines(RealFile).Count(l => l.Length > 0) - rejected.Count;
        Assert.Equal(good, Stored("many-all").Count);
    }

    [Fact]
    public void Parsed_line_numbers_point_at_the_rows_they_came_from()
    {
        var path = WriteMessyFile(out _);
        Import(path, "lines", 3, 500);
        var lines = File.ReadAllLines(path);
        var rows = Store.Rows("SELECT line, source_id FROM imported_events");
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            Assert.StartsWith((string)row[1]! + "\t", lines[Convert.ToInt32(row[0], CultureInfo.InvariantCulture) - 1], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_row_hash_set_finds_repeats_and_stops_recording_at_its_cap()
    {
        var set = new RowHashSet(maxSlotsLog2: 6); // 64 slots: records 48 hashes
        var hashes = Enumerable.Range(0, 48).Select(i => ((ulong)i * 0x9E3779B97F4A7C15UL) + 1).ToList();
        Assert.All(hashes, h => Assert.True(set.Add(h)));
        Assert.All(hashes, h => Assert.False(set.Add(h)));
        Assert.True(set.Add(0));
        Assert.False(set.Add(0));
        Assert.True(set.IsComplete);

        Assert.True(set.Add(12345));
        Assert.False(set.IsComplete);
        // Full: new hashes are let through (not recorded), recorded ones are still caught.
        Assert.True(set.Add(67890));
        Assert.True(set.Add(67890));
        Assert.All(hashes, h => Assert.False(set.Add(h)));
    }

    [Fact]
    public void Repeats_beyond_the_in_memory_set_are_dropped_by_the_store_keeping_the_first_line()
    {
        var lines = File.ReadAllLines(RealFile).Where(l => l.Length > 0).Take(200).ToList();
        var path = Tmp.File("twice.export.CSV");
        File.WriteAllLines(path, lines.Concat(lines.Take(150)).Concat(lines.Skip(100).Take(30)));
        // 2^5 slots: the set records 24 hashes, so most repeats reach the store.
        var summary = Import(path, "twice", 2, 2048, slotsLog2: 5);
        Assert.Equal(380, summary.RowsRead);
        Assert.Equal(200, summary.Imported);
        Assert.Equal(180, summary.Duplicates);
        Assert.Equal(Enumerable.Range(1, 200).Select(i => (long)i),
            Store.Rows("SELECT line FROM imported_events ORDER BY line").Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)));

        // With no repeats the store's search removes nothing.
        var once = Import(RealFile, "once", 2, 2048, slotsLog2: 5);
        Assert.Equal(once.RowsRead, once.Imported);
    }

    private static EventBatch Batch(int rows)
    {
        var b = new EventBatch(rows);
        for (var i = 0; i < rows; i++)
        {
            var r = b.Add();
            b.Line[r] = i + 1;
            b.SetSourceId(r, (i % 3) switch { 0 => null, 1 => i.ToString(CultureInfo.InvariantCulture), _ => $"ïd-{i}-with-a-long-tail" });
            b.Date[r] = new DateOnly(1950, 1, 1).AddDays(i * 7);
            b.Source[r] = i % 5 == 0 ? null : "PRK";
            b.Target[r] = i % 7 == 0 ? "ÜNKNOWN-LONG-ACTOR" : "CHN";
            b.Cameo[r] = i % 2 == 0 ? "0431" : "190";
            b.Root[r] = (sbyte)(i % 2 == 0 ? 4 : 19);
            b.Quad[r] = (sbyte)(i % 2 == 0 ? 1 : 4);
            b.Goldstein[r] = (i % 21) - 10 + 0.25;
            b.Mentions[r] = i % 11 == 0 ? null : i;
            b.Sources[r] = i % 4;
            b.Articles[r] = i % 13 == 0 ? null : -i;
            b.Tone[r] = i % 17 == 0 ? null : i / 3.0;
            b.RowHash[r] = ((ulong)i * 0x9E3779B97F4A7C15UL) + 7;
            b.NativeCode[r] = i % 19 == 0 ? "DEMAND-ÉX" : null;
        }
        return b;
    }

    /// <summary>A value as text, the same way whether it came from a batch or back from DuckDB.</summary>
    private static string Canon(object? v) => v switch
    {
        null or DBNull => "null",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(v, CultureInfo.InvariantCulture)!,
    };

    private static string Expected(EventBatch b, int i)
    {
        var id = b.TryGetSourceId(i, out var bytes) ? Encoding.UTF8.GetString(bytes) : null;
        return string.Join('|', new object?[]
        {
            b.Line[i], id, b.Date[i], b.Source[i], b.Target[i], b.Cameo[i], b.Root[i], b.Quad[i], b.Goldstein[i], b.Mentions[i],
            b.Sources[i], b.Articles[i], b.Tone[i], b.RowHash[i], b.NativeCode[i],
        }.Select(Canon));
    }

    [Fact]
    public void The_appender_stores_long_non_ascii_and_null_values_exactly_across_chunks()
    {
        var batch = Batch(5000);
        const string dataset = "a data set with a long name, ü";
        using (var session = Store.BeginImport(dataset))
        {
            session.Append(batch);
            session.Commit(new ImportFileRecord(dataset, "test", "/x", 1, "f", "all rows", 5000, 0, 0, null, 0.1));
        }
        var stored = Store.Rows("""
            SELECT dataset, line, source_id, event_date, source, target, cameo, root, quad_class, goldstein, mentions, sources,
                   articles, tone, row_hash, native_code
            FROM imported_events ORDER BY line
            """);
        Assert.Equal(5000, stored.Count);
        Assert.All(stored, r => Assert.Equal(dataset, r[0]));
        for (var i = 0; i < 5000; i++)
        {
            Assert.Equal(Expected(batch, i), string.Join('|', stored[i].Skip(1).Select(Canon)));
        }
    }

    [Fact]
    public void A_session_abandoned_part_way_leaves_no_rows_and_restores_the_connection_settings()
    {
        string Settings() => string.Join(",", Store.Rows("SELECT current_setting('threads'), current_setting('memory_limit')")[0]);
        var before = Settings();
        using (var session = Store.BeginImport("abandoned"))
        {
            // More than one chunk: some rows are already with DuckDB, the rest still in the chunk.
            session.Append(Batch(3000));
        }
        Assert.Empty(Store.Rows("SELECT * FROM imported_events"));
        Assert.Empty(Store.Rows("SELECT * FROM import_files"));
        Assert.Equal(before, Settings());
    }
}
