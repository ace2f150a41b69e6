using System.Globalization;
using System.Text;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// POLECAT imports of synthetic files written here from the published column list (no real POLECAT file is in
/// ../shared/data), with the malformations the real files are known to have, checked against counts computed
/// from the generated rows by a plain loop.
/// </summary>
public sealed class PolecatImportTests : StoreTestBase
{
    /// <summary>The columns of a POLECAT file, in order, as published (docs/import-formats.md cites where).</summary>
    private static readonly string[] Columns =
    [
        "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts", "Actor Name", "Actor Country",
        "Actor COW", "Primary Actor Sector", "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
        "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors", "Recipient Title", "Recipient Name Raw",
        "Wikipedia Recipient ID", "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
        "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations", "Story Locations", "Language",
        "Version",
    ];

    private static readonly (string Type, string Quad)[] Types =
    [
        ("AGREE", "VERBAL COOPERATION"), ("CONSULT", "VERBAL COOPERATION"), ("SUPPORT", "VERBAL COOPERATION"), ("CONCEDE", "VERBAL COOPERATION"),
        ("COOPERATE", "MATERIAL COOPERATION"), ("AID", "MATERIAL COOPERATION"), ("RETREAT", "MATERIAL COOPERATION"),
        ("REQUEST", "VERBAL CONFLICT"), ("ACCUSE", "VERBAL CONFLICT"), ("REJECT", "VERBAL CONFLICT"), ("THREATEN", "VERBAL CONFLICT"),
        ("PROTEST", "MATERIAL CONFLICT"), ("SANCTION", "MATERIAL CONFLICT"), ("MOBILIZE", "MATERIAL CONFLICT"), ("COERCE", "MATERIAL CONFLICT"),
        ("ASSAULT", "MATERIAL CONFLICT"),
    ];

    /// <summary>Country fields as they may appear, with the Strata actor each must become ("" for none).</summary>
    private static readonly (string Field, string Actor)[] Countries =
    [
        ("PRK", "PRK"), ("CHN", "CHN"), ("RUS", "RUS"), ("USA", "USA"), ("KOR", "KOR"), ("JPN", "JPN"), ("SUN", "RUS"),
        ("None", ""), ("", ""), ("NA", ""), ("North Korea", "PRK"), ("CHN; RUS", "CHN"), ("XKX", "XKX"),
    ];

    private readonly EventImporter _importer;

    public PolecatImportTests()
    {
        _importer = new EventImporter(Store, Fixtures.Reference);
    }


    private ImportOptions Options(ImportFilter? filter = null, string? dataset = null) => new()
    {
        Filter = filter ?? ImportFilter.All,
        Dataset = dataset,
        QuarantineFolder = Tmp.File("quarantine"),
        BatchSize = 50,
    };

    private ImportSummary Import(string path, ImportFilter? filter = null, string? dataset = null) =>
        _importer.Import(new InputFile(path, null), PolecatReader.Instance, Options(filter, dataset));

    /// <summary>One generated event, as written and as it must be stored.</summary>
    private sealed record Generated(string[] Fields, string Source, string Target, DateOnly Date, double Goldstein, string Type);

    private static List<Generated> Generate(int n, int seed, DateOnly from, int days)
    {
        var random = new Random(seed);
        var list = new List<Generated>();
        for (var i = 0; i < n; i++)
        {
            var (type, quad) = Types[random.Next(Types.Length)];
            var actor = Countries[random.Next(Countries.Length)];
            var recipient = Countries[random.Next(Countries.Length)];
            var date = from.AddDays(random.Next(days));
            var missing = random.Next(20) == 0;
            var intensity = Math.Round((random.NextDouble() * 20) - 10, 1);
            var fields = Enumerable.Repeat("None", Columns.Length).ToArray();
            void Set(string column, string value) => fields[Array.IndexOf(Columns, column)] = value;
            Set("Event ID", $"{seed}-{i:D6}_1");
            Set("Event Date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Set("Event Type", i % 7 == 0 ? type.ToLowerInvariant() : type);
            Set("Event Intensity", missing ? "NA" : intensity.ToString("0.0", CultureInfo.InvariantCulture));
            Set("Quad Code", quad);
            Set("Actor Country", actor.Field);
            Set("Recipient Country", recipient.Field);
            Set("Actor Name", "Some actor's name");
            Set("Latitude", "39.03");
            Set("Story People", "Kim Jong Un; Xi Jinping");
            Set("Language", "en");
            Set("Version", "1.0");
            var score = PolecatReader.Types[type].Score;
            list.Add(new Generated(fields, actor.Actor, recipient.Actor, date, missing ? score : intensity, type));
        }
        return list;
    }

    /// <summary>Per (source, target, month): the Goldstein values a correct import stores, by a plain loop.</summary>
    private static Dictionary<string, List<double>> Cells(IEnumerable<Generated> rows, Func<Generated, bool>? keep = null)
    {
        var cells = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            if (keep is not null && !keep(r))
            {
                continue;
            }
            var key = $"{r.Source}|{r.Target}|{r.Date:yyyy-MM}";
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }
            list.Add(r.Goldstein);
        }
        return cells;
    }

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

    private string Write(string name, string header, IEnumerable<string> lines, string newline = "\n", bool bom = false)
    {
        var path = Tmp.File(name);
        var text = new StringBuilder();
        text.Append(header).Append(newline);
        foreach (var line in lines)
        {
            text.Append(line).Append(newline);
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(bom));
        return path;
    }

    /// <summary>A weekly file: the header as published, one line per event, LF.</summary>
    private string WriteWeekly(List<Generated> rows) =>
        Write("ngecEvents.20240105.Release1.DV.txt", string.Join('\t', Columns), rows.Select(r => string.Join('\t', r.Fields)));

    /// <summary>
    /// A yearly-style file with every known malformation: a BOM, CRLF, "Intensity" for "Event Intensity", a header
    /// naming a column twice and ending in tabs, header names the data lines lack ("Story ID" inside, "Headline",
    /// "Event Text" and "Feed" at the end), and data lines with extra empty fields.
    /// </summary>
    private string WriteYearly(List<Generated> rows)
    {
        var names = Columns.Select(c => c == "Event Intensity" ? "Intensity" : c).ToList();
        names.Insert(1, "Story ID");
        names.Add("Language");
        names.AddRange(["Headline", "Event Text", "Feed", "", ""]);
        // The data lines have the published columns, the repeated "Language" among them, and then stray tabs.
        var lines = rows.Select((r, i) => string.Join('\t', [.. r.Fields, "en", .. Enumerable.Repeat("", i % 3)]));
        return Write("ngecEventsDV-2023.txt", string.Join('\t', names), lines, "\r\n", bom: true);
    }

    [Fact]
    public void Weekly_file_matches_an_independent_count_per_dyad_and_month()
    {
        var rows = Generate(600, 1, new DateOnly(2024, 1, 1), 90);
        var path = WriteWeekly(rows);
        var summary = Import(path);
        Assert.Equal(600, summary.RowsRead);
        Assert.Equal(600, summary.Imported);
        Assert.Equal(0, summary.Quarantined);
        AssertSameCells(Cells(rows), StoredCells("polecat"));
        Assert.Equal(rows.Count(r => r.Fields[4] == "NA"), summary.Notes[PolecatReader.NoIntensity]);
        Assert.Equal(rows.Sum(r => (r.Fields[8].Contains(';', StringComparison.Ordinal) ? 1 : 0) + (r.Fields[16].Contains(';', StringComparison.Ordinal) ? 1 : 0)),
            summary.Notes[PolecatReader.SeveralCountries]);
        Assert.False(summary.Notes.ContainsKey(PolecatReader.QuadDisagrees));
    }

    [Fact]
    public void Yearly_file_with_every_known_malformation_imports_the_same_rows_as_a_clean_file()
    {
        var rows = Generate(500, 2, new DateOnly(2023, 1, 1), 365);
        var summary = Import(WriteYearly(rows));
        Assert.Equal(500, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(500, summary.Imported);
        AssertSameCells(Cells(rows), StoredCells("polecat"));
        var lines = Store.Rows("SELECT line FROM imported_events ORDER BY line").Select(r => Convert.ToInt64(r[0], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(Enumerable.Range(2, 500).Select(i => (long)i), lines);
    }

    [Fact]
    public void Each_row_keeps_its_event_id_its_plover_type_and_the_cameo_root_it_maps_to()
    {
        var rows = Generate(200, 3, new DateOnly(2024, 3, 1), 30);
        Import(WriteWeekly(rows));
        var stored = Store.Rows("SELECT source_id, native_code, cameo, root, quad_class FROM imported_events")
            .ToDictionary(r => (string)r[0]!, r => r);
        Assert.Equal(200, stored.Count);
        foreach (var r in rows)
        {
            var s = stored[r.Fields[0]];
            Assert.Equal(r.Type, s[1]);
            var root = PolecatReader.Types[r.Type].Cameo;
            Assert.Equal(root, s[2]);
            Assert.Equal(int.Parse(root, CultureInfo.InvariantCulture), Convert.ToInt32(s[3], CultureInfo.InvariantCulture));
            Assert.Equal((int)EventCode.QuadClassOfRoot(int.Parse(root, CultureInfo.InvariantCulture)), Convert.ToInt32(s[4], CultureInfo.InvariantCulture));
        }
        // Through the export view too; curated events have no native code.
        Assert.Equal(200L, Convert.ToInt64(Store.Rows("SELECT count(*) FROM all_events WHERE native_code IS NOT NULL")[0][0], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void The_mapping_follows_the_plover_crosswalk_and_only_concede_changes_quad_class()
    {
        // PLOVER's CAMEO2PLOVER-2021 crosswalk: roots 03..07 and 10..18 each give one PLOVER type; root 08 splits into
        // CONCEDE (081-083) and RETREAT (084-087); 09 and 11 both become ACCUSE, 18..20 ASSAULT.
        var expected = new Dictionary<string, string>
        {
            ["AGREE"] = "03",
            ["CONSULT"] = "04",
            ["SUPPORT"] = "05",
            ["COOPERATE"] = "06",
            ["AID"] = "07",
            ["CONCEDE"] = "08",
            ["RETREAT"] = "08",
            ["REQUEST"] = "10",
            ["DEMAND"] = "10",
            ["ACCUSE"] = "11",
            ["REJECT"] = "12",
            ["THREATEN"] = "13",
            ["PROTEST"] = "14",
            ["MOBILIZE"] = "15",
            ["SANCTION"] = "16",
            ["COERCE"] = "17",
            ["ASSAULT"] = "18",
        };
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), PolecatReader.Types.Select(p => KeyValuePair.Create(p.Key, p.Value.Cameo)).OrderBy(p => p.Key, StringComparer.Ordinal));
        var changed = PolecatReader.Types.Where(p => EventCode.QuadClassOfRoot(int.Parse(p.Value.Cameo, CultureInfo.InvariantCulture)) != p.Value.Quad).Select(p => p.Key);
        Assert.Equal(["CONCEDE"], changed);
        Assert.All(PolecatReader.Types.Values, t => Assert.NotNull(Fixtures.Reference.Codebook.Find(t.Cameo)));
    }

    [Fact]
    public void Broken_rows_are_quarantined_with_their_reasons_and_the_rest_imported()
    {
        var rows = Generate(12, 4, new DateOnly(2024, 6, 1), 20);
        string Set(Generated r, string column, string value)
        {
            var f = (string[])r.Fields.Clone();
            f[Array.IndexOf(Columns, column)] = value;
            return string.Join('\t', f);
        }
        var lines = new List<(string Line, string? Reason)>
        {
            (string.Join('\t', rows[0].Fields), null),
            (string.Join('\t', rows[1].Fields[..20]), "wrong column count"),
            (string.Join('\t', rows[2].Fields) + "\tunexpected", "wrong column count"),
            (Set(rows[3], "Event Date", "2024-13-40"), "bad date"),
            (Set(rows[4], "Event Type", "CRIME"), "unknown event code"),
            (Set(rows[5], "Event Intensity", "eleven"), "bad number"),
            (Set(rows[6], "Event Intensity", "12.5"), "bad number"),
            (string.Join('\t', rows[7].Fields), null),
            (string.Join('\t', rows[7].Fields), null),
            (Set(rows[8], "Quad Code", rows[8].Fields[5] == "MATERIAL CONFLICT" ? "VERBAL COOPERATION" : "MATERIAL CONFLICT"), null),
            (Set(rows[9], "Quad Code", "SOMETHING"), null),
        };
        var path = Write("broken.txt", string.Join('\t', Columns), lines.Select(l => l.Line));
        var summary = Import(path);
        var expected = lines.Select((l, i) => (l.Reason, Line: i + 2)).Where(p => p.Reason is not null).ToDictionary(p => p.Line, p => p.Reason!);
        Assert.Equal(lines.Count, summary.RowsRead);
        Assert.Equal(4, summary.Imported);
        Assert.Equal(1, summary.Duplicates);
        Assert.Equal(expected.Values.GroupBy(v => v).ToDictionary(g => g.Key, g => (long)g.Count()), summary.QuarantinedByReason);
        Assert.Equal(1, summary.Notes[PolecatReader.QuadDisagrees]);
        Assert.Equal(1, summary.Notes[PolecatReader.QuadUnknown]);
        var quarantine = File.ReadAllLines(summary.QuarantinePath!).Skip(1).Select(l => l.Split('\t', 4)).ToList();
        Assert.Equal(expected.Count, quarantine.Count);
        foreach (var q in quarantine)
        {
            var line = int.Parse(q[1], CultureInfo.InvariantCulture);
            Assert.StartsWith(expected[line] + ": ", q[2], StringComparison.Ordinal);
            Assert.Equal(lines[line - 2].Line, q[3]);
        }
    }

    [Fact]
    public void A_header_lacking_a_required_column_fails_the_file_naming_it()
    {
        var path = Write("bad-header.txt", string.Join('\t', Columns.Where(c => c != "Recipient Country")), []);
        var e = Assert.Throws<DataException>(() => Import(path));
        Assert.Contains("'Recipient Country'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Rows("SELECT * FROM import_files"));
    }

    [Fact]
    public void Actor_date_and_quad_filters_keep_exactly_the_rows_a_plain_loop_keeps()
    {
        var rows = Generate(800, 5, new DateOnly(2023, 11, 1), 120);
        var filter = new ImportFilter
        {
            Actors = new HashSet<string>(["PRK", "RUS"], StringComparer.Ordinal),
            From = new DateOnly(2024, 1, 1),
            QuadClasses = new HashSet<QuadClass> { QuadClass.MaterialCooperation, QuadClass.MaterialConflict },
        };
        Import(WriteWeekly(rows), filter);
        AssertSameCells(
            Cells(rows, r => (r.Source is "PRK" or "RUS" || r.Target is "PRK" or "RUS") && r.Date >= new DateOnly(2024, 1, 1)
                && EventCode.QuadClassOfRoot(int.Parse(PolecatReader.Types[r.Type].Cameo, CultureInfo.InvariantCulture)) is QuadClass.MaterialCooperation or QuadClass.MaterialConflict),
            StoredCells("polecat"));
    }

    [Fact]
    public void Weekly_and_yearly_files_are_detected_and_icews_still_is_icews()
    {
        var rows = Generate(3, 6, new DateOnly(2024, 1, 1), 5);
        Assert.Same(PolecatReader.Instance, ImportFormats.Detect(new InputFile(WriteWeekly(rows), null)));
        Assert.Same(PolecatReader.Instance, ImportFormats.Detect(new InputFile(WriteYearly(rows), null)));
        Assert.Same(IcewsReader.Instance, ImportFormats.Detect(new InputFile(TestPaths.SharedData("icews", "events.2018.sample.tab"), null)));
        Assert.Same(PolecatReader.Instance, ImportFormats.Find("polecat"));
    }

    [Fact]
    public void Rows_of_cameo_sources_have_no_native_code()
    {
        Import(WriteWeekly(Generate(50, 8, new DateOnly(2024, 2, 1), 10)));
        _importer.Import(new InputFile(TestPaths.SharedData("gdelt", "20250807233000.export.CSV"), null), GdeltReader.Version2, Options());
        var byDataset = Store.Rows("SELECT dataset, count(*), count(native_code) FROM imported_events GROUP BY 1")
            .ToDictionary(r => (string)r[0]!, r => (Convert.ToInt64(r[1], CultureInfo.InvariantCulture), Convert.ToInt64(r[2], CultureInfo.InvariantCulture)));
        Assert.Equal((50L, 50L), byDataset["polecat"]);
        Assert.Equal(0L, byDataset["gdelt2"].Item2);
        Assert.True(byDataset["gdelt2"].Item1 > 0);
    }

    [Fact]
    public void Importing_the_same_file_again_adds_nothing()
    {
        var path = WriteWeekly(Generate(100, 7, new DateOnly(2024, 2, 1), 10));
        var first = Import(path);
        Assert.Equal(100, first.Imported);
        Assert.True(Import(path).Skipped);
        Assert.Equal(100L, Convert.ToInt64(Store.Rows("SELECT count(*) FROM imported_events")[0][0], CultureInfo.InvariantCulture));
    }
}
