using System.Globalization;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The GDELT 2.0 mentions table, from the re-exported sample and as a raw tab-separated file.</summary>
public sealed class MentionImportTests : StoreTestBase
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private readonly MentionImporter _importer;

    public MentionImportTests()
    {
        _importer = new MentionImporter(Store);
    }


    private static string Sample => TestPaths.SharedData("gdelt", "gdelt2-mentions-sample-reexported.csv");

    private ImportSummary Import(string path, string dataset = "gdelt2-mentions") =>
        _importer.Import(new InputFile(path, null), MentionReader.Instance, new ImportOptions { Dataset = dataset, QuarantineFolder = Tmp.File("quarantine") });

    /// <summary>Per source name: mentions and the sum of confidence, as stored.</summary>
    private Dictionary<string, (long N, long Confidence)> Stored(string dataset) =>
        Store.Rows("SELECT coalesce(source_name, ''), count(*), CAST(sum(confidence) AS BIGINT) FROM event_mentions WHERE dataset = $1 GROUP BY 1", dataset)
            .ToDictionary(r => (string)r[0]!, r => (Convert.ToInt64(r[1], Inv), Convert.ToInt64(r[2], Inv)));

    /// <summary>A plain CSV split: double quotes around fields (pandas quotes the URLs holding commas), no quotes inside them.</summary>
    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
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

    [Fact]
    public void The_reexported_sample_matches_an_independent_count_per_source()
    {
        var summary = Import(Sample);
        var lines = File.ReadAllLines(Sample).Skip(1).ToList();
        Assert.Equal(1635, lines.Count);
        Assert.Equal(1635, summary.RowsRead);
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(lines.Distinct(StringComparer.Ordinal).Count(), summary.Imported);
        Assert.Equal(32, lines.Count(l => l.Contains('"', StringComparison.Ordinal)));
        var expected = lines.Select(SplitCsv).GroupBy(c => c[4]).ToDictionary(g => g.Key, g => ((long)g.Count(), g.Sum(c => long.Parse(c[11], Inv))));
        Assert.Equal(expected.OrderBy(p => p.Key, StringComparer.Ordinal), Stored("gdelt2-mentions").OrderBy(p => p.Key, StringComparer.Ordinal));
        var first = Store.Rows("SELECT global_event_id, event_time, mention_time, mention_type, sentence_id, in_raw_text, doc_length, doc_tone, translation, line FROM event_mentions ORDER BY line LIMIT 1")[0];
        Assert.Equal([555924816L, new DateTime(2016, 7, 1, 21, 0, 0), new DateTime(2017, 7, 1, 23, 45, 0), (sbyte)1, 4, true, 2579, 0.83565459610028, "srclc:ara;eng:GT-ARA 1.0", 2L], first);
        Assert.True(Import(Sample).Skipped);
    }

    [Fact]
    public void A_raw_tab_separated_mentions_fileStores_the_same_rows()
    {
        var raw = Tmp.File("20170701234500.mentions.CSV");
        File.WriteAllLines(raw, File.ReadAllLines(Sample).Skip(1).Select(l => string.Join('\t', SplitCsv(l))));
        Assert.Same(MentionReader.Instance, ImportFormats.Detect(new InputFile(raw, null)));
        Assert.Same(MentionReader.Instance, ImportFormats.Detect(new InputFile(Sample, null)));
        Import(Sample, "csv");
        var summary = Import(raw, "raw");
        Assert.Equal(0, summary.Quarantined);
        Assert.Equal(Stored("csv"), Stored("raw"));
    }

    [Fact]
    public void Broken_mentions_are_quarantined_with_their_reasons()
    {
        var lines = File.ReadAllLines(Sample);
        string Set(string line, int field, string value)
        {
            var c = SplitCsv(line);
            c[field] = value;
            return string.Join(',', c);
        }
        var path = Tmp.File("broken.csv");
        File.WriteAllLines(path,
        [
            lines[0], lines[1],
            Set(lines[2], 11, "150"),
            Set(lines[3], 2, "2017070125"),
            string.Join(',', SplitCsv(lines[4])[..10]),
            Set(lines[5], 0, "x1"),
            Set(lines[6], 13, "warm"),
        ]);
        var summary = Import(path);
        Assert.Equal(6, summary.RowsRead);
        Assert.Equal(1, summary.Imported);
        Assert.Equal(new Dictionary<string, long> { ["bad number"] = 2, ["bad date"] = 1, ["wrong column count"] = 1, ["bad id"] = 1 }, summary.QuarantinedByReason);
        var q = File.ReadAllLines(summary.QuarantinePath!).Skip(1).Select(l => l.Split('\t', 4)).ToDictionary(c => c[1], c => c[2]);
        Assert.Equal("bad number: Confidence '150' is not a whole number from 0 to 100", q["3"]);
        Assert.StartsWith("bad date: MentionTimeDate '2017070125'", q["4"], StringComparison.Ordinal);
    }
}
