namespace Strata.Analysis;

/// <summary>Settings of the long-run baseline and its fluctuation band.</summary>
public sealed record BaselineOptions
{
    /// <summary>How many periods before the one judged make the long run (20 years, 40 quarters or 120 months by default).</summary>
    public required int Window { get; init; }

    /// <summary>Half-width of the band in robust standard deviations (1.4826 × MAD).</summary>
    public double Width { get; init; } = 2.0;

    /// <summary>Fewest observed periods in the window for a baseline to exist.</summary>
    public int MinObservations { get; init; } = 5;

    public static BaselineOptions For(Series.Granularity granularity) => new()
    {
        Window = granularity switch
        {
            Series.Granularity.Month => 120,
            Series.Granularity.Quarter => 40,
            _ => 20,
        },
    };
}

/// <summary>
/// The long-run level of a series at one period and the band of ordinary fluctuation around it, computed from
/// the periods before it only.
/// </summary>
public sealed record BaselinePoint(int Index, double Level, double Spread, double Lower, double Upper, int Observations)
{
    /// <summary>How far a value lies from the level, in robust standard deviations.</summary>
    public double Z(double value) => (value - Level) / Spread;

    public bool Contains(double value) => value >= Lower && value <= Upper;
}

/// <summary>
/// A robust long-run baseline: the median of the observed values in the window before each period, with a band
/// of ± <see cref="BaselineOptions.Width"/> robust standard deviations (1.4826 × the median absolute deviation).
/// Medians and MADs are not pulled by the very episodes the method is meant to judge, and using only the periods
/// before each one means a past judgement can be replayed exactly as it could have been made then.
/// </summary>
public static class Baseline
{
    /// <summary>The baseline for period <paramref name="index"/> from values[index − window .. index − 1]; null when too few are observed.</summary>
    public static BaselinePoint? At(ReadOnlySpan<double> values, int index, BaselineOptions options)
    {
        Check.NotNull(options);
        Check.That(index >= 0 && index <= values.Length, $"must be within 0..{values.Length}, was {index}", nameof(index));
        var from = Math.Max(0, index - options.Window);
        var window = new List<double>(index - from);
        for (var i = from; i < index; i++)
        {
            if (double.IsFinite(values[i]))
            {
                window.Add(values[i]);
            }
        }
        if (window.Count < options.MinObservations)
        {
            return null;
        }
        var level = Median(window);
        var deviations = window.Select(v => Math.Abs(v - level)).ToList();
        var mad = Median(deviations);
        // A window of identical values has MAD 0; fall back to the mean absolute deviation, then to a tiny floor,
        // so that any change from a perfectly flat history counts as outside the band.
        var spread = 1.4826 * mad;
        if (spread <= 0)
        {
            spread = deviations.Average();
        }
        spread = Math.Max(spread, 1e-9);
        return new BaselinePoint(index, level, spread, level - (options.Width * spread), level + (options.Width * spread), window.Count);
    }

    /// <summary>The baseline at every period (null where it cannot be computed yet).</summary>
    public static IReadOnlyList<BaselinePoint?> Along(ReadOnlySpan<double> values, BaselineOptions options)
    {
        var result = new BaselinePoint?[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = At(values, i, options);
        }
        return result;
    }

    internal static double Median(List<double> values)
    {
        values.Sort();
        var n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }
}
