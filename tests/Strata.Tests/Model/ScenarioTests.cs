using Strata.Model;

namespace Strata.Tests.Model;

public sealed class ScenarioTests
{
    private static readonly Lazy<BufferValueFit> Fit = new(() =>
    {
        var c = Simulated.Case(new YearSpan(1900, 2025), [1]);
        return BufferValueModel.Fit(c, Simulated.Panel(c, Simulated.Truth, seed: 21), new FitOptions { Bootstrap = 50, Validate = false });
    });

    private static Scenario Baseline(params ScenarioChange[] changes) =>
        new("test", "test", "", "egypt-sim", null, new YearSpan(2026, 2055), changes, draws: 20_000, seed: 9);

    [Fact]
    public void The_same_seed_gives_the_same_result_and_another_seed_another()
    {
        var a = ScenarioRunner.Run(Baseline(), Fit.Value);
        var b = ScenarioRunner.Run(Baseline(), Fit.Value);
        var c = ScenarioRunner.Run(Baseline(), Fit.Value, seed: 10);
        Assert.Equal(30, a.Years.Count);
        for (var t = 0; t < a.Years.Count; t++)
        {
            Assert.Equal(a.Years[t].Patrons, b.Years[t].Patrons);
            Assert.Equal(a.Years[t].Configurations, b.Years[t].Configurations);
        }
        Assert.NotEqual(a.Years[0].Patrons[0].Mean, c.Years[0].Patrons[0].Mean);
    }

    [Fact]
    public void Projections_are_ordered_and_configurations_sum_to_one()
    {
        var r = ScenarioRunner.Run(Baseline(), Fit.Value);
        foreach (var year in r.Years)
        {
            Assert.Equal(1, year.Configurations.Values.Sum(), 9);
            foreach (var p in year.Patrons)
            {
                Assert.True(p.P05 <= p.Median && p.Median <= p.P95, $"{year.Year} {p.Patron}: {p.P05} {p.Median} {p.P95}");
                Assert.InRange(p.ProbabilitySupport, 0, 1);
                Assert.InRange(p.ProbabilityAdvanced!.Value, 0, 1);
            }
        }
    }

    [Fact]
    public void A_rival_bloc_that_grows_raises_the_value_support_and_advanced_transfers_to_the_threatened_patron()
    {
        // A positive β (the simulation's 1.5) means more threat, more support.
        var baseline = ScenarioRunner.Run(Baseline(new ScenarioChange("rivalry.active", "RUS", "USA", new YearSpan(2026, 9999), ChangeKind.Set, 1)), Fit.Value);
        var grown = ScenarioRunner.Run(Baseline(
            new ScenarioChange("rivalry.active", "RUS", "USA", new YearSpan(2026, 9999), ChangeKind.Set, 1),
            new ScenarioChange("nmc.cinc", "USA", null, new YearSpan(2026, 2035), ChangeKind.RampScale, 2)), Fit.Value);
        var last = baseline.Years.Count - 1;
        PatronProjection Rus(ScenarioResult r) => r.Years[last].Patrons.Single(p => p.Patron == "RUS");
        Assert.True(Rus(grown).Value > Rus(baseline).Value);
        Assert.True(Rus(grown).Mean > Rus(baseline).Mean);
        Assert.True(Rus(grown).ProbabilityAdvanced > Rus(baseline).ProbabilityAdvanced);
    }

    [Fact]
    public void Changes_set_shift_scale_and_ramp_the_inputs_as_documented()
    {
        var fit = Fit.Value;
        var s = Baseline(
            new ScenarioChange("nmc.cinc", "RUS", null, new YearSpan(2030, 2031), ChangeKind.Set, 0.5),
            new ScenarioChange("nmc.cinc", "USA", null, new YearSpan(2030, 2030), ChangeKind.Shift, 0.1),
            new ScenarioChange("nmc.cinc", "CHN", null, new YearSpan(2030, 2030), ChangeKind.Scale, 2),
            new ScenarioChange("alliance.defense", "ISR", "USA", new YearSpan(2027, 2030), ChangeKind.Ramp, 0));
        var inputs = ScenarioRunner.Inputs(s, fit);
        var basis = fit.Design.Inputs;
        Assert.Equal(0.5, inputs.Capability("RUS", 2030));
        Assert.Equal(basis.Capability("RUS", 2032), inputs.Capability("RUS", 2032));
        Assert.Equal(basis.Capability("USA", 2030) + 0.1, inputs.Capability("USA", 2030), 12);
        Assert.Equal(basis.Capability("CHN", 2030) * 2, inputs.Capability("CHN", 2030), 12);
        var start = basis.Alliance("ISR", "USA", 2026);
        Assert.Equal(start * 0.75, inputs.Alliance("USA", "ISR", 2027), 12);
        Assert.Equal(start * 0.25, inputs.Alliance("ISR", "USA", 2029), 12);
        Assert.Equal(0, inputs.Alliance("ISR", "USA", 2045));
        // The baseline carries the last observed year forward.
        Assert.Equal(basis.Capability("RUS", 2025), basis.Capability("RUS", 2040));
    }

    [Fact]
    public void Quantiles_by_selection_match_sorting()
    {
        var rng = new SeededRandom(3);
        var values = Enumerable.Range(0, 10_001).Select(_ => Math.Max(0, rng.NextNormal())).ToArray();
        var sorted = values.Order().ToArray();
        var (q05, q50, q95) = ScenarioRunner.Quantiles(values);
        Assert.Equal(sorted[500], q05);
        Assert.Equal(sorted[5000], q50);
        Assert.Equal(sorted[9500], q95);
    }
}
