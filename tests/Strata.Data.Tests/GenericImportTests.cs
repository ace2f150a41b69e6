using System.Globalization;
using System.Text;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The generic CSV/TSV importer driven by a mapping file, checked against plain loops over the same files.</summary>
public sealed class GenericImportTests : StoreTestBase
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly EventImporter _importer;

    public GenericImportTests()
    {
        _importer = new EventImporter(Store, Fixtures.Reference);
    }


    private static string RFile => TestPaths.SharedData("gdelt", "gdelt1-aug2012-rewritten-by-R.csv");

    private static GenericMapping ShippedMapping => GenericMapping.Load(Path.Combine(TestPaths.DataRoot, "mappings", "gdelt1-csv.yaml"));

    private ImportSummary Import(string path, GenericMapping mapping, string dataset = "generic") =>
        _importer.Import(new InputFile(path, null), new GenericReader(mapping), new ImportOptions { Dataset = dataset, QuarantineFolder = Tmp.File("quarantine"), BatchSize = 100 });

    private Dictionary<string, (long N, double Mean)> StoredCells(string dataset) =>
        Store.Rows("""
            SELECT coalesce(source, '') || '|' || coalesce(target, '') || '|' || strftime(event_date, '%Y-%m'), count(*), avg(goldstein)
            FROM imported_events WHERE dataset = $1 GROUP BY 1
            """, dataset)
            .ToDictionary(r => (string)r[0]!, r => (Convert.ToInt64(r[1], Inv), (double)r[2]!));

    /// <summary>A plain split of one R CSV line: fields in double quotes or bare, no quotes inside fields.</summary>
    private static string[] SplitCsv(string line)
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

    private static string Actor(string code) =>
        code is "NA" or "" ? "" : Fixtures.Reference.Actors.Resolve(CodeSystem.Cameo, code)?.Code ?? code;

    [Fact]
    public void The_R_rewritten_gdelt_file_through_the_shipped_mapping_matches_an_independent_count_per_dyad_and_month()
    {
        var summary = Import(RFile, ShippedMapping);
        var lines = File.ReadAllLines(RFile);
        var header = SplitCsv(lines[0]);
        int Col(string name) => Array.IndexOf(header, name);
        var cells = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        foreach (var line in lines.Skip(1))
        {
            var c = SplitCsv(line);
            var key = $"{Actor(c[Col("Actor1CountryCode")])}|{Actor(c[Col("Actor2CountryCode")])}|{c[Col("SQLDATE")][..4]}-{c[Col("SQLDATE")][4..6]}";
            if (!cells.TryGetValue(key, out var list))
            {
                cells[key] = list = [];
            }
            list.Add(double.Parse(c[Col("GoldsteinScale")], Inv));
        }
        Assert.Equal(1255, lines.Length - 1);
        Assert.Equal(1255, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(1255, summary.Imported + summary.Duplicates);
        var stored = StoredCells("generic");
        Assert.Equal(cells.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, values) in cells)
        {
            Assert.Equal(values.Count, stored[key].N);
            Assert.Equal(values.Average(), stored[key].Mean, 9);
        }
        // The file kept its codes as text: they are stored with their leading zeros, as GDELT wrote them.
        var codes = Store.Rows("SELECT cameo, count(*) FROM imported_events GROUP BY 1").ToDictionary(r => (string)r[0]!, r => Convert.ToInt64(r[1], Inv));
        Assert.Equal(144, codes["040"]);
        Assert.Equal(137, codes["010"]);
        Assert.Equal(lines.Skip(1).Select(l => SplitCsv(l)[Col("EventCode")]).GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count()), codes);
        Assert.Equal(178, stored.Where(c => c.Key.StartsWith("USA|", StringComparison.Ordinal)).Sum(c => c.Value.N));
    }

    [Fact]
    public void Codes_that_lost_their_leading_zeros_are_restored()
    {
        // The same rows as R writes them when EventCode was read as an integer: 040 → 40, 0211 → 211.
        var lines = File.ReadAllLines(RFile);
        var header = SplitCsv(lines[0]);
        var code = Array.IndexOf(header, "EventCode");
        var integers = Tmp.File("integer-codes.csv");
        File.WriteAllLines(integers, lines.Take(1).Concat(lines.Skip(1).Select(l =>
        {
            var c = SplitCsv(l).Select(f => f.Contains(',', StringComparison.Ordinal) ? $"\"{f}\"" : f).ToArray();
            c[code] = int.Parse(c[code], Inv).ToString(Inv);
            return string.Join(',', c);
        })));
        Assert.Contains(File.ReadLines(integers).Skip(1), l => SplitCsv(l)[code] == "40");
        Import(RFile, ShippedMapping, "text");
        var summary = Import(integers, ShippedMapping, "integers");
        Assert.Equal(0, summary.Quarantined);
        string Codes(string dataset) => string.Join(",", Store.Rows("SELECT cameo FROM imported_events WHERE dataset = $1 ORDER BY line", dataset).Select(r => (string)r[0]!));
        Assert.Equal(Codes("text"), Codes("integers"));

        var without = Import(integers, ShippedMapping with { RestoreLeadingZeros = false, Hash = "no-restore" }, "unrestored");
        Assert.True(without.QuarantinedByReason["unknown event code"] > 0);
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("10", "010")]
    [InlineData("40", "040")]
    [InlineData("211", "0211")]
    [InlineData("190", "190")]
    [InlineData("1041", "1041")]
    public void Leading_zeros_are_restored_to_three_or_four_digits(string written, string code) =>
        Assert.Equal(code == "1" ? null : code, GenericReader.FindCode(Fixtures.Reference.Codebook, written, restore: true)?.Code.Value);

    [Fact]
    public void A_headerless_tsv_with_numbered_columns_cow_actors_and_broken_rows()
    {
        var mappingPath = Tmp.File("cow.yaml");
        File.WriteAllText(mappingPath, """
            delimiter: tab
            header: false
            quote: none
            na: ["", "-"]
            unknown_actors: quarantine
            columns:
              id: 1
              date: { column: 2, format: dd/MM/yyyy }
              source: { column: 3, codes: cow }
              target: { column: 4, codes: cow }
              cameo: 5
              goldstein: 6
              mentions: 7
            """);
        var data = Tmp.File("events.tsv");
        string[] rows =
        [
            "a1\t27/07/2023\t731\t365\t042\t1.9\t3",
            "a2\t27/07/2023\t365\t731\t057\t-\t",
            "a3\t31/02/2023\t731\t710\t042\t1.9\t3",
            "a4\t28/07/2023\t731\t9999\t042\t1.9\t3",
            "a5\t28/07/2023\t731\t710\t042\tstrong\t3",
            "a6\t28/07/2023\t731\t710\t042\t1.9",
            "a7\t28/07/2023\t731\t710\t13y\t1.9\t3",
            "a8\t28/07/2023\t731\t2\t112\t-2\t1.5",
        ];
        File.WriteAllLines(data, rows);
        var summary = Import(data, GenericMapping.Load(mappingPath));
        Assert.Equal(8, summary.RowsRead);
        Assert.Equal(2, summary.Imported);
        Assert.Equal(new Dictionary<string, long>
        {
            ["bad date"] = 1,
            ["unknown actor"] = 1,
            ["bad number"] = 2,
            ["wrong column count"] = 1,
            ["unknown event code"] = 1,
        }, summary.QuarantinedByReason);
        var q = File.ReadAllLines(summary.QuarantinePath!).Skip(1).Select(l => l.Split('\t', 4)).ToDictionary(c => c[1], c => c);
        Assert.StartsWith("unknown actor: '9999' is not a COW code", q["4"][2], StringComparison.Ordinal);
        Assert.StartsWith("bad number: column 6 'strong'", q["5"][2], StringComparison.Ordinal);
        Assert.Equal(rows[5], q["6"][3]);
        var stored = Store.Rows("SELECT source_id, source, target, cameo, goldstein, mentions, line FROM imported_events ORDER BY line");
        Assert.Equal(["a1", "PRK", "RUS", "042", 1.9, 3, 1L], stored[0]);
        // No Goldstein score in the file: the codebook's for 057 (sign formal agreement) is used.
        Assert.Equal(["a2", "RUS", "PRK", "057", 8.0, null, 2L], stored[1]);
    }

    [Fact]
    public void Every_problem_of_a_mapping_is_reported_with_its_line()
    {
        var path = Tmp.File("bad.yaml");
        File.WriteAllText(path, """
            delimiter: ab
            header: maybe
            columns:
              date: { column: SQLDATE, format: qq }
              source: { column: Actor1CountryCode, codes: klingon }
              colour: 3
            """);
        var e = Assert.Throws<DataException>(() => GenericMapping.Load(path));
        var messages = e.Issues.Select(i => $"{i.Line}: {i.Field}: {i.Message}").ToList();
        Assert.Contains("1: delimiter: expected one character, or 'tab', got 'ab'", messages);
        Assert.Contains("2: header: expected true or false, got 'maybe'", messages);
        Assert.Contains(messages, m => m.StartsWith("4: columns.date.format: 'qq' is not a date format", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("5: columns.source.codes: expected one of cameo, iso3, cow, icews, strata", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.StartsWith("6: columns.colour: unknown field", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains(": columns.cameo: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_mapping_naming_columns_the_file_lacks_fails_the_file_with_each_one_named()
    {
        var e = Assert.Throws<DataException>(() => Import(RFile, ShippedMapping with { Tone = new ColumnRef("Tone", null), Cameo = new ColumnRef("CAMEOCode", null) }));
        Assert.Contains("cameo (CAMEOCode), tone (Tone)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_file_through_another_mapping_is_another_import()
    {
        Assert.Equal(1255, Import(RFile, ShippedMapping).RowsRead);
        Assert.True(Import(RFile, ShippedMapping).Skipped);
        var other = Import(RFile, ShippedMapping with { Hash = "other", Goldstein = null });
        Assert.False(other.Skipped);
    }
}
