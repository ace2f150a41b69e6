using System.Globalization;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata indicators build</c> and <c>show</c>, and <c>validate</c> on indicator files, run as a user runs them.</summary>
public sealed class IndicatorsCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Dictionary<string, string> CsvByYear(string csv, string yearColumn, string valueColumn)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        int y = Array.IndexOf(header, yearColumn), v = Array.IndexOf(header, valueColumn);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(f => f[y], f => f[v]);
    }

    [Fact]
    public void Help_teaches_the_options_their_defaults_and_examples()
    {
        var build = _cli.Run("indicators", "build", "--help");
        Assert.Equal(0, build.ExitCode);
        foreach (var text in new[] { "--actors", "USA,RUS,CHN,PRK,KOR,JPN", "--from", "1945", "--to", "2025", "--out", ".parquet", "--format", "--share-among", "--no-store", "EXAMPLES" })
        {
            Assert.Contains(text, build.Stdout, StringComparison.Ordinal);
        }
        var show = _cli.Run("indicators", "show", "--help");
        Assert.Contains("--pair", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("rivalry.any", show.Stdout, StringComparison.Ordinal);
        Assert.Contains("indicators", _cli.Run("--help").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_with_imports_stores_the_panel_and_show_prints_a_series_with_its_sources()
    {
        var structural = TestPaths.SharedData("structural");
        Assert.Equal(0, _cli.Run("import", "rivalries", Path.Combine(structural, "td_rivalries_thompson_dreyer2012.csv")).ExitCode);
        Assert.Equal(0, _cli.Run("import", Path.Combine(structural, "cow_nmc_focal_1945plus.csv")).ExitCode);
        Assert.Equal(0, _cli.Run("import", Path.Combine(structural, "cow_alliance_v4.1_focal_dyadyears.csv")).ExitCode);

        var r = _cli.Run("indicators", "build");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("values per indicator and source", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("coverage by year", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("Disagreements:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("stored in", r.Stderr, StringComparison.Ordinal);

        var show = _cli.Run("indicators", "show", "rivalry.any", "--pair", "USA-RUS", "--format", "csv");
        Assert.Equal(0, show.ExitCode);
        var years = CsvByYear(show.Stdout, "year", "value");
        Assert.Equal("1", years["1989"]);
        Assert.Equal("0", years["1990"]);
        Assert.False(years.ContainsKey("2021")); // no rivalry list covers 2021
        var table = _cli.Run("indicators", "show", "nmc.cinc", "--actor", "CHN");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("0.119272", table.Stdout, StringComparison.Ordinal); // China, 1960
        var cinc = _cli.Run("indicators", "show", "nmc.cinc", "--actor", "CHN", "--format", "json");
        using (var values = JsonDocument.Parse(cinc.Stdout))
        {
            var y1960 = values.RootElement.EnumerateArray().Single(v => v.GetProperty("year").GetInt32() == 1960);
            Assert.Equal(0.11927237, y1960.GetProperty("value").GetDouble(), 8);
            Assert.Equal("cow-nmc", y1960.GetProperty("origin").GetString());
            Assert.Matches(@"cow_nmc_focal_1945plus\.csv:\d+ \[cow-nmc\]$", y1960.GetProperty("source").GetString());
        }

        // The COW alliance file does not list the Soviet-DPRK alliance in 1996; the bundled treaty fact does.
        var json = _cli.Run("indicators", "build", "--format", "json", "--no-store");
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("disagreements").EnumerateArray(), d =>
            d.GetProperty("indicator").GetString() == "alliance.defense" && d.GetProperty("actor_a").GetString() == "PRK"
            && d.GetProperty("year").GetInt32() == 1996 && d.GetProperty("kind").GetString() == "absent-from-import"
            && d.GetProperty("other_origin").GetString() == "cow-alliances");
    }

    [Fact]
    public void Event_scores_equal_the_series_command_and_the_panel_can_be_written_to_a_file()
    {
        var build = _cli.Run("indicators", "build", "--actors", "PRK,CHN,RUS", "--from", "1950", "--to", "2025", "--out", _cli.File("panel.csv"));
        Assert.Equal(0, build.ExitCode);
        var series = CsvByYear(_cli.Run("series", "--dyad", "PRK-CHN", "--by", "year", "--measure", "netcoop", "--format", "csv").Stdout, "period", "value");
        var panel = CsvByYear(_cli.Run("indicators", "show", "events.netcoop", "--pair", "PRK-CHN", "--format", "csv").Stdout, "year", "value");
        var compared = 0;
        foreach (var (year, value) in series.Where(s => int.Parse(s.Key, CultureInfo.InvariantCulture) >= 1950))
        {
            if (value.Length == 0)
            {
                Assert.False(panel.ContainsKey(year), $"{year} has no events, so no net cooperation");
                continue;
            }
            Assert.Equal(double.Parse(value, CultureInfo.InvariantCulture), double.Parse(panel[year], CultureInfo.InvariantCulture), 6);
            compared++;
        }
        Assert.True(compared > 30);
        var written = File.ReadAllLines(_cli.File("panel.csv"));
        Assert.Equal("name,actor_a,actor_b,year,value,origin,source", written[0]);
        Assert.Contains(written, l => l.StartsWith("alliance.defense,CHN,PRK,1961,1,bundled,", StringComparison.Ordinal));
        Assert.DoesNotContain(written, l => l.Contains(",USA,", StringComparison.Ordinal));
    }

    [Fact]
    public void Mistakes_are_clear_errors()
    {
        var show = _cli.Run("indicators", "show", "rivalry.any");
        Assert.Equal(1, show.ExitCode);
        Assert.Contains("no panel in the store", show.Stderr, StringComparison.Ordinal);
        var unknown = _cli.Run("indicators", "build", "--actors", "USA,XYZ");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown actor(s) XYZ", unknown.Stderr, StringComparison.Ordinal);
        var years = _cli.Run("indicators", "build", "--from", "2000", "--to", "1990");
        Assert.Equal(2, years.ExitCode);
        Assert.Contains("--from (2000) is after --to (1990)", years.Stderr, StringComparison.Ordinal);
        var share = _cli.Run("indicators", "build", "--actors", "USA,RUS", "--share-among", "CHN");
        Assert.Equal(2, share.ExitCode);
        Assert.DoesNotContain("   at ", share.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_problem_of_an_indicator_file()
    {
        var r = _cli.Run("validate", TestPaths.Corpus("broken-indicators", "fields.yaml"));
        Assert.Equal(1, r.ExitCode);
        var expected = File.ReadAllLines(TestPaths.Corpus("broken-indicators", "fields.expected")).Where(l => l.Length > 0).ToList();
        var lines = r.StderrLines.Where(l => !l.StartsWith("strata:", StringComparison.Ordinal)).Select(l => l[(l.IndexOf(".yaml:", StringComparison.Ordinal) + 6)..]).ToList();
        Assert.Equal(expected, lines);
        var ok = _cli.Run("validate", Path.Combine(TestPaths.DataRoot, "indicators"));
        Assert.Equal(0, ok.ExitCode);
        Assert.Matches(@"^ok: \d+ indicator facts in 3 file\(s\)", ok.Stdout);
    }
}
