using System.Globalization;
using System.Text.Json;

namespace Strata.Cli.Tests;

/// <summary><c>strata cpd eval</c> run as a process on temporary files.</summary>
public sealed class CpdEvalCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>100 points: 40 around 0, then 60 around 5 (R's change point 40, TCPDBench's location 40).</summary>
    private string StepSeries()
    {
        var path = _cli.File("step.txt");
        File.WriteAllLines(path, Enumerable.Range(0, 100).Select(i => ((i < 40 ? 0 : 5) + (i % 2 == 0 ? 0.1 : -0.1) + (i % 7) * 0.01).ToString("R", CultureInfo.InvariantCulture)));
        return path;
    }

    [Fact]
    public void Eval_scores_the_detected_change_against_json_and_text_annotations()
    {
        var series = StepSeries();
        var json = _cli.File("annotations.json");
        File.WriteAllText(json, """{"a": [40], "b": [42]}""");
        var text = _cli.File("analyst.txt");
        File.WriteAllLines(text, ["# R convention", "40", ""]);
        var r = _cli.Run("cpd", "eval", series, "--annotations", json, "--annotations", text,
            "--method", "pelt", "--cost", "normal-mean", "--penalty", "mbic", "--format", "json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal([40], root.GetProperty("changepoints").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([40], root.GetProperty("locations").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["a", "b", "analyst"], root.GetProperty("annotations").EnumerateObject().Select(p => p.Name));
        Assert.Equal(5, root.GetProperty("margin").GetInt32());
        // 42 is within the margin of 40, but 40 is already taken by annotation 40: precision 2/2 (0 and 40), recall 1.
        Assert.Equal(1.0, root.GetProperty("f1").GetDouble());
        Assert.Equal(1.0, root.GetProperty("precision").GetDouble());
        // Annotator b's partition [0,42) [42,100) covered by [0,40) [40,100): (42·40/42 + 58·58/60)/100; a and analyst 1.
        var coverB = (42 * (40.0 / 42) + 58 * (58.0 / 60)) / 100;
        Assert.Equal((1 + coverB + 1) / 3, root.GetProperty("covering").GetDouble(), 15);

        var t = _cli.Run("cpd", "eval", series, "-a", text, "--margin", "0", "--method", "pelt", "--cost", "normal-mean");
        Assert.True(t.ExitCode == 0, t.Stderr);
        Assert.Contains("changepoints: 40", t.Stdout, StringComparison.Ordinal);
        Assert.Contains("f1: 1.0000 (precision 1.0000, recall 1.0000, margin 0)", t.Stdout, StringComparison.Ordinal);
        Assert.Contains("covering: 1.0000", t.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_with_the_default_configuration_runs()
    {
        var series = StepSeries();
        var text = _cli.File("truth.txt");
        File.WriteAllText(text, "40\n");
        var r = _cli.Run("cpd", "eval", series, "--annotations", text);
        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains("configuration: pelt normal-meanvar mbic minseg=5", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("f1: ", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_reports_bad_annotations_and_usage_mistakes()
    {
        var series = StepSeries();
        var bad = _cli.File("bad.txt");
        File.WriteAllLines(bad, ["40", "forty"]);
        var r = _cli.Run("cpd", "eval", series, "--annotations", bad);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"{bad}:2: not a change point", r.Stderr, StringComparison.Ordinal);

        var json = _cli.File("bad.json");
        File.WriteAllText(json, """{"a": [40, -3]}""");
        r = _cli.Run("cpd", "eval", series, "--annotations", json);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("a: not a location", r.Stderr, StringComparison.Ordinal);

        Assert.Equal(2, _cli.Run("cpd", "eval", series).ExitCode);
        var help = _cli.Run("cpd", "eval", "--help");
        Assert.True(help.ExitCode == 0, help.Stderr);
        Assert.Contains("--annotations", help.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, _cli.Run("cpd", "detect", "--help").ExitCode);
        Assert.Equal(2, _cli.Run("cpd", "eval", series, "--annotations", bad, "--margin", "-1").ExitCode);
        Assert.Equal(2, _cli.Run("cpd", "eval", series, "--annotations", _cli.File("missing.txt")).ExitCode);
    }
}
