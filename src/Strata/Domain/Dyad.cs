namespace Strata.Domain;

/// <summary>
/// A pair of actors. Written "PRK-CHN" it is undirected (either acts on the other); written "PRK>CHN" it is
/// directed (PRK acts on CHN).
/// </summary>
public readonly record struct Dyad(string First, string Second, bool Directed = false)
{
    public static bool TryParse(string? text, out Dyad dyad, out string error)
    {
        dyad = default;
        error = "";
        var s = (text ?? "").Trim();
        var directed = s.Contains('>', StringComparison.Ordinal);
        var parts = s.Split(directed ? '>' : '-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
        {
            error = $"expected a dyad such as PRK-CHN (either direction) or PRK>CHN (PRK acting on CHN), got '{s}'";
            return false;
        }
        if (parts[0] == parts[1])
        {
            error = $"a dyad needs two different actors, got '{s}'";
            return false;
        }
        dyad = new Dyad(parts[0].ToUpperInvariant(), parts[1].ToUpperInvariant(), directed);
        return true;
    }

    public bool Matches(string source, string target) =>
        (source == First && target == Second) || (!Directed && source == Second && target == First);

    public override string ToString() => Directed ? $"{First}>{Second}" : $"{First}-{Second}";
}

/// <summary>Which events to select. Every criterion left null selects everything.</summary>
public sealed record EventFilter
{
    /// <summary>Events in which any of these actors is source or target.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    public Dyad? Dyad { get; init; }

    /// <summary>Keep events whose date interval overlaps [From.Start, To.End].</summary>
    public PartialDate? From { get; init; }

    public PartialDate? To { get; init; }

    public IReadOnlyList<EventLevel> Levels { get; init; } = [];

    /// <summary>CAMEO codes, each matching itself and the codes below it ("08" matches "0871").</summary>
    public IReadOnlyList<string> CodePrefixes { get; init; } = [];

    public IReadOnlyList<QuadClass> QuadClasses { get; init; } = [];

    /// <summary>Words that must all appear (case-insensitive) in the description, id or tags.</summary>
    public string? Text { get; init; }

    public string? Dataset { get; init; }

    /// <summary>Only the events with these ids.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    public int? Limit { get; init; }
}
