namespace Strata.Analysis;

/// <summary>Where the onset of a change lies relative to a reference date.</summary>
public enum OnsetTiming
{
    /// <summary>The whole interval of the onset ends before the reference date.</summary>
    Before,

    /// <summary>The whole interval starts after the reference date.</summary>
    After,

    /// <summary>The interval contains the reference date: the data cannot tell.</summary>
    Undecided,

    /// <summary>No onset was found in the window.</summary>
    NotFound,
}

/// <summary>
/// The onset of a downturn (or upturn) in a series: the period it starts, the interval it may start in, how it
/// was found (a structural break or the first excursion beyond the band), and its timing against a reference.
/// </summary>
public sealed record Onset(
    OnsetTiming Timing, string Method, DateOnly? Start, DateOnly? IntervalStart, DateOnly? IntervalEnd, double Strength, string Explanation);

/// <summary>
/// Finds when a change in a relationship began, to test claims such as "the strain began before the treaty".
/// The rule (docs/classifier.md): the earliest structural break in the window whose level moves in the asked
/// direction by more than the band's half-width in noise units (k·σ̂), dated by its bootstrap interval; failing that, the first period in the window whose value lies
/// beyond the band in that direction, dated by that period.
/// </summary>
public static class OnsetFinder
{
    /// <param name="analysis">The series analysed (as of the window's end or later).</param>
    /// <param name="periodStarts">The first day of each period of the series.</param>
    /// <param name="periodEnds">The last day of each period.</param>
    /// <param name="values">The series' values (NaN where missing).</param>
    /// <param name="windowFrom">First index searched.</param>
    /// <param name="windowTo">Last index searched.</param>
    /// <param name="downward">True for a downturn, false for an upturn.</param>
    /// <param name="reference">The date the onset is compared with.</param>
    public static Onset Find(
        SeriesAnalysis analysis, IReadOnlyList<DateOnly> periodStarts, IReadOnlyList<DateOnly> periodEnds, ReadOnlySpan<double> values,
        int windowFrom, int windowTo, bool downward, DateOnly reference)
    {
        Check.NotNull(analysis);
        Check.NotNull(periodStarts);
        Check.NotNull(periodEnds);
        var direction = downward ? "downward" : "upward";
        var brk = analysis.Breaks
            .Where(b => b.FirstIndexAfter >= windowFrom && b.FirstIndexAfter <= windowTo && b.Strength >= analysis.Options.MinStrength)
            .Where(b => downward ? b.LevelAfter < b.LevelBefore : b.LevelAfter > b.LevelBefore)
            // Only a change larger than ordinary fluctuation (the band's half-width in noise units) is an onset.
            .Where(b => Math.Abs(b.LevelAfter - b.LevelBefore) > analysis.Options.Baseline.Width * analysis.NoiseScale)
            .OrderBy(b => b.FirstIndexAfter)
            .FirstOrDefault();
        if (brk is not null)
        {
            var from = periodStarts[brk.Lower];
            var to = periodEnds[brk.Upper];
            return new Onset(Judge(from, to, reference), "structural break", periodStarts[brk.FirstIndexAfter], from, to, brk.Strength,
                $"a {direction} break from {brk.LevelBefore:0.##} to {brk.LevelAfter:0.##} starting in the period of {periodStarts[brk.FirstIndexAfter]:yyyy-MM-dd} " +
                $"(95% interval {from:yyyy-MM-dd} to {to:yyyy-MM-dd}, found in {brk.Strength * 100:0}% of bootstrap replicates)");
        }
        for (var i = windowFrom; i <= windowTo; i++)
        {
            var b = analysis.RegimeBaseline(i);
            if (b is null || !double.IsFinite(values[i]))
            {
                continue;
            }
            if (downward ? values[i] < b.Lower : values[i] > b.Upper)
            {
                var from = periodStarts[i];
                var to = periodEnds[i];
                return new Onset(Judge(from, to, reference), "first excursion beyond the band", from, from, to, 0,
                    $"no {direction} structural break in the window; the first value beyond the band is {values[i]:0.##} " +
                    $"(band {b.Lower:0.##} to {b.Upper:0.##}) in the period {from:yyyy-MM-dd} to {to:yyyy-MM-dd}");
            }
        }
        return new Onset(OnsetTiming.NotFound, "none", null, null, null, 0,
            $"neither a {direction} break nor a value beyond the band in the window");
    }

    private static OnsetTiming Judge(DateOnly from, DateOnly to, DateOnly reference) =>
        to < reference ? OnsetTiming.Before : from > reference ? OnsetTiming.After : OnsetTiming.Undecided;
}
