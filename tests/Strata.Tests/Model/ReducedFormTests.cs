using Strata.Model;
using Strata.Structure;

namespace Strata.Tests.Model;

/// <summary>
/// The reduced form the model falls back to when the panel has no capability at all (docs/models/buffer-value.md,
/// "Reduced form"): threat = Σ rivalry · exp(η·h), no γ, no capability-only baseline; with capability, the full model.
/// </summary>
public sealed class ReducedFormTests
{
    private static readonly YearSpan Years = new(1800, 2099);
    private static readonly BufferCase Case = Simulated.Case(Years, lags: [1]);

    /// <summary>The simulated inputs without any capability value.</summary>
    private static IndicatorPanel WithoutCapability(IndicatorPanel panel) => IndicatorPanel.Create(panel.Values.Where(v => v.Name != "nmc.cinc"));

    /// <summary>Rivalries of the patron active in a year, counted straight from the panel.</summary>
    private static int ActiveRivalries(IndicatorPanel panel, PatronSpec patron, int year) =>
        patron.Rivals.Count(q => panel.GetEither("rivalry.active", patron.Actor, q, year) is > 0);

    /// <summary>
    /// Support drawn from the reduced form with known parameters: y* = α_p + β·ln(1 + rivalries_{t−1}) + σε,
    /// so a correct reduced-form fit must recover β.
    /// </summary>
    private static IndicatorPanel ReducedPanel(int seed)
    {
        var inputs = WithoutCapability(Simulated.Inputs(Years, seed));
        var rng = new SeededRandom((ulong)seed + 99);
        var values = new List<IndicatorValue>();
        double[] alpha = [0.5, -0.2];
        for (var p = 0; p < Case.Patrons.Count; p++)
        {
            foreach (var year in Years.Years())
            {
                var v = Math.Log(1 + ActiveRivalries(inputs, Case.Patrons[p], year - 1));
                var y = Math.Max(0, alpha[p] + (1.5 * v) + (0.8 * rng.NextNormal()));
                if (y > 0)
                {
                    values.Add(new IndicatorValue(Simulated.Outcome, Case.Patrons[p].Actor, Case.Client, year, Math.Exp(y) - 1, "sim"));
                }
            }
        }
        return inputs.With(values);
    }

    [Fact]
    public void Without_capability_the_threat_is_the_count_of_active_rivalries()
    {
        var panel = WithoutCapability(Simulated.Inputs(Years, 5));
        var inputs = new CaseInputs(Case, panel);
        Assert.False(inputs.HasCapability);
        var counts = new HashSet<int>();
        foreach (var patron in Case.Patrons)
        {
            foreach (var year in Years.Years())
            {
                var expected = ActiveRivalries(panel, patron, year);
                counts.Add(expected);
                Assert.Equal(expected, inputs.Threat(patron, year, eta: 0));
                Assert.Equal(0, inputs.LogCapability(patron.Actor, year));
            }
        }
        // The simulated rivalries come and go, so the check covered 0, 1 and 2 active rivalries.
        Assert.Equal([0, 1, 2], counts.Order());
        Assert.True(new CaseInputs(Case, Simulated.Inputs(Years, 5)).HasCapability);
    }

    [Fact]
    public void The_reduced_form_recovers_its_value_effect_and_says_what_it_left_out()
    {
        var fit = BufferValueModel.Fit(Case, ReducedPanel(11), new FitOptions { Bootstrap = 50, Seed = 2 });
        Assert.NotNull(fit.Reduced);
        Assert.Equal("nmc.cinc", fit.Reduced!.Indicator);
        Assert.Equal([BufferValueModel.Capability], fit.Reduced.NotComputable);
        Assert.Contains("Capability was not available", fit.Reduced.Explanation, StringComparison.Ordinal);
        Assert.Equal(["alpha[RUS]", "alpha[USA]", "beta", "sigma"], fit.Parameters.Select(p => p.Name));
        var beta = fit.Parameters.Single(p => p.Name == "beta");
        Assert.InRange(beta.Estimate, 1.5 - (4 * beta.StandardError), 1.5 + (4 * beta.StandardError));
        Assert.Equal([BufferValueModel.Structural, BufferValueModel.Persistence, BufferValueModel.InterceptOnly],
            fit.Validation.Where(v => v.Patron == "all").Select(v => v.Model));
        Assert.DoesNotContain(fit.InSample, f => f.Model == BufferValueModel.Capability);
        Assert.All(fit.Points, p => Assert.True(double.IsFinite(p.Fitted)));
    }

    [Fact]
    public void With_capability_the_full_model_is_fitted_as_before()
    {
        var c = Simulated.Case(Years);
        var fit = BufferValueModel.Fit(c, Simulated.Panel(c, Simulated.Truth, seed: 7), new FitOptions { Bootstrap = 0, Validate = false });
        Assert.Null(fit.Reduced);
        Assert.Contains(fit.Parameters, p => p.Name == "gamma");
    }

    [Fact]
    public void A_capability_change_has_no_effect_on_a_reduced_fit_and_is_listed_as_ignored()
    {
        var fit = BufferValueModel.Fit(Case, ReducedPanel(11), new FitOptions { Bootstrap = 20, Seed = 2, Validate = false });
        var horizon = new YearSpan(2100, 2110);
        var rivalry = new ScenarioChange("rivalry.active", "RUS", "USA", new YearSpan(2100, 9999), ChangeKind.Set, 1);
        var capability = new ScenarioChange("nmc.cinc", "USA", null, new YearSpan(2100, 2105), ChangeKind.Set, 0.9);
        var plain = ScenarioRunner.Run(new Scenario("a", "a", "", Case.Id, null, horizon, [rivalry], draws: 2000, seed: 4), fit);
        var changed = ScenarioRunner.Run(new Scenario("b", "b", "", Case.Id, null, horizon, [rivalry, capability], draws: 2000, seed: 4), fit);
        Assert.Empty(plain.Ignored);
        Assert.Equal([capability], changed.Ignored);
        Assert.NotNull(changed.Reduced);
        Assert.Equal(plain.Years.SelectMany(y => y.Patrons), changed.Years.SelectMany(y => y.Patrons));
    }
}
