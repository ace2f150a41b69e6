using Strata.ChangePoints;
namespace Strata.Model;

/// <summary>
/// Runs a scenario on a fitted model (docs/scenarios.md): the inputs are carried forward from the last observed
/// year and changed as the scenario says; then, for each draw, a parameter vector is taken from the bootstrap
/// replicates and each patron's latent support in each year is μ + σε (ε standard normal, independent across
/// years and patrons), observed support max(0, ·) transformed back. Per year and patron: the mean, median and
/// 5–95% band of support, the probability of any support, and the mean probability of an advanced-technology
/// transfer; per year: the probabilities of the triangle configurations. The same seed gives the same result,
/// whatever the number of threads. On a reduced-form fit (no capability) changes of the capability indicator
/// cannot act and are listed in <see cref="ScenarioResult.Ignored"/>.
/// </summary>
public static class ScenarioRunner
{
    /// <summary>The scenario's inputs: the fit's inputs with the scenario's changes as overrides.</summary>
    public static CaseInputs Inputs(Scenario scenario, BufferValueFit fit)
    {
        Check.NotNull(scenario);
        Check.NotNull(fit);
        var overrides = new Dictionary<InputKey, double>();
        var inputs = fit.Design.Inputs.WithOverrides(overrides);
        var horizon = scenario.Horizon;
        foreach (var change in scenario.Changes)
        {
            var from = Math.Max(change.Years.From, horizon.From);
            var to = change.Kind is ChangeKind.Ramp or ChangeKind.RampScale ? horizon.To : Math.Min(change.Years.To, horizon.To);
            var start = inputs.Value(change.Indicator, change.Actor, change.Other, change.Years.From - 1);
            var updates = new List<(InputKey, double)>();
            for (var year = from; year <= to; year++)
            {
                var current = inputs.Value(change.Indicator, change.Actor, change.Other, year);
                var value = change.Kind switch
                {
                    ChangeKind.Set => change.Amount,
                    ChangeKind.Shift => current + change.Amount,
                    ChangeKind.Scale => current * change.Amount,
                    ChangeKind.RampScale => current * (year >= change.Years.To ? change.Amount
                        : 1 + ((change.Amount - 1) * (year - change.Years.From + 1) / change.Years.Length)),
                    _ => year >= change.Years.To ? change.Amount
                        : start + ((change.Amount - start) * (year - change.Years.From + 1) / change.Years.Length),
                };
                updates.Add((InputKey.Of(change.Indicator, change.Actor, change.Other, year), value));
            }
            foreach (var (key, value) in updates)
            {
                overrides[key] = value;
            }
        }
        return inputs;
    }

    public static ScenarioResult Run(Scenario scenario, BufferValueFit fit, int? draws = null, int? seed = null)
    {
        Check.NotNull(scenario);
        Check.NotNull(fit);
        var d = draws ?? scenario.Draws;
        var s = seed ?? scenario.Seed;
        Check.AtLeast(d, 1);
        var inputs = Inputs(scenario, fit);
        var design = fit.Design.WithInputs(inputs);
        var bufferCase = fit.Case;
        var patrons = bufferCase.Patrons.Count;
        var years = scenario.Horizon.Years().ToArray();
        var parameters = fit.Draws.Count > 0 ? fit.Draws : [fit.Estimate];
        var b = parameters.Count;
        var k = design.Columns;
        var hasLogit = fit.Estimate.Logit is not null && parameters.All(p => p.Logit is not null);

        // Latent means and advanced probabilities per parameter draw, year and patron: cheap to tabulate once.
        var mu = new double[b * years.Length * patrons];
        var adv = hasLogit ? new double[b * years.Length * patrons] : null;
        var value = new double[years.Length * patrons];
        var threat = new double[years.Length * patrons];
        var x = new double[k];
        var lx = new double[design.LogitColumns];
        for (var t = 0; t < years.Length; t++)
        {
            for (var p = 0; p < patrons; p++)
            {
                design.Fill(p, years[t], x);
                if (!design.IsComplete(x))
                {
                    throw new ModelInputException(
                        $"no capability of {bufferCase.Patrons[p].Actor} for {years[t] - design.Lag} ({bufferCase.Inputs.Capability}); the scenario cannot be projected");
                }
                value[(t * patrons) + p] = x[design.BetaColumn];
                threat[(t * patrons) + p] = inputs.Threat(bufferCase.Patrons[p], years[t] - design.Lag, design.Eta);
                design.FillLogit(p, years[t], lx);
                for (var i = 0; i < b; i++)
                {
                    var index = (((i * years.Length) + t) * patrons) + p;
                    mu[index] = BufferValueModel.Dot(parameters[i].Coefficients, x);
                    if (adv is not null)
                    {
                        adv[index] = Logit.Logistic(BufferValueModel.Dot(parameters[i].Logit!, lx));
                    }
                }
            }
        }
        var sigma = parameters.Select(p => p.Sigma).ToArray();
        var master = new SeededRandom((ulong)s);
        var which = new int[d];
        for (var i = 0; i < which.Length; i++)
        {
            which[i] = b == 1 ? 0 : master.Next(b);
        }
        // The patrons' mutual tie is positive in a year when they are not rivals.
        var patronTie = years.Select(y => patrons >= 2 && inputs.Rivalry(bufferCase.Patrons[0].Actor, bufferCase.Patrons[1].Actor, y) == 0).ToArray();

        var outcome = fit.Outcome;
        var result = new ScenarioYear[years.Length];
        Parallel.For(0, years.Length, () => new double[patrons][], (t, _, buffers) =>
        {
            for (var p = 0; p < patrons; p++)
            {
                if (buffers[p] is null || buffers[p].Length != d)
                {
                    buffers[p] = new double[d];
                }
            }
            var rng = SeededRandom.ForStream(s, years[t]);
            var positive = new long[patrons];
            var configs = new long[4];
            var advSum = new double[patrons];
            var mean = new double[patrons];
            for (var i = 0; i < d; i++)
            {
                var pi = which[i];
                var ties = patronTie[t] ? 1 : 0;
                for (var p = 0; p < patrons; p++)
                {
                    var index = (((pi * years.Length) + t) * patrons) + p;
                    var y = mu[index] + (sigma[pi] * rng.NextNormal());
                    if (y > 0)
                    {
                        positive[p]++;
                        if (p < 2)
                        {
                            ties++;
                        }
                    }
                    else
                    {
                        y = 0;
                    }
                    buffers[p][i] = y;
                    if (y > 0)
                    {
                        mean[p] += outcome.Invert(y);
                    }
                    if (adv is not null)
                    {
                        advSum[p] += adv[index];
                    }
                }
                configs[3 - ties]++;
            }
            var projections = new PatronProjection[patrons];
            for (var p = 0; p < patrons; p++)
            {
                var (q05, q50, q95) = Quantiles(buffers[p]);
                projections[p] = new PatronProjection(bufferCase.Patrons[p].Actor, mean[p] / d, fit.Outcome.Invert(q50), fit.Outcome.Invert(q05),
                    fit.Outcome.Invert(q95), (double)positive[p] / d, adv is null ? null : advSum[p] / d, value[(t * patrons) + p], threat[(t * patrons) + p]);
            }
            var configurations = new Dictionary<TriangleConfiguration, double>
            {
                [TriangleConfiguration.MenageATrois] = (double)configs[0] / d,
                [TriangleConfiguration.RomanticTriangle] = (double)configs[1] / d,
                [TriangleConfiguration.StableMarriage] = (double)configs[2] / d,
                [TriangleConfiguration.UnitVeto] = (double)configs[3] / d,
            };
            result[t] = new ScenarioYear(years[t], projections, patrons >= 2 ? configurations : new Dictionary<TriangleConfiguration, double>());
            return buffers;
        }, _ => { });
        return new ScenarioResult(scenario, bufferCase, fit.Outcome, d, s, b, result)
        {
            Reduced = fit.Reduced,
            Ignored = fit.Reduced is null ? [] : scenario.Changes.Where(c => c.Indicator == bufferCase.Inputs.Capability).ToList(),
        };
    }

    /// <summary>The 5%, 50% and 95% order statistics (nearest rank below), by selection; reorders the array.</summary>
    public static (double Q05, double Q50, double Q95) Quantiles(double[] values)
    {
        var n = values.Length;
        int Rank(double q) => (int)Math.Floor(q * (n - 1));
        var mid = Rank(0.5);
        // After selecting the median, values below it sit in [0, mid] and values above it in [mid, n-1].
        var q50 = Selection.Select(values.AsSpan(0, n), mid);
        var q05 = Selection.Select(values.AsSpan(0, mid + 1), Rank(0.05));
        var q95 = Selection.Select(values.AsSpan(mid, n - mid), Rank(0.95) - mid);
        return (q05, q50, q95);
    }
}
