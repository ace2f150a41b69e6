namespace Strata.ChangePoints;

/// <summary>The F-measure of detected change points against annotations, with its precision and recall.</summary>
public sealed record FScore(double F1, double Precision, double Recall);

/// <summary>How a segmentation scores against annotations: TCPDBench's F1 (with its precision and recall) and covering.</summary>
public sealed record EvaluationScore
{
    internal EvaluationScore(FScore f, double covering, int margin, int[] locations)
    {
        F1 = f.F1;
        Precision = f.Precision;
        Recall = f.Recall;
        Covering = covering;
        Margin = margin;
        Locations = locations.AsReadOnly();
    }

    public double F1 { get; }

    public double Precision { get; }

    public double Recall { get; }

    /// <summary>The segmentation covering of the annotators' partitions by the predicted one, averaged over annotators.</summary>
    public double Covering { get; }

    public int Margin { get; }

    /// <summary>The predicted locations that were scored (TCPDBench convention, after its cleaning).</summary>
    public IReadOnlyList<int> Locations { get; }
}

/// <summary>
/// The two metrics of TCPDBench (van den Burg &amp; Williams 2020, "An Evaluation of Change Point Detection
/// Algorithms", arXiv:2003.06222), following its <c>analysis/scripts/metrics.py</c> operation by operation:
/// the F1 score with a margin and the segmentation covering (Arbeláez et al. 2011), both against one or more
/// annotators.
/// </summary>
/// <remarks>
/// <para>
/// <b>Locations.</b> All methods here take TCPDBench's convention: a location is the 0-based index of the
/// <b>first</b> observation of a new segment, in 0..n−1 (0 is always treated as a change point by both sides).
/// Strata's change points follow R's: the 1-based index of the <b>last</b> observation of a segment. A change
/// after observation c (1-based) starts the next segment at 1-based c + 1, which is 0-based index c: the two
/// conventions give <b>the same number</b>, so <see cref="FromR"/> is the identity (it exists to say so).
/// TCPDBench's own wrapper of R's changepoint package subtracts 1 from R's <c>cpts()</c>
/// (<c>execs/R/cpdbench_changepoint.R</c>), which places each of R's changes one observation early; Strata does not
/// copy that shift.
/// </para>
/// <para>
/// <b>One known difference.</b> TCPDBench matches annotations to predictions greedily while iterating a Python
/// <c>set</c>, whose order for integers follows hash slots (ascending for small values, not in general). Strata
/// iterates in ascending order. The counts agree except when two annotations within the margin of each other
/// compete for the same prediction and Python happens to visit the later one first.
/// </para>
/// </remarks>
public static class ChangePointEvaluation
{
    /// <summary>TCPDBench's margin: a prediction within 5 observations of an annotation is a true positive.</summary>
    public const int DefaultMargin = 5;

    /// <summary>R's change points (last index of a segment, 1-based) as TCPDBench locations: the same numbers.</summary>
    public static int[] FromR(IReadOnlyList<int> changePoints)
    {
        Check.NotNull(changePoints);
        return [.. changePoints];
    }

    /// <summary>
    /// TCPDBench's cleaning of predicted locations (<c>clean_cps</c> in <c>summarize.py</c>): duplicates removed,
    /// only 1 ≤ x &lt; n − 1 kept (0 and n − 1 are dropped because some methods always report them), sorted.
    /// </summary>
    public static int[] CleanPredictions(IEnumerable<int> locations, int n)
    {
        Check.NotNull(locations);
        Check.AtLeast(n, 1);
        return [.. locations.Where(x => x >= 1 && x < n - 1).Distinct().Order()];
    }

    /// <summary>
    /// The annotations matched by a prediction within <paramref name="margin"/>, each prediction used at most once:
    /// for each annotation in ascending order, the nearest unused prediction (the smaller on a tie).
    /// </summary>
    public static IReadOnlySet<int> TruePositives(IEnumerable<int> annotations, IEnumerable<int> predictions, int margin = DefaultMargin)
    {
        Check.NotNull(annotations);
        Check.NotNull(predictions);
        Check.AtLeast(margin, 0);
        var free = new SortedSet<int>(predictions);
        var found = new HashSet<int>();
        foreach (var tau in new SortedSet<int>(annotations))
        {
            var best = 0;
            var bestDistance = long.MaxValue;
            foreach (var x in free.GetViewBetween(tau - margin, tau + margin))
            {
                var d = Math.Abs((long)tau - x);
                if (d < bestDistance)
                {
                    bestDistance = d;
                    best = x;
                }
            }
            if (bestDistance != long.MaxValue)
            {
                found.Add(tau);
                free.Remove(best);
            }
        }
        return found;
    }

    /// <summary>
    /// TCPDBench's F-measure (<c>f_measure</c>): 0 is added to every annotator's set and to the predictions;
    /// precision = |TP(∪ annotations, X)| / |X|; recall = the mean over annotators of |TP(Tₖ, X)| / |Tₖ|;
    /// F = P·R / (α·R + (1 − α)·P), α = 0.5 giving F1. Locations in TCPDBench's convention (see the remarks).
    /// </summary>
    public static FScore FMeasure(
        IReadOnlyList<IReadOnlyList<int>> annotators, IEnumerable<int> predictions, int margin = DefaultMargin, double alpha = 0.5)
    {
        Check.NotNull(annotators);
        Check.NotNull(predictions);
        Check.AtLeast(annotators.Count, 1, "annotators.Count");
        Check.InRange(alpha, 0, 1);
        var tks = annotators.Select(a => new HashSet<int>(Check.NotNull(a)) { 0 }).ToList();
        var x = new HashSet<int>(predictions) { 0 };
        var tstar = new HashSet<int>(tks.SelectMany(t => t));
        double k = tks.Count;
        var p = (double)TruePositives(tstar, x, margin).Count / x.Count;
        double sum = 0;
        foreach (var tk in tks)
        {
            sum += (double)TruePositives(tk, x, margin).Count / tk.Count;
        }
        var r = 1 / k * sum;
        var f = p * r / (alpha * r + (1 - alpha) * p);
        return new FScore(f, p, r);
    }

    /// <summary>
    /// TCPDBench's covering (<c>covering</c>): the mean over annotators of the covering of the annotator's partition of
    /// 0..n−1 by the predicted partition. Locations ≥ n are ignored, as in TCPDBench; negative ones are refused.
    /// </summary>
    public static double Covering(IReadOnlyList<IReadOnlyList<int>> annotators, IEnumerable<int> predictions, int n)
    {
        Check.NotNull(annotators);
        Check.NotNull(predictions);
        Check.AtLeast(annotators.Count, 1, "annotators.Count");
        Check.AtLeast(n, 1);
        var predicted = Boundaries(predictions, n);
        double sum = 0;
        foreach (var a in annotators)
        {
            sum += CoverSingle(predicted, Boundaries(Check.NotNull(a), n));
        }
        return sum / annotators.Count;
    }

    /// <summary>
    /// Arbeláez et al.'s covering of the partition S by S′ (TCPDBench's <c>cover_single</c>, equation 8):
    /// (1/n) Σ over segments R of S of |R| · max over R′ of S′ of |R ∩ R′| / |R ∪ R′|.
    /// Both partitions are given by their locations (TCPDBench convention) on 0..n−1.
    /// </summary>
    public static double CoverSingle(IEnumerable<int> predicted, IEnumerable<int> truth, int n)
    {
        Check.NotNull(predicted);
        Check.NotNull(truth);
        Check.AtLeast(n, 1);
        return CoverSingle(Boundaries(predicted, n), Boundaries(truth, n));
    }

    /// <summary>
    /// Scores a segmentation (R's change points) against annotators (TCPDBench locations): the predictions are
    /// converted (<see cref="FromR"/>) and cleaned (<see cref="CleanPredictions"/>) as TCPDBench does with every
    /// method's output, then scored with <see cref="FMeasure"/> and <see cref="Covering"/>.
    /// </summary>
    public static EvaluationScore Evaluate(IReadOnlyList<int> changePoints, int n, IReadOnlyList<IReadOnlyList<int>> annotators, int margin = DefaultMargin)
    {
        Check.NotNull(changePoints);
        Check.NotNull(annotators);
        Check.AtLeast(n, 1);
        var locations = CleanPredictions(FromR(changePoints), n);
        var f = FMeasure(annotators, locations, margin);
        var cover = Covering(annotators, locations, n);
        return new EvaluationScore(f, cover, margin, locations);
    }

    /// <summary>The segment starts of the partition: 0, then the distinct locations in 1..n−1, then n.</summary>
    private static int[] Boundaries(IEnumerable<int> locations, int n)
    {
        var list = new List<int> { 0 };
        foreach (var c in locations.Distinct().Order())
        {
            Check.That(c >= 0, $"locations must not be negative; found {c}", nameof(locations));
            if (c > 0 && c < n)
            {
                list.Add(c);
            }
        }
        list.Add(n);
        return [.. list];
    }

    private static double CoverSingle(int[] predicted, int[] truth)
    {
        var n = truth[^1];
        double c = 0;
        var j = 0;
        for (var i = 0; i + 1 < truth.Length; i++)
        {
            int a = truth[i], b = truth[i + 1];
            while (predicted[j + 1] <= a)
            {
                j++;
            }
            double best = 0;
            for (var k = j; k + 1 < predicted.Length && predicted[k] < b; k++)
            {
                int pa = predicted[k], pb = predicted[k + 1];
                var inter = Math.Min(b, pb) - Math.Max(a, pa);
                var union = (b - a) + (pb - pa) - inter;
                var overlap = (double)inter / union;
                if (overlap > best)
                {
                    best = overlap;
                }
            }
            c += (b - a) * best;
        }
        return c / n;
    }
}
