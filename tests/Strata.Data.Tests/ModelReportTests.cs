using System.Diagnostics;
using Strata.Data.Curated;
using Strata.Data.Model;
using Strata.Data.Store;
using Strata.Model;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Data.Tests;

/// <summary>
/// <see cref="ModelReport"/>, the entry point the command line and the report share: on a store holding only the
/// bundled data (the reduced form, with the bundled cited rivalries and treaties) and on one with the real
/// structural files imported (the full model).
/// </summary>
public sealed class ModelReportTests(ITestOutputHelper output)
{
    private static readonly string[] Scenarios = ["status-quo", "us-decline"];

    private ModelReportResult Timed(DuckDbEventStore store, string label)
    {
        var watch = Stopwatch.StartNew();
        var result = ModelReport.Run(store, Fixtures.Reference, Fixtures.Bundled, "korea", Scenarios);
        output.WriteLine($"{label}: ModelReport.Run (bootstrap 200, draws 20,000, {Scenarios.Length} scenarios) took {watch.Elapsed.TotalSeconds:0.0} s");
        return result;
    }

    [Fact]
    public void On_the_bundled_data_alone_the_reduced_form_is_fitted_and_the_scenarios_run()
    {
        using var tmp = TestPaths.NewTempFolder();
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference);
        var result = Timed(store, "bundled only");
        Assert.Null(result.NotFitted);
        var fit = result.Fit!;
        Assert.Equal("aid", fit.Outcome.Name);
        Assert.NotNull(fit.Reduced);
        Assert.DoesNotContain(fit.Parameters, p => p.Name == "gamma");
        Assert.DoesNotContain(fit.Validation, v => v.Model == BufferValueModel.Capability);
        Assert.Contains(result.Notes, n => n.Contains("strata import cow-nmc", StringComparison.Ordinal));
        Assert.Contains(result.Notes, n => n.Contains("Capability was not available", StringComparison.Ordinal));
        Assert.All(result.Scenarios, s => Assert.True(s.Result is not null, s.NotRun));
        Assert.Equal(30, result.Scenarios[0].Result!.Years.Count);
        Assert.Empty(result.Scenarios[0].Result!.Ignored);
        Assert.Equal("nmc.cinc", Assert.Single(result.Scenarios[1].Result!.Ignored).Indicator);
    }

    [Fact]
    public void The_bundled_cited_rivalries_and_treaties_reach_the_model()
    {
        using var tmp = TestPaths.NewTempFolder();
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference);
        var bufferCase = ModelReport.ReadCase("korea", Fixtures.Bundled);
        var panel = ModelReport.BuildPanel(store, Fixtures.Reference, Fixtures.Bundled, bufferCase).Panel;
        Assert.Equal(1, panel.GetEither("alliance.defense", "PRK", "RUS", 1970));
        var inputs = new CaseInputs(bufferCase, panel);
        Assert.False(inputs.HasCapability);
        var rus = bufferCase.Patrons.Single(p => p.Actor == "RUS");
        var chn = bufferCase.Patrons.Single(p => p.Actor == "CHN");
        // data/indicators/rivalries.yaml: RUS-USA 1945-1989, CHN-RUS 1958-1989, CHN-USA 1949-1972 and from 1996.
        Assert.Equal(2, inputs.Threat(rus, 1970, eta: 0));
        Assert.Equal(1, inputs.Threat(chn, 1980, eta: 0));
        Assert.Equal(0, inputs.Threat(rus, 1995, eta: 0));
        Assert.Equal(1, inputs.Threat(chn, 1996, eta: 0));
    }

    [Fact]
    public void With_the_real_files_imported_the_full_model_is_fitted()
    {
        using var tmp = TestPaths.NewTempFolder();
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        KoreaPanel.Import(store, tmp.File("quarantine"));
        var result = Timed(store, "real files imported");
        var fit = result.Fit!;
        Assert.Null(result.NotFitted);
        Assert.Equal("arms", fit.Outcome.Name);
        Assert.Null(fit.Reduced);
        Assert.Empty(result.Notes);
        Assert.Contains(fit.Parameters, p => p.Name == "gamma");
        Assert.Contains(fit.Validation, v => v.Model == BufferValueModel.Capability);
        Assert.All(result.Scenarios, s => Assert.True(s.Result is not null, s.NotRun));
        Assert.Empty(result.Scenarios[1].Result!.Ignored);
        Assert.True(result.Panel!.Disagreements.Count > 0, "the imports and the bundled files disagree somewhere (docs/indicators.md)");
    }

    [Fact]
    public void Problems_become_reasons_not_exceptions()
    {
        using var tmp = TestPaths.NewTempFolder();
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference);
        var noCase = ModelReport.Run(store, Fixtures.Reference, Fixtures.Bundled, "nowhere", [], bootstrap: 0);
        Assert.Null(noCase.Fit);
        Assert.Contains("no case file 'nowhere'", noCase.NotFitted, StringComparison.Ordinal);
        var arms = ModelReport.Run(store, Fixtures.Reference, Fixtures.Bundled, "korea", ["no-such-scenario"], bootstrap: 0, draws: 100, outcome: "arms");
        Assert.Null(arms.Fit);
        Assert.Contains("the panel has no values of arms.tiv_delivered", arms.NotFitted, StringComparison.Ordinal);
        Assert.Contains("no scenario file 'no-such-scenario'", Assert.Single(arms.Scenarios).NotRun, StringComparison.Ordinal);
    }
}
