namespace Strata.Ach;

/// <summary>The kinds of change the sensitivity analysis tries on each item.</summary>
public enum PerturbationKind
{
    /// <summary>The item is left out.</summary>
    Dropped,

    /// <summary>One cell moved one step towards CC.</summary>
    MoreConsistent,

    /// <summary>One cell moved one step towards II.</summary>
    LessConsistent,

    /// <summary>The item's credibility lowered one grade.</summary>
    LowerCredibility,
}

/// <summary>One change to one item, and what it does to the ranking.</summary>
/// <param name="EvidenceId">The item changed.</param>
/// <param name="Kind">What was changed.</param>
/// <param name="HypothesisId">The cell changed, for a change of rating.</param>
/// <param name="Description">The change in words, e.g. "h2: I → II".</param>
/// <param name="Top">The hypotheses ranked first after the change.</param>
/// <param name="Ranking">Every hypothesis' rank after the change, in the matrix' order.</param>
/// <param name="ChangesTop">True when the hypotheses ranked first differ from those of the unchanged matrix.</param>
/// <param name="ChangesRanking">True when any hypothesis' rank differs.</param>
public sealed record SensitivityOutcome(
    string EvidenceId, PerturbationKind Kind, string? HypothesisId, string Description,
    IReadOnlyList<string> Top, IReadOnlyList<int> Ranking, bool ChangesTop, bool ChangesRanking);

/// <summary>Every change tried, and the items the conclusion hangs on.</summary>
public sealed record SensitivityResult(IReadOnlyList<SensitivityOutcome> Outcomes)
{
    /// <summary>Items for which some single change alters which hypothesis ranks first.</summary>
    public IReadOnlyList<string> ItemsTopHangsOn => Outcomes.Where(o => o.ChangesTop).Select(o => o.EvidenceId).Distinct().ToList();

    /// <summary>Items for which some single change alters the order of the hypotheses.</summary>
    public IReadOnlyList<string> ItemsRankingHangsOn => Outcomes.Where(o => o.ChangesRanking).Select(o => o.EvidenceId).Distinct().ToList();
}

/// <summary>
/// Sensitivity analysis (Heuer's step 6, made mechanical; docs/ach.md §3): for each item, drop it, move each of
/// its cells one step either way, and lower its credibility one grade, one change at a time, and see whether the
/// ranking changes.
/// </summary>
public static class AchSensitivity
{
    public static SensitivityResult Run(AchMatrix matrix)
    {
        Check.NotNull(matrix);
        var baseline = AchScoring.Score(matrix);
        var outcomes = new List<SensitivityOutcome>();
        for (var k = 0; k < matrix.Evidence.Count; k++)
        {
            var item = matrix.Evidence[k];
            outcomes.Add(Try(matrix, baseline, k, null, item, PerturbationKind.Dropped, null, "dropped"));
            foreach (var h in matrix.Hypotheses)
            {
                var cell = item.Cells[h.Id];
                foreach (var (direction, kind) in new[] { (1, PerturbationKind.MoreConsistent), (-1, PerturbationKind.LessConsistent) })
                {
                    if (RatingScale.Step(cell.Rating, direction) is not { } moved)
                    {
                        continue;
                    }
                    var cells = new Dictionary<string, AchCell>(item.Cells, StringComparer.Ordinal) { [h.Id] = cell with { Rating = moved } };
                    outcomes.Add(Try(matrix, baseline, k, item with { Cells = cells }, item, kind, h.Id, $"{h.Id}: {RatingScale.Label(cell.Rating)} → {RatingScale.Label(moved)}"));
                }
            }
            if (item.Credibility != Grade.Low)
            {
                var lower = item.Credibility - 1;
                outcomes.Add(Try(matrix, baseline, k, item with { Credibility = lower }, item, PerturbationKind.LowerCredibility, null,
                    $"credibility {RatingScale.Label(item.Credibility)} → {RatingScale.Label(lower)}"));
            }
        }
        return new SensitivityResult(outcomes);
    }

    private static SensitivityOutcome Try(
        AchMatrix matrix, AchScores baseline, int index, EvidenceItem? replacement, EvidenceItem item, PerturbationKind kind, string? hypothesisId, string description)
    {
        var evidence = matrix.Evidence.ToList();
        if (replacement is null)
        {
            evidence.RemoveAt(index);
        }
        else
        {
            evidence[index] = replacement;
        }
        var scores = AchScoring.Score(matrix.With(evidence));
        var ranks = scores.ByHypothesis.Select(s => s.Rank).ToList();
        var changesTop = !scores.Top.ToHashSet(StringComparer.Ordinal).SetEquals(baseline.Top);
        var changesRanking = !ranks.SequenceEqual(baseline.ByHypothesis.Select(s => s.Rank));
        return new SensitivityOutcome(item.Id, kind, hypothesisId, description, scores.Top, ranks, changesTop, changesRanking);
    }
}
