using Strata.Ach;
using Strata.Series;

namespace Strata.Data.Store;

/// <summary>
/// Relationship series from the store, built as the report builds them: the default weighting, every period from
/// the first to the last day the chosen data sets cover (all data sets when none are named).
/// </summary>
public sealed class StoreSeriesSource(DuckDbEventStore store, IReadOnlyList<string> datasets) : ISeriesSource
{
    public RelationSeries Series(SeriesSelection selection)
    {
        Check.NotNull(selection);
        var coverage = store.Coverage(datasets)
            ?? throw new DataException($"no events in {(datasets.Count == 0 ? "the store" : string.Join(", ", datasets))} to build {selection} from");
        return SeriesBuilder.Build(selection.Dyad, store.Atoms(selection.Dyad, new SeriesWeighting(), datasets), selection.Granularity, selection.Measure, coverage.From, coverage.To);
    }
}
