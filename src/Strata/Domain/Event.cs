namespace Strata.Domain;

/// <summary>Where a variable sits in the hierarchy of explanation.</summary>
public enum EventLevel
{
    /// <summary>Sets the bounds: treaties, alliances, wars, lasting aid regimes.</summary>
    Structural,

    /// <summary>Moves within the bounds: summits, aid rounds, crises.</summary>
    Conjunctural,

    /// <summary>A single signal: a letter, a seating plan, a page placement.</summary>
    Episodic,
}

/// <summary>How sure the sources are of an event.</summary>
public enum Confidence
{
    Low,
    Medium,
    High,
}

/// <summary>A size attached to an event: 320 million USD, 460 aircraft.</summary>
public sealed record Magnitude(double Value, string Unit)
{
    public override string ToString() => $"{Value:0.###} {Unit}";
}

/// <summary>A published source for an event.</summary>
public sealed record Citation(
    string? Author,
    string Title,
    string? Publisher,
    PartialDate? Date,
    string? Url,
    string? ArchiveId,
    string? Page)
{
    /// <summary>A one-line reference: author, title, publisher, date, page.</summary>
    public string ToReference()
    {
        var parts = new List<string>();
        if (Author is not null)
        {
            parts.Add(Author);
        }
        parts.Add($"\u201C{Title}\u201D");
        if (Publisher is not null)
        {
            parts.Add(Publisher);
        }
        if (Date is not null)
        {
            parts.Add(Date.Text);
        }
        if (ArchiveId is not null)
        {
            parts.Add(ArchiveId);
        }
        if (Page is not null)
        {
            parts.Add(Page);
        }
        return string.Join(", ", parts);
    }
}

/// <summary>A recorded disagreement between sources about one field of an event.</summary>
public sealed record Dispute(string Field, string Note);

/// <summary>Where a stored event came from: its data set, file and line (or the source's own row id).</summary>
public sealed record Provenance(string Dataset, string File, long Line);

/// <summary>
/// A directed event: <see cref="Source"/> acts on <see cref="Target"/>, possibly before
/// <see cref="Witnesses"/>. Curated events carry level, description and citations; imported event data
/// carries the same shape with fewer of these filled.
/// </summary>
public sealed record Event
{
    public required string Id { get; init; }

    public required PartialDate Date { get; init; }

    public required string Source { get; init; }

    public required string Target { get; init; }

    public IReadOnlyList<string> Witnesses { get; init; } = [];

    public required EventCode Code { get; init; }

    /// <summary>Goldstein intensity on [-10, 10].</summary>
    public required double Goldstein { get; init; }

    public Magnitude? Magnitude { get; init; }

    public required EventLevel Level { get; init; }

    public required Confidence Confidence { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<Citation> Sources { get; init; } = [];

    public IReadOnlyList<Dispute> Disputes { get; init; } = [];

    public Provenance? Provenance { get; init; }

    public QuadClass QuadClass => Code.QuadClass;

    public Dyad Dyad => new(Source, Target);

    public bool Involves(string actor) => Source == actor || Target == actor;
}
