using Strata.Ach;
using Strata.Data.Curated;
using Strata.Domain;

namespace Strata.Data.Store;

/// <summary>Reads an ACH case file against the store and runs it: the one call the command line and the report share.</summary>
public static class AchFiles
{
    /// <summary>
    /// Reads <paramref name="path"/> (event ids checked against the store; fails with every problem of the file) and
    /// runs the analysis with series built from <paramref name="datasets"/> (all data sets when empty).
    /// </summary>
    public static AchResult Run(DuckDbEventStore store, ReferenceData reference, string path, IReadOnlyList<string>? datasets = null)
    {
        Check.NotNull(store);
        Check.NotNull(reference);
        var cache = new Dictionary<string, Event?>(StringComparer.Ordinal);
        Event? Find(string id)
        {
            if (!cache.TryGetValue(id, out var e))
            {
                var found = store.Query(new EventFilter { Ids = [id] });
                cache[id] = e = found.Count > 0 ? found[0] : null;
            }
            return e;
        }
        var read = new AchReader(reference.Actors, Find).Read(path);
        var achCase = read.IsValid ? read.Case! : throw new DataException($"{CuratedData.Display(path)} has {read.Issues.Count} problem(s)", read.Issues);
        return AchAnalysis.Run(achCase, new StoreSeriesSource(store, datasets ?? []));
    }
}
