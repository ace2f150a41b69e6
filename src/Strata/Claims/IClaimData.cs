using Strata.Domain;
using Strata.Series;

namespace Strata.Claims;

/// <summary>
/// The data a claims audit reads: curated events, imported yearly indicators and relationship series. The store
/// implements it (<c>Strata.Data.Claims.StoreClaimData</c>); tests can use <see cref="InMemoryClaimData"/>.
/// </summary>
public interface IClaimData
{
    /// <summary>The curated chronology events.</summary>
    IReadOnlyList<Event> Events { get; }

    /// <summary>True when any value of this indicator is available.</summary>
    bool HasIndicator(string name);

    /// <summary>What to do when an indicator is missing ("import the SIPRI trade register with …").</summary>
    string MissingIndicatorHint(string name);

    /// <summary>The values of one indicator for an actor (or ordered pair) in the years given, inclusive.</summary>
    IReadOnlyList<IndicatorObservation> Indicators(string name, string actorA, string? actorB, int fromYear, int toYear);

    /// <summary>A dyad's series over the data's coverage, or null when there is no data for it.</summary>
    RelationSeries? Series(Dyad dyad, Granularity granularity, Measure measure, IReadOnlyList<string> datasets);
}

/// <summary>Claim data held in memory: events, indicator values and series given directly.</summary>
public sealed class InMemoryClaimData(
    IReadOnlyList<Event> events,
    IReadOnlyList<IndicatorObservation> indicators,
    Func<Dyad, Granularity, Measure, RelationSeries?>? series = null) : IClaimData
{
    public IReadOnlyList<Event> Events { get; } = Check.NotNull(events);

    public bool HasIndicator(string name) => indicators.Any(i => i.Name == name);

    public string MissingIndicatorHint(string name) => $"no values of {name} were given";

    public IReadOnlyList<IndicatorObservation> Indicators(string name, string actorA, string? actorB, int fromYear, int toYear) =>
        indicators.Where(i => i.Name == name && i.ActorA == actorA && i.ActorB == actorB && i.Year >= fromYear && i.Year <= toYear)
            .OrderBy(i => i.Year).ToList();

    public RelationSeries? Series(Dyad dyad, Granularity granularity, Measure measure, IReadOnlyList<string> datasets) =>
        series?.Invoke(dyad, granularity, measure);
}
