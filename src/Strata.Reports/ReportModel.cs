using Strata.Domain;

namespace Strata.Reports;

/// <summary>Everything the report shows, gathered by the caller (the CLI or the web) from the library.</summary>
public sealed record ReportModel
{
    public required string Title { get; init; }

    public required IReadOnlyList<Event> Events { get; init; }

    public required ActorRegistry Actors { get; init; }

    public required CameoCodebook Codebook { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Where the data came from, one line each (store path, data sets and their hashes).</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];
}
