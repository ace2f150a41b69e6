using System.Runtime.CompilerServices;
namespace Strata.ChangePoints;

/// <summary>
/// PELT (Killick, Fearnhead &amp; Eckley 2012): the exact minimiser of Σ segment costs + penalty × changes, with a
/// minimum segment length, in R's arithmetic and order of operations so that it returns R's change points.
/// </summary>
public static class Pelt
{
    public static Segmentation Detect(
        ReadOnlySpan<double> series, ISegmentCost cost, Penalty penalty, int? minSegmentLength = null,
        MissingValues missing = MissingValues.Reject) =>
        OptimalSearch.Detect("pelt", series, cost, penalty, minSegmentLength, missing, prune: true);
}

/// <summary>
/// Optimal partitioning (Jackson et al. 2005): the same recursion as PELT without pruning, O(n²). It gives the
/// same answer as PELT whenever PELT's pruning is safe; it is kept as a check and for small n.
/// </summary>
public static class OptimalPartitioning
{
    public static Segmentation Detect(
        ReadOnlySpan<double> series, ISegmentCost cost, Penalty penalty, int? minSegmentLength = null,
        MissingValues missing = MissingValues.Reject) =>
        OptimalSearch.Detect("op", series, cost, penalty, minSegmentLength, missing, prune: false);
}

internal static class OptimalSearch
{
    public static Segmentation Detect(
        string method, ReadOnlySpan<double> series, ISegmentCost cost, Penalty penalty, int? minSegmentLength,
        MissingValues missing, bool prune)
    {
        Check.NotNull(cost);
        Check.NotNull(penalty);
        var x = SeriesInput.Prepare(series, missing);
        var m = ResolveMinSegmentLength(cost, minSegmentLength);
        Check.AtLeast(x.Length, 1, "series.Length");
        var fitted = cost.Fit(x);
        var pen = penalty.Value(x.Length, cost.Parameters);
        var cps = Run(fitted, pen, penalty.AddsLengthTerm, m, prune, out var objective);
        return Segmentation.Create(x, fitted, method, cost.Name, penalty, pen, m, cps, objective);
    }

    public static int ResolveMinSegmentLength(ISegmentCost cost, int? minSegmentLength)
    {
        var m = minSegmentLength ?? cost.DefaultMinSegmentLength;
        Check.AtLeast(m, cost.MinSize, nameof(minSegmentLength));
        return m;
    }

    /// <summary>
    /// The optimal partition of [0, n) for penalty <paramref name="pen"/>. Follows R's PELT exactly: F(0) = −pen;
    /// F(t) = C(0, t) for m ≤ t &lt; 2m; then F(t) = min over candidates τ of (F(τ) + C(τ, t)) + pen, the earliest τ
    /// winning an exact tie; a candidate is kept for later t when F(τ) + C(τ, t) + pen ≤ F(t) + pen; and t − m + 1
    /// joins the candidates after step t. Returns the change points in R's convention.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Run(IFittedCost f, double pen, bool lengthTerm, int m, bool prune, out double objective)
    {
        var n = f.Length;
        if (n < 2 * m)
        {
            objective = f.Cost(0, n) + (lengthTerm ? f.LengthTerm(0, n) : 0);
            return [];
        }
        var best = new double[n + 1];
        var last = new int[n + 1];
        best[0] = -pen;
        for (var j = m; j < 2 * m; j++)
        {
            var c = f.Cost(0, j);
            if (lengthTerm)
            {
                c += f.LengthTerm(0, j);
            }
            best[j] = c;
        }

        var candidates = new int[n + 1];
        var values = new double[n + 1];
        candidates[0] = 0;
        candidates[1] = m;
        var count = 2;
        for (var t = 2 * m; t <= n; t++)
        {
            f.Costs(candidates.AsSpan(0, count), t, lengthTerm, values.AsSpan(0, count));
            var minValue = double.PositiveInfinity;
            var minIndex = 0;
            for (var i = 0; i < count; i++)
            {
                var v = best[candidates[i]] + values[i] + pen;
                values[i] = v;
                if (i == 0 || v < minValue)
                {
                    minValue = v;
                    minIndex = i;
                }
            }
            best[t] = minValue;
            last[t] = candidates[minIndex];
            if (prune)
            {
                var threshold = minValue + pen;
                var kept = 0;
                for (var i = 0; i < count; i++)
                {
                    if (values[i] <= threshold)
                    {
                        candidates[kept++] = candidates[i];
                    }
                }
                count = kept;
            }
            candidates[count++] = t - m + 1;
        }

        objective = best[n];
        var cps = new List<int>();
        for (var k = last[n]; k != 0; k = last[k])
        {
            cps.Add(k);
        }
        cps.Reverse();
        return [.. cps];
    }
}
