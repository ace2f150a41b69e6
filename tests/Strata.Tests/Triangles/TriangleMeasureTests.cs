using Strata.Triangles;

namespace Strata.Tests.Triangles;

/// <summary>The neutral zone, the probability of a positive tie, the configuration probabilities and the fissure.</summary>
public class TriangleMeasureTests
{
    [Fact]
    public void The_derived_zone_is_half_the_median_absolute_score_around_zero()
    {
        var zone = NeutralZone.Derive([1, -1, 0.2, -0.6, 0.8]);
        Assert.Equal(-0.4, zone.Lower, 12);
        Assert.Equal(0.4, zone.Upper, 12);
        Assert.Contains("median |score| = ±0.5 × 0.8", zone.Derivation, StringComparison.Ordinal);
        Assert.Contains("over 5 observed period scores", zone.Derivation, StringComparison.Ordinal);
        var even = NeutralZone.Derive([0.2, -0.4, 0.6, 1], factor: 1);
        Assert.Equal(0.5, even.Upper, 12);
        var none = NeutralZone.Derive([]);
        Assert.Equal((0.0, 0.0), (none.Lower, none.Upper));
        Assert.Throws<ArgumentException>(() => NeutralZone.Derive([0.1, double.NaN]));
    }

    [Fact]
    public void A_score_on_a_bound_is_neutral_and_a_missing_score_is_missing()
    {
        var zone = NeutralZone.Between(-0.2, 0.4);
        Assert.Equal(0.1, zone.Centre, 12);
        Assert.Equal(TieSign.Neutral, zone.Sign(0.4));
        Assert.Equal(TieSign.Neutral, zone.Sign(-0.2));
        Assert.Equal(TieSign.Positive, zone.Sign(0.4000001));
        Assert.Equal(TieSign.Negative, zone.Sign(-0.2000001));
        Assert.Equal(TieSign.Missing, zone.Sign(null));
        Assert.Equal("given: ±0.3", NeutralZone.Symmetric(0.3).Derivation);
        Assert.Throws<ArgumentException>(() => NeutralZone.Between(0.5, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => NeutralZone.Symmetric(-0.1));
    }

    [Fact]
    public void A_normal_estimate_is_positive_with_probability_phi_of_its_z_score()
    {
        Assert.Equal(0.8413447460685429, TieProbability.Positive(0.5, 0.5), 12);
        Assert.Equal(0.5, TieProbability.Positive(0.2, 0.3, threshold: 0.2), 12);
        Assert.Equal(1 - 0.9772498680518208, TieProbability.Positive(-0.3, 0.1, threshold: -0.1), 12);
        Assert.Equal(1, TieProbability.Positive(0.1, 0));
        Assert.Equal(0, TieProbability.Positive(-0.1, 0));
        Assert.Equal(0.5, TieProbability.Positive(0, 0));
    }

    [Fact]
    public void The_posterior_of_a_score_from_its_events_matches_the_closed_forms_of_the_jeffreys_beta()
    {
        // One wholly cooperative event: q ~ Beta(1.5, 0.5), P(q > ½) = ½ + 1/π.
        var one = TieProbability.FromEvents(1, 1);
        Assert.Equal(0.5 + (1 / Math.PI), one.ProbabilityPositive, 10);
        Assert.Equal((2 * 0.75) - 1, one.Mean, 12);
        Assert.Equal(2 * Math.Sqrt(1.5 * 0.5 / (4 * 3)), one.Sd, 12);
        // Two: Beta(2.5, 0.5), P = ½ + 4/(3π).
        Assert.Equal(0.5 + (4 / (3 * Math.PI)), TieProbability.FromEvents(1, 2).ProbabilityPositive, 10);
        // Three of four cooperative, split at 0 and at 0.5 (numerical integration of the Beta(3.5, 1.5) density).
        Assert.Equal(0.8395305452627427, TieProbability.FromEvents(0.75, 4).ProbabilityPositive, 8);
        Assert.Equal(0.4573823348032306, TieProbability.FromEvents(0.75, 4, threshold: 0.5).ProbabilityPositive, 8);
        // No events: the prior, symmetric.
        var none = TieProbability.FromEvents(0.5, 0);
        Assert.Equal(0.5, none.ProbabilityPositive, 12);
        Assert.Equal(0, none.Mean, 12);
        // A conflictual tie mirrors a cooperative one.
        Assert.Equal(1 - one.ProbabilityPositive, TieProbability.FromEvents(0, 1).ProbabilityPositive, 12);
    }

    [Fact]
    public void More_events_with_the_same_share_make_the_sign_more_certain()
    {
        var previous = 0.5;
        var previousSd = double.MaxValue;
        foreach (var n in new[] { 0.5, 1, 2, 5, 20, 100 })
        {
            var p = TieProbability.FromEvents(0.7, n);
            Assert.True(p.ProbabilityPositive > previous, $"n = {n}");
            Assert.True(p.Sd < previousSd, $"n = {n}");
            previous = p.ProbabilityPositive;
            previousSd = p.Sd;
        }
        Assert.True(previous > 0.99);
    }

    [Fact]
    public void Configuration_probabilities_multiply_the_ties_and_sum_to_one()
    {
        var p = TriangleConfigurations.Probabilities(0.9, 0.8, 0.3);
        Assert.Equal(8, p.Patterns.Count);
        Assert.Equal(1, p.Patterns.Sum(x => x.Probability), 12);
        Assert.Equal(0.9 * 0.8 * 0.3, p.MenageATrois, 12);
        Assert.Equal(0.1 * 0.2 * 0.7, p.UnitVeto, 12);
        // Romantic: ++− (A pivot), +−+ (B pivot), −++ (C pivot).
        Assert.Equal((0.9 * 0.8 * 0.7) + (0.9 * 0.2 * 0.3) + (0.1 * 0.8 * 0.3), p.RomanticTriangle, 12);
        Assert.Equal(0.9 * 0.8 * 0.7, p.RoleProbability(0, TriangleRole.Pivot), 12);
        Assert.Equal(0.1 * 0.8 * 0.3, p.RoleProbability(2, TriangleRole.Pivot), 12);
        // Stable marriage: +−− (C outcast), −+− (B outcast), −−+ (A outcast).
        Assert.Equal((0.9 * 0.2 * 0.7) + (0.1 * 0.8 * 0.7) + (0.1 * 0.2 * 0.3), p.StableMarriage, 12);
        Assert.Equal(0.9 * 0.2 * 0.7, p.RoleProbability(2, TriangleRole.Outcast), 12);
        Assert.Equal(TriangleKind.RomanticTriangle, p.MostLikely.Configuration.Kind);
        Assert.Equal(0, p.MostLikely.Configuration.Distinguished);
    }

    [Fact]
    public void Certain_ties_give_the_discrete_configuration_with_probability_one()
    {
        foreach (var ab in new[] { true, false })
        {
            foreach (var ac in new[] { true, false })
            {
                foreach (var bc in new[] { true, false })
                {
                    var p = TriangleConfigurations.Probabilities(ab ? 1 : 0, ac ? 1 : 0, bc ? 1 : 0);
                    Assert.Equal(1, p.MostLikely.Probability);
                    Assert.Equal(StrategicTriangle.Configuration(ab, ac, bc), p.MostLikely.Configuration);
                    Assert.Equal((ab, ac, bc), (p.MostLikely.AB, p.MostLikely.AC, p.MostLikely.BC));
                }
            }
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => TriangleConfigurations.Probabilities(1.1, 0, 0));
    }

    [Fact]
    public void Normal_estimates_of_the_three_ties_give_the_same_as_their_probabilities()
    {
        var fromEstimates = TriangleConfigurations.Probabilities(new TieEstimate(0.4, 0.4), new TieEstimate(-0.2, 0.1), new TieEstimate(0, 1));
        var direct = TriangleConfigurations.Probabilities(0.8413447460685429, 0.0227501319481792, 0.5);
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(direct.Patterns[i].Probability, fromEstimates.Patterns[i].Probability, 12);
        }
        var shifted = TriangleConfigurations.Probabilities(new TieEstimate(0.4, 0.4), new TieEstimate(0.4, 0.4), new TieEstimate(0.4, 0.4), threshold: 0.4);
        Assert.Equal(0.125, shifted.MenageATrois, 12);
    }

    [Fact]
    public void The_fissure_is_patron_hostility_limited_by_the_clients_worse_tie()
    {
        Assert.Equal(1, Fissure.Of(-1, 0, 0));
        Assert.Equal(1, Fissure.Of(-1, 1, 0.5));
        Assert.Equal(0, Fissure.Of(-1, -1, 1));
        Assert.Equal(0.5 * 0.5, Fissure.Of(-0.5, -0.5, 0.2), 12);
        Assert.Equal(0, Fissure.Of(0.3, 1, 1));
        Assert.Equal(0, Fissure.Of(0, 1, 1));
        Assert.Equal(0.6, Fissure.Of(-0.6, 0.9, 0.1), 12);
        Assert.Equal(0.6, Fissure.Of(-0.6, 0.1, 0.9), 12);
        Assert.Throws<ArgumentOutOfRangeException>(() => Fissure.Of(-1.5, 0, 0));
    }

    [Fact]
    public void The_fissure_is_zero_without_patron_hostility_even_when_the_client_ties_are_missing()
    {
        Assert.Null(Fissure.Of(null, 1.0, 1.0));
        Assert.Equal(0, Fissure.Of(0.5, null, null));
        Assert.Null(Fissure.Of(-0.5, 1.0, null));
        Assert.Equal(0.5, Fissure.Of(-0.5, (double?)1.0, 0.0));
    }
}
