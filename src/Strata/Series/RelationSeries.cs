using Strata.Domain;

namespace Strata.Series;

/// <summary>What a relationship series measures in each period.</summary>
public enum Measure
{
    /// <summary>Weighted number of events.</summary>
    Count,

    /// <summary>Weighted mean Goldstein score, on [-10, 10].</summary>
    Goldstein,

    /// <summary>Weighted share of cooperative events minus the share of conflictual ones, on [-1, 1].</summary>
    NetCoop,

    /// <summary>Weighted number of events in each quad class (four values per period).</summary>
    Quad,
}

/// <summary>
/// Events reduced to what a series needs: a date interval, a quad class, a summed weight, a weighted Goldstein
/// sum and a raw count. The store aggregates imported rows by day into atoms; curated events are one atom each.
/// </summary>
public readonly record struct EventAtom(DateOnly Start, DateOnly End, QuadClass Quad, double Weight, double WeightedGoldstein, double Events);

/// <summary>One period's value. <see cref="Value"/> is null where the period has no data.</summary>
public sealed record SeriesPoint(Period Period, double? Value, double Weight, double Events, IReadOnlyList<double>? QuadWeights);

/// <summary>A relationship series: one dyad, one granularity, one measure, a point per period.</summary>
public sealed record RelationSeries(Dyad Dyad, Granularity Granularity, Measure Measure, IReadOnlyList<SeriesPoint> Points)
{
    /// <summary>The values in period order, NaN where missing, for change-point and baseline analysis.</summary>
    public double[] Values() => Points.Select(p => p.Value ?? double.NaN).ToArray();
}

/// <summary>
/// Builds relationship series from event atoms. An atom whose date spans several periods is spread over them
/// in proportion to the days of its interval that fall in each, so an event known only as "1954/1956" counts
/// a third in each of the three years rather than all in one.
/// </summary>
public static class SeriesBuilder
{
    /// <param name="dyad">The dyad the atoms belong to (for the record).</param>
    /// <param name="atoms">The dyad's events.</param>
    /// <param name="granularity">Month, quarter or year.</param>
    /// <param name="measure">What to compute.</param>
    /// <param name="coverageFrom">First day the sources cover; periods before it are missing, not zero.</param>
    /// <param name="coverageTo">Last day the sources cover.</param>
    public static RelationSeries Build(Dyad dyad, IEnumerable<EventAtom> atoms, Granularity granularity, Measure measure, DateOnly coverageFrom, DateOnly coverageTo)
    {
        Check.NotNull(atoms);
        Check.That(coverageFrom <= coverageTo, "coverage must not end before it starts");
        var periods = Period.Range(coverageFrom, coverageTo, granularity).ToList();
        var index = periods.Select((p, i) => (p, i)).ToDictionary(x => x.p.Start, x => x.i);
        var weight = new double[periods.Count];
        var goldstein = new double[periods.Count];
        var events = new double[periods.Count];
        var quads = new double[periods.Count, 4];
        foreach (var a in atoms)
        {
            var days = a.End.DayNumber - a.Start.DayNumber + 1;
            var from = a.Start < coverageFrom ? coverageFrom : a.Start;
            var to = a.End > coverageTo ? coverageTo : a.End;
            for (var p = Period.Containing(from, granularity); p.Start <= to; p = p.Next)
            {
                var overlap = Math.Min(p.End.DayNumber, to.DayNumber) - Math.Max(p.Start.DayNumber, from.DayNumber) + 1;
                if (overlap <= 0)
                {
                    continue;
                }
                var share = (double)overlap / days;
                var i = index[p.Start];
                weight[i] += a.Weight * share;
                goldstein[i] += a.WeightedGoldstein * share;
                events[i] += a.Events * share;
                quads[i, (int)a.Quad - 1] += a.Weight * share;
            }
        }
        var points = new List<SeriesPoint>(periods.Count);
        for (var i = 0; i < periods.Count; i++)
        {
            var w = weight[i];
            double? value = measure switch
            {
                Measure.Count => w,
                Measure.Quad => w,
                Measure.Goldstein => w > 0 ? goldstein[i] / w : null,
                _ => w > 0 ? (quads[i, 0] + quads[i, 1] - quads[i, 2] - quads[i, 3]) / w : null,
            };
            var q = measure == Measure.Quad ? new[] { quads[i, 0], quads[i, 1], quads[i, 2], quads[i, 3] } : null;
            points.Add(new SeriesPoint(periods[i], value, w, events[i], q));
        }
        return new RelationSeries(dyad, granularity, measure, points);
    }
}

/// <summary>How events are weighted in a series. Documented in docs/series.md.</summary>
public sealed record SeriesWeighting
{
    /// <summary>Curated events by level: a structural event weighs more than a passing signal.</summary>
    public double Structural { get; init; } = 3;

    public double Conjunctural { get; init; } = 2;

    public double Episodic { get; init; } = 1;

    /// <summary>Imported events weighted by their number of mentions (GDELT); otherwise each counts one.</summary>
    public bool ByMentions { get; init; } = true;

    public double Of(EventLevel level) => level switch
    {
        EventLevel.Structural => Structural,
        EventLevel.Conjunctural => Conjunctural,
        _ => Episodic,
    };
}
