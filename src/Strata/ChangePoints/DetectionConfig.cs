namespace Strata.ChangePoints;

/// <summary>The offline searches a <see cref="DetectionConfig"/> can run.</summary>
public enum SearchMethod
{
    /// <summary>PELT: exact, as R's changepoint.</summary>
    Pelt,

    /// <summary>Binary segmentation with at most <see cref="DetectionConfig.MaxChangePoints"/> changes.</summary>
    BinSeg,

    /// <summary>Optimal partitioning: exact, O(n²).</summary>
    OptimalPartitioning,
}

/// <summary>How a series is rescaled before the search (the change points do not depend on it for scale-free costs).</summary>
public enum Scaling
{
    /// <summary>The series as given.</summary>
    None,

    /// <summary>
    /// Centred and divided by its sample standard deviation (R's <c>scale()</c>), as TCPDBench does to every series
    /// before running any method. A constant series is only centred.
    /// </summary>
    Standardise,

    /// <summary>
    /// Divided by a robust estimate of the noise, σ̂ = 1.4826·MAD(Δx)/√2 (the median absolute deviation of the first
    /// differences, which mean shifts barely move), so that the noise is about 1 as the normal-mean cost assumes.
    /// </summary>
    NoiseScale,
}

/// <summary>
/// One change-point configuration: search, cost, penalty, minimum segment length, the most changes for binary
/// segmentation, and the rescaling applied first. Immutable. A new instance starts from R's <c>cpt.mean</c> defaults
/// (PELT, normal mean, MBIC); <see cref="Default"/> is Strata's chosen default, what <c>strata cpd detect</c> and
/// <c>strata cpd eval</c> use when given no options (see docs/changepoints.md, "Default configuration").
/// </summary>
public sealed record DetectionConfig
{
    public SearchMethod Method { get; init; } = SearchMethod.Pelt;

    public ISegmentCost Cost { get; init; } = SegmentCosts.NormalMean;

    public Penalty Penalty { get; init; } = Penalty.Mbic;

    /// <summary>The minimum segment length; null for R's default of the cost.</summary>
    public int? MinSegmentLength { get; init; }

    /// <summary>Binary segmentation: the most change points it looks for (R's Q).</summary>
    public int MaxChangePoints { get; init; } = 5;

    public Scaling Scaling { get; init; } = Scaling.None;

    /// <summary>
    /// The configuration used when none is given: PELT, normal mean-and-variance cost, MBIC, minimum segment length 5.
    /// It scored best of the candidates compared on synthetic annotated series (docs/changepoints.md, "Default
    /// configuration"); the cost is scale-free, so no rescaling is needed.
    /// </summary>
    public static DetectionConfig Default { get; } = new() { Cost = SegmentCosts.NormalMeanVar, MinSegmentLength = 5 };

    /// <summary>pelt, binseg or op: the method's name in outputs.</summary>
    public string MethodName => Method switch
    {
        SearchMethod.BinSeg => "binseg",
        SearchMethod.OptimalPartitioning => "op",
        _ => "pelt",
    };

    /// <summary>
    /// The change points of <paramref name="series"/>. With a <see cref="Scaling"/> the search runs on the rescaled
    /// series; the result's segments (means, variances) are those of the series as given, while its costs and
    /// penalty are those the search minimised.
    /// </summary>
    public Segmentation Detect(ReadOnlySpan<double> series, MissingValues missing = MissingValues.Reject)
    {
        Check.NotNull(Cost);
        Check.NotNull(Penalty);
        Check.AtLeast(MaxChangePoints, 1, nameof(MaxChangePoints));
        var x = SeriesInput.Prepare(series, missing);
        var scaled = Rescale(x, Scaling);
        var seg = Method switch
        {
            SearchMethod.BinSeg => BinarySegmentation.Detect(scaled, Cost, Penalty, MaxChangePoints, MinSegmentLength),
            SearchMethod.OptimalPartitioning => OptimalPartitioning.Detect(scaled, Cost, Penalty, MinSegmentLength),
            _ => Pelt.Detect(scaled, Cost, Penalty, MinSegmentLength),
        };
        return ReferenceEquals(scaled, x) ? seg : seg.WithSegmentsOf(x);
    }

    /// <summary>The series rescaled as <paramref name="scaling"/> says; the same array when nothing changes.</summary>
    public static double[] Rescale(double[] x, Scaling scaling)
    {
        Check.NotNull(x);
        if (scaling == Scaling.None || x.Length < 2)
        {
            return x;
        }
        double centre = 0, scale;
        if (scaling == Scaling.Standardise)
        {
            centre = PrefixSums.Mean(x);
            double ss = 0;
            foreach (var v in x)
            {
                ss += (v - centre) * (v - centre);
            }
            scale = Math.Sqrt(ss / (x.Length - 1));
        }
        else
        {
            scale = Math.Sqrt(Bocpd.NoiseVariance(x));
        }
        if (!(scale > 0) || !double.IsFinite(scale))
        {
            scale = 1;
        }
        var y = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = (x[i] - centre) / scale;
        }
        return y;
    }

    /// <summary>A short description, e.g. <c>pelt normal-mean mbic</c> or <c>binseg(Q=5) normal-mean mbic standardised</c>.</summary>
    public override string ToString()
    {
        var method = Method == SearchMethod.BinSeg ? $"binseg(Q={MaxChangePoints})" : MethodName;
        var min = MinSegmentLength is { } m ? $" minseg={m}" : "";
        var scaling = Scaling switch
        {
            Scaling.Standardise => " standardised",
            Scaling.NoiseScale => " noise-scaled",
            _ => "",
        };
        return $"{method} {Cost?.Name} {Penalty?.Name}{min}{scaling}";
    }
}
