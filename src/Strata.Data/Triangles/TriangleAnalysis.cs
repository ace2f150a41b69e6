using Strata.Data.Store;
using Strata.Domain;
using Strata.Series;
using Strata.Triangles;

namespace Strata.Data.Triangles;

/// <summary>
/// A strategic triangle from the store's events: the one entry point that the command line and the report share.
/// The three pair series come from <see cref="DuckDbEventStore.Atoms"/> and <see cref="SeriesBuilder.Build"/> as for
/// <c>strata series</c> (same weighting, missing periods kept missing), over the whole coverage of the chosen data
/// sets, so that the derived neutral zone does not move when the reported span is narrowed.
/// </summary>
public static class TriangleAnalysis
{
    /// <param name="store">The event store.</param>
    /// <param name="actors">The three actors, in the analyst's order.</param>
    /// <param name="granularity">Month, quarter or year.</param>
    /// <param name="options">Neutral zone, window, client and reported span.</param>
    /// <param name="weighting">Event weights; null for the default weighting of <c>strata series</c>.</param>
    /// <param name="datasets">Data sets to use; empty for all.</param>
    /// <returns>The triangle by period; no periods when the data sets hold no event.</returns>
    public static TriangleResult Analyse(
        DuckDbEventStore store, Triad actors, Granularity granularity, TriangleOptions options,
        SeriesWeighting? weighting = null, IReadOnlyList<string>? datasets = null)
    {
        Check.NotNull(store);
        Check.NotNull(actors);
        Check.NotNull(options);
        weighting ??= new SeriesWeighting();
        datasets ??= [];
        var coverage = store.Coverage(datasets);
        if (coverage is not { } c)
        {
            var none = TriangleSeries.Build(actors, Empty(actors, 0, 1, granularity), Empty(actors, 0, 2, granularity), Empty(actors, 1, 2, granularity), options);
            return none;
        }
        RelationSeries Pair(int i, int j)
        {
            var dyad = new Dyad(actors[i], actors[j]);
            return SeriesBuilder.Build(dyad, store.Atoms(dyad, weighting, datasets), granularity, Measure.Quad, c.From, c.To);
        }
        return TriangleSeries.Build(actors, Pair(0, 1), Pair(0, 2), Pair(1, 2), options);
    }

    private static RelationSeries Empty(Triad actors, int i, int j, Granularity granularity) =>
        new(new Dyad(actors[i], actors[j]), granularity, Measure.Quad, []);
}
