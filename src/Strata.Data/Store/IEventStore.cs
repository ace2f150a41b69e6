using Strata.Domain;

namespace Strata.Data.Store;

/// <summary>A data set as the store records it.</summary>
public sealed record DatasetInfo(string Name, string Kind, string Path, string ContentHash, long EventCount, DateTime LoadedAt);

/// <summary>What a load changed.</summary>
public sealed record LoadResult(string Dataset, int EventsBefore, int EventsAfter, bool Unchanged);

/// <summary>Where events are kept and queried. DuckDB embedded by default; other engines implement the same.</summary>
public interface IEventStore : IDisposable
{
    /// <summary>The schema version of the opened store.</summary>
    int SchemaVersion { get; }

    IReadOnlyList<DatasetInfo> Datasets();

    /// <summary>
    /// Replaces the data set's events with <paramref name="events"/> in one transaction: loading the same
    /// events twice leaves the same rows. Fails, changing nothing, when an id belongs to another data set.
    /// </summary>
    LoadResult LoadDataset(string name, string kind, string path, string contentHash, IReadOnlyList<Event> events);

    IReadOnlyList<Event> Query(EventFilter filter);

    long Count(EventFilter filter);
}
