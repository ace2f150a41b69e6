using System.Globalization;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata cpd detect</c> run as a process on temporary files.</summary>
public sealed class CpdCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A shared R vector written one number per line (R's answer is [80, 200, 260, 410, 500] with BIC).</summary>
    private (string Path, double[] Series, int[] RCpts) VectorFile(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(TestPaths.Shared, "testvectors", "changepoint", name + ".json")));
        var series = doc.RootElement.GetProperty("series").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var cpts = doc.RootElement.GetProperty("r_cpts").EnumerateArray().Select(v => v.GetInt32()).ToArray();
        var path = _cli.File(name + ".txt");
        File.WriteAllLines(path, series.Select(v => v.ToString("R", CultureInfo.InvariantCulture)));
        return (path, series, cpts);
    }

    [Fact]
    public void Detect_prints_R_change_points_one_per_line()
    {
        var (path, _, cpts) = VectorFile("mean_multi_bic");
        var r = _cli.Run("cpd", "detect", path, "--method", "pelt", "--cost", "normal-mean", "--penalty", "bic");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Equal(cpts.Select(c => c.ToString(CultureInfo.InvariantCulture)), r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Detect_reads_a_CSV_column_and_writes_json()
    {
        var (_, series, cpts) = VectorFile("meanvar_change");
        var csv = _cli.File("series.csv");
        File.WriteAllLines(csv, ["month,\"tone, net\",other", .. series.Select((v, i) => $"{i},{v.ToString("R", CultureInfo.InvariantCulture)},x")]);
        var r = _cli.Run("cpd", "detect", csv, "--column", "tone, net", "--cost", "normal-meanvar", "--penalty", "mbic", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(series.Length, root.GetProperty("n").GetInt32());
        Assert.Equal("pelt", root.GetProperty("method").GetString());
        Assert.Equal("normal-meanvar", root.GetProperty("cost").GetString());
        Assert.Equal("mbic", root.GetProperty("penalty").GetString());
        Assert.Equal(4 * Math.Log(series.Length), root.GetProperty("pen_value").GetDouble());
        Assert.Equal(cpts, root.GetProperty("changepoints").EnumerateArray().Select(e => e.GetInt32()));
        var segments = root.GetProperty("segments").EnumerateArray().ToList();
        Assert.Equal(cpts.Length + 1, segments.Count);
        Assert.Equal(1, segments[0].GetProperty("start").GetInt32());
        Assert.Equal(cpts[0], segments[0].GetProperty("end").GetInt32());
        Assert.Equal(series.Take(cpts[0]).Average(), segments[0].GetProperty("mean").GetDouble(), 12);
        Assert.Equal(series.Length, segments[^1].GetProperty("end").GetInt32());
    }

    [Fact]
    public void Detect_runs_every_method_and_the_bootstrap()
    {
        var (path, _, cpts) = VectorFile("mean_step_large");
        foreach (var method in new[] { "pelt", "op", "binseg", "bocpd" })
        {
            var r = _cli.Run("cpd", "detect", path, "--method", method, "--format", "json", "--bootstrap", method == "bocpd" ? "1" : "20");
            if (method == "bocpd")
            {
                Assert.Equal(0, r.ExitCode);
                using var b = JsonDocument.Parse(r.Stdout);
                Assert.Contains(b.RootElement.GetProperty("changepoints").EnumerateArray(), e => Math.Abs(e.GetInt32() - cpts[0]) <= 2);
                Assert.True(b.RootElement.GetProperty("probabilities")[0].GetDouble() > 0.5);
                continue;
            }
            Assert.True(r.ExitCode == 0, r.Stderr);
            using var doc = JsonDocument.Parse(r.Stdout);
            Assert.Equal(cpts, doc.RootElement.GetProperty("changepoints").EnumerateArray().Select(e => e.GetInt32()));
            var u = doc.RootElement.GetProperty("uncertainty")[0];
            Assert.True(u.GetProperty("strength").GetDouble() >= 0.9);
            Assert.InRange(cpts[0], u.GetProperty("lower").GetInt32(), u.GetProperty("upper").GetInt32());
        }
    }

    [Fact]
    public void A_non_number_is_a_data_error_naming_the_file_and_line()
    {
        var bad = _cli.File("bad.txt");
        File.WriteAllLines(bad, ["1.5", "2", "3", "4", "5", "6", "seven", "8"]);
        var r = _cli.Run("cpd", "detect", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{bad}:7", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("not a number: 'seven'", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"strata: error: {bad}:7: not a number", r.StderrLines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_missing_value_is_refused_with_its_line_unless_interpolation_is_asked_for()
    {
        var path = _cli.File("gap.txt");
        File.WriteAllLines(path, ["0", "0", "0", "NA", "0", "5", "5", "5", "5"]);
        var r = _cli.Run("cpd", "detect", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Equal($"strata: error: {path}:4: missing value (observation 4); fill it, or pass --missing interpolate", r.StderrLines.Single());
        var ok = _cli.Run("cpd", "detect", path, "--missing", "interpolate", "--cost", "normal-mean", "--penalty", "manual", "--pen-value", "5");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("5", ok.Stdout.Trim());
    }

    [Theory]
    [InlineData("--method", "kalman")]
    [InlineData("--cost", "gamma")]
    [InlineData("--penalty", "manual")]
    [InlineData("--format", "yaml")]
    [InlineData("--min-seg-len", "0")]
    public void Usage_mistakes_exit_2_with_one_line(string option, string value)
    {
        var path = _cli.File("s.txt");
        File.WriteAllLines(path, ["1", "2", "3", "4"]);
        var r = _cli.Run("cpd", "detect", path, option, value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.StderrLines);
        Assert.StartsWith("strata: error: ", r.StderrLines[0], StringComparison.Ordinal);
        var missing = _cli.Run("cpd", "detect", _cli.File("nope.txt"));
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public void Poisson_on_non_counts_is_a_data_error()
    {
        var path = _cli.File("rates.txt");
        File.WriteAllLines(path, ["1.5", "2", "3", "4"]);
        var r = _cli.Run("cpd", "detect", path, "--cost", "poisson");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("whole counts", r.Stderr, StringComparison.Ordinal);
    }
}
