using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Strata.Triangles;

/// <summary>A tie's score as a normal estimate: its mean and standard deviation (a projection, a posterior).</summary>
public readonly record struct TieEstimate(double Mean, double Sd);

/// <summary>
/// What the events of one period say about a tie: the posterior mean and standard deviation of its score and the
/// probability that the true score is above the split point. See <see cref="TieProbability.FromEvents"/>.
/// </summary>
public sealed record TiePosterior(double Mean, double Sd, double ProbabilityPositive);

/// <summary>The probability that a tie is positive, from a normal estimate or from the events behind a score.</summary>
public static class TieProbability
{
    /// <summary>
    /// P(score &gt; <paramref name="threshold"/>) for a normal estimate: Φ((mean − threshold) / sd). With sd = 0 the
    /// sign is certain (½ exactly at the threshold).
    /// </summary>
    public static double Positive(double mean, double sd, double threshold = 0)
    {
        Check.That(double.IsFinite(mean), $"must be finite, was {mean}", nameof(mean));
        Check.NonNegative(sd);
        Check.That(double.IsFinite(threshold), $"must be finite, was {threshold}", nameof(threshold));
        if (sd == 0)
        {
            return mean > threshold ? 1 : mean < threshold ? 0 : 0.5;
        }
        return Normal.CDF(0, 1, (mean - threshold) / sd);
    }

    /// <summary>
    /// The posterior of a net-cooperation score s = 2q − 1 from the events of a period, where q is the (weighted)
    /// share of cooperative events: with n events of which k = n·q cooperative and Jeffreys' prior Beta(½, ½) on
    /// q, q ~ Beta(k + ½, n − k + ½). Returns the posterior mean and sd of s and P(s &gt; threshold). With no events
    /// the posterior is the prior: mean 0, P = ½ at threshold 0.
    /// </summary>
    /// <param name="cooperativeShare">q, on [0, 1].</param>
    /// <param name="events">n, the number of events (may be fractional when an event's date spans periods).</param>
    /// <param name="threshold">The split point on the score scale [−1, 1].</param>
    public static TiePosterior FromEvents(double cooperativeShare, double events, double threshold = 0)
    {
        Check.InRange(cooperativeShare, 0, 1);
        Check.NonNegative(events);
        Check.InRange(threshold, -1, 1);
        var a = (events * cooperativeShare) + 0.5;
        var b = (events * (1 - cooperativeShare)) + 0.5;
        var meanQ = a / (a + b);
        var sdQ = Math.Sqrt(a * b / ((a + b) * (a + b) * (a + b + 1)));
        // P(q > x) = 1 − I_x(a, b), x the threshold on the share scale.
        var x = (1 + threshold) / 2;
        var p = x <= 0 ? 1 : x >= 1 ? 0 : 1 - SpecialFunctions.BetaRegularized(a, b, x);
        return new TiePosterior((2 * meanQ) - 1, 2 * sdQ, p);
    }
}

/// <summary>One of the eight sign patterns of a triangle, its configuration and its probability.</summary>
public sealed record PatternProbability(bool AB, bool AC, bool BC, TriangleConfiguration Configuration, double Probability);

/// <summary>
/// The probability of each of the eight sign patterns (and so of each configuration and role), from the
/// probability that each tie is positive, the ties taken as independent.
/// </summary>
public sealed record ConfigurationProbabilities(IReadOnlyList<PatternProbability> Patterns)
{
    public double MenageATrois => Of(TriangleKind.MenageATrois);

    public double RomanticTriangle => Of(TriangleKind.RomanticTriangle);

    public double StableMarriage => Of(TriangleKind.StableMarriage);

    public double UnitVeto => Of(TriangleKind.UnitVeto);

    public double Of(TriangleKind kind) => Patterns.Where(p => p.Configuration.Kind == kind).Sum(p => p.Probability);

    /// <summary>P(the actor at <paramref name="position"/> holds <paramref name="role"/>).</summary>
    public double RoleProbability(int position, TriangleRole role) =>
        Patterns.Where(p => p.Configuration.RoleOf(position) == role).Sum(p => p.Probability);

    /// <summary>The most probable pattern (the first in pattern order on a tie).</summary>
    public PatternProbability MostLikely => Patterns.MaxBy(p => p.Probability)!;
}

/// <summary>The continuous version of the triangle: probabilities of configurations. See docs/triangles.md.</summary>
public static class TriangleConfigurations
{
    /// <summary>
    /// P(pattern) = Π over the ties of p (positive) or 1 − p (negative), for the eight patterns in the order
    /// +++ , ++−, +−+, +−−, −++, −+−, −−+, −−− of (AB, AC, BC).
    /// </summary>
    public static ConfigurationProbabilities Probabilities(double pAB, double pAC, double pBC)
    {
        Check.InRange(pAB, 0, 1);
        Check.InRange(pAC, 0, 1);
        Check.InRange(pBC, 0, 1);
        var patterns = new List<PatternProbability>(8);
        foreach (var ab in new[] { true, false })
        {
            foreach (var ac in new[] { true, false })
            {
                foreach (var bc in new[] { true, false })
                {
                    var p = (ab ? pAB : 1 - pAB) * (ac ? pAC : 1 - pAC) * (bc ? pBC : 1 - pBC);
                    patterns.Add(new PatternProbability(ab, ac, bc, StrategicTriangle.Configuration(ab, ac, bc), p));
                }
            }
        }
        return new ConfigurationProbabilities(patterns);
    }

    /// <summary>
    /// The same from three normal estimates of the ties' scores (e.g. projected by a scenario): each tie is positive
    /// with probability Φ((mean − threshold) / sd).
    /// </summary>
    public static ConfigurationProbabilities Probabilities(TieEstimate ab, TieEstimate ac, TieEstimate bc, double threshold = 0) =>
        Probabilities(
            TieProbability.Positive(ab.Mean, ab.Sd, threshold),
            TieProbability.Positive(ac.Mean, ac.Sd, threshold),
            TieProbability.Positive(bc.Mean, bc.Sd, threshold));
}
