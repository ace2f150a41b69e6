using Strata.Model;
using Strata.Structure;

namespace Strata.Tests.Model;

public sealed class BufferValueModelTests
{
    private static readonly YearSpan Long = new(1800, 2099);

    private static readonly Lazy<(BufferCase Case, IndicatorPanel Panel, BufferValueFit Fit)> Recovered = new(() =>
    {
        var c = Simulated.Case(Long);
        var panel = Simulated.Panel(c, Simulated.Truth, seed: 7);
        return (c, panel, BufferValueModel.Fit(c, panel, new FitOptions { Bootstrap = 100, Seed = 3 }));
    });

    [Fact]
    public void Tobit_without_censored_values_is_least_squares()
    {
        var rng = new SeededRandom(5);
        const int n = 200;
        var x = new double[n * 2];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i * 2] = 1;
            x[(i * 2) + 1] = rng.NextDouble();
            y[i] = 20 + (3 * x[(i * 2) + 1]) + rng.NextNormal();
        }
        var fit = Tobit.Fit(x, y, 2, [double.PositiveInfinity, double.PositiveInfinity]);

        // Least squares by the normal equations, written out for two columns.
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            var xi = x[(i * 2) + 1];
            sx += xi;
            sy += y[i];
            sxx += xi * xi;
            sxy += xi * y[i];
        }
        var slope = ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx));
        var intercept = (sy - (slope * sx)) / n;
        var sse = Enumerable.Range(0, n).Sum(i => Math.Pow(y[i] - intercept - (slope * x[(i * 2) + 1]), 2));
        Assert.True(fit.Converged);
        Assert.Equal(intercept, fit.Beta[0], 6);
        Assert.Equal(slope, fit.Beta[1], 6);
        Assert.Equal(Math.Sqrt(sse / n), fit.Sigma, 6);
    }

    [Fact]
    public void Parameters_simulated_from_the_model_are_recovered_within_their_uncertainty()
    {
        var (_, _, fit) = Recovered.Value;
        var truth = Simulated.Truth;
        var expected = new Dictionary<string, double>
        {
            ["alpha[RUS]"] = truth.Alpha[0],
            ["alpha[USA]"] = truth.Alpha[1],
            ["beta"] = truth.Beta,
            ["gamma"] = truth.Gamma,
            ["sigma"] = truth.Sigma,
        };
        Assert.Equal(truth.Lag, fit.Lag);
        foreach (var (name, value) in expected)
        {
            var p = fit.Parameters.Single(x => x.Name == name);
            Assert.True(Math.Abs(p.Estimate - value) < 4 * p.StandardError, $"{name}: estimate {p.Estimate:0.000} ± {p.StandardError:0.000}, truth {value}");
            Assert.True(p.Lower < p.Upper, $"{name}: the bootstrap interval is empty");
        }
        var beta = fit.Parameters.Single(x => x.Name == "beta");
        Assert.InRange(truth.Beta, beta.Lower, beta.Upper);
        Assert.True(beta.StandardError < 0.3, $"beta's standard error {beta.StandardError} is too wide to test recovery");
    }

    [Fact]
    public void The_advanced_technology_threshold_is_recovered()
    {
        var (_, _, fit) = Recovered.Value;
        Assert.NotNull(fit.Advanced);
        var kappa = fit.Advanced!.Parameters.Single(p => p.Name == "kappa");
        var tau = fit.Advanced.Parameters.Single(p => p.Name == "tau");
        Assert.True(Math.Abs(kappa.Estimate - Simulated.Truth.Kappa) < 4 * kappa.StandardError, $"kappa {kappa.Estimate} ± {kappa.StandardError}");
        Assert.True(Math.Abs(tau.Estimate - Simulated.Truth.Tau) < 4 * tau.StandardError, $"tau {tau.Estimate} ± {tau.StandardError}");
        Assert.True(fit.Advanced.LogLikelihood > fit.Advanced.BaseRateLogLikelihood);
    }

    [Fact]
    public void On_data_from_the_model_the_structural_model_beats_the_baselines_out_of_sample()
    {
        var (_, _, fit) = Recovered.Value;
        double Rmse(string model) => fit.Validation.Single(v => v.Model == model && v.Patron == "all").Rmse;
        Assert.True(Rmse(BufferValueModel.Structural) < Rmse(BufferValueModel.InterceptOnly));
        Assert.True(Rmse(BufferValueModel.Structural) < Rmse(BufferValueModel.Capability));
        Assert.True(Rmse(BufferValueModel.Structural) < Rmse(BufferValueModel.Persistence));
        Assert.Equal(fit.Case.Patrons.Count + 1, fit.Validation.Count(v => v.Model == BufferValueModel.Structural));
    }

    [Fact]
    public void Phase_checks_agree_with_means_computed_directly()
    {
        var years = new YearSpan(1950, 2020);
        var c0 = Simulated.Case(years, [1]);
        var panel = Simulated.Panel(c0, Simulated.Truth, seed: 11);
        var span = new YearSpan(1960, 1975);
        var reference = new YearSpan(1950, 1959);
        double Mean(string patron, YearSpan s) => s.Years().Average(y => Math.Log(1 + (panel.Get(Simulated.Outcome, patron, "EGY", y) ?? 0)));
        var phases = new List<PhaseExpectation>
        {
            new("rus-leads", "RUS leads", span, "arms", [PhaseCondition.Leads("RUS")], "test"),
            new("usa-leads", "USA leads", span, "arms", [PhaseCondition.Leads("USA")], "test"),
            new("rus-up", "RUS up", span, "arms", [PhaseCondition.Moves("RUS", Direction.Up, reference)], "test"),
            new("rus-down", "RUS down", span, "arms", [PhaseCondition.Moves("RUS", Direction.Down, reference)], "test"),
        };
        var fit = BufferValueModel.Fit(Simulated.Case(years, [1], phases), panel, new FitOptions { Bootstrap = 20, Validate = false });
        var byId = fit.Phases.ToDictionary(p => p.Phase.Id);
        Assert.Equal(Mean("RUS", span) > Mean("USA", span), byId["rus-leads"].Observed);
        Assert.Equal(Mean("USA", span) > Mean("RUS", span), byId["usa-leads"].Observed);
        Assert.Equal(Mean("RUS", span) > Mean("RUS", reference), byId["rus-up"].Observed);
        Assert.Equal(Mean("RUS", span) < Mean("RUS", reference), byId["rus-down"].Observed);
        // The model's verdict is the same comparison on its fitted E[y].
        double Fitted(string patron, YearSpan s) => fit.Points.Where(p => p.Patron == patron && s.Contains(p.Year)).Average(p => p.Fitted);
        Assert.Equal(Fitted("RUS", span) > Fitted("USA", span), byId["rus-leads"].Model);
        Assert.Equal(Fitted("RUS", span) > Fitted("RUS", reference), byId["rus-up"].Model);
        foreach (var p in fit.Phases)
        {
            var expected = p.Observed == true ? (p.Model ? PhaseVerdict.Reproduced : PhaseVerdict.ModelMisses) : (p.Model ? PhaseVerdict.ModelOnly : PhaseVerdict.DataDisagree);
            Assert.Equal(expected, p.Verdict);
            Assert.InRange(p.ModelShare, 0, 1);
        }
    }

    [Fact]
    public void Hedging_index_is_the_normalised_entropy_of_support_shares()
    {
        var (c, panel, fit) = Recovered.Value;
        var year = fit.Hedging.Years[0];
        var rus = Math.Exp(Math.Log(1 + (panel.Get(Simulated.Outcome, "RUS", "EGY", year.Year) ?? 0))) - 1;
        var usa = Math.Exp(Math.Log(1 + (panel.Get(Simulated.Outcome, "USA", "EGY", year.Year) ?? 0))) - 1;
        var s = rus / (rus + usa);
        var h = s is 0 or 1 ? 0 : -((s * Math.Log(s)) + ((1 - s) * Math.Log(1 - s))) / Math.Log(2);
        Assert.Equal(h, year.Index, 9);
        Assert.Equal(c.Patrons.Count, year.Shares.Count);
    }
}
