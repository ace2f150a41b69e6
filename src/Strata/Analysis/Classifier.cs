using MathNet.Numerics.Distributions;
using Strata.ChangePoints;

namespace Strata.Analysis;

/// <summary>How an event or episode reads against the structure of its relationship.</summary>
public enum EpisodeLabel
{
    /// <summary>Inside the long-run band: an ordinary fluctuation.</summary>
    Noise,

    /// <summary>Outside the band, but no lasting break in the series: a passing deviation.</summary>
    EpisodicDeviation,

    /// <summary>A lasting break to a level away from where the relationship was.</summary>
    StructuralShift,

    /// <summary>A lasting break back into the long-run band from a level outside it.</summary>
    StructuralReversion,
}

/// <summary>Settings of the classifier. Defaults depend on the granularity; see docs/classifier.md.</summary>
public sealed record ClassifierOptions
{
    public required BaselineOptions Baseline { get; init; }

    /// <summary>A break counts for a period when its new regime starts within this many periods of it.</summary>
    public required int Margin { get; init; }

    /// <summary>A break must be found in at least this share of bootstrap replicates to count.</summary>
    public double MinStrength { get; init; } = 0.5;

    /// <summary>Periods observed after a break before it is more than provisional.</summary>
    public int MinPersistence { get; init; } = 3;

    public int MinSegmentLength { get; init; } = 2;

    public Penalty Penalty { get; init; } = Penalty.Mbic;

    public BootstrapOptions Bootstrap { get; init; } = new() { Replicates = 200, Seed = 1 };

    public static ClassifierOptions For(Series.Granularity granularity) => new()
    {
        Baseline = BaselineOptions.For(granularity),
        Margin = granularity switch
        {
            Series.Granularity.Month => 3,
            Series.Granularity.Quarter => 2,
            _ => 1,
        },
    };
}

/// <summary>
/// A structural break: the regime that starts at <see cref="FirstIndexAfter"/> (0-based period index), with
/// its bootstrap strength and 95% interval (0-based indices of the first period of the new regime), and the
/// mean levels before and after.
/// </summary>
/// <param name="FirstIndexAfter">0-based index of the first period of the new regime.</param>
/// <param name="Strength">Share of bootstrap replicates with a break within the window of it.</param>
/// <param name="Lower">2.5% bound of the bootstrap break location (0-based first period after).</param>
/// <param name="Upper">97.5% bound.</param>
/// <param name="LevelBefore">Mean observed value of the regime before the break.</param>
/// <param name="LevelAfter">Mean observed value of the regime after it.</param>
/// <param name="StartBefore">0-based index of the first period of the regime before the break.</param>
/// <param name="ObservedBefore">Periods with data in the regime before the break.</param>
/// <param name="ObservedAfter">Periods with data in the regime after the break.</param>
/// <param name="EndsBeforeAsOf">True when another break ends the new regime before the as-of period.</param>
public sealed record StructuralBreak(
    int FirstIndexAfter, double Strength, int Lower, int Upper, double LevelBefore, double LevelAfter, int StartBefore, int ObservedBefore, int ObservedAfter, bool EndsBeforeAsOf);

/// <summary>A label with its confidence and every piece of evidence behind it.</summary>
public sealed record Classification(
    EpisodeLabel Label,
    double Confidence,
    int Index,
    double? Value,
    BaselinePoint? Baseline,
    StructuralBreak? Break,
    double? Deviation,
    int DeviationDuration,
    string Rule)
{
    /// <summary>False where there was too little history or no value to judge: the label is then only a placeholder.</summary>
    public bool IsJudgement => Confidence > 0;
}

/// <summary>
/// A series analysed as of one period: its structural breaks (PELT with the normal-mean cost on the series
/// scaled by a robust noise estimate, MBIC penalty, bootstrap strengths) and its baselines, from which any
/// period up to the as-of period can be classified. Nothing after the as-of period is used.
/// </summary>
public sealed class SeriesAnalysis
{
    private readonly double[] _values;

    private SeriesAnalysis(double[] values, ClassifierOptions options, IReadOnlyList<StructuralBreak> breaks, double noise)
    {
        _values = values;
        Options = options;
        Breaks = breaks;
        NoiseScale = noise;
    }

    public ClassifierOptions Options { get; }

    public IReadOnlyList<StructuralBreak> Breaks { get; }

    /// <summary>The robust noise estimate the series was scaled by before detection.</summary>
    public double NoiseScale { get; }

    /// <summary>The last period used (0-based).</summary>
    public int AsOf => _values.Length - 1;

    /// <summary>Analyses <paramref name="values"/>[0..<paramref name="asOf"/>] (NaN marks a period with no data).</summary>
    public static SeriesAnalysis Run(ReadOnlySpan<double> values, ClassifierOptions options, int? asOf = null)
    {
        Check.NotNull(options);
        var end = asOf ?? (values.Length - 1);
        Check.That(end >= 0 && end < values.Length, $"must be within 0..{values.Length - 1}, was {end}", nameof(asOf));
        var x = values[..(end + 1)].ToArray();
        if (!x.Any(double.IsFinite) || x.Length < 2 * options.MinSegmentLength)
        {
            return new SeriesAnalysis(x, options, [], double.NaN);
        }
        var filled = SeriesInput.Prepare(x, MissingValues.Interpolate);
        // The noise is estimated on the observed values only: interpolated stretches have no noise of their own.
        var noise = EstimateNoise(x.Where(double.IsFinite).ToArray());
        var scaled = filled.Select(v => v / noise).ToArray();
        Segmentation Search(double[] s) => Pelt.Detect(s, SegmentCosts.NormalMean, options.Penalty, options.MinSegmentLength);
        var segmentation = Search(scaled);
        var uncertainty = ChangePointBootstrap.Run(scaled, segmentation, SegmentCosts.NormalMean, Search, options.Bootstrap);
        var breaks = new List<StructuralBreak>();
        for (var k = 0; k < segmentation.ChangePoints.Count; k++)
        {
            var before = segmentation.Segments[k];
            var after = segmentation.Segments[k + 1];
            var u = uncertainty.ChangePoints[k];
            // Where the break falls in a stretch without data, the new regime may have begun anywhere after the
            // last observation of the old one and up to the first observation of the new one.
            var first = after.Start - 1;
            var lastObservedBefore = Array.FindLastIndex(x, first - 1 < 0 ? 0 : first - 1, double.IsFinite);
            var firstObservedAfter = Array.FindIndex(x, first, double.IsFinite);
            var lower = Math.Min(u.Lower, lastObservedBefore + 1);
            var upper = Math.Max(u.Upper, firstObservedAfter < 0 ? first : firstObservedAfter);
            breaks.Add(new StructuralBreak(
                FirstIndexAfter: first,
                Strength: u.Strength,
                Lower: Math.Max(0, lower),
                Upper: Math.Min(x.Length - 1, upper),
                LevelBefore: ObservedMean(x, before.Start - 1, before.End - 1),
                LevelAfter: ObservedMean(x, after.Start - 1, after.End - 1),
                StartBefore: before.Start - 1,
                ObservedBefore: x[(before.Start - 1)..before.End].Count(double.IsFinite),
                ObservedAfter: x[(after.Start - 1)..after.End].Count(double.IsFinite),
                EndsBeforeAsOf: k + 1 < segmentation.Segments.Count - 1));
        }
        return new SeriesAnalysis(x, options, MergeAcrossGaps(breaks), noise);
    }

    /// <summary>
    /// A regime with no observed period is an artefact of interpolating across a gap: the two breaks around it
    /// are one change, dated anywhere in the gap.
    /// </summary>
    private static List<StructuralBreak> MergeAcrossGaps(List<StructuralBreak> breaks)
    {
        var merged = new List<StructuralBreak>();
        foreach (var b in breaks)
        {
            if (merged.Count > 0 && merged[^1].ObservedAfter == 0)
            {
                var a = merged[^1];
                merged[^1] = a with
                {
                    Strength = Math.Max(a.Strength, b.Strength),
                    Lower = Math.Min(a.Lower, b.Lower),
                    Upper = Math.Max(a.Upper, b.Upper),
                    LevelAfter = b.LevelAfter,
                    ObservedAfter = b.ObservedAfter,
                    EndsBeforeAsOf = b.EndsBeforeAsOf,
                };
            }
            else
            {
                merged.Add(b);
            }
        }
        return merged;
    }

    /// <summary>The noise of a series: 1.4826 × MAD of its first differences / √2, robust to level shifts and outliers.</summary>
    public static double EstimateNoise(ReadOnlySpan<double> x)
    {
        if (x.Length < 3)
        {
            return 1;
        }
        var d = new List<double>(x.Length - 1);
        for (var i = 1; i < x.Length; i++)
        {
            d.Add(x[i] - x[i - 1]);
        }
        var med = Baseline.Median([.. d]);
        var mad = Baseline.Median(d.Select(v => Math.Abs(v - med)).ToList());
        var s = 1.4826 * mad / Math.Sqrt(2);
        if (s > 0)
        {
            return s;
        }
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }
        mean /= x.Length;
        var sd = 0.0;
        foreach (var v in x)
        {
            sd += (v - mean) * (v - mean);
        }
        sd = Math.Sqrt(sd / x.Length);
        return sd > 0 ? sd : 1;
    }

    private static double ObservedMean(double[] x, int from, int to)
    {
        var sum = 0.0;
        var n = 0;
        for (var i = from; i <= to; i++)
        {
            if (double.IsFinite(x[i]))
            {
                sum += x[i];
                n++;
            }
        }
        return n > 0 ? sum / n : double.NaN;
    }

    /// <summary>
    /// The baseline for period <paramref name="index"/>: over the window before it, but not reaching back past
    /// the start of the current regime once that regime has enough observed periods of its own. A settled new
    /// regime is the structure its later events are read against.
    /// </summary>
    public BaselinePoint? RegimeBaseline(int index)
    {
        var start = Breaks.Where(b => b.FirstIndexAfter <= index && b.Strength >= Options.MinStrength).Select(b => b.FirstIndexAfter).DefaultIfEmpty(0).Max();
        var observed = 0;
        for (var i = start; i < index; i++)
        {
            if (double.IsFinite(_values[i]))
            {
                observed++;
            }
        }
        var window = start > 0 && observed >= Options.Baseline.MinObservations
            ? Options.Baseline with { Window = Math.Min(Options.Baseline.Window, index - start) }
            : Options.Baseline;
        return Baseline.At(_values, index, window);
    }

    /// <summary>The baseline at every analysed period.</summary>
    public IReadOnlyList<BaselinePoint?> Baselines() => Enumerable.Range(0, _values.Length).Select(RegimeBaseline).ToList();

    /// <summary>Labels period <paramref name="index"/> by the rules in docs/classifier.md.</summary>
    public Classification Classify(int index)
    {
        Check.That(index >= 0 && index <= AsOf, $"must be within 0..{AsOf} (the as-of period), was {index}", nameof(index));
        var baseline = RegimeBaseline(index);
        double? value = double.IsFinite(_values[index]) ? _values[index] : null;
        var k = Options.Baseline.Width;
        var brk = Breaks
            .Where(b => Math.Abs(b.FirstIndexAfter - index) <= Options.Margin && b.Strength >= Options.MinStrength)
            .OrderBy(b => Math.Abs(b.FirstIndexAfter - index)).ThenByDescending(b => b.Strength)
            .FirstOrDefault();
        double? z = value is { } v && baseline is not null ? baseline.Z(v) : null;
        var duration = 0;
        if (baseline is not null)
        {
            for (var i = index; i <= AsOf && double.IsFinite(_values[i]) && !baseline.Contains(_values[i]); i++)
            {
                duration++;
            }
        }

        // A regime shorter than the persistence threshold that has already ended is an episode, not a structure,
        // and so is the break that closes it.
        if (brk is not null && ((brk.ObservedAfter < Options.MinPersistence && brk.EndsBeforeAsOf) || brk.ObservedBefore < Options.MinPersistence))
        {
            brk = null;
        }
        if (brk is not null && baseline is not null)
        {
            var persistence = brk.ObservedAfter >= Options.MinPersistence ? 1.0 : 0.5;
            // Reversion is judged against the long run as it stood when the regime being left began.
            var longRun = Baseline.At(_values, brk.StartBefore, Options.Baseline) ?? baseline;
            if (longRun.Contains(brk.LevelAfter) && !longRun.Contains(brk.LevelBefore))
            {
                return new Classification(EpisodeLabel.StructuralReversion, brk.Strength * persistence, index, value, longRun, brk, z, duration,
                    "a lasting break leads from a level outside the long-run band (as it stood before that regime) back inside it");
            }
            if (Math.Abs(brk.LevelAfter - brk.LevelBefore) > k * baseline.Spread)
            {
                return new Classification(EpisodeLabel.StructuralShift, brk.Strength * persistence, index, value, baseline, brk, z, duration,
                    "a lasting break within the margin moves the level by more than the band's half-width");
            }
        }
        if (z is null)
        {
            return new Classification(EpisodeLabel.Noise, 0, index, value, baseline, brk, null, 0,
                baseline is null ? "too little history for a baseline: no judgement" : "no data in this period: no judgement");
        }
        var distance = Math.Abs(z.Value);
        return distance <= k
            ? new Classification(EpisodeLabel.Noise, Normal.CDF(0, 1, k - distance), index, value, baseline, brk, z, 0,
                "inside the band and no lasting break within the margin")
            : new Classification(EpisodeLabel.EpisodicDeviation, Normal.CDF(0, 1, distance - k), index, value, baseline, brk, z, duration,
                "outside the band without a lasting break within the margin");
    }
}
