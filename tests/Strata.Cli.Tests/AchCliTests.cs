using System.Globalization;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>'strata ach run' end to end on the shipped case and on a broken file.</summary>
public sealed class AchCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static string ShippedCase => Path.Combine(TestPaths.DataRoot, "ach", "strain-2023-2025.yaml");

    private static DateOnly Day(JsonElement e, string name) => DateOnly.ParseExact(e.GetProperty(name).GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public void The_shipped_case_as_json_ranks_by_normalised_inconsistency_and_computes_the_treaty_timing_by_the_rule()
    {
        var r = _cli.Run("ach", "run", ShippedCase, "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var root = json.RootElement;

        var hypotheses = root.GetProperty("hypotheses").EnumerateArray().ToList();
        Assert.Equal(3, hypotheses.Count);
        // The ranking follows the normalised scores printed beside it.
        var ranked = root.GetProperty("ranking").EnumerateArray().Select(x => x.GetString()!).ToList();
        var normalised = ranked.Select(id => hypotheses.Single(h => h.GetProperty("id").GetString() == id).GetProperty("normalised").GetDouble()).ToList();
        Assert.Equal(normalised.Order(), normalised);

        // The treaty row is computed from the onset found in the data, and its rating is the rule applied to the dates shown.
        var timing = root.GetProperty("timing").EnumerateArray().ToList();
        var treaty = timing.Single(t => t.GetProperty("id").GetString() == "t-h2-treaty");
        Assert.Equal("h2-treaty", treaty.GetProperty("hypothesis").GetString());
        Assert.Equal("2024-06-19", treaty.GetProperty("cause").GetProperty("date").GetString());
        var onset = treaty.GetProperty("onset");
        Assert.NotEqual(JsonValueKind.Null, onset.GetProperty("interval_start").ValueKind);
        var (from, to) = (Day(onset, "interval_start"), Day(onset, "interval_end"));
        var cause = new DateOnly(2024, 6, 19);
        var expected = cause < from ? "C" : cause > to ? "II" : "N";
        Assert.Equal(expected, treaty.GetProperty("computed").GetString());
        Assert.Equal(expected, treaty.GetProperty("rating").GetString());

        // The row in the matrix carries the computed cell for h2 and NA for the readings that do not state the link.
        var row = root.GetProperty("evidence").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "t-h2-treaty");
        Assert.True(row.GetProperty("computed").GetBoolean());
        Assert.Equal(expected, row.GetProperty("cells").GetProperty("h2-treaty").GetProperty("computed").GetString());
        Assert.Equal("NA", row.GetProperty("cells").GetProperty("h1-us-china").GetProperty("rating").GetString());

        // The analyst's override keeps the computed rating and the reason.
        var newPath = timing.Single(t => t.GetProperty("id").GetString() == "t-h3-new-path");
        Assert.Equal("N", newPath.GetProperty("rating").GetString());
        Assert.StartsWith("the order is right", newPath.GetProperty("override_reason").GetString(), StringComparison.Ordinal);

        var sensitivity = root.GetProperty("sensitivity");
        Assert.True(sensitivity.GetProperty("changes_tried").GetInt32() > 0);
    }

    [Fact]
    public void Table_and_markdown_show_matrix_sensitivity_and_timing_working()
    {
        var table = _cli.Run("ach", "run", "strain-2023-2025");
        Assert.Equal(0, table.ExitCode);
        foreach (var text in new[] { "Ranking (least inconsistent first)", "Matrix", "Sensitivity", "Timing t-h2-treaty", "onset: ", "rule: ", "override: N instead of C" })
        {
            Assert.Contains(text, table.Stdout, StringComparison.Ordinal);
        }

        var outFile = _cli.File("ach.md");
        var md = _cli.Run("ach", "run", ShippedCase, "--format", "markdown", "--out", outFile);
        Assert.Equal(0, md.ExitCode);
        Assert.Contains("written to", md.Stdout, StringComparison.Ordinal);
        var written = File.ReadAllText(outFile);
        foreach (var section in new[] { "## Ranking", "## Matrix", "## Sensitivity", "## Timing checks", "## Evidence and reasons" })
        {
            Assert.Contains(section, written, StringComparison.Ordinal);
        }
        Assert.Contains("| `t-h2-treaty`", written, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_case_exits_1_listing_every_problem_and_a_missing_file_exits_2()
    {
        var broken = TestPaths.Corpus("ach", "broken.yaml");
        var expected = File.ReadAllLines(TestPaths.Corpus("ach", "broken.expected")).Count(l => l.Length > 0);
        var r = _cli.Run("ach", "run", broken);
        Assert.Equal(1, r.ExitCode);
        var lines = r.StderrLines;
        Assert.Equal(expected, lines.Count(l => l.Contains("broken.yaml:", StringComparison.Ordinal)));
        Assert.EndsWith($"has {expected} problem(s)", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);

        // 'strata validate' recognises a case file and reports the same problems; the bundled data folder's cases pass.
        var validate = _cli.Run("validate", broken);
        Assert.Equal(1, validate.ExitCode);
        Assert.Equal(expected, validate.StderrLines.Count(l => l.Contains("broken.yaml:", StringComparison.Ordinal)));
        var bundled = _cli.Run("validate");
        Assert.Equal(0, bundled.ExitCode);
        Assert.Matches(@"; \d+ ACH case file\(s\);", bundled.Stdout);

        var missing = _cli.Run("ach", "run", "no/such/case.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no such file: no/such/case.yaml (bundled cases: ", missing.Stderr, StringComparison.Ordinal);
        Assert.Contains("strain-2023-2025", missing.Stderr, StringComparison.Ordinal);
    }
}
