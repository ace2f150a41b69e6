using System.Globalization;

namespace Strata.Triangles;

/// <summary>
/// The band of scores read as neither positive nor negative. A score above <see cref="Upper"/> is positive, below
/// <see cref="Lower"/> negative, and in [Lower, Upper] neutral. <see cref="Derivation"/> says where the bounds came
/// from, so that every output can show it.
/// </summary>
public sealed record NeutralZone
{
    /// <summary>The share of the typical tie strength below which a tie is neutral, when the zone is derived.</summary>
    public const double DefaultFactor = 0.5;

    public NeutralZone(double lower, double upper, string derivation)
    {
        Check.That(double.IsFinite(lower) && double.IsFinite(upper), "bounds must be finite numbers", "neutral zone");
        Check.That(lower <= upper, $"lower bound {lower} is above upper bound {upper}", "neutral zone");
        Lower = lower;
        Upper = upper;
        Derivation = Check.NotBlank(derivation);
    }

    public double Lower { get; }

    public double Upper { get; }

    /// <summary>How the bounds were chosen, in words, with the numbers.</summary>
    public string Derivation { get; }

    /// <summary>The middle of the zone: where the continuous version splits positive from negative.</summary>
    public double Centre => (Lower + Upper) / 2;

    /// <summary>A zone given by the analyst: ±halfWidth around zero.</summary>
    public static NeutralZone Symmetric(double halfWidth)
    {
        Check.NonNegative(halfWidth);
        return new(-halfWidth, halfWidth, $"given: ±{halfWidth.ToString("0.###", CultureInfo.InvariantCulture)}");
    }

    /// <summary>A zone given by the analyst as explicit bounds.</summary>
    public static NeutralZone Between(double lower, double upper) =>
        new(lower, upper, $"given: [{lower.ToString("0.###", CultureInfo.InvariantCulture)}, {upper.ToString("0.###", CultureInfo.InvariantCulture)}]");

    /// <summary>
    /// The zone derived from the data: ±<paramref name="factor"/> × the median absolute score of the observed
    /// period scores, centred on zero (balance of cooperation and conflict). A tie is then neutral when it is less
    /// than that share as strong as the typical tie of the same data, whatever the data's overall intensity.
    /// </summary>
    /// <param name="scores">Observed period scores (missing periods left out).</param>
    /// <param name="factor">Share of the median absolute score; 0.5 by default.</param>
    public static NeutralZone Derive(IEnumerable<double> scores, double factor = DefaultFactor)
    {
        Check.NotNull(scores);
        Check.NonNegative(factor);
        var magnitudes = scores.Select(Math.Abs).ToArray();
        Check.AllFinite(magnitudes, "scores must be finite", nameof(scores));
        if (magnitudes.Length == 0)
        {
            return new(0, 0, "derived: no observed scores, so only an exact 0 is neutral");
        }
        var median = Median(magnitudes);
        var half = factor * median;
        var inv = CultureInfo.InvariantCulture;
        return new(-half, half,
            $"derived: ±{factor.ToString("0.###", inv)} × median |score| = ±{factor.ToString("0.###", inv)} × {median.ToString("0.###", inv)} " +
            $"= ±{half.ToString("0.###", inv)} over {magnitudes.Length} observed period scores");
    }

    public TieSign Sign(double? score) =>
        score is not { } s ? TieSign.Missing : s > Upper ? TieSign.Positive : s < Lower ? TieSign.Negative : TieSign.Neutral;

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
    }
}
