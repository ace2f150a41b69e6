using System.Text.Json;
using System.Xml.Linq;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>'strata triangle' run as a process on the bundled chronology.</summary>
public sealed class TriangleCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertUsageError(CliResult r, string contains)
    {
        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.StderrLines, l => l.StartsWith("strata: error:", StringComparison.Ordinal));
        Assert.Contains(contains, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_shows_each_observed_year_with_ties_configuration_probabilities_and_fissure()
    {
        var r = _cli.Run("triangle", "PRK", "CHN", "RUS", "--by", "year");
        Assert.Equal(0, r.ExitCode);
        foreach (var column in new[] { "PRK–CHN", "PRK–RUS", "CHN–RUS", "configuration", "P: MàT / RT / SM / UV", "P(PRK pivot)", "fissure" })
        {
            Assert.Contains(column, r.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("neutral zone [-0.5, 0.5] (derived: ±0.5 × median |score|", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+2001\s+\+1\.00 \+ \(2\)\s+\+1\.00 \+ \(2\)\s+\+1\.00 \+ \(1\)\s+ménage à trois\s", r.Stdout);
        Assert.Contains("fissure = hostility CHN–RUS × PRK's room with both", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"81 periods, \d+ with all three ties observed, \d+ determined: ", r.Stdout);
    }

    [Fact]
    public void Csv_and_json_carry_every_period_and_the_same_numbers()
    {
        var csv = _cli.Run("triangle", "USA", "CHN", "RUS", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("period,start,end,USA_CHN_score,", lines[0], StringComparison.Ordinal);
        Assert.Equal(82, lines.Length); // 1945–2025 and the header
        var y1979 = lines.Single(l => l.StartsWith("1979,", StringComparison.Ordinal));
        Assert.Contains(",romantic_triangle,true,pivot,wing,wing,", y1979, StringComparison.Ordinal);

        var json = _cli.Run("triangle", "USA", "CHN", "RUS", "--format", "json", "--client", "rus");
        Assert.Equal(0, json.ExitCode);
        using var doc = JsonDocument.Parse(json.Stdout);
        var root = doc.RootElement;
        Assert.Equal("RUS", root.GetProperty("client").GetString());
        Assert.Contains("derived", root.GetProperty("neutral_zone").GetProperty("derivation").GetString(), StringComparison.Ordinal);
        var p1979 = root.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "1979");
        Assert.Equal("romantic triangle: USA pivot; CHN, RUS wings", p1979.GetProperty("configuration").GetProperty("description").GetString());
        // RUS as client: USA and CHN are friends, so there is no split between them to exploit.
        Assert.Equal(0, p1979.GetProperty("fissure").GetDouble());
    }

    [Fact]
    public void Options_narrow_the_span_set_the_zone_pool_periods_and_write_files()
    {
        var narrow = _cli.Run("triangle", "PRK", "CHN", "RUS", "--from", "1960", "--to", "1969", "--format", "csv");
        Assert.Equal(0, narrow.ExitCode);
        var rows = narrow.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Equal(Enumerable.Range(1960, 10).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), rows.Select(r => r.Split(',')[0]));

        var given = _cli.Run("triangle", "PRK", "CHN", "RUS", "--neutral", "0.2", "--window", "3", "--by", "quarter", "--from", "2023", "--to", "2025");
        Assert.Equal(0, given.ExitCode);
        Assert.Contains("2024-Q2", given.Stdout, StringComparison.Ordinal);
        Assert.Contains("ties pooled over 3 periods", given.Stdout, StringComparison.Ordinal);
        Assert.Contains("[-0.2, 0.2] (given: ±0.2)", given.Stdout, StringComparison.Ordinal);

        var chart = _cli.File("t.svg");
        var json = _cli.File("t.json");
        var r = _cli.Run("triangle", "PRK", "CHN", "RUS", "--out", json, "--chart", chart);
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("81 periods written to ", r.Stdout, StringComparison.Ordinal);
        var svg = XDocument.Load(chart);
        Assert.Equal("Strategic triangle PRK–CHN–RUS by year", svg.Root!.Element(XName.Get("title", "http://www.w3.org/2000/svg"))!.Value);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        Assert.Equal(81, doc.RootElement.GetProperty("periods").GetArrayLength());
    }

    [Fact]
    public void Imported_event_data_give_a_triangle_of_their_own_with_a_zone_fitted_to_their_scores()
    {
        Assert.Equal(0, _cli.Run("import", "icews", TestPaths.SharedData("icews", "events.2018.sample.tab")).ExitCode);
        var r = _cli.Run("triangle", "USA", "CHN", "RUS", "--dataset", "icews", "--by", "month", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var zone = doc.RootElement.GetProperty("neutral_zone");
        // The sample's three monthly scores are all positive and weaker than the chronology's ±1: the zone narrows.
        Assert.True(zone.GetProperty("upper").GetDouble() is > 0 and < 0.5);
        var june = doc.RootElement.GetProperty("periods").EnumerateArray().Single(p => p.GetProperty("period").GetString() == "2018-06");
        Assert.All(june.GetProperty("ties").EnumerateArray(), t => Assert.True(t.GetProperty("events").GetDouble() >= 1));
        Assert.Equal("menage_a_trois", june.GetProperty("configuration").GetProperty("kind").GetString());
    }

    [Fact]
    public void Mistakes_are_one_line_usage_errors_and_help_teaches_the_command()
    {
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "prk"), "a triangle needs three different actors");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--neutral", "0.7:0.1"), "--neutral: expected");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--neutral", "x"), "--neutral: expected");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--client", "USA"), "--client: USA is not one of PRK, CHN, RUS");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--window", "0"), "--window must be at least 1");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--out", _cli.File("x.txt")), "--out: write .csv or .json");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--dataset", "nothing"), "no events in nothing");
        AssertUsageError(_cli.Run("triangle", "PRK", "CHN", "RUS", "--from", "2020", "--to", "2010"), "--from is after --to");
        Assert.Equal(2, _cli.Run("triangle", "PRK", "CHN").ExitCode);

        var unknown = _cli.Run("triangle", "PRK", "CHN", "XYZ");
        Assert.Equal(0, unknown.ExitCode);
        Assert.Contains("warning: XYZ is not a known actor", unknown.Stderr, StringComparison.Ordinal);

        var help = _cli.Run("triangle", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var text in new[] { "--by", "--from", "--to", "--neutral", "--neutral-factor", "--window", "--client", "--dataset", "--format", "--out", "--chart", "triangle PRK CHN RUS --by year", "median |score|" })
        {
            Assert.Contains(text, help.Stdout, StringComparison.Ordinal);
        }
        Assert.Contains("triangle", _cli.Run("--help").Stdout, StringComparison.Ordinal);
    }
}
