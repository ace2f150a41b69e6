using Strata.Ach;
using static Strata.Ach.Grade;
using static Strata.Ach.Rating;

namespace Strata.Tests.Ach;

/// <summary>
/// Scores of small matrices worked out by hand from the definitions in docs/ach.md §2–3. Each expected number is
/// written as the sum it comes from, so that a reader can check it against the matrix above it.
/// </summary>
public sealed class AchScoringTests
{
    private const double Eps = 1e-12;
    private static readonly double R2 = Math.Sqrt(2);

    private static List<Hypothesis> Hyps(params string[] ids) => ids.Select(id => new Hypothesis(id, "hypothesis " + id)).ToList();

    /// <summary>
    /// Matrix A, every item medium credibility and medium relevance (weight 1 × 1 = 1 with PARC's weights):
    /// <code>
    ///        h1   h2   h3
    ///   e1   C    I    II
    ///   e2   N    C    I
    ///   e3   I    CC   C
    ///   e4   NA   II   C
    /// </code>
    /// </summary>
    private static AchMatrix MatrixA()
    {
        var h = Hyps("h1", "h2", "h3");
        var ids = h.Select(x => x.Id).ToList();
        return new AchMatrix(h,
        [
            EvidenceItem.Of("e1", Medium, Medium, ids, C, I, II),
            EvidenceItem.Of("e2", Medium, Medium, ids, N, C, I),
            EvidenceItem.Of("e3", Medium, Medium, ids, I, CC, C),
            EvidenceItem.Of("e4", Medium, Medium, ids, NA, II, C),
        ]);
    }

    [Fact]
    public void Matrix_A_counts_weighs_and_normalises_inconsistency_and_skips_NA()
    {
        var s = AchScoring.Score(MatrixA());

        var h1 = s.Of("h1");
        Assert.Equal(0 + 0 + 1, h1.Inconsistency); // C, N, I; e4 is NA
        Assert.Equal(1.0, h1.Weighted, Eps);
        Assert.Equal(2.0 * 3, h1.MaxWeighted, Eps); // three rated items, each at most II = 2
        Assert.Equal(1.0 / 6, h1.Normalised!.Value, Eps);
        Assert.Equal(1.0, h1.Support, Eps); // one C
        Assert.Equal(3, h1.RatedItems);

        var h2 = s.Of("h2");
        Assert.Equal(1 + 0 + 0 + 2, h2.Inconsistency);
        Assert.Equal(3.0, h2.Weighted, Eps);
        Assert.Equal(2.0 * 4, h2.MaxWeighted, Eps);
        Assert.Equal(3.0 / 8, h2.Normalised!.Value, Eps);
        Assert.Equal(1 + 2, h2.Support, Eps); // C and CC

        var h3 = s.Of("h3");
        Assert.Equal(2 + 1 + 0 + 0, h3.Inconsistency);
        Assert.Equal(3.0 / 8, h3.Normalised!.Value, Eps);
        Assert.Equal(1 + 1, h3.Support, Eps);

        // h1 is least inconsistent; h2 and h3 tie on every key and share rank 2.
        Assert.Equal(["h1"], s.Top);
        Assert.Equal([1, 2, 2], s.ByHypothesis.Select(x => x.Rank));
        Assert.Equal("h1", s.Ranking[0].HypothesisId);
    }

    [Fact]
    public void Matrix_A_diagnosticity_is_the_spread_of_the_ratings_and_of_their_inconsistency()
    {
        var d = AchScoring.Diagnosticity(MatrixA());
        // e1: C (+1), I (−1), II (−2) → spread 3; inconsistencies 0, 1, 2 → 2 × weight 1.
        Assert.Equal(3, d[0].Spread);
        Assert.Equal(2.0, d[0].WeightedInconsistencySpread, Eps);
        // e2: N (0), C (+1), I (−1) → 2; inconsistencies 0, 0, 1 → 1.
        Assert.Equal(2, d[1].Spread);
        Assert.Equal(1.0, d[1].WeightedInconsistencySpread, Eps);
        // e3: I (−1), CC (+2), C (+1) → 3; 1, 0, 0 → 1.
        Assert.Equal(3, d[2].Spread);
        Assert.Equal(1.0, d[2].WeightedInconsistencySpread, Eps);
        // e4: NA (placed at N, 0), II (−2), C (+1) → 3; 0, 2, 0 → 2.
        Assert.Equal(3, d[3].Spread);
        Assert.Equal(2.0, d[3].WeightedInconsistencySpread, Eps);
        Assert.All(d, x => Assert.True(x.IsDiagnostic));
    }

    [Fact]
    public void An_item_rated_alike_for_every_hypothesis_has_no_diagnosticity()
    {
        var h = Hyps("a", "b", "c");
        var ids = h.Select(x => x.Id).ToList();
        var m = new AchMatrix(h, [EvidenceItem.Of("same", High, High, ids, C, C, C), EvidenceItem.Of("cc-c", High, High, ids, CC, C, C)]);
        var d = AchScoring.Diagnosticity(m);
        Assert.Equal(0, d[0].Spread);
        Assert.False(d[0].IsDiagnostic);
        // CC against C separates the hypotheses on the scale but not in the inconsistency that ranks them.
        Assert.Equal(1, d[1].Spread);
        Assert.False(d[1].AffectsRanking);
    }

    /// <summary>
    /// Matrix B, weights low/medium/high = 0.5/1/2 (item weight = credibility × relevance):
    /// <code>
    ///        cred  rel   weight   a    b
    ///   e1   H     H     4        I    C
    ///   e2   L     M     0.5      II   N
    ///   e3   M     L     0.5      NA   II
    ///   e4   H     L     1        C    I
    /// </code>
    /// </summary>
    private static AchMatrix MatrixB(AchWeights weights)
    {
        var h = Hyps("a", "b");
        var ids = h.Select(x => x.Id).ToList();
        return new AchMatrix(h,
        [
            EvidenceItem.Of("e1", High, High, ids, I, C),
            EvidenceItem.Of("e2", Low, Medium, ids, II, N),
            EvidenceItem.Of("e3", Medium, Low, ids, NA, II),
            EvidenceItem.Of("e4", High, Low, ids, C, I),
        ], weights);
    }

    [Fact]
    public void Matrix_B_with_weights_half_one_two_ranks_by_weighted_inconsistency_not_by_count()
    {
        var s = AchScoring.Score(MatrixB(new AchWeights(0.5, 1, 2)));
        var a = s.Of("a");
        Assert.Equal(1 + 2 + 0, a.Inconsistency);
        Assert.Equal((1 * 4) + (2 * 0.5), a.Weighted, Eps); // 5
        Assert.Equal(2 * (4 + 0.5 + 1), a.MaxWeighted, Eps); // e3 is NA for a
        Assert.Equal(5 / 11.0, a.Normalised!.Value, Eps);
        Assert.Equal(1 * 1, a.Support, Eps); // C on e4, weight 1

        var b = s.Of("b");
        Assert.Equal(2 + 1, b.Inconsistency);
        Assert.Equal((2 * 0.5) + (1 * 1), b.Weighted, Eps); // 2
        Assert.Equal(2 * (4 + 0.5 + 0.5 + 1), b.MaxWeighted, Eps);
        Assert.Equal(2 / 12.0, b.Normalised!.Value, Eps);
        Assert.Equal(1 * 4, b.Support, Eps);

        // Both have three inconsistency points, but a's fall on the heavy items.
        Assert.Equal(["b"], s.Top);
        Assert.Equal([2, 1], s.ByHypothesis.Select(x => x.Rank));
    }

    [Fact]
    public void Matrix_B_with_PARC_weights()
    {
        // Weights: H×H = √2·√2 = 2; L×M = M×L = 1/√2; H×L = √2/√2 = 1.
        var s = AchScoring.Score(MatrixB(AchWeights.Parc));
        var a = s.Of("a");
        Assert.Equal((1 * 2) + (2 / R2), a.Weighted, 1e-12);
        Assert.Equal(2 * (2 + (1 / R2) + 1), a.MaxWeighted, 1e-12);
        Assert.Equal((2 + (2 / R2)) / (2 * (3 + (1 / R2))), a.Normalised!.Value, 1e-12);
        var b = s.Of("b");
        Assert.Equal((2 / R2) + 1, b.Weighted, 1e-12);
        Assert.Equal(2 * (2 + (2 / R2) + 1), b.MaxWeighted, 1e-12);
        Assert.Equal(["b"], s.Top);

        var d = AchScoring.Diagnosticity(MatrixB(AchWeights.Parc));
        Assert.Equal(2 * 1.0, d[0].WeightedInconsistencySpread, 1e-12); // I vs C: (1 − 0) × 2
        Assert.Equal(2 / R2, d[1].WeightedInconsistencySpread, 1e-12); // II vs N: (2 − 0) × 1/√2
    }

    [Fact]
    public void A_hypothesis_with_every_item_NA_has_no_normalised_score_and_ranks_last()
    {
        var h = Hyps("x", "y");
        var ids = h.Select(i => i.Id).ToList();
        var s = AchScoring.Score(new AchMatrix(h, [EvidenceItem.Of("e", Medium, Medium, ids, NA, II)]));
        Assert.Null(s.Of("x").Normalised);
        Assert.Equal(0, s.Of("x").RatedItems);
        Assert.Equal(1.0, s.Of("y").Normalised!.Value, Eps);
        Assert.Equal(["y"], s.Top);
    }

    /// <summary>
    /// A matrix whose conclusion hangs on one item (PARC weights; e3 weighs √2·√2 = 2, the others 1):
    /// <code>
    ///        h1   h2
    ///   e1   I    C      h1: (1 + 1 + 0) / (2·(1 + 1 + 2)) = 2/8
    ///   e2   I    C      h2: (0 + 0 + 2·2) / 8            = 4/8
    ///   e3   C    II     (high credibility, high relevance)
    /// </code>
    /// Dropping e3 gives h1 2/4 against h2 0/4; moving h2's II to I gives 2/8 each, equal weighted scores (2), and
    /// h2 first on the count (1 against 2). No change to e1 or e2 alone moves h2 above h1.
    /// </summary>
    [Fact]
    public void Sensitivity_finds_the_one_item_that_flips_the_ranking()
    {
        var h = Hyps("h1", "h2");
        var ids = h.Select(x => x.Id).ToList();
        var m = new AchMatrix(h,
        [
            EvidenceItem.Of("e1", Medium, Medium, ids, I, C),
            EvidenceItem.Of("e2", Medium, Medium, ids, I, C),
            EvidenceItem.Of("e3", High, High, ids, C, II),
        ]);
        var s = AchScoring.Score(m);
        Assert.Equal(2.0 / 8, s.Of("h1").Normalised!.Value, Eps);
        Assert.Equal(4.0 / 8, s.Of("h2").Normalised!.Value, Eps);
        Assert.Equal(["h1"], s.Top);

        var sens = AchSensitivity.Run(m);
        Assert.Equal(["e3"], sens.ItemsTopHangsOn);
        var flips = sens.Outcomes.Where(o => o.ChangesTop).ToList();
        Assert.Equal(2, flips.Count);
        var drop = Assert.Single(flips, o => o.Kind == PerturbationKind.Dropped);
        Assert.Equal(["h2"], drop.Top);
        var step = Assert.Single(flips, o => o.Kind == PerturbationKind.MoreConsistent);
        Assert.Equal("h2", step.HypothesisId);
        Assert.Equal("h2: II → I", step.Description);
        // Lowering e3's credibility to medium (weight √2): h1 2/(2(2+√2)) ≈ 0.29, h2 2√2/(2(2+√2)) ≈ 0.41: no change.
        var cred = Assert.Single(sens.Outcomes, o => o.EvidenceId == "e3" && o.Kind == PerturbationKind.LowerCredibility);
        Assert.False(cred.ChangesTop);
        // Every item gets: dropped, each movable cell one step either way, credibility lowered when not already low.
        // e1: I→N, I→II, C→CC, C→N, lower = 6; e2 the same; e3: C→CC, C→N, II→I, lower = 5 (II cannot go further).
        Assert.Equal(6 + 6 + 5, sens.Outcomes.Count);
    }

    [Fact]
    public void Rating_steps_stop_at_the_ends_and_NA_does_not_move()
    {
        Assert.Equal(I, RatingScale.Step(N, -1));
        Assert.Equal(CC, RatingScale.Step(C, 1));
        Assert.Null(RatingScale.Step(CC, 1));
        Assert.Null(RatingScale.Step(II, -1));
        Assert.Null(RatingScale.Step(NA, 1));
    }

    [Fact]
    public void A_matrix_missing_a_rating_is_refused()
    {
        var h = Hyps("a", "b");
        var cells = new Dictionary<string, AchCell> { ["a"] = new(C) };
        var e = Assert.Throws<ArgumentException>(() => new AchMatrix(h, [new EvidenceItem("e", "e", Medium, Medium, cells)]));
        Assert.Contains("no rating for hypothesis 'b'", e.Message, StringComparison.Ordinal);
    }
}
