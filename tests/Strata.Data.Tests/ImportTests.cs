using System.Globalization;
using System.IO.Compression;
using System.Text;
using Strata.Data.Curated;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>Imports of the real files in ../shared/data, checked against counts computed here by plain loops.</summary>
public sealed class ImportTests : StoreTestBase
{
    private readonly EventImporter _importer;

    public ImportTests()
    {
        _importer = new EventImporter(Store, Fixtures.Reference);
    }


    private ImportOptions Options(ImportFilter? filter = null, string? dataset = null, MaxBad? maxBad = null) => new()
    {
        Filter = filter ?? ImportFilter.All,
        Dataset = dataset,
        MaxBad = maxBad ?? MaxBad.Unlimited,
        QuarantineFolder = Tmp.File("quarantine"),
        BatchSize = 100,
    };

    private ImportSummary Import(string path, IEventReader reader, ImportOptions? options = null) =>
        _importer.Import(new InputFile(path, null), reader, options ?? Options());

    /// <summary>Per (source, target, month): count and mean Goldstein, as the store holds them.</summary>
    private Dictionary<string, (long N, double Mean)> StoredCells(string dataset) =>
        Store.Rows("""
            SELECT coalesce(source, '') || '|' || coalesce(target, '') || '|' || strftime(event_date, '%Y-%m'), count(*), avg(goldstein)
            FROM imported_events WHERE dataset = $1 GROUP BY 1
            """, dataset)
            .ToDictionary(r => (string)r[0]!, r => (Convert.ToInt64(r[1], CultureInfo.InvariantCulture), (double)r[2]!));

    private static void AssertSameCells(Dictionary<string, List<double>> expected, Dictionary<string, (long N, double Mean)> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, values) in expected)
        {
            Assert.Equal(values.Count, actual[key].N);
            Assert.Equal(values.Average(), actual[key].Mean, 9);
        }
    }

    /// <summary>GDELT country codes as Strata codes: SUN is RUS; other codes are kept as written.</summary>
    private static string Actor(string code) => code.Length == 0 ? "" : Fixtures.Reference.Actors.Resolve(CodeSystem.Cameo, code)?.Code ?? code;

    private static Dictionary<string, List<double>> GdeltCells(string path, Func<string[], bool> keep)
    {
        var cells = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            var c = line.Split('\t');
            if (!keep(c))
            {
                continue;
            }
            var key = $"{Actor(c[7])}|{Actor(c[17])}|{c[1][..4]}-{c[1][4..6]}";
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }
            list.Add(double.Parse(c[30], CultureInfo.InvariantCulture));
        }
        return cells;
    }

    [Fact]
    public void Gdelt2_export_matches_an_independent_count_per_dyad_and_month()
    {
        var path = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        var summary = Import(path, GdeltReader.Version2);
        Assert.Equal(835, summary.RowsRead);
        Assert.Equal(835, summary.Imported + summary.Duplicates);
        Assert.Equal(0, summary.Quarantined);
        AssertSameCells(GdeltCells(path, _ => true), StoredCells("gdelt2"));
    }

    [Fact]
    public void Gdelt1_file_mixing_57_and_58_columns_is_read_whole()
    {
        var path = TestPaths.SharedData("gdelt", "gdelt1-events-mixed-57-58col.tsv");
        var summary = Import(path, GdeltReader.Version1);
        Assert.Equal(710, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        AssertSameCells(GdeltCells(path, _ => true), StoredCells("gdelt1"));
        var years = Store.Rows("SELECT DISTINCT year(event_date) FROM imported_events ORDER BY 1").Select(r => Convert.ToInt32(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(1982, years);
    }

    [Fact]
    public void A_filter_to_six_countries_keeps_exactly_the_rows_a_plain_loop_keeps()
    {
        var six = new HashSet<string>(["PRK", "CHN", "RUS", "USA", "KOR", "JPN"], StringComparer.Ordinal);
        var path = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        var summary = Import(path, GdeltReader.Version2, Options(new ImportFilter { Actors = six }));
        var expected = GdeltCells(path, c => six.Contains(Actor(c[7])) || six.Contains(Actor(c[17])));
        Assert.Equal(expected.Values.Sum(v => v.Count), summary.Imported + summary.Duplicates);
        Assert.Equal(835 - expected.Values.Sum(v => v.Count), summary.Filtered);
        AssertSameCells(expected, StoredCells("gdelt2"));
    }

    [Fact]
    public void Both_of_date_and_quad_filters_are_applied()
    {
        var pair = new HashSet<string>(["USA", "RUS"], StringComparer.Ordinal);
        var path = TestPaths.SharedData("gdelt", "gdelt1-events-mixed-57-58col.tsv");
        var filter = new ImportFilter { Actors = pair, Match = ActorMatch.Both, From = new DateOnly(2000, 1, 1), QuadClasses = new HashSet<QuadClass> { QuadClass.VerbalCooperation, QuadClass.MaterialCooperation } };
        Import(path, GdeltReader.Version1, Options(filter));
        var expected = GdeltCells(path, c => pair.Contains(Actor(c[7])) && pair.Contains(Actor(c[17]))
            && string.CompareOrdinal(c[1], "20000101") >= 0 && c[29] is "1" or "2");
        AssertSameCells(expected, StoredCells("gdelt1"));
    }

    [Fact]
    public void Icews_sample_maps_country_names_and_keeps_its_own_goldstein_values()
    {
        var path = TestPaths.SharedData("icews", "events.2018.sample.tab");
        var summary = Import(path, IcewsReader.Instance);
        var lines = File.ReadLines(path).Skip(1).Where(l => l.Length > 0).ToList();
        Assert.Equal(lines.Count, summary.RowsRead);
        Assert.Equal(lines.Count - lines.Distinct(StringComparer.Ordinal).Count(), summary.Duplicates);
        var cells = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in lines.Distinct(StringComparer.Ordinal))
        {
            var c = line.Split('\t');
            string Name(string n) => n is "" or "NA" ? "" : Fixtures.Reference.Actors.Resolve(CodeSystem.Icews, n)?.Code ?? n;
            var key = $"{Name(c[4])}|{Name(c[10])}|{c[1][..7]}";
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }
            list.Add(double.Parse(c[7], CultureInfo.InvariantCulture));
        }
        AssertSameCells(cells, StoredCells("icews"));
        Assert.Contains(StoredCells("icews").Keys, k => k.StartsWith("PRK|", StringComparison.Ordinal) || k.Contains("|PRK|", StringComparison.Ordinal));
    }

    [Fact]
    public void Importing_the_same_file_again_adds_nothing_and_an_overlapping_filter_adds_only_new_rows()
    {
        var path = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        var usa = new ImportFilter { Actors = new HashSet<string>(["USA"], StringComparer.Ordinal) };
        var first = Import(path, GdeltReader.Version2, Options(usa));
        Assert.True(first.Imported > 0);
        var again = Import(path, GdeltReader.Version2, Options(usa));
        Assert.True(again.Skipped);
        var all = Import(path, GdeltReader.Version2);
        Assert.Equal(first.Imported, all.Duplicates);
        Assert.Equal(835, Convert.ToInt64(Store.Rows("SELECT count(*) FROM imported_events")[0][0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_row_keeps_its_file_and_line()
    {
        var path = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        Import(path, GdeltReader.Version2);
        var lines = File.ReadAllLines(path);
        foreach (var row in Store.Rows("SELECT e.line, e.source_id, f.path FROM imported_events e JOIN import_files f ON f.id = e.file_id"))
        {
            Assert.Equal(Path.GetFullPath(path), row[2]);
            var line = lines[Convert.ToInt32(row[0], CultureInfo.InvariantCulture) - 1];
            Assert.StartsWith((string)row[1]! + "\t", line, StringComparison.Ordinal);
        }
    }

    /// <summary>Real rows, each broken in one way, with the reason each must be quarantined under.</summary>
    private string WriteBrokenGdelt(out Dictionary<int, string> expectedReasons)
    {
        var good = File.ReadLines(TestPaths.SharedData("gdelt", "20250807233000.export.CSV")).Take(20).ToList();
        string Set(string line, int field, string value)
        {
            var c = line.Split('\t');
            c[field] = value;
            return string.Join('\t', c);
        }
        var rows = new List<(string Line, string? Reason)>
        {
            (good[0], null),
            (string.Join('\t', good[1].Split('\t')[..40]), "wrong column count"),
            (Set(good[2], 1, "20241341"), "bad date"),
            (Set(good[3], 26, "13y"), "unknown event code"),
            (Set(good[4], 30, "eleven"), "bad number"),
            (Set(good[5], 31, "1.5.2"), "bad number"),
            (Set(good[6], 0, "X123"), "bad id"),
            (good[7], null),
            (good[7], null),
            (good[8] + "\textra", "wrong column count"),
        };
        var path = Tmp.File("broken.export.CSV");
        using (var f = new FileStream(path, FileMode.Create))
        {
            foreach (var (line, _) in rows)
            {
                f.Write(Encoding.UTF8.GetBytes(line));
                f.WriteByte((byte)'\n');
            }
            // A Latin-1 byte (0xC9, É) where UTF-8 is expected.
            var latin1 = Encoding.UTF8.GetBytes(Set(good[9], 6, "CAF\u0001"));
            latin1[Array.IndexOf(latin1, (byte)0x01)] = 0xC9;
            f.Write(latin1);
            f.WriteByte((byte)'\n');
        }
        expectedReasons = rows.Select((r, i) => (r.Reason, Line: i + 1)).Where(p => p.Reason is not null).ToDictionary(p => p.Line, p => p.Reason!);
        expectedReasons[rows.Count + 1] = "bad encoding";
        return path;
    }

    [Fact]
    public void Broken_rows_are_quarantined_with_file_line_and_reason_and_the_import_goes_on()
    {
        var path = WriteBrokenGdelt(out var expected);
        var summary = Import(path, GdeltReader.Version2);
        Assert.Equal(11, summary.RowsRead);
        Assert.Equal(2, summary.Imported);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(expected.Count, summary.Quarantined);
        Assert.Equal(expected.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count()), summary.QuarantinedByReason);

        var quarantine = File.ReadAllBytes(summary.QuarantinePath!);
        var qLines = Encoding.UTF8.GetString(quarantine).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("file\tline\treason\toriginal", qLines[0]);
        var originals = File.ReadAllBytes(path).AsSpan();
        foreach (var (line, reason) in expected)
        {
            var row = qLines.Single(l => l.Split('\t')[1] == line.ToString(CultureInfo.InvariantCulture));
            var c = row.Split('\t', 4);
            Assert.Equal(path, c[0]);
            Assert.StartsWith(reason + ": ", c[2], StringComparison.Ordinal);
        }
        // The original bytes are kept exactly, invalid UTF-8 included.
        var lastOriginal = originals[(originals[..^1].LastIndexOf((byte)'\n') + 1)..^1].ToArray();
        Assert.True(quarantine.AsSpan().IndexOf(lastOriginal) >= 0);
    }

    [Fact]
    public void Past_max_bad_the_file_fails_and_nothing_of_it_isStored()
    {
        var path = WriteBrokenGdelt(out _);
        var e = Assert.Throws<DataException>(() => Import(path, GdeltReader.Version2, Options(maxBad: new MaxBad(3, null))));
        Assert.Contains("more than --max-bad 3", e.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Rows("SELECT * FROM imported_events"));
        Assert.Empty(Store.Rows("SELECT * FROM import_files"));
        var ok = Import(path, GdeltReader.Version2, Options(maxBad: new MaxBad(null, 90)));
        Assert.Equal(2, ok.Imported);
    }

    [Fact]
    public void Gzip_and_zip_inputs_import_the_same_rows_as_the_plain_file()
    {
        var plain = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        var gz = Tmp.File("export.CSV.gz");
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }
        var zip = Tmp.File("export.CSV.zip");
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Create))
        {
            archive.CreateEntryFromFile(plain, "20250807233000.export.CSV");
        }
        var fromGz = _importer.Import(new InputFile(gz, null), GdeltReader.Version2, Options(dataset: "gz"));
        var zipInputs = InputFile.Expand([zip]);
        var entry = Assert.Single(zipInputs);
        Assert.Equal("20250807233000.export.CSV", entry.ZipEntry);
        var fromZip = _importer.Import(entry, (IEventReader)ImportFormats.Detect(entry)!, Options(dataset: "zip"));
        Assert.Equal(835, fromGz.Imported + fromGz.Duplicates);
        Assert.Equal(fromGz.Imported, fromZip.Imported);
        var gzCells = StoredCells("gz");
        var zipCells = StoredCells("zip");
        Assert.Equal(gzCells.Keys.Order(StringComparer.Ordinal), zipCells.Keys.Order(StringComparer.Ordinal));
        Assert.All(gzCells, c => Assert.Equal(c.Value.N, zipCells[c.Key].N));
    }

    [Fact]
    public void A_truncated_archive_is_a_clear_error_and_leaves_theStore_as_it_was()
    {
        var plain = TestPaths.SharedData("gdelt", "20250807233000.export.CSV");
        var gz = Tmp.File("export.CSV.gz");
        using (var input = File.OpenRead(plain))
        using (var output = new GZipStream(File.Create(gz), CompressionLevel.Fastest))
        {
            input.CopyTo(output);
        }
        var bytes = File.ReadAllBytes(gz);
        File.WriteAllBytes(gz, bytes[..(bytes.Length / 2)]);
        var e = Assert.Throws<DataException>(() => _importer.Import(new InputFile(gz, null), GdeltReader.Version2, Options()));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Rows("SELECT * FROM imported_events"));

        var badZip = Tmp.File("bad.zip");
        File.WriteAllBytes(badZip, bytes[..100]);
        var z = Assert.Throws<DataException>(() => InputFile.Expand([badZip]));
        Assert.Contains("corrupt or truncated", z.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Formats_are_detected_from_the_first_line()
    {
        Assert.Same(GdeltReader.Version2, ImportFormats.Detect(new InputFile(TestPaths.SharedData("gdelt", "20250807233000.export.CSV"), null)));
        Assert.Same(GdeltReader.Version1, ImportFormats.Detect(new InputFile(TestPaths.SharedData("gdelt", "gdelt1-events-mixed-57-58col.tsv"), null)));
        Assert.Same(IcewsReader.Instance, ImportFormats.Detect(new InputFile(TestPaths.SharedData("icews", "events.2018.sample.tab"), null)));
        Assert.Null(ImportFormats.Detect(new InputFile(TestPaths.SharedData("structural", "cow_majors.csv"), null)));
    }

    [Theory]
    [InlineData("100", 100L, null)]
    [InlineData("0.5%", null, 0.5)]
    public void Max_bad_reads_counts_and_percentages(string text, long? count, double? percent)
    {
        Assert.True(MaxBad.TryParse(text, out var m));
        Assert.Equal(count, m.Count);
        Assert.Equal(percent, m.Percent);
        Assert.False(MaxBad.TryParse("lots", out _));
        Assert.False(MaxBad.TryParse("150%", out _));
    }
}
