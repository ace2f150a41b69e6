namespace Strata.ChangePoints;

/// <summary>
/// Segment neighbourhood (Auger &amp; Lawrence 1989): for every number of changes k = 0..Kmax, the segmentation with
/// k changes of least total cost, by dynamic programming in O(Kmax·n²). For small n; a penalty then picks one.
/// </summary>
public static class SegmentNeighbourhood
{
    public static SegmentNeighbourhoodResult Detect(
        ReadOnlySpan<double> series, ISegmentCost cost, int maxChangePoints, int? minSegmentLength = null,
        MissingValues missing = MissingValues.Reject)
    {
        Check.NotNull(cost);
        Check.AtLeast(maxChangePoints, 0);
        var x = SeriesInput.Prepare(series, missing);
        var n = x.Length;
        Check.AtLeast(n, 1, "series.Length");
        var m = OptimalSearch.ResolveMinSegmentLength(cost, minSegmentLength);
        var f = cost.Fit(x);
        var kMax = Math.Max(0, Math.Min(maxChangePoints, (n / m) - 1));

        // best[k][t]: least cost of [0, t) in k + 1 segments; from[k][t]: start of the last of them.
        var best = new double[kMax + 1][];
        var from = new int[kMax + 1][];
        best[0] = new double[n + 1];
        from[0] = new int[n + 1];
        for (var t = Math.Min(m, n); t <= n; t++)
        {
            best[0][t] = f.Cost(0, t);
        }
        var starts = new int[n + 1];
        var costs = new double[n + 1];
        for (var k = 1; k <= kMax; k++)
        {
            best[k] = new double[n + 1];
            from[k] = new int[n + 1];
            Array.Fill(best[k], double.PositiveInfinity);
            for (var t = (k + 1) * m; t <= n; t++)
            {
                var count = 0;
                for (var tau = k * m; tau <= t - m; tau++)
                {
                    starts[count++] = tau;
                }
                f.Costs(starts.AsSpan(0, count), t, false, costs.AsSpan(0, count));
                for (var i = 0; i < count; i++)
                {
                    var v = best[k - 1][starts[i]] + costs[i];
                    if (v < best[k][t])
                    {
                        best[k][t] = v;
                        from[k][t] = starts[i];
                    }
                }
            }
        }

        var results = new Segmentation[kMax + 1];
        for (var k = 0; k <= kMax; k++)
        {
            var cps = new int[k];
            var t = n;
            for (var j = k; j >= 1; j--)
            {
                t = from[j][t];
                cps[j - 1] = t;
            }
            results[k] = Segmentation.Create(x, f, "segneigh", cost.Name, Penalty.Manual(0), 0, m, cps, best[k][n]);
        }
        return new SegmentNeighbourhoodResult(results, cost);
    }
}

/// <summary>The best segmentation for each number of changes, <see cref="ByChanges"/>[k] having k changes.</summary>
public sealed record SegmentNeighbourhoodResult
{
    private readonly ISegmentCost _cost;

    internal SegmentNeighbourhoodResult(Segmentation[] byChanges, ISegmentCost cost)
    {
        ByChanges = byChanges.AsReadOnly();
        _cost = cost;
    }

    public IReadOnlyList<Segmentation> ByChanges { get; }

    /// <summary>
    /// The segmentation minimising cost + k·penalty (the fewest changes on an exact tie). MBIC is refused: its
    /// length terms are not part of the k-change optimisation (R refuses it for SegNeigh too).
    /// </summary>
    public Segmentation Select(Penalty penalty)
    {
        Check.NotNull(penalty);
        Check.That(!penalty.AddsLengthTerm, "MBIC is not available for segment neighbourhood; use PELT or another penalty", nameof(penalty));
        var n = ByChanges[0].N;
        var pen = penalty.Value(n, _cost.Parameters);
        var bestK = 0;
        var bestValue = double.PositiveInfinity;
        for (var k = 0; k < ByChanges.Count; k++)
        {
            var v = ByChanges[k].TotalCost + k * pen;
            if (v < bestValue)
            {
                bestValue = v;
                bestK = k;
            }
        }
        var s = ByChanges[bestK];
        return new Segmentation("segneigh", s.Cost, penalty, pen, s.MinSegmentLength, [.. s.ChangePoints], [.. s.Segments], s.TotalCost, bestValue);
    }
}
