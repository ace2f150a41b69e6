using MathNet.Numerics.Distributions;

namespace Strata.ChangePoints;

/// <summary>How bootstrap series are drawn from a fitted segmentation.</summary>
public enum BootstrapKind
{
    /// <summary>Parametric for Poisson and exponential costs, residual blocks for the others.</summary>
    Auto,

    /// <summary>
    /// Each segment's mean plus its standard deviation times standardised residuals, resampled in circular blocks
    /// (which keeps short-range dependence); suits the Normal and L1 costs.
    /// </summary>
    ResidualBlocks,

    /// <summary>Draws from the cost's model with each segment's estimates: Normal(mean, variance), Poisson(mean), Exponential(mean).</summary>
    Parametric,
}

/// <summary>Settings of the bootstrap.</summary>
public sealed record BootstrapOptions
{
    public int Replicates { get; init; } = 200;

    /// <summary>The seed: the same seed gives the same answer, whatever the number of threads.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>A change counts as found again when a bootstrap change lies within ±Window of it.</summary>
    public int Window { get; init; } = 2;

    public BootstrapKind Kind { get; init; } = BootstrapKind.Auto;

    /// <summary>The block length of <see cref="BootstrapKind.ResidualBlocks"/>; by default ⌈n^(1/3)⌉.</summary>
    public int? BlockLength { get; init; }
}

/// <summary>
/// The uncertainty of one change point: <see cref="Strength"/> is the share of bootstrap segmentations with a change
/// within ±window of it; [<see cref="Lower"/>, <see cref="Upper"/>] is the 2.5–97.5% range of the nearest bootstrap
/// change inside its catchment (halfway to the neighbouring change points), over the replicates that have one.
/// </summary>
public sealed record ChangePointUncertainty(int ChangePoint, double Strength, int Lower, int Upper, double Found);

/// <summary>The bootstrap uncertainty of a segmentation.</summary>
public sealed record SegmentationUncertainty(Segmentation Segmentation, BootstrapOptions Options, string Kind, IReadOnlyList<ChangePointUncertainty> ChangePoints);

/// <summary>
/// Bootstrap uncertainty of change points: draw series from the fitted segmentation, segment each with the same
/// search, cost, penalty and minimum length, and see where the changes fall.
/// </summary>
public static class ChangePointBootstrap
{
    /// <summary>
    /// Bootstraps a segmentation made by <paramref name="search"/> (for instance
    /// <c>s =&gt; Pelt.Detect(s, cost, penalty)</c>) on <paramref name="series"/>.
    /// </summary>
    public static SegmentationUncertainty Run(
        ReadOnlySpan<double> series, Segmentation segmentation, ISegmentCost cost, Func<double[], Segmentation> search,
        BootstrapOptions? options = null)
    {
        Check.NotNull(segmentation);
        Check.NotNull(cost);
        Check.NotNull(search);
        options ??= new BootstrapOptions();
        Check.AtLeast(options.Replicates, 1, nameof(options.Replicates));
        Check.AtLeast(options.Window, 0, nameof(options.Window));
        Check.AllFinite(series);
        var x = series.ToArray();
        var n = x.Length;
        Check.That(n == segmentation.N, $"has {n} values but the segmentation covers {segmentation.N}", nameof(series));
        var kind = options.Kind != BootstrapKind.Auto ? options.Kind
            : cost is PoissonCost or ExponentialCost ? BootstrapKind.Parametric : BootstrapKind.ResidualBlocks;
        var block = options.BlockLength ?? (int)Math.Ceiling(Math.Cbrt(n));
        Check.AtLeast(block, 1, nameof(options.BlockLength));

        var segmentOf = new int[n];
        foreach (var (s, k) in segmentation.Segments.Select((s, k) => (s, k)))
        {
            Array.Fill(segmentOf, k, s.Start - 1, s.Length);
        }
        var standardised = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = segmentation.Segments[segmentOf[i]];
            var sd = Math.Sqrt(s.Variance);
            standardised[i] = sd > 0 ? (x[i] - s.Mean) / sd : 0;
        }

        var master = new Random(options.Seed);
        var seeds = Enumerable.Range(0, options.Replicates).Select(_ => master.Next()).ToArray();
        var results = new IReadOnlyList<int>[options.Replicates];
        Parallel.For(0, options.Replicates, b =>
        {
            var rng = new Random(seeds[b]);
            var y = new double[n];
            if (kind == BootstrapKind.Parametric)
            {
                for (var i = 0; i < n; i++)
                {
                    var s = segmentation.Segments[segmentOf[i]];
                    y[i] = cost switch
                    {
                        PoissonCost => s.Mean > 0 ? Poisson.Sample(rng, s.Mean) : 0,
                        ExponentialCost => s.Mean > 0 ? Exponential.Sample(rng, 1 / s.Mean) : 0,
                        _ => s.Variance > 0 ? Normal.Sample(rng, s.Mean, Math.Sqrt(s.Variance)) : s.Mean,
                    };
                }
            }
            else
            {
                var i = 0;
                while (i < n)
                {
                    var from = rng.Next(n);
                    for (var j = 0; j < block && i < n; j++, i++)
                    {
                        var s = segmentation.Segments[segmentOf[i]];
                        y[i] = s.Mean + Math.Sqrt(s.Variance) * standardised[(from + j) % n];
                    }
                }
            }
            results[b] = search(y).ChangePoints;
        });

        var cps = segmentation.ChangePoints;
        var summary = new ChangePointUncertainty[cps.Count];
        for (var k = 0; k < cps.Count; k++)
        {
            var c = cps[k];
            var low = k == 0 ? 1 : (cps[k - 1] + c) / 2.0;
            var high = k == cps.Count - 1 ? n - 1 : (c + cps[k + 1]) / 2.0;
            var locations = new List<int>();
            var near = 0;
            foreach (var r in results)
            {
                int? nearest = null;
                foreach (var rc in r)
                {
                    if (rc >= low && rc <= high && (nearest is null || Math.Abs(rc - c) < Math.Abs(nearest.Value - c)))
                    {
                        nearest = rc;
                    }
                }
                if (nearest is { } found)
                {
                    locations.Add(found);
                    if (Math.Abs(found - c) <= options.Window)
                    {
                        near++;
                    }
                }
            }
            locations.Sort();
            var lower = locations.Count > 0 ? Quantile(locations, 0.025) : c;
            var upper = locations.Count > 0 ? Quantile(locations, 0.975) : c;
            summary[k] = new ChangePointUncertainty(c, (double)near / options.Replicates, lower, upper, (double)locations.Count / options.Replicates);
        }
        return new SegmentationUncertainty(segmentation, options, kind == BootstrapKind.Parametric ? "parametric" : "residual-blocks", summary.AsReadOnly());
    }

    /// <summary>The empirical quantile of sorted values (inverse of the empirical distribution, R's type 1).</summary>
    private static int Quantile(List<int> sorted, double p)
    {
        var index = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
