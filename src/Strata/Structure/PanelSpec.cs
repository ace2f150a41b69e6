namespace Strata.Structure;

/// <summary>
/// What a panel covers: a set of actors and a span of years. Values are kept when every actor they name is in
/// the set and their year in the span. <see cref="CapabilityAmong"/> is the set over which <c>cap.share</c> is
/// computed (the panel's actors when empty); <see cref="EventDatasets"/> the data sets the event scores read
/// (all when empty).
/// </summary>
public sealed record PanelSpec
{
    public PanelSpec(IReadOnlyList<string> actors, int from, int to)
    {
        Check.NotNull(actors);
        Check.That(actors.Count >= 2, "a panel needs at least two actors");
        Check.That(actors.All(a => !string.IsNullOrWhiteSpace(a)), "actor codes must not be blank");
        Check.That(actors.Distinct(StringComparer.Ordinal).Count() == actors.Count, "each actor once");
        Check.That(from <= to, "the span must not end before it starts");
        Check.InRange(from, 1, 9999);
        Check.InRange(to, 1, 9999);
        Actors = actors.ToList();
        From = from;
        To = to;
    }

    public IReadOnlyList<string> Actors { get; }

    public int From { get; }

    public int To { get; }

    /// <summary>The actors whose summed CINC is the denominator of <c>cap.share</c>; empty means <see cref="Actors"/>.</summary>
    public IReadOnlyList<string> CapabilityAmong { get; init; } = [];

    /// <summary>The event data sets the event scores read; empty means all.</summary>
    public IReadOnlyList<string> EventDatasets { get; init; } = [];

    /// <summary>The share set in effect.</summary>
    public IReadOnlyList<string> ShareSet => CapabilityAmong.Count == 0 ? Actors : CapabilityAmong;

    public IEnumerable<int> Years => Enumerable.Range(From, To - From + 1);

    /// <summary>Every unordered pair of the actors, each in alphabetical order.</summary>
    public IEnumerable<(string A, string B)> Pairs
    {
        get
        {
            var sorted = Actors.Order(StringComparer.Ordinal).ToList();
            for (var i = 0; i < sorted.Count; i++)
            {
                for (var j = i + 1; j < sorted.Count; j++)
                {
                    yield return (sorted[i], sorted[j]);
                }
            }
        }
    }

    /// <summary>True when the value's actors are in the set and its year in the span.</summary>
    public bool Covers(IndicatorValue value)
    {
        Check.NotNull(value);
        return value.Year >= From && value.Year <= To && Actors.Contains(value.ActorA, StringComparer.Ordinal)
            && (value.ActorB is null || Actors.Contains(value.ActorB, StringComparer.Ordinal));
    }
}
