using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary><c>strata model fit</c> and <c>strata scenario run</c> end to end, on the real structural files imported as a user would.</summary>
public sealed class ModelCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private void ImportStructural()
    {
        foreach (var f in new[] { "sipri_trade_register_prk_imports.csv", "tss_rivalries_thompson_sakuwa_suhas2021.csv", "td_rivalries_thompson_dreyer2012.csv",
            "cow_nmc_focal_1945plus.csv", "cow_alliance_v4.1_focal_dyadyears.csv" })
        {
            var r = _cli.Run("import", TestPaths.SharedData("structural", f));
            Assert.True(r.ExitCode == 0, r.Stderr);
        }
    }

    [Fact]
    public void Model_fit_reports_parameters_validation_and_phases_and_writes_json_and_a_chart()
    {
        ImportStructural();
        var r = _cli.Run("model", "fit", "--bootstrap", "50", "--format", "json", "--out", _cli.File("fit.json"), "--chart", _cli.File("fit.svg"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(_cli.File("fit.json")));
        var root = json.RootElement;
        Assert.Equal("korea", root.GetProperty("case").GetString());
        Assert.Equal("arms", root.GetProperty("outcome").GetString());
        Assert.Contains(root.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "beta");
        Assert.Equal(4, root.GetProperty("validation").EnumerateArray().Count(v => v.GetProperty("patron").GetString() == "all"));
        Assert.Equal(9, root.GetProperty("phases").GetArrayLength());
        Assert.True(root.GetProperty("capability_available").GetBoolean());
        Assert.False(root.TryGetProperty("reduced_form", out _));
        Assert.Contains(root.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "gamma");
        Assert.StartsWith("<svg", File.ReadAllText(_cli.File("fit.svg")), StringComparison.Ordinal);

        var table = _cli.Run("model", "fit", "--outcome", "aid", "--bootstrap", "20");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("outcome aid (events.support", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("China as the principal lifeline after 1991", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Capability was not available", table.Stdout + table.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void On_a_fresh_store_with_only_the_bundled_data_the_reduced_form_is_fitted_and_says_so_in_every_output()
    {
        // No import: the store holds the bundled chronology, the panel the bundled rivalries and treaties; no nmc.cinc.
        var table = _cli.Run("model", "fit", "--outcome", "aid", "--bootstrap", "20");
        Assert.True(table.ExitCode == 0, table.Stderr);
        Assert.Contains("outcome aid (events.support", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("Note: Capability was not available: the panel has no nmc.cinc value", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("strata import cow-nmc FILE", table.Stdout, StringComparison.Ordinal);
        Assert.Contains("capability   not computable: no nmc.cinc in the panel", table.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("gamma", table.Stdout, StringComparison.Ordinal);

        var json = _cli.Run("model", "fit", "--outcome", "aid", "--bootstrap", "20", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        Assert.Contains("strata: note: Capability was not available", json.Stderr, StringComparison.Ordinal);
        using (var doc = JsonDocument.Parse(json.Stdout))
        {
            var root = doc.RootElement;
            Assert.False(root.GetProperty("capability_available").GetBoolean());
            var reduced = root.GetProperty("reduced_form");
            Assert.Equal("nmc.cinc", reduced.GetProperty("indicator").GetString());
            Assert.Equal(["capability"], reduced.GetProperty("not_computable").EnumerateArray().Select(e => e.GetString()));
            Assert.Contains("strata import cow-nmc", reduced.GetProperty("remedy").GetString(), StringComparison.Ordinal);
            Assert.DoesNotContain(root.GetProperty("validation").EnumerateArray(), v => v.GetProperty("model").GetString() == "capability");
        }

        var run = _cli.Run("scenario", "run", "status-quo", "--draws", "2000", "--bootstrap", "20");
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Contains("Scenario status-quo", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("Note: Capability was not available", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(30, run.Stdout.Split('\n').Count(l => l.StartsWith("20", StringComparison.Ordinal) && l.Contains('|', StringComparison.Ordinal)));

        var decline = _cli.Run("scenario", "run", "us-decline", "--draws", "2000", "--bootstrap", "20", "--format", "json");
        Assert.True(decline.ExitCode == 0, decline.Stderr);
        using var d = JsonDocument.Parse(decline.Stdout);
        Assert.Contains("nmc.cinc USA", Assert.Single(d.RootElement.GetProperty("ignored_changes").EnumerateArray()).GetString(), StringComparison.Ordinal);
        Assert.Contains("has no effect: the model was fitted without nmc.cinc", decline.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_fit_without_imported_arms_data_says_what_is_missing_and_an_unknown_outcome_is_a_data_error()
    {
        var r = _cli.Run("model", "fit", "--bootstrap", "0", "--outcome", "arms");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the panel has no values of arms.tiv_delivered", r.Stderr, StringComparison.Ordinal);
        var bad = _cli.Run("model", "fit", "--outcome", "weapons");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("case 'korea' has no outcome 'weapons'", bad.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_run_is_deterministic_under_a_seed_and_writes_csv_and_a_chart()
    {
        ImportStructural();
        var a = _cli.Run("scenario", "run", "us-decline", "--draws", "5000", "--bootstrap", "40", "--seed", "4", "--format", "csv");
        var b = _cli.Run("scenario", "run", "us-decline", "--draws", "5000", "--bootstrap", "40", "--seed", "4", "--format", "csv", "--chart", _cli.File("s.svg"));
        Assert.True(a.ExitCode == 0, a.Stderr);
        Assert.Equal(a.Stdout, b.Stdout);
        var lines = a.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + (30 * 2), lines.Length);
        Assert.StartsWith("scenario,year,patron,mean,median,p05,p95,p_support", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("us-decline,2026,RUS,", lines[1], StringComparison.Ordinal);
        Assert.Contains("<svg", File.ReadAllText(_cli.File("s.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_scenario_file_is_a_data_error_naming_the_field_and_line()
    {
        var path = _cli.File("bad.yaml");
        File.WriteAllText(path, "id: bad\ncase: korea\nhorizon: 2030-2040\nchanges:\n  - indicator: nmc.cinc\n    actor: JPN\n    years: 2031\n");
        var r = _cli.Run("scenario", "run", path);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(r.StderrLines, l => l.EndsWith("bad.yaml:5:5: changes[0]: expected one of set, shift, scale, ramp or ramp_scale", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_teaches_options_defaults_and_examples()
    {
        var fit = _cli.Run("model", "fit", "--help");
        Assert.Contains("--bootstrap", fit.Stdout, StringComparison.Ordinal);
        Assert.Contains("default 500", fit.Stdout, StringComparison.Ordinal);
        Assert.Contains("model fit --outcome aid", fit.Stdout, StringComparison.Ordinal);
        var run = _cli.Run("scenario", "run", "--help");
        Assert.Contains("--draws", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("scenario run status-quo", run.Stdout, StringComparison.Ordinal);
    }
}
