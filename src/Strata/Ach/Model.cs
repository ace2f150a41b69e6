using Strata.Domain;
using Strata.Series;

namespace Strata.Ach;

/// <summary>A hypothesis: an id, a short title, what it claims, and the cause → effect links it states.</summary>
public sealed record Hypothesis
{
    public Hypothesis(string id, string title, string statement = "")
    {
        Id = Check.NotBlank(id);
        Title = Check.NotBlank(title);
        Statement = Check.NotNull(statement);
    }

    public string Id { get; }

    public string Title { get; }

    public string Statement { get; }

    /// <summary>Causal links whose timing Strata checks against the data; each becomes a row of the matrix.</summary>
    public IReadOnlyList<TimingLink> Causes { get; init; } = [];
}

/// <summary>
/// One cell of the matrix: the rating in force and why. A computed cell (a timing check) also keeps the rating
/// the data gave; an overridden one keeps the analyst's recorded reason.
/// </summary>
/// <param name="Rating">The rating used in the scores.</param>
/// <param name="Rationale">Why: the analyst's reason, or the working of a computed rating.</param>
/// <param name="Computed">The rating computed from the data, where the cell was computed.</param>
/// <param name="OverrideReason">The analyst's reason for replacing the computed rating, where it was replaced.</param>
public sealed record AchCell(Rating Rating, string Rationale = "", Rating? Computed = null, string? OverrideReason = null)
{
    public bool IsComputed => Computed is not null;

    public bool IsOverridden => OverrideReason is not null;
}

/// <summary>Which relationship series: a dyad, a granularity and a measure.</summary>
public sealed record SeriesSelection(Dyad Dyad, Granularity Granularity, Measure Measure)
{
    public override string ToString() =>
        $"{Dyad} {Measure.ToString().ToLowerInvariant()} by {Granularity.ToString().ToLowerInvariant()}";
}

/// <summary>The onset of a change in a series: which series, which direction, and the window searched.</summary>
public sealed record OnsetSpec(SeriesSelection Series, bool Downward, PartialDate From, PartialDate To)
{
    public override string ToString() =>
        $"onset of the {(Downward ? "downturn" : "upturn")} in {Series}, searched {From.Text} to {To.Text}";
}

/// <summary>What an item of evidence rests on.</summary>
public abstract record EvidenceBasis;

/// <summary>Events of the chronology.</summary>
public sealed record EventsLink(IReadOnlyList<Event> Events) : EvidenceBasis;

/// <summary>The classifier's labels for the periods of a series that overlap <paramref name="At"/>.</summary>
public sealed record SeriesLink(SeriesSelection Series, PartialDate At) : EvidenceBasis;

/// <summary>The onset of a change found in a series (a structural break or the first value beyond the band).</summary>
public sealed record OnsetLink(OnsetSpec Onset) : EvidenceBasis;

/// <summary>A model's result, named and stated in words.</summary>
public sealed record ModelLink(string Model, string Result) : EvidenceBasis;

/// <summary>Free text: a source or an argument that is not in Strata's data.</summary>
public sealed record TextLink(string Text) : EvidenceBasis;

/// <summary>An item of evidence: what it is, how credible and relevant it is, and a cell per hypothesis.</summary>
public sealed record EvidenceItem
{
    public EvidenceItem(string id, string description, Grade credibility, Grade relevance, IReadOnlyDictionary<string, AchCell> cells, EvidenceBasis? link = null)
    {
        Id = Check.NotBlank(id);
        Description = Check.NotNull(description);
        Credibility = credibility;
        Relevance = relevance;
        Cells = Check.NotNull(cells);
        Link = link ?? new TextLink(description);
    }

    public string Id { get; }

    public string Description { get; }

    public Grade Credibility { get; init; }

    public Grade Relevance { get; }

    /// <summary>The cell of each hypothesis, by hypothesis id.</summary>
    public IReadOnlyDictionary<string, AchCell> Cells { get; init; }

    public EvidenceBasis Link { get; }

    public Rating RatingFor(string hypothesisId)
    {
        if (!Cells.TryGetValue(Check.NotNull(hypothesisId), out var cell))
        {
            ThrowHelper.Argument(nameof(hypothesisId), $"'{hypothesisId}' has no rating in evidence '{Id}'");
        }
        return cell.Rating;
    }

    /// <summary>Items rated the way the short form lists them: one rating per hypothesis, in order, no rationale.</summary>
    public static EvidenceItem Of(string id, Grade credibility, Grade relevance, IReadOnlyList<string> hypothesisIds, params Rating[] ratings)
    {
        Check.NotNull(hypothesisIds);
        Check.That(hypothesisIds.Count == ratings.Length, $"needs one rating per hypothesis ({hypothesisIds.Count}), got {ratings.Length}");
        var cells = new Dictionary<string, AchCell>(StringComparer.Ordinal);
        for (var i = 0; i < ratings.Length; i++)
        {
            cells[hypothesisIds[i]] = new AchCell(ratings[i]);
        }
        return new EvidenceItem(id, id, credibility, relevance, cells);
    }
}

/// <summary>The cause of a timing link: a chronology event or a date, with the precision it is known to.</summary>
public sealed record CauseRef(string Label, PartialDate Date, Event? Event = null);

/// <summary>An analyst's replacement of a computed rating, with the reason recorded.</summary>
public sealed record RatingOverride(Rating Rating, string Reason);

/// <summary>
/// A hypothesis' claim that <see cref="Cause"/> brought about a change in a series. Strata rates it for that
/// hypothesis from the data (docs/ach.md §4); the other hypotheses are rated by the analyst or left NA.
/// </summary>
public sealed record TimingLink(
    string Id, string Description, CauseRef Cause, OnsetSpec Effect, Grade Credibility, Grade Relevance)
{
    /// <summary>Ratings of this row for the other hypotheses (NA where not given).</summary>
    public IReadOnlyDictionary<string, AchCell> OtherCells { get; init; } = new Dictionary<string, AchCell>();

    public RatingOverride? Override { get; init; }
}

/// <summary>An ACH case as written in a file: the question, the hypotheses, the evidence rated by hand, the weights.</summary>
public sealed record AchCase(string Title, string Question, IReadOnlyList<Hypothesis> Hypotheses, IReadOnlyList<EvidenceItem> Evidence)
{
    public AchWeights Weights { get; init; } = AchWeights.Parc;

    /// <summary>Where the case was read from, for the record.</summary>
    public string? Source { get; init; }
}
