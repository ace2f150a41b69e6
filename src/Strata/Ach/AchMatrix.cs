namespace Strata.Ach;

/// <summary>
/// Hypotheses × evidence, every cell rated, with the weights of credibility and relevance. Scores, diagnosticity and
/// sensitivity are computed from it alone (docs/ach.md §2–3).
/// </summary>
public sealed class AchMatrix
{
    public AchMatrix(IReadOnlyList<Hypothesis> hypotheses, IReadOnlyList<EvidenceItem> evidence, AchWeights? weights = null)
    {
        Check.NotNull(hypotheses);
        Check.NotNull(evidence);
        Check.That(hypotheses.Count >= 1, "needs at least one hypothesis");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in hypotheses)
        {
            Check.That(ids.Add(h.Id), $"has the hypothesis id '{h.Id}' twice", nameof(hypotheses));
        }
        var evidenceIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in evidence)
        {
            Check.That(evidenceIds.Add(e.Id), $"has the evidence id '{e.Id}' twice", nameof(evidence));
            foreach (var h in hypotheses)
            {
                Check.That(e.Cells.ContainsKey(h.Id), $"item '{e.Id}' has no rating for hypothesis '{h.Id}'", nameof(evidence));
            }
        }
        Hypotheses = hypotheses;
        Evidence = evidence;
        Weights = weights ?? AchWeights.Parc;
    }

    public IReadOnlyList<Hypothesis> Hypotheses { get; }

    public IReadOnlyList<EvidenceItem> Evidence { get; }

    public AchWeights Weights { get; }

    /// <summary>An item's weight: credibility weight × relevance weight.</summary>
    public double WeightOf(EvidenceItem item) => Weights.Of(Check.NotNull(item).Credibility) * Weights.Of(item.Relevance);

    /// <summary>The same hypotheses and weights with other evidence.</summary>
    public AchMatrix With(IReadOnlyList<EvidenceItem> evidence) => new(Hypotheses, evidence, Weights);
}

/// <summary>One hypothesis' scores (docs/ach.md §2).</summary>
/// <param name="HypothesisId">The hypothesis.</param>
/// <param name="Rank">1 for the least inconsistent; equal scores share a rank.</param>
/// <param name="Inconsistency">Heuer's count: I = 1, II = 2, summed over the items.</param>
/// <param name="Weighted">Σ inconsistency × credibility weight × relevance weight.</param>
/// <param name="MaxWeighted">The weighted inconsistency if every item rated for it (not NA) were II.</param>
/// <param name="Normalised">Weighted / MaxWeighted, on 0 (nothing inconsistent) to 1 (everything II); null when no item applies.</param>
/// <param name="Support">Σ consistency (C = 1, CC = 2) × weight: shown, never used to rank.</param>
/// <param name="RatedItems">Items rated other than NA for this hypothesis.</param>
public sealed record HypothesisScore(
    string HypothesisId, int Rank, int Inconsistency, double Weighted, double MaxWeighted, double? Normalised, double Support, int RatedItems);

/// <summary>The scores of every hypothesis, in the matrix' order and ranked.</summary>
public sealed record AchScores(IReadOnlyList<HypothesisScore> ByHypothesis, IReadOnlyList<HypothesisScore> Ranking)
{
    /// <summary>The hypotheses ranked first (more than one when tied).</summary>
    public IReadOnlyList<string> Top => Ranking.Where(s => s.Rank == 1).Select(s => s.HypothesisId).ToList();

    public HypothesisScore Of(string hypothesisId) => ByHypothesis.First(s => s.HypothesisId == hypothesisId);
}

/// <summary>How much an item separates the hypotheses (docs/ach.md §3).</summary>
/// <param name="EvidenceId">The item.</param>
/// <param name="Spread">Highest minus lowest rating on the five-point scale (CC = +2 … II = −2, NA placed at N) over the hypotheses; 0 to 4.</param>
/// <param name="Weight">Credibility weight × relevance weight.</param>
/// <param name="WeightedInconsistencySpread">(Highest − lowest inconsistency) × weight: how far the item alone can move one hypothesis' weighted score against another's.</param>
public sealed record ItemDiagnosticity(string EvidenceId, int Spread, double Weight, double WeightedInconsistencySpread)
{
    /// <summary>False when the item is rated alike (or NA) for every hypothesis: it cannot tell them apart.</summary>
    public bool IsDiagnostic => Spread > 0;

    /// <summary>True when the item can change the scores that rank the hypotheses (it is inconsistent with some and not others).</summary>
    public bool AffectsRanking => WeightedInconsistencySpread > 0;
}

/// <summary>The scoring rules of docs/ach.md §2–3.</summary>
public static class AchScoring
{
    /// <summary>Scores compared with this tolerance count as equal (weights such as √2 make exact ties inexact).</summary>
    public const double Tolerance = 1e-9;

    public static AchScores Score(AchMatrix matrix)
    {
        Check.NotNull(matrix);
        var scores = new List<HypothesisScore>(matrix.Hypotheses.Count);
        foreach (var h in matrix.Hypotheses)
        {
            var count = 0;
            double weighted = 0, max = 0, support = 0;
            var rated = 0;
            foreach (var e in matrix.Evidence)
            {
                var r = e.RatingFor(h.Id);
                if (r == Rating.NA)
                {
                    continue;
                }
                var w = matrix.WeightOf(e);
                rated++;
                count += RatingScale.Inconsistency(r);
                weighted += RatingScale.Inconsistency(r) * w;
                max += 2 * w;
                support += RatingScale.Consistency(r) * w;
            }
            scores.Add(new HypothesisScore(h.Id, 0, count, weighted, max, max > 0 ? weighted / max : null, support, rated));
        }

        // Least inconsistent first: by normalised score (hypotheses with no applicable item last), then weighted, then count.
        var ordered = scores.Order(Comparer<HypothesisScore>.Create(Compare)).ToList();
        var ranked = new List<HypothesisScore>(ordered.Count);
        for (var i = 0; i < ordered.Count; i++)
        {
            var rank = i > 0 && Tied(ordered[i - 1], ordered[i]) ? ranked[i - 1].Rank : i + 1;
            ranked.Add(ordered[i] with { Rank = rank });
        }
        var byId = ranked.ToDictionary(s => s.HypothesisId, StringComparer.Ordinal);
        return new AchScores(matrix.Hypotheses.Select(h => byId[h.Id]).ToList(), ranked);
    }

    private static bool Tied(HypothesisScore a, HypothesisScore b) => Compare(a, b) == 0;

    /// <summary>Scores within <see cref="Tolerance"/> of each other compare equal, so that √2·√2 ties with 2.</summary>
    private static int Compare(HypothesisScore a, HypothesisScore b)
    {
        if ((a.Normalised is null) != (b.Normalised is null))
        {
            return a.Normalised is null ? 1 : -1;
        }
        var c = Near(a.Normalised ?? 0, b.Normalised ?? 0);
        if (c == 0)
        {
            c = Near(a.Weighted, b.Weighted);
        }
        return c != 0 ? c : a.Inconsistency.CompareTo(b.Inconsistency);
    }

    private static int Near(double a, double b) => Math.Abs(a - b) <= Tolerance ? 0 : a.CompareTo(b);

    /// <summary>The diagnosticity of every item, in the matrix' order.</summary>
    public static IReadOnlyList<ItemDiagnosticity> Diagnosticity(AchMatrix matrix)
    {
        Check.NotNull(matrix);
        return matrix.Evidence.Select(e =>
        {
            // NA adds nothing to its hypothesis' inconsistency, as N does, so it sits at N's place here.
            var ratings = matrix.Hypotheses.Select(h => e.RatingFor(h.Id)).ToList();
            var positions = ratings.Select(r => RatingScale.Position(r) ?? 0).ToList();
            var inconsistencies = ratings.Select(RatingScale.Inconsistency).ToList();
            var w = matrix.WeightOf(e);
            return new ItemDiagnosticity(e.Id, positions.Max() - positions.Min(), w, (inconsistencies.Max() - inconsistencies.Min()) * w);
        }).ToList();
    }
}
