using Strata.Structure;

namespace Strata.Model;

/// <summary>Thrown when a panel cannot support a fit (no outcome data, too few rows); the message says what is missing.</summary>
public sealed class ModelInputException : Exception
{
    public ModelInputException(string message)
        : base(message) { }

    public ModelInputException()
        : this("the inputs cannot support the model") { }

    public ModelInputException(string message, Exception inner)
        : base(message, inner) { }
}

/// <summary>
/// Estimates the buffer-value model (docs/models/buffer-value.md): threat → the client's value to each patron →
/// that patron's support (a Tobit regression on the transformed support, censored at zero), and the
/// advanced-technology threshold (a logistic regression on the value). The delivery lag L and the hostility weight
/// η are chosen by leave-one-decade-out error; the parameters' uncertainty comes from a moving-block bootstrap
/// over years.
/// </summary>
public static class BufferValueModel
{
    public const string Structural = "structural";
    public const string Persistence = "persistence";
    public const string Capability = "capability";
    public const string InterceptOnly = "intercept";

    /// <summary>The outcome a fit uses: the one named, else the first that the panel records.</summary>
    public static OutcomeSpec ChooseOutcome(BufferCase bufferCase, IndicatorPanel panel, string? name)
    {
        Check.NotNull(bufferCase);
        var inputs = new CaseInputs(bufferCase, panel);
        if (name is not null)
        {
            var o = bufferCase.Outcome(name) ?? throw new ModelInputException(
                $"case '{bufferCase.Id}' has no outcome '{name}'; it has {string.Join(", ", bufferCase.Outcomes.Select(x => x.Name))}");
            return inputs.HasPatronIndicator(o.Indicator) ? o : throw new ModelInputException(
                $"the panel has no values of {o.Indicator} from {string.Join(" or ", bufferCase.PatronActors)} to {bufferCase.Client} (outcome '{o.Name}'); import or build them first");
        }
        return bufferCase.Outcomes.FirstOrDefault(o => inputs.HasPatronIndicator(o.Indicator)) ?? throw new ModelInputException(
            $"the panel has none of the outcome indicators of case '{bufferCase.Id}' ({string.Join(", ", bufferCase.Outcomes.Select(o => o.Indicator))}) from a patron to {bufferCase.Client}");
    }

    public static BufferValueFit Fit(BufferCase bufferCase, IndicatorPanel panel, FitOptions? options = null)
    {
        Check.NotNull(bufferCase);
        Check.NotNull(panel);
        options ??= new FitOptions();
        Check.AtLeast(options.Bootstrap, 0);
        Check.AtLeast(options.BlockLength, 1);
        var outcome = ChooseOutcome(bufferCase, panel, options.Outcome);
        var inputs = new CaseInputs(bufferCase, panel);
        var etas = inputs.HasHostility ? bufferCase.Inputs.HostilityWeights : [0.0];

        // Lag and η by leave-one-decade-out error of the structural model.
        var lags = new List<LagChoice>();
        ModelDesign? best = null;
        var bestRmse = double.PositiveInfinity;
        foreach (var lag in outcome.Lags)
        {
            foreach (var eta in etas)
            {
                var d = ModelDesign.Build(inputs, outcome, lag, eta);
                RequireRows(d);
                var rmse = options.Validate ? Score(LeaveOneDecadeOut(d, options, Structural, persistenceRows: false), "all") : 0;
                lags.Add(new LagChoice(lag, eta, rmse, false));
                if (best is null || rmse < bestRmse - 1e-12)
                {
                    best = d;
                    bestRmse = rmse;
                }
            }
        }
        var design = best!;
        lags = lags.Select(l => l with { Chosen = l.Lag == design.Lag && l.Eta == design.Eta }).ToList();

        var estimate = FitDraw(design, null, options.PriorScale);
        var draws = Bootstrap(design, options);
        var parameters = Parameters(design, estimate, draws, options.PriorScale);
        var advanced = AdvancedEstimates(design, estimate, draws, options.PriorScale);

        IReadOnlyList<ModelScore> validation = options.Validate ? Validation(design, options) : [];
        var inSample = InSampleFits(design, estimate, options.PriorScale);
        var points = FittedPoints(design, estimate, draws);
        var phases = bufferCase.Phases.Where(p => p.Outcome == outcome.Name).Select(p => CheckPhase(design, p, estimate, draws)).ToList();
        return new BufferValueFit
        {
            Case = bufferCase,
            Outcome = outcome,
            Design = design,
            Lag = design.Lag,
            Eta = design.Eta,
            Parameters = parameters,
            Advanced = advanced,
            Points = points,
            InSample = inSample,
            Validation = validation,
            Lags = lags,
            Phases = phases,
            Hedging = Hedging(inputs, outcome),
            Estimate = estimate,
            Draws = draws,
            Options = options,
            Reduced = inputs.HasCapability ? null : new ReducedForm(bufferCase.Inputs.Capability, [Capability]),
        };
    }

    private static void RequireRows(ModelDesign d)
    {
        if (d.Rows.Count <= d.Columns + 1)
        {
            var inputs = d.HasCapability ? $"capability {d.Case.Inputs.Capability}, rivalry {d.Case.Inputs.Rivalry}" : $"rivalry {d.Case.Inputs.Rivalry}; no {d.Case.Inputs.Capability} at all, reduced form";
            throw new ModelInputException(
                $"only {d.Rows.Count} patron-years have both {d.Outcome.Indicator} and the structural inputs ({inputs}) at lag {d.Lag}; the model needs more than {d.Columns + 1}");
        }
        if (d.Rows.All(r => r.Y <= 0))
        {
            throw new ModelInputException($"{d.Outcome.Indicator} is zero in every patron-year of case '{d.Case.Id}': nothing to explain");
        }
    }

    private static double[] PriorScales(ModelDesign d, double scale)
    {
        var s = new double[d.Columns];
        for (var j = 0; j < s.Length; j++)
        {
            s[j] = j < d.PatronCount ? double.PositiveInfinity : scale;
        }
        return s;
    }

    /// <summary>Fits the Tobit part (and the logit part when the advanced signal exists) with optional row weights.</summary>
    internal static ParameterDraw FitDraw(ModelDesign d, double[]? weights, double priorScale)
    {
        var k = d.Columns;
        var x = new double[d.Rows.Count * k];
        var y = new double[d.Rows.Count];
        for (var i = 0; i < d.Rows.Count; i++)
        {
            d.Fill(d.Rows[i], x.AsSpan(i * k, k));
            y[i] = d.Rows[i].Y;
        }
        var tobit = Tobit.Fit(x, y, k, PriorScales(d, priorScale), weights);
        return new ParameterDraw(tobit.Beta, tobit.Sigma, FitLogit(d, weights, priorScale)?.Coefficients);
    }

    private static LogitFit? FitLogit(ModelDesign d, double[]? weights, double priorScale)
    {
        if (d.Case.Advanced is null || d.Rows.All(r => r.Advanced != true))
        {
            return null;
        }
        var k = d.LogitColumns;
        var x = new double[d.Rows.Count * k];
        var y = new double[d.Rows.Count];
        for (var i = 0; i < d.Rows.Count; i++)
        {
            d.FillLogit(d.Rows[i].Value, d.Rows[i].LogitConstraints, x.AsSpan(i * k, k));
            y[i] = d.Rows[i].Advanced == true ? 1 : 0;
        }
        var scales = Enumerable.Repeat(priorScale, k).ToArray();
        scales[0] = double.PositiveInfinity;
        return Logit.Fit(x, y, k, scales, weights);
    }

    /// <summary>
    /// Moving-block bootstrap over years: blocks of consecutive years (all patrons together, so the dependence
    /// between patrons and across neighbouring years is kept) drawn with replacement until the sample has as many
    /// years as the data; each year's rows get the number of times the year was drawn as weight.
    /// </summary>
    internal static IReadOnlyList<ParameterDraw> Bootstrap(ModelDesign d, FitOptions options)
    {
        if (options.Bootstrap == 0)
        {
            return [];
        }
        var years = d.Rows.Select(r => r.Year).Distinct().Order().ToArray();
        var block = Math.Min(options.BlockLength, years.Length);
        var rowYear = d.Rows.Select(r => Array.BinarySearch(years, r.Year)).ToArray();
        var draws = new ParameterDraw[options.Bootstrap];
        Parallel.For(0, options.Bootstrap, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount) }, b =>
        {
            var rng = SeededRandom.ForStream(options.Seed, b);
            var count = new double[years.Length];
            var filled = 0;
            while (filled < years.Length)
            {
                var start = rng.Next(years.Length - block + 1);
                for (var i = 0; i < block && filled < years.Length; i++, filled++)
                {
                    count[start + i]++;
                }
            }
            var weights = rowYear.Select(i => count[i]).ToArray();
            draws[b] = FitDraw(d, weights, options.PriorScale);
        });
        return draws;
    }

    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }
        var h = (sorted.Count - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }

    private static (double Lower, double Upper) Interval(IEnumerable<double> values, double level = 0.95)
    {
        var sorted = values.Where(double.IsFinite).Order().ToList();
        return (Quantile(sorted, (1 - level) / 2), Quantile(sorted, 1 - ((1 - level) / 2)));
    }

    private static List<ParameterEstimate> Parameters(ModelDesign d, ParameterDraw estimate, IReadOnlyList<ParameterDraw> draws, double priorScale)
    {
        var k = d.Columns;
        var x = new double[d.Rows.Count * k];
        var y = new double[d.Rows.Count];
        for (var i = 0; i < d.Rows.Count; i++)
        {
            d.Fill(d.Rows[i], x.AsSpan(i * k, k));
            y[i] = d.Rows[i].Y;
        }
        var names = d.ColumnNames;
        var result = new List<ParameterEstimate>();
        // Standard errors from the information matrix of the point fit.
        var se = Tobit.Fit(x, y, k, PriorScales(d, priorScale), default);
        for (var j = 0; j < k; j++)
        {
            var (lo, hi) = Interval(draws.Select(dr => dr.Coefficients[j]));
            result.Add(new ParameterEstimate(names[j], Meaning(d, j), estimate.Coefficients[j], se.StandardError(j), lo, hi));
        }
        var (slo, shi) = Interval(draws.Select(dr => dr.Sigma));
        result.Add(new ParameterEstimate("sigma", "residual scale of the latent support", estimate.Sigma, estimate.Sigma * Math.Sqrt(Math.Max(0, se.Covariance[k, k])), slo, shi));
        return result;
    }

    private static string Meaning(ModelDesign d, int j)
    {
        if (j < d.PatronCount)
        {
            return $"baseline support of {d.Case.Patrons[j].Actor}";
        }
        if (j == d.BetaColumn)
        {
            return $"effect of the client's value V (t−{d.Lag})";
        }
        if (j == d.GammaColumn)
        {
            return $"effect of ln capability (t−{d.Lag})";
        }
        return $"effect of constraint: {d.Constraints[j - d.ConstraintColumn].Title}";
    }

    private static AdvancedFit? AdvancedEstimates(ModelDesign d, ParameterDraw estimate, IReadOnlyList<ParameterDraw> draws, double priorScale)
    {
        if (estimate.Logit is null)
        {
            return null;
        }
        var fit = FitLogit(d, null, priorScale)!;
        var events = d.Rows.Count(r => r.Advanced == true);
        var rate = (double)events / d.Rows.Count;
        var baseLl = events == 0 || events == d.Rows.Count ? 0 : (events * Math.Log(rate)) + ((d.Rows.Count - events) * Math.Log(1 - rate));
        static double Tau(double[] c) => c[1] != 0 ? -c[0] / c[1] : double.NaN;
        var list = new List<ParameterEstimate>();
        var (klo, khi) = Interval(draws.Where(x => x.Logit is not null).Select(x => x.Logit![1]));
        list.Add(new ParameterEstimate("kappa", "steepness of P(advanced) in V", fit.Coefficients[1], Math.Sqrt(Math.Max(0, fit.Covariance[1, 1])), klo, khi));
        var (tlo, thi) = Interval(draws.Where(x => x.Logit is not null).Select(x => Tau(x.Logit!)));
        var tauSe = DeltaTauSe(fit);
        list.Add(new ParameterEstimate("tau", "threshold of V at which P(advanced) = 1/2", Tau(fit.Coefficients), tauSe, tlo, thi));
        for (var i = 0; i < d.LogitConstraints.Count; i++)
        {
            var (lo, hi) = Interval(draws.Where(x => x.Logit is not null).Select(x => x.Logit![2 + i]));
            list.Add(new ParameterEstimate($"delta_adv[{d.LogitConstraints[i].Id}]", $"effect on the log-odds of constraint: {d.LogitConstraints[i].Title}",
                fit.Coefficients[2 + i], Math.Sqrt(Math.Max(0, fit.Covariance[2 + i, 2 + i])), lo, hi));
        }
        return new AdvancedFit(d.Case.Advanced!.Indicator, events, d.Rows.Count, list, fit.LogLikelihood, baseLl);
    }

    private static double DeltaTauSe(LogitFit fit)
    {
        // τ = −c0/c1: gradient (−1/c1, c0/c1²).
        var c0 = fit.Coefficients[0];
        var c1 = fit.Coefficients[1];
        if (c1 == 0)
        {
            return double.NaN;
        }
        var g0 = -1 / c1;
        var g1 = c0 / (c1 * c1);
        var v = (g0 * g0 * fit.Covariance[0, 0]) + (2 * g0 * g1 * fit.Covariance[0, 1]) + (g1 * g1 * fit.Covariance[1, 1]);
        return Math.Sqrt(Math.Max(0, v));
    }

    /// <summary>E[y] of a parameter draw for a design row x.</summary>
    internal static double Expected(ParameterDraw p, ReadOnlySpan<double> x)
    {
        var mu = 0.0;
        for (var j = 0; j < p.Coefficients.Length; j++)
        {
            mu += p.Coefficients[j] * x[j];
        }
        return Tobit.Expected(mu, p.Sigma);
    }

    private static List<FittedPoint> FittedPoints(ModelDesign d, ParameterDraw estimate, IReadOnlyList<ParameterDraw> draws)
    {
        var points = new List<FittedPoint>();
        var x = new double[d.Columns];
        var lx = new double[d.LogitColumns];
        var rows = d.Rows.ToDictionary(r => (r.Patron, r.Year));
        for (var p = 0; p < d.PatronCount; p++)
        {
            var spec = d.Case.Patrons[p];
            foreach (var year in d.Case.Years.Years())
            {
                d.Fill(p, year, x);
                if (!d.IsComplete(x))
                {
                    continue;
                }
                var fitted = Expected(estimate, x);
                var band = draws.Count == 0 ? (fitted, fitted) : BandOf(draws.Select(dr => Expected(dr, x)), 0.90);
                double? pAdv = null;
                if (estimate.Logit is { } lc)
                {
                    d.FillLogit(p, year, lx);
                    pAdv = Logit.Logistic(Dot(lc, lx));
                }
                rows.TryGetValue((p, year), out var row);
                points.Add(new FittedPoint(spec.Actor, year, row?.Y, fitted, band.Item1, band.Item2,
                    d.Inputs.Threat(spec, year - d.Lag, d.Eta), x[d.BetaColumn], row?.Advanced, pAdv));
            }
        }
        return points;
    }

    private static (double, double) BandOf(IEnumerable<double> values, double level) => Interval(values, level);

    internal static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }
        return s;
    }

    // ---------------------------------------------------------------- validation

    private static string DecadeOf(int year) => $"{(int)Math.Floor(year / 10.0) * 10}s";

    /// <summary>
    /// Out-of-sample predictions of a model, leaving one decade out at a time: the model is fitted on the other
    /// decades and predicts E[y] in the left-out one. Persistence predicts last year's observed value.
    /// </summary>
    internal static List<(DesignRow Row, double Prediction)> LeaveOneDecadeOut(ModelDesign d, FitOptions options, string model, bool persistenceRows)
    {
        var result = new List<(DesignRow, double)>();
        var rows = persistenceRows ? d.Rows.Where(r => r.PreviousY is not null).ToList() : d.Rows.ToList();
        if (model == Persistence)
        {
            return rows.Where(r => r.PreviousY is not null).Select(r => (r, r.PreviousY!.Value)).ToList();
        }
        foreach (var decade in d.Rows.Select(r => DecadeOf(r.Year)).Distinct())
        {
            var test = rows.Where(r => DecadeOf(r.Year) == decade).ToList();
            if (test.Count == 0)
            {
                continue;
            }
            var train = d.Rows.Where(r => DecadeOf(r.Year) != decade).ToList();
            if (train.Count <= d.Columns + 1 || train.All(r => r.Y <= 0))
            {
                continue;
            }
            var predict = Baseline(d, train, model, options.PriorScale);
            result.AddRange(test.Select(r => (r, predict(r))));
        }
        return result;
    }

    /// <summary>Fits a model on some rows and returns its E[y] predictor.</summary>
    private static Func<DesignRow, double> Baseline(ModelDesign d, IReadOnlyList<DesignRow> train, string model, double priorScale)
    {
        int k;
        Action<DesignRow, double[]> fill;
        double[] scales;
        switch (model)
        {
            case Structural:
                k = d.Columns;
                fill = (r, x) => d.Fill(r, x);
                scales = PriorScales(d, priorScale);
                break;
            case Capability:
                k = 2;
                fill = (r, x) =>
                {
                    x[0] = 1;
                    x[1] = r.LogCapability;
                };
                scales = [double.PositiveInfinity, priorScale];
                break;
            default:
                k = d.PatronCount;
                fill = (r, x) =>
                {
                    Array.Clear(x);
                    x[r.Patron] = 1;
                };
                scales = Enumerable.Repeat(double.PositiveInfinity, k).ToArray();
                break;
        }
        var xs = new double[train.Count * k];
        var ys = new double[train.Count];
        var row = new double[k];
        for (var i = 0; i < train.Count; i++)
        {
            fill(train[i], row);
            row.CopyTo(xs, i * k);
            ys[i] = train[i].Y;
        }
        // A patron with no positive support in the training rows has no finite intercept: the weak penalty keeps it finite.
        if (model == InterceptOnly)
        {
            scales = Enumerable.Repeat(priorScale * 10, k).ToArray();
        }
        var fit = Tobit.Fit(xs, ys, k, scales);
        return r =>
        {
            var x = new double[k];
            fill(r, x);
            return fit.Expected(x);
        };
    }

    private static double Score(List<(DesignRow Row, double Prediction)> predictions, string patron) =>
        predictions.Count == 0 ? double.NaN : Math.Sqrt(predictions.Average(p => (p.Row.Y - p.Prediction) * (p.Row.Y - p.Prediction)));

    private static List<ModelScore> Validation(ModelDesign d, FitOptions options)
    {
        var scores = new List<ModelScore>();
        foreach (var model in new[] { Structural, Persistence, Capability, InterceptOnly }.Where(m => m != Capability || d.HasCapability))
        {
            var predictions = LeaveOneDecadeOut(d, options, model, persistenceRows: true);
            foreach (var group in d.Case.PatronActors.Prepend("all"))
            {
                var list = group == "all" ? predictions : predictions.Where(p => d.Case.Patrons[p.Row.Patron].Actor == group).ToList();
                if (list.Count == 0)
                {
                    continue;
                }
                scores.Add(new ModelScore(model, group, list.Count,
                    Math.Sqrt(list.Average(p => (p.Row.Y - p.Prediction) * (p.Row.Y - p.Prediction))),
                    list.Average(p => Math.Abs(p.Row.Y - p.Prediction))));
            }
        }
        return scores;
    }

    private static List<InSampleFit> InSampleFits(ModelDesign d, ParameterDraw estimate, double priorScale)
    {
        var list = new List<InSampleFit>();
        var mean = d.Rows.Average(r => r.Y);
        var sst = d.Rows.Sum(r => (r.Y - mean) * (r.Y - mean));
        foreach (var (model, k) in new[] { (Structural, d.Columns + 1), (Capability, 3), (InterceptOnly, d.PatronCount + 1) }.Where(m => m.Item1 != Capability || d.HasCapability))
        {
            var predict = Baseline(d, d.Rows, model, priorScale);
            var sse = d.Rows.Sum(r => (r.Y - predict(r)) * (r.Y - predict(r)));
            var ll = LogLikelihood(d, model, priorScale);
            list.Add(new InSampleFit(model, k, ll, (2 * k) - (2 * ll), sst > 0 ? 1 - (sse / sst) : double.NaN));
        }
        var persistence = d.Rows.Where(r => r.PreviousY is not null).ToList();
        var pm = persistence.Average(r => r.Y);
        var psst = persistence.Sum(r => (r.Y - pm) * (r.Y - pm));
        var psse = persistence.Sum(r => (r.Y - r.PreviousY!.Value) * (r.Y - r.PreviousY!.Value));
        list.Add(new InSampleFit(Persistence, 0, double.NaN, double.NaN, psst > 0 ? 1 - (psse / psst) : double.NaN));
        return list;
    }

    private static double LogLikelihood(ModelDesign d, string model, double priorScale)
    {
        int k = model switch { Structural => d.Columns, Capability => 2, _ => d.PatronCount };
        var xs = new double[d.Rows.Count * k];
        var ys = new double[d.Rows.Count];
        for (var i = 0; i < d.Rows.Count; i++)
        {
            var r = d.Rows[i];
            var x = xs.AsSpan(i * k, k);
            if (model == Structural)
            {
                d.Fill(r, x);
            }
            else if (model == Capability)
            {
                x[0] = 1;
                x[1] = r.LogCapability;
            }
            else
            {
                x[r.Patron] = 1;
            }
            ys[i] = r.Y;
        }
        var scales = model switch
        {
            Structural => PriorScales(d, priorScale),
            Capability => [double.PositiveInfinity, priorScale],
            _ => Enumerable.Repeat(priorScale * 10, k).ToArray(),
        };
        return Tobit.Fit(xs, ys, k, scales).LogLikelihood;
    }

    // ---------------------------------------------------------------- phases

    private static PhaseCheck CheckPhase(ModelDesign d, PhaseExpectation phase, ParameterDraw estimate, IReadOnlyList<ParameterDraw> draws)
    {
        var conditions = new List<ConditionCheck>();
        foreach (var c in phase.Conditions)
        {
            var observed = Evaluate(d, phase.Years, c, (p, year) => d.Inputs.Support(d.Outcome, d.Case.Patrons[p].Actor, year) is { } s ? d.Outcome.Apply(s) : null, out var obsDetail);
            var model = Evaluate(d, phase.Years, c, (p, year) => ExpectedAt(d, estimate, p, year), out var modelDetail) ?? false;
            var share = draws.Count == 0 ? (model ? 1 : 0)
                : draws.Count(dr => Evaluate(d, phase.Years, c, (p, year) => ExpectedAt(d, dr, p, year), out _) == true) / (double)draws.Count;
            conditions.Add(new ConditionCheck(c.ToString(), observed, model, share, $"observed {obsDetail}; model {modelDetail}"));
        }
        bool? obs = conditions.Any(c => c.Observed is null) ? null : conditions.All(c => c.Observed == true);
        var pointModel = conditions.All(c => c.Model);
        var modelShare = draws.Count == 0 ? (pointModel ? 1 : 0)
            : draws.Count(dr => phase.Conditions.All(c => Evaluate(d, phase.Years, c, (p, year) => ExpectedAt(d, dr, p, year), out _) == true)) / (double)draws.Count;
        // With a bootstrap, the model reproduces a phase when at least half of the replicates do: a verdict that
        // rests on a difference the parameters' uncertainty could reverse is not a reproduction.
        var mod = draws.Count == 0 ? pointModel : modelShare >= 0.5;
        var verdict = obs switch
        {
            null => PhaseVerdict.NoData,
            true => mod ? PhaseVerdict.Reproduced : PhaseVerdict.ModelMisses,
            false => mod ? PhaseVerdict.ModelOnly : PhaseVerdict.DataDisagree,
        };
        return new PhaseCheck(phase, obs, mod, modelShare, verdict, conditions);
    }

    private static double? ExpectedAt(ModelDesign d, ParameterDraw p, int patron, int year)
    {
        Span<double> x = stackalloc double[d.Columns];
        d.Fill(patron, year, x);
        var e = Expected(p, x);
        return double.IsFinite(e) ? e : null;
    }

    /// <summary>Evaluates a condition with a per-patron, per-year value source; null when a mean has no values.</summary>
    private static bool? Evaluate(ModelDesign d, YearSpan years, PhaseCondition c, Func<int, int, double?> value, out string detail)
    {
        double? Mean(int patron, YearSpan span)
        {
            var values = span.Years().Select(y => value(patron, y)).OfType<double>().ToList();
            return values.Count == 0 ? null : values.Average();
        }
        var index = d.Case.PatronActors.ToList();
        if (c.Leader is { } leader)
        {
            var li = index.IndexOf(leader);
            var means = index.Select((_, i) => Mean(i, years)).ToList();
            detail = string.Join(", ", index.Select((a, i) => $"{a} {Format(means[i])}"));
            if (li < 0 || means.Any(m => m is null))
            {
                return null;
            }
            return means.Select((m, i) => i == li || means[li]!.Value > m!.Value + 1e-9).All(b => b);
        }
        var pi = index.IndexOf(c.Patron!);
        var now = pi < 0 ? null : Mean(pi, years);
        var before = pi < 0 ? null : Mean(pi, c.Reference!.Value);
        detail = $"{c.Patron} {Format(before)} in {c.Reference} → {Format(now)} in {years}";
        if (now is null || before is null)
        {
            return null;
        }
        return c.Change == Direction.Up ? now.Value > before.Value + 1e-9 : now.Value < before.Value - 1e-9;
    }

    private static string Format(double? v) => v is { } x ? x.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) : "n/a";

    // ---------------------------------------------------------------- hedging

    private static HedgingResult Hedging(CaseInputs inputs, OutcomeSpec outcome)
    {
        var c = inputs.Case;
        var years = new List<HedgingYear>();
        var withRelations = 0;
        var hedged = 0;
        foreach (var year in c.Years.Years())
        {
            var support = c.PatronActors.Select(p => (Patron: p, S: inputs.Support(outcome, p, year))).ToList();
            if (support.Any(s => s.S is null) || c.Patrons.Count < 2)
            {
                continue;
            }
            var total = support.Sum(s => s.S!.Value);
            if (total <= 0)
            {
                continue;
            }
            var shares = support.ToDictionary(s => s.Patron, s => s.S!.Value / total);
            var entropy = -shares.Values.Where(s => s > 0).Sum(s => s * Math.Log(s)) / Math.Log(c.Patrons.Count);
            var lesser = support.OrderBy(s => s.S).First().Patron;
            var relations = inputs.Relations(lesser, year);
            if (relations is { } r)
            {
                withRelations++;
                if (r >= 0)
                {
                    hedged++;
                }
            }
            years.Add(new HedgingYear(year, shares, entropy, lesser, relations));
        }
        return new HedgingResult(years, years.Count == 0 ? double.NaN : years.Average(y => y.Index), withRelations, hedged);
    }
}
