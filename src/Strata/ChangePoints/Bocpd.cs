using MathNet.Numerics;

namespace Strata.ChangePoints;

/// <summary>
/// Settings of Bayesian online change-point detection. The observation model is Normal with unknown mean and
/// variance under a Normal–Gamma prior: precision λ ~ Gamma(α0, β0), mean | λ ~ N(μ0, 1/(κ0·λ)).
/// </summary>
public sealed record BocpdOptions
{
    /// <summary>The expected run length 1/H of the constant hazard H (in observations).</summary>
    public double ExpectedRunLength { get; init; } = 100;

    /// <summary>μ0; by default the median of the series.</summary>
    public double? PriorMean { get; init; }

    /// <summary>κ0: how many observations the prior mean is worth.</summary>
    public double PriorKappa { get; init; } = 1;

    /// <summary>α0 (shape of the precision).</summary>
    public double PriorAlpha { get; init; } = 1;

    /// <summary>
    /// β0 (rate of the precision); by default α0·σ̂² with σ̂ = 1.4826·MAD(Δx)/√2, a noise scale that mean shifts do
    /// not inflate (1 if that is zero).
    /// </summary>
    public double? PriorBeta { get; init; }

    /// <summary>
    /// When set, run lengths of this value and above are merged into one state (probabilities added, the more
    /// probable run's statistics kept): O(n·R) time and memory instead of O(n²). Exact when null.
    /// </summary>
    public int? MaxRunLength { get; init; }

    /// <summary>Keep the whole run-length posterior (row t has min(t, R) + 1 entries): O(n²) memory without <see cref="MaxRunLength"/>.</summary>
    public bool KeepPosterior { get; init; } = true;
}

/// <summary>
/// Bayesian online change-point detection (Adams &amp; MacKay 2007) with a constant hazard and a Normal model of
/// unknown mean and variance. Time t is 0-based; the run length r at time t counts the observations of the
/// current run BEFORE x[t], so the run started at index t − r and r = 0 means x[t] opens a new segment.
/// </summary>
public static class Bocpd
{
    public static BocpdResult Detect(ReadOnlySpan<double> series, BocpdOptions? options = null, MissingValues missing = MissingValues.Reject)
    {
        options ??= new BocpdOptions();
        var x = SeriesInput.Prepare(series, missing);
        var n = x.Length;
        Check.AtLeast(n, 1, "series.Length");
        Check.That(options.ExpectedRunLength >= 1 && double.IsFinite(options.ExpectedRunLength), $"must be a finite number of at least 1, was {options.ExpectedRunLength}", nameof(options.ExpectedRunLength));
        Check.Positive(options.PriorKappa);
        Check.Positive(options.PriorAlpha);
        if (options.MaxRunLength is { } rmax)
        {
            Check.AtLeast(rmax, 1, nameof(options.MaxRunLength));
        }

        var mu0 = options.PriorMean ?? Median(x);
        var kappa0 = options.PriorKappa;
        var alpha0 = options.PriorAlpha;
        var beta0 = options.PriorBeta ?? alpha0 * NoiseVariance(x);
        Check.Positive(beta0);

        var cap = Math.Min(options.MaxRunLength ?? n, n); // largest run-length index kept
        var h = 1.0 / options.ExpectedRunLength;
        var logH = Math.Log(h);
        var log1mH = h >= 1 ? double.NegativeInfinity : Math.Log(1 - h);

        // lgamma(α + 1/2) − lgamma(α) for α = α0 + c/2, c observations in the run.
        var gammaTerm = new double[n + 2];
        for (var c = 0; c < gammaTerm.Length; c++)
        {
            var a = alpha0 + c / 2.0;
            gammaTerm[c] = SpecialFunctions.GammaLn(a + 0.5) - SpecialFunctions.GammaLn(a);
        }

        var size = cap + 1;
        var mu = new double[size];
        var kappa = new double[size];
        var beta = new double[size];
        var count = new int[size];
        var logP = new double[size];
        var logV = new double[size];
        var vStart = new int[size];
        var pred = new double[size];
        var prevStartOfBest = new int[n];
        var rows = options.KeepPosterior ? new double[n][] : null;
        var changeProbability = new double[n];
        var mapRunLength = new int[n];
        var active = 0; // entries in use
        double logEvidence = 0;

        double LogPredictive(double xv, double m, double k, int c, double b)
        {
            var a = alpha0 + c / 2.0;
            var scale2 = b * (k + 1) / (a * k);
            var nu = 2 * a;
            var z = (xv - m) * (xv - m) / (nu * scale2);
            return gammaTerm[c] - 0.5 * Math.Log(nu * Math.PI * scale2) - (a + 0.5) * Math.Log(1 + z);
        }

        for (var t = 0; t < n; t++)
        {
            var xv = x[t];
            var prior = LogPredictive(xv, mu0, kappa0, 0, beta0);
            for (var r = 0; r < active; r++)
            {
                pred[r] = LogPredictive(xv, mu[r], kappa[r], count[r], beta[r]);
            }

            // Viterbi: best path that ends with a new run at t.
            var bestPrev = 0;
            for (var r = 1; r < active; r++)
            {
                if (logV[r] > logV[bestPrev])
                {
                    bestPrev = r;
                }
            }
            var newRunV = t == 0 ? prior : logH + prior + logV[bestPrev];
            prevStartOfBest[t] = t == 0 ? 0 : vStart[bestPrev];

            // Growth, from the top down so that the arrays can be updated in place.
            var newActive = Math.Min(active + 1, size);
            for (var r = newActive - 1; r >= 1; r--)
            {
                var src = r - 1;
                var gp = log1mH + pred[src] + logP[src];
                var gv = log1mH + pred[src] + logV[src];
                var start = vStart[src];
                var (m, k, c, b) = Update(mu[src], kappa[src], count[src], beta[src], xv);
                if (r == cap && active == size)
                {
                    // The capped state also grows into itself: merge.
                    var sp = log1mH + pred[cap] + logP[cap];
                    var sv = log1mH + pred[cap] + logV[cap];
                    if (sp > gp)
                    {
                        (m, k, c, b) = Update(mu[cap], kappa[cap], count[cap], beta[cap], xv);
                    }
                    if (sv > gv)
                    {
                        start = vStart[cap];
                    }
                    gp = LogAdd(gp, sp);
                    gv = Math.Max(gv, sv);
                }
                mu[r] = m;
                kappa[r] = k;
                count[r] = c;
                beta[r] = b;
                logP[r] = gp;
                logV[r] = gv;
                vStart[r] = start;
            }
            (mu[0], kappa[0], count[0], beta[0]) = Update(mu0, kappa0, 0, beta0, xv);
            logP[0] = t == 0 ? prior : logH + prior; // the previous row is normalised
            logV[0] = newRunV;
            vStart[0] = t;
            active = newActive;

            // Normalise the posterior row; keep the evidence.
            var maxP = double.NegativeInfinity;
            for (var r = 0; r < active; r++)
            {
                maxP = Math.Max(maxP, logP[r]);
            }
            double sum = 0;
            for (var r = 0; r < active; r++)
            {
                sum += Math.Exp(logP[r] - maxP);
            }
            var logZ = maxP + Math.Log(sum);
            logEvidence += logZ;
            var map = 0;
            for (var r = 0; r < active; r++)
            {
                logP[r] -= logZ;
                if (logP[r] > logP[map])
                {
                    map = r;
                }
            }
            // Keep the Viterbi scores on a comparable scale (they only matter relative to each other).
            var maxV = double.NegativeInfinity;
            for (var r = 0; r < active; r++)
            {
                maxV = Math.Max(maxV, logV[r]);
            }
            for (var r = 0; r < active; r++)
            {
                logV[r] -= maxV;
            }

            changeProbability[t] = Math.Exp(logP[0]);
            mapRunLength[t] = map;
            if (rows is not null)
            {
                var row = new double[active];
                for (var r = 0; r < active; r++)
                {
                    row[r] = Math.Exp(logP[r]);
                }
                rows[t] = row;
            }
        }

        // Back-track the most probable segmentation.
        var bestEnd = 0;
        for (var r = 1; r < active; r++)
        {
            if (logV[r] > logV[bestEnd])
            {
                bestEnd = r;
            }
        }
        var cps = new List<int>();
        for (var s = vStart[bestEnd]; s > 0; s = prevStartOfBest[s])
        {
            cps.Add(s); // a run starting at 0-based index s: the previous segment ends at observation s (1-based)
        }
        cps.Reverse();

        return new BocpdResult(n, options with { PriorMean = mu0, PriorBeta = beta0 }, [.. cps], changeProbability, mapRunLength, rows, logEvidence);
    }

    private static (double Mu, double Kappa, int Count, double Beta) Update(double mu, double kappa, int count, double beta, double x)
    {
        var d = x - mu;
        return ((kappa * mu + x) / (kappa + 1), kappa + 1, count + 1, beta + kappa * d * d / (2 * (kappa + 1)));
    }

    private static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
        {
            return b;
        }
        if (double.IsNegativeInfinity(b))
        {
            return a;
        }
        var m = Math.Max(a, b);
        return m + Math.Log(Math.Exp(a - m) + Math.Exp(b - m));
    }

    internal static double Median(double[] x)
    {
        var copy = x.ToArray();
        var lo = Selection.Select(copy, (copy.Length - 1) / 2);
        if (copy.Length % 2 == 1)
        {
            return lo;
        }
        var hi = Selection.Select(copy, copy.Length / 2);
        return (lo + hi) / 2;
    }

    /// <summary>(1.4826·MAD of the first differences)²/2, a robust noise variance; 1 when it is zero or undefined.</summary>
    internal static double NoiseVariance(double[] x)
    {
        if (x.Length < 3)
        {
            return 1;
        }
        var d = new double[x.Length - 1];
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = x[i + 1] - x[i];
        }
        var med = Median(d);
        for (var i = 0; i < d.Length; i++)
        {
            d[i] = Math.Abs(d[i] - med);
        }
        var sigma = 1.4826 * Median(d) / Math.Sqrt(2);
        return sigma > 0 ? sigma * sigma : 1;
    }
}

/// <summary>The output of <see cref="Bocpd.Detect"/>.</summary>
public sealed record BocpdResult
{
    private readonly double[][]? _rows;

    internal BocpdResult(int n, BocpdOptions options, int[] changePoints, double[] changeProbability, int[] mapRunLength, double[][]? rows, double logEvidence)
    {
        N = n;
        Options = options;
        ChangePoints = changePoints.AsReadOnly();
        ChangeProbability = changeProbability.AsReadOnly();
        MapRunLength = mapRunLength.AsReadOnly();
        _rows = rows;
        LogEvidence = logEvidence;
    }

    public int N { get; }

    /// <summary>The options used, with the data-driven prior values filled in.</summary>
    public BocpdOptions Options { get; }

    /// <summary>The change points of the maximum a posteriori segmentation (R convention: last observation of each segment, 1-based, n excluded).</summary>
    public IReadOnlyList<int> ChangePoints { get; }

    /// <summary>P(r_t = 0 | x[0..t]): the filtered probability that x[t] opens a new segment.</summary>
    public IReadOnlyList<double> ChangeProbability { get; }

    /// <summary>The most probable run length at each time.</summary>
    public IReadOnlyList<int> MapRunLength { get; }

    /// <summary>log p(x[0..n−1]) under the model.</summary>
    public double LogEvidence { get; }

    public bool HasPosterior => _rows is not null;

    /// <summary>The run-length posterior after x[t]: entry r is P(r_t = r | x[0..t]); it sums to 1.</summary>
    public ReadOnlySpan<double> Posterior(int t)
    {
        Check.That(_rows is not null, "is not available: run with KeepPosterior = true", "Posterior");
        Check.InRange(t, 0, N - 1);
        return _rows![t];
    }

    /// <summary>
    /// The posterior probability that a segment starts within ±<paramref name="window"/> of the one after
    /// <paramref name="changePoint"/> (R convention), read from the run-length posterior at time
    /// changePoint + window + <paramref name="delay"/> (or the end of the series): the mass of run lengths whose
    /// run began in that window. The delay lets the detector see data after the change.
    /// </summary>
    public double ChangeProbabilityNear(int changePoint, int window, int delay = 10)
    {
        Check.InRange(changePoint, 1, N - 1);
        Check.AtLeast(window, 0);
        Check.AtLeast(delay, 0);
        var t = Math.Min(N - 1, changePoint + window + delay);
        var row = Posterior(t);
        double p = 0;
        for (var r = 0; r < row.Length; r++)
        {
            var start = t - r; // 0-based index of the run's first observation == R change point before it
            if (start >= Math.Max(1, changePoint - window) && start <= changePoint + window)
            {
                p += row[r];
            }
        }
        return Math.Min(1, p);
    }
}
