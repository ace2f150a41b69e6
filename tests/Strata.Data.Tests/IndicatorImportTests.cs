using System.Globalization;
using System.Text;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// Imports of the real structural files in ../shared/data/structural as yearly indicators, each checked
/// against values computed here by plain loops over the same file.
/// </summary>
public sealed class IndicatorImportTests : StoreTestBase
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly IndicatorImporter _importer;

    public IndicatorImportTests()
    {
        _importer = new IndicatorImporter(Store, Fixtures.Reference);
    }


    private static string Structural(string name) => TestPaths.SharedData("structural", name);

    private ImportSummary Import(string path, IIndicatorReader reader, string? dataset = null) =>
        _importer.Import(new InputFile(path, null), reader, new ImportOptions { Dataset = dataset, QuarantineFolder = Tmp.File("quarantine") });

    /// <summary>Stored values of a data set, keyed "name|a|b|year" (b empty for monadic series).</summary>
    private Dictionary<string, double> Stored(string dataset) =>
        Store.Rows("SELECT name || '|' || actor_a || '|' || coalesce(actor_b, '') || '|' || year, value FROM indicators WHERE dataset = $1", dataset)
            .ToDictionary(r => (string)r[0]!, r => (double)r[1]!);

    private static void AssertSameValues(Dictionary<string, double> expected, Dictionary<string, double> actual, int digits = 9)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.True(Math.Abs(value - actual[key]) < Math.Pow(10, -digits), $"{key}: expected {value}, stored {actual[key]}");
        }
    }

    private static string? Cow(string code) => Fixtures.Reference.Actors.Resolve(CodeSystem.Cow, code)?.Code;

    /// <summary>A plain CSV split (double quotes around fields, no quotes inside them), independent of the importer's parser.</summary>
    private static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path, Encoding.UTF8);
        static string[] Split(string line)
        {
            var fields = new List<string>();
            var current = new StringBuilder();
            var quoted = false;
            foreach (var ch in line)
            {
                if (ch == '"')
                {
                    quoted = !quoted;
                }
                else if (ch == ',' && !quoted)
                {
                    fields.Add(current.ToString());
                    current.Clear();
                }
                else
                {
                    current.Append(ch);
                }
            }
            fields.Add(current.ToString());
            return [.. fields];
        }
        var header = Split(lines[0]);
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = Split(l);
            return header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
        }).ToList();
    }

    private static void Put(Dictionary<string, double> d, string key, double value) => d[key] = d.GetValueOrDefault(key) + value;

    private static bool IsNa(string s) => s is "" or "NA";

    [Fact]
    public void Sipri_register_gives_orders_units_deliveries_and_tiv_per_pair_and_year()
    {
        var path = Structural("sipri_trade_register_prk_imports.csv");
        var summary = Import(path, SipriReader.Instance);
        var rows = Csv(path);
        Assert.Equal(159, rows.Count);
        Assert.Equal(159, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);

        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        string Country(string name) => name switch { "Soviet Union" or "Russia" => "RUS", "China" => "CHN", "Kazakhstan" => "KAZ", "North Korea" => "PRK", _ => name };
        foreach (var r in rows)
        {
            var pair = $"{Country(r["Supplier"])}|{Country(r["Recipient"])}";
            Put(expected, $"arms.orders|{pair}|{r["Year of order"]}", 1);
            Put(expected, $"arms.ordered_units|{pair}|{r["Year of order"]}", double.Parse(r["Number ordered"], Inv));
            var years = r["Year(s) of delivery"].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var y in years)
            {
                Put(expected, $"arms.deliveries|{pair}|{y}", 1);
                Put(expected, $"arms.tiv_delivered|{pair}|{y}", double.Parse(r["SIPRI TIV of delivered weapons"], Inv) / years.Length);
            }
        }
        // The unit counts by weapon category (arms.*_units.<category>) are checked in SipriUnitTests.
        var stored = Stored("sipri").Where(p => p.Key.Split('|')[0].Count(ch => ch == '.') == 1).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        AssertSameValues(expected, stored);
        Assert.Equal(159, stored.Where(p => p.Key.StartsWith("arms.orders|", StringComparison.Ordinal)).Sum(p => p.Value));
        Assert.Equal(23861.57, stored.Where(p => p.Key.StartsWith("arms.tiv_delivered|", StringComparison.Ordinal)).Sum(p => p.Value), 2);

        // SIPRI's '?' marks survive as flags in the note.
        var note = (string)Store.Rows("SELECT note FROM indicators WHERE name = 'arms.orders' AND actor_a = 'CHN' AND year = 1957")[0][0]!;
        Assert.Equal("deals on lines 3, 4, 5; uncertain (?) on lines 3, 4, 5", note);
    }

    [Fact]
    public void Sipri_tiv_by_year_matches_the_approximate_file_derived_from_the_register()
    {
        Import(Structural("sipri_trade_register_prk_imports.csv"), SipriReader.Instance);
        var stored = Stored("sipri");
        double Tiv(string supplier, string year) => stored.GetValueOrDefault($"arms.tiv_delivered|{supplier}|PRK|{year}");
        var compared = 0;
        foreach (var r in Csv(Structural("sipri_prk_imports_tiv_by_year_supplier_approx.csv")))
        {
            var y = r["year"];
            // The approximate file keeps the Soviet Union and Russia apart; Strata holds both as RUS.
            Assert.Equal(double.Parse(r["Soviet Union"], Inv) + double.Parse(r["Russia"], Inv), Tiv("RUS", y), 0.011);
            Assert.Equal(double.Parse(r["China"], Inv), Tiv("CHN", y), 0.006);
            Assert.Equal(double.Parse(r["Kazakhstan"], Inv), Tiv("KAZ", y), 0.006);
            compared++;
        }
        Assert.Equal(74, compared);
    }

    [Theory]
    [InlineData("td_rivalries_thompson_dreyer2012.csv", "styear", "endyear", 197)]
    [InlineData("tss_rivalries_thompson_sakuwa_suhas2021.csv", "start", "end", 264)]
    public void Rivalries_are_active_in_every_year_from_start_to_end(string file, string start, string end, int rowCount)
    {
        var path = Structural(file);
        var summary = Import(path, RivalryReader.Instance);
        var rows = Csv(path);
        Assert.Equal(rowCount, rows.Count);
        Assert.Equal(rowCount, summary.RowsRead);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        var unknown = 0;
        foreach (var r in rows)
        {
            var (a, b) = (Cow(r["ccode1"]), Cow(r["ccode2"]));
            if (a is null || b is null)
            {
                unknown++;
                continue;
            }
            var pair = string.CompareOrdinal(a, b) <= 0 ? $"{a}|{b}" : $"{b}|{a}";
            for (var y = int.Parse(r[start], Inv); y <= int.Parse(r[end], Inv); y++)
            {
                expected[$"rivalry.active|{pair}|{y}"] = 1;
            }
        }
        // Venice (324) predates the COW state system and is not a Strata actor: its two rivalries are quarantined.
        Assert.Equal(2, unknown);
        Assert.Equal(new Dictionary<string, long> { ["unknown COW code"] = 2 }, summary.QuarantinedByReason);
        AssertSameValues(expected, Stored("rivalries"));
        Assert.Equal(expected.Count, summary.Imported);
        var note = (string)Store.Rows("SELECT note FROM indicators WHERE actor_a = 'RUS' AND actor_b = 'USA' AND year = 1950")[0][0]!;
        Assert.Contains("positional", note, StringComparison.Ordinal);
    }

    [Fact]
    public void Cow_capabilities_become_one_series_per_measure_with_missing_values_left_out()
    {
        var path = Structural("cow_nmc_focal_1945plus.csv");
        var summary = Import(path, CowNmcReader.Instance);
        var rows = Csv(path);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            // West Germany (260) and Germany (255) are both DEU: in 1990 the first row is kept.
            if (!seen.Add($"{Cow(r["ccode"])}|{r["year"]}"))
            {
                continue;
            }
            foreach (var m in new[] { "milex", "milper", "irst", "pec", "tpop", "upop", "cinc" })
            {
                if (!IsNa(r[m]) && r[m] != "-9")
                {
                    expected[$"nmc.{m}|{Cow(r["ccode"])}||{r["year"]}"] = double.Parse(r[m], NumberStyles.Float, Inv);
                }
            }
        }
        Assert.Equal(846, summary.RowsRead);
        Assert.Equal(845, seen.Count);
        Assert.Equal(new Dictionary<string, long> { ["duplicate row"] = 1 }, summary.QuarantinedByReason);
        Assert.Equal(expected.Count, summary.Imported);
        AssertSameValues(expected, Stored("cow-nmc"));
        Assert.Equal(0.38386354, Stored("cow-nmc")["nmc.cinc|USA||1945"]);
    }

    [Theory]
    [InlineData("cow_alliance_v4.1_focal_dyadyears.csv", "cow", 732)]
    [InlineData("atop_alliance_focal_dyadyears.csv", "atop", 1962)]
    public void Alliance_dyad_years_give_one_value_per_commitment(string file, string prefix, int rowCount)
    {
        var path = Structural(file);
        var reader = prefix == "cow" ? AllianceReader.Cow : AllianceReader.Atop;
        var summary = Import(path, reader);
        var names = new Dictionary<string, string>
        {
            ["defense"] = "defense",
            ["neutral"] = "neutrality",
            ["nonagg"] = "nonaggression",
            ["entente"] = "entente",
            ["offense"] = "offense",
            ["consul"] = "consultation",
        };
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        var rows = Csv(path);
        foreach (var r in rows)
        {
            foreach (var (column, value) in r.Where(p => p.Key.StartsWith(prefix + "_", StringComparison.Ordinal)))
            {
                if (value == "1")
                {
                    expected[$"alliance.{names[column[(prefix.Length + 1)..]]}|{Cow(r["ccode1"])}|{Cow(r["ccode2"])}|{r["year"]}"] = 1;
                }
            }
        }
        Assert.Equal(rowCount, rows.Count);
        Assert.Equal(rowCount, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        AssertSameValues(expected, Stored(reader.Format));
        Assert.Equal(expected.Count, summary.Imported);
    }

    [Theory]
    [InlineData("cow_mid_dirdisps_focal.csv", 1086)]
    [InlineData("gml_mid_dirdisp_focal.csv", 934)]
    public void Directed_disputes_give_counts_hostility_and_fatality_per_pair_and_year(string file, int rowCount)
    {
        var path = Structural(file);
        var summary = Import(path, MidReader.Instance);
        var rows = Csv(path);
        var disputes = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var key = $"{Cow(r["ccode1"])}|{Cow(r["ccode2"])}|{r["year"]}";
            if (!disputes.TryGetValue(key, out var set))
            {
                disputes[key] = set = [];
            }
            set.Add(r["dispnum"]);
            expected[$"mid.count|{key}"] = set.Count;
            var host = double.Parse(r["hostlev1"], Inv);
            expected[$"mid.max_hostility|{key}"] = Math.Max(host, expected.GetValueOrDefault($"mid.max_hostility|{key}"));
            var fatal = double.Parse(r["fatality1"], Inv);
            if (fatal >= 0)
            {
                expected[$"mid.fatality|{key}"] = Math.Max(fatal, expected.GetValueOrDefault($"mid.fatality|{key}", -1));
            }
        }
        Assert.Equal(rowCount, rows.Count);
        Assert.Equal(rowCount, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        AssertSameValues(expected, Stored("cow-mid"));
    }

    [Fact]
    public void Un_voting_gives_ideal_points_and_agreement_with_the_three_powers()
    {
        var path = Structural("unga_idealpoints_voeten_Jun2024_focal.csv");
        var summary = Import(path, UngaReader.Instance);
        var rows = Csv(path);
        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var state = Cow(r["ccode"]);
            if (!IsNa(r["IdealPointAll"]))
            {
                expected[$"unga.idealpoint|{state}||{r["year"]}"] = double.Parse(r["IdealPointAll"], Inv);
            }
            foreach (var (column, partner) in new[] { ("USAgree", "USA"), ("RUSSAgree", "RUS"), ("ChinaAgree", "CHN") })
            {
                if (!IsNa(r[column]) && partner != state)
                {
                    expected[$"unga.agree|{state}|{partner}|{r["year"]}"] = double.Parse(r[column], Inv);
                }
            }
        }
        Assert.Equal(412, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(expected.Count, summary.Imported);
        AssertSameValues(expected, Stored("unga"));
    }

    [Fact]
    public void Importing_the_same_file_again_adds_nothing_and_a_new_release_replaces_the_values_it_restates()
    {
        var path = Structural("cow_nmc_focal_1945plus.csv");
        var first = Import(path, CowNmcReader.Instance);
        Assert.True(Import(path, CowNmcReader.Instance).Skipped);
        var lines = File.ReadAllLines(path);
        var revised = Tmp.File("nmc-revised.csv");
        File.WriteAllLines(revised, [lines[0], lines[1].Replace("0.38386354", "0.4", StringComparison.Ordinal)]);
        var second = Import(revised, CowNmcReader.Instance);
        Assert.Equal(7, second.Imported);
        Assert.Equal(7, second.Replaced);
        Assert.Equal(first.Imported, Stored("cow-nmc").Count);
        Assert.Equal(0.4, Stored("cow-nmc")["nmc.cinc|USA||1945"]);
        var files = Store.Rows("SELECT count(*) FROM import_files WHERE dataset = 'cow-nmc'");
        Assert.Equal(2L, Convert.ToInt64(files[0][0], Inv));
    }

    [Fact]
    public void Every_value_keeps_its_file_and_line()
    {
        var path = Structural("unga_idealpoints_voeten_Jun2024_focal.csv");
        Import(path, UngaReader.Instance);
        var lines = File.ReadAllLines(path);
        foreach (var row in Store.Rows("SELECT i.line, i.year, f.path FROM indicators i JOIN import_files f ON f.id = i.file_id"))
        {
            Assert.Equal(Path.GetFullPath(path), row[2]);
            Assert.StartsWith(Convert.ToString(row[1], Inv) + ",", lines[Convert.ToInt32(row[0], Inv) - 1], StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, string, string, string> BrokenRows => new()
    {
        // format, header, broken row, expected reason
        { "sipri", "Recipient,Supplier,Year of order,Number ordered,Number delivered,Year(s) of delivery,SIPRI TIV of delivered weapons", "North Korea,China,1956,lots,100,1958,100", "bad number" },
        { "sipri", "Recipient,Supplier,Year of order,Number ordered,Number delivered,Year(s) of delivery,SIPRI TIV of delivered weapons", "North Korea,Atlantis,1956,100,100,1958,100", "unknown country" },
        { "sipri", "Recipient,Supplier,Year of order,Number ordered,Number delivered,Year(s) of delivery,SIPRI TIV of delivered weapons", "North Korea,China,1956,100,100,1958; 19x9,100", "bad year" },
        { "sipri", "Recipient,Supplier,Year of order,Number ordered,Number delivered,Year(s) of delivery,SIPRI TIV of delivered weapons", "North Korea,China,1956,100", "wrong column count" },
        { "rivalries", "rivalryno,rivalryname,ccode1,ccode2,styear,endyear,type1", "1,Venice-Ottomans,324,640,1494,1717,spatial", "unknown COW code" },
        { "rivalries", "rivalryno,rivalryname,ccode1,ccode2,styear,endyear,type1", "1,USA-USSR,2,365,1991,1946,positional", "bad year range" },
        { "rivalries", "rivalryno,rivalryname,ccode1,ccode2,styear,endyear,type1", "1,USA-USSR,2,365,1946", "wrong column count" },
        { "cow-nmc", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc", "2,1945,9e+07,12123,72304,1219068,139928,39100,0.38.3", "bad number" },
        { "cow-nmc", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc", "9999,1945,9e+07,12123,72304,1219068,139928,39100,0.38", "unknown COW code" },
        { "cow-nmc", "ccode,year,milex,milper,irst,pec,tpop,upop,cinc", "2,1945,9e+07,12123,72304,1219068,139928,39100", "wrong column count" },
        { "cow-alliances", "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente", "2,365,1962,0,2,0,0", "bad number" },
        { "cow-alliances", "ccode1,ccode2,year,cow_defense,cow_neutral,cow_nonagg,cow_entente", "2,3666,1962,0,1,0,0", "unknown COW code" },
        { "atop", "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul", "2,365,1962,0,0,0,0", "wrong column count" },
        { "atop", "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul", "2,365,196x,0,0,0,0,1", "bad year" },
        { "cow-mid", "dispnum,ccode1,ccode2,year,fatality1,hostlev1", "26,2,365,1948,0,9", "bad number" },
        { "cow-mid", "dispnum,ccode1,ccode2,year,fatality1,hostlev1", "26,2,3650,1948,0,4", "unknown COW code" },
        { "cow-mid", "dispnum,ccode1,ccode2,year,fatality1,hostlev1", "26,2,365,1948,0,4,4", "wrong column count" },
        { "unga", "year,ccode,IdealPointAll,USAgree,RUSSAgree,ChinaAgree", "1946,2,1.67,1,0.2x,NA", "bad number" },
        { "unga", "year,ccode,IdealPointAll,USAgree,RUSSAgree,ChinaAgree", "1946,1,1.67,1,0.2,NA", "unknown COW code" },
        { "unga", "year,ccode,IdealPointAll,USAgree,RUSSAgree,ChinaAgree", "1946,2,1.67,1", "wrong column count" },
    };

    [Theory]
    [MemberData(nameof(BrokenRows))]
    public void A_broken_row_is_quarantined_with_its_reason_and_the_good_rows_are_kept(string format, string header, string broken, string reason)
    {
        var good = format switch
        {
            "sipri" => "North Korea,Soviet Union,1950,100,100,1950; 1951,20",
            "rivalries" => "2,USA-USSR,2,365,1946,1989,positional",
            "cow-nmc" => "365,1950,1,1,1,1,1,1,0.2",
            "cow-alliances" => "710,365,1950,1,0,0,0",
            "atop" => "710,365,1950,1,0,0,0,0",
            "cow-mid" => "27,710,2,1950,6,5",
            _ => "1950,710,0.5,0.1,0.9,1",
        };
        var path = Tmp.File(format + ".csv");
        File.WriteAllLines(path, [header, good, broken, good.Replace("1950", "1951", StringComparison.Ordinal)]);
        var reader = (IIndicatorReader)ImportFormats.Find(format)!;
        Assert.Same(reader, ImportFormats.Detect(new InputFile(path, null)));
        var summary = Import(path, reader);
        Assert.Equal(3, summary.RowsRead);
        Assert.Equal(new Dictionary<string, long> { [reason] = 1 }, summary.QuarantinedByReason);
        Assert.True(summary.Imported > 0);
        var q = File.ReadAllLines(summary.QuarantinePath!);
        Assert.Equal(2, q.Length);
        var c = q[1].Split('\t', 4);
        Assert.Equal([path, "3"], c[..2]);
        Assert.StartsWith(reason + ": ", c[2], StringComparison.Ordinal);
        Assert.Equal(broken, c[3]);
    }

    [Fact]
    public void A_file_lacking_the_format_columns_fails_with_every_missing_column_named()
    {
        var path = Tmp.File("x.csv");
        File.WriteAllLines(path, ["ccode,year", "2,1945"]);
        var e = Assert.Throws<DataException>(() => Import(path, CowNmcReader.Instance));
        Assert.Contains("not a cow-nmc file: the header lacks 'cinc'", e.Message, StringComparison.Ordinal);
        Assert.Empty(Store.Rows("SELECT * FROM import_files"));
    }

    [Fact]
    public void A_latin1_sipri_export_is_read_as_latin1()
    {
        var path = Tmp.File("latin1.csv");
        var text = "Recipient,Supplier,Year of order,Number ordered,Number delivered,Year(s) of delivery,SIPRI TIV of delivered weapons,Comments\n"
            + "North Korea,China,1956?,(100),100,1958; 1959?,100,Mod\u00e8le export\u00e9\n";
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));
        var summary = Import(path, SipriReader.Instance);
        Assert.Equal(0, summary.Quarantined);
        var stored = Stored("sipri");
        Assert.Equal(100, stored["arms.ordered_units|CHN|PRK|1956"]);
        Assert.Equal(50, stored["arms.tiv_delivered|CHN|PRK|1959"]);
        var notes = Store.Rows("SELECT name, note FROM indicators WHERE year = 1959 ORDER BY name").Select(r => (string)r[1]!).ToList();
        Assert.All(notes, n => Assert.Contains("uncertain (?) on lines 2", n, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sipri_trade_register_prk_imports.csv", "sipri")]
    [InlineData("td_rivalries_thompson_dreyer2012.csv", "rivalries")]
    [InlineData("tss_rivalries_thompson_sakuwa_suhas2021.csv", "rivalries")]
    [InlineData("cow_nmc_focal_1945plus.csv", "cow-nmc")]
    [InlineData("cow_alliance_v4.1_focal_dyadyears.csv", "cow-alliances")]
    [InlineData("atop_alliance_focal_dyadyears.csv", "atop")]
    [InlineData("cow_mid_dirdisps_focal.csv", "cow-mid")]
    [InlineData("gml_mid_dirdisp_focal.csv", "cow-mid")]
    [InlineData("unga_idealpoints_voeten_Jun2024_focal.csv", "unga")]
    public void Structural_formats_are_detected_from_the_header(string file, string format) =>
        Assert.Equal(format, ImportFormats.Detect(new InputFile(Structural(file), null))?.Format);
}
