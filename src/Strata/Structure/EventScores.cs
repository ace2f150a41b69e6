using System.Globalization;
using Strata.Series;

namespace Strata.Structure;

/// <summary>
/// Event-based relation scores as panel values, from yearly relationship series built by
/// <see cref="SeriesBuilder"/> (the same numbers as <c>strata series --by year</c>). A year inside the events'
/// coverage with no event has <c>events.count</c> = 0 (and <c>events.support</c> = 0) but no
/// <c>events.netcoop</c>: a share of nothing is missing, not zero. Years outside the coverage have no value.
/// </summary>
public static class EventScores
{
    /// <summary>
    /// <c>events.count</c> (the summed weight of the pair's events) and <c>events.netcoop</c> (cooperative minus
    /// conflictual share of that weight) for an undirected pair, written once with the alphabetically first actor as A.
    /// </summary>
    /// <param name="series">The pair's yearly series with the net-cooperation measure.</param>
    /// <param name="from">First year kept.</param>
    /// <param name="to">Last year kept.</param>
    /// <param name="datasets">The data sets read, as the source names them ("all data sets" or a list).</param>
    public static IEnumerable<IndicatorValue> Undirected(RelationSeries series, int from, int to, string datasets)
    {
        Check.NotNull(series);
        Check.That(series.Granularity == Granularity.Year && series.Measure == Measure.NetCoop, "expects a yearly net-cooperation series");
        Check.That(!series.Dyad.Directed, "expects an undirected dyad");
        var (a, b) = IndicatorNames.Ordered(series.Dyad.First, series.Dyad.Second);
        var inv = CultureInfo.InvariantCulture;
        foreach (var p in series.Points.Where(p => p.Period.Start.Year >= from && p.Period.Start.Year <= to))
        {
            var year = p.Period.Start.Year;
            var basis = $"events [{datasets}]: {p.Events.ToString("0.##", inv)} events, weight {p.Weight.ToString("0.##", inv)}";
            yield return new IndicatorValue(IndicatorNames.EventsCount, a, b, year, p.Weight, $"{basis}; strata series --dyad {a}-{b} --by year --measure count");
            if (p.Value is { } v)
            {
                yield return new IndicatorValue(IndicatorNames.EventsNetCoop, a, b, year, v, $"{basis}; strata series --dyad {a}-{b} --by year --measure netcoop");
            }
        }
    }

    /// <summary>
    /// <c>events.support</c> from A to B: the summed weight of A's material-cooperation and aid events toward B
    /// (CAMEO roots 06 and 07) in each year.
    /// </summary>
    /// <param name="series">The directed pair's yearly count series of those events only.</param>
    public static IEnumerable<IndicatorValue> Support(RelationSeries series, int from, int to, string datasets)
    {
        Check.NotNull(series);
        Check.That(series.Granularity == Granularity.Year && series.Measure == Measure.Count, "expects a yearly count series");
        Check.That(series.Dyad.Directed, "expects a directed dyad");
        var inv = CultureInfo.InvariantCulture;
        var roots = string.Join(",", IndicatorNames.SupportRoots);
        foreach (var p in series.Points.Where(p => p.Period.Start.Year >= from && p.Period.Start.Year <= to))
        {
            yield return new IndicatorValue(IndicatorNames.EventsSupport, series.Dyad.First, series.Dyad.Second, p.Period.Start.Year, p.Weight,
                $"events [{datasets}]: {p.Events.ToString("0.##", inv)} events of CAMEO roots {roots} from {series.Dyad.First} to {series.Dyad.Second}, weight {p.Weight.ToString("0.##", inv)}");
        }
    }
}
