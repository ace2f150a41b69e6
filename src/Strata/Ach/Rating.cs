namespace Strata.Ach;

/// <summary>
/// How an item of evidence bears on a hypothesis, in Heuer's terms: "if this hypothesis were true, how likely is
/// it that I would see this evidence?"
/// </summary>
public enum Rating
{
    /// <summary>Very consistent.</summary>
    CC,

    /// <summary>Consistent.</summary>
    C,

    /// <summary>Neutral: the item reads either way, or says nothing about the hypothesis.</summary>
    N,

    /// <summary>Inconsistent.</summary>
    I,

    /// <summary>Very inconsistent.</summary>
    II,

    /// <summary>Not applicable: the item is left out of the hypothesis' scores altogether.</summary>
    NA,
}

/// <summary>Low, medium or high: the credibility of an item of evidence, or its relevance.</summary>
public enum Grade
{
    Low,
    Medium,
    High,
}

/// <summary>The numbers behind the ratings (docs/ach.md §2).</summary>
public static class RatingScale
{
    /// <summary>The ratings in order from most consistent to most inconsistent, without NA.</summary>
    public static IReadOnlyList<Rating> Ordered { get; } = [Rating.CC, Rating.C, Rating.N, Rating.I, Rating.II];

    /// <summary>Heuer's inconsistency: I counts 1, II counts 2, every other rating 0.</summary>
    public static int Inconsistency(Rating rating) => rating switch
    {
        Rating.I => 1,
        Rating.II => 2,
        _ => 0,
    };

    /// <summary>Consistency, reported beside the inconsistency but never used to rank: C counts 1, CC counts 2.</summary>
    public static int Consistency(Rating rating) => rating switch
    {
        Rating.C => 1,
        Rating.CC => 2,
        _ => 0,
    };

    /// <summary>The rating on a five-point scale, CC = +2 down to II = −2; null for NA.</summary>
    public static int? Position(Rating rating) => rating switch
    {
        Rating.CC => 2,
        Rating.C => 1,
        Rating.N => 0,
        Rating.I => -1,
        Rating.II => -2,
        _ => null,
    };

    /// <summary>One step along the scale (+1 towards CC, −1 towards II); null past either end or for NA.</summary>
    public static Rating? Step(Rating rating, int direction)
    {
        Check.That(direction is 1 or -1, "must be +1 or -1");
        var i = rating == Rating.NA ? -1 : IndexOf(rating);
        if (i < 0)
        {
            return null;
        }
        var j = i - direction;
        return j >= 0 && j < Ordered.Count ? Ordered[j] : null;
    }

    private static int IndexOf(Rating rating)
    {
        for (var i = 0; i < Ordered.Count; i++)
        {
            if (Ordered[i] == rating)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Reads CC, C, N, I, II or NA (any case).</summary>
    public static bool TryParse(string? text, out Rating rating)
    {
        rating = Rating.NA;
        var s = (text ?? "").Trim().ToUpperInvariant();
        switch (s)
        {
            case "CC": rating = Rating.CC; return true;
            case "C": rating = Rating.C; return true;
            case "N": rating = Rating.N; return true;
            case "I": rating = Rating.I; return true;
            case "II": rating = Rating.II; return true;
            case "NA" or "N/A": rating = Rating.NA; return true;
            default: return false;
        }
    }

    /// <summary>The written form: CC, C, N, I, II or NA.</summary>
    public static string Label(Rating rating) => rating.ToString();

    /// <summary>Low, medium or high, in words.</summary>
    public static string Label(Grade grade) => grade.ToString().ToLowerInvariant();
}

/// <summary>
/// The weights of low, medium and high credibility and relevance. An item's weight is its credibility weight times
/// its relevance weight. The default, 1/√2, 1 and √2, is the one PARC's ACH software uses (docs/ach.md §2): a
/// medium–medium item weighs 1, and low–high weighs the same as medium–medium.
/// </summary>
public sealed record AchWeights
{
    public AchWeights(double low, double medium, double high)
    {
        Check.Positive(low);
        Check.Positive(medium);
        Check.Positive(high);
        Check.That(low <= medium && medium <= high, $"must rise from low to medium to high, got {low}, {medium}, {high}");
        Low = low;
        Medium = medium;
        High = high;
    }

    public double Low { get; }

    public double Medium { get; }

    public double High { get; }

    /// <summary>PARC's weights: 1/√2, 1, √2.</summary>
    public static AchWeights Parc { get; } = new(1 / Math.Sqrt(2), 1, Math.Sqrt(2));

    public double Of(Grade grade) => grade switch
    {
        Grade.Low => Low,
        Grade.Medium => Medium,
        _ => High,
    };
}
