using Strata.Domain;

namespace Strata.Claims;

/// <summary>What the data say about a claim.</summary>
public enum ClaimVerdict
{
    Supported,
    Contradicted,

    /// <summary>The data cannot settle it; <see cref="ClaimResult.Finding"/> says why.</summary>
    NotTestable,
}

/// <summary>A chronology event looked at while testing a claim.</summary>
/// <param name="Role">Which part of the test it belongs to ("event", "earlier", "later", "measured", "than", "reference").</param>
/// <param name="Event">The event.</param>
/// <param name="Relation">How its date or magnitude relates to the claim ("within 2024-06", "certainly outside").</param>
/// <param name="Used">True when the verdict rests on this event.</param>
/// <param name="RestatesClaimSource">True when its only source is the work that makes the claim: not independent evidence.</param>
public sealed record EventEvidence(string Role, Event Event, string Relation, bool Used, bool RestatesClaimSource);

/// <summary>One imported indicator value, with the file and line it came from.</summary>
public sealed record IndicatorObservation(string Name, string ActorA, string? ActorB, int Year, double Value, string File, long Line, string? Note);

/// <summary>A number computed while testing a claim.</summary>
public sealed record ComputedNumber(string Label, double Value, string Unit);

/// <summary>The onset a timing test found in a series, with how it was found.</summary>
public sealed record OnsetEvidence(string Role, string Series, string Method, DateOnly? Start, DateOnly? IntervalStart, DateOnly? IntervalEnd, double Strength, string Explanation);

/// <summary>A recorded disagreement between sources on a field the test reads.</summary>
public sealed record SourceDisagreement(string EventId, string Field, string Note);

/// <summary>Everything a verdict rests on.</summary>
public sealed record ClaimEvidence
{
    public IReadOnlyList<EventEvidence> Events { get; init; } = [];

    public IReadOnlyList<IndicatorObservation> Indicators { get; init; } = [];

    public IReadOnlyList<ComputedNumber> Numbers { get; init; } = [];

    public IReadOnlyList<OnsetEvidence> Onsets { get; init; } = [];

    public IReadOnlyList<SourceDisagreement> Disagreements { get; init; } = [];

    /// <summary>The tolerance applied, as written in the result ("±10 % (default for 'about')"), or null.</summary>
    public string? Tolerance { get; init; }
}

/// <summary>A claim's verdict, the one-line finding behind it, and its evidence.</summary>
/// <param name="Claim">The claim tested.</param>
/// <param name="Verdict">Supported, contradicted or not testable.</param>
/// <param name="Finding">The rule applied and the numbers or dates it compared, or why the claim cannot be tested.</param>
/// <param name="Evidence">The events, values and onsets looked at.</param>
/// <param name="OnlyWithinTolerance">True when the claim holds only thanks to its tolerance (the plain comparison fails).</param>
public sealed record ClaimResult(Claim Claim, ClaimVerdict Verdict, string Finding, ClaimEvidence Evidence, bool OnlyWithinTolerance = false)
{
    /// <summary>True when sources disagree on a field the test reads.</summary>
    public bool Disputed => Evidence.Disagreements.Count > 0;

    /// <summary>The verdict in words, with its qualifiers: "supported (within tolerance; sources disagree)".</summary>
    public string VerdictText
    {
        get
        {
            var text = Verdict switch
            {
                ClaimVerdict.Supported => "supported",
                ClaimVerdict.Contradicted => "contradicted",
                _ => "not testable",
            };
            var q = new List<string>();
            if (OnlyWithinTolerance)
            {
                q.Add("only within tolerance");
            }
            if (Disputed)
            {
                q.Add("sources disagree");
            }
            return q.Count == 0 ? text : $"{text} ({string.Join("; ", q)})";
        }
    }
}

/// <summary>The results of a claims audit, in the order of the claims.</summary>
public sealed record ClaimsAuditResult(IReadOnlyList<ClaimResult> Results)
{
    public int Count(ClaimVerdict verdict) => Results.Count(r => r.Verdict == verdict);
}
