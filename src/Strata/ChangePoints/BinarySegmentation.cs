namespace Strata.ChangePoints;

/// <summary>
/// Binary segmentation (Scott &amp; Knott 1974), as R's <c>BinSeg</c>: at each of at most Q steps, split the segment
/// and point that most reduce the total cost; the gains are made non-increasing (each is capped by the one before),
/// and the change points kept are the first splits whose gain is at least the penalty. Approximate but O(Q·n).
/// </summary>
/// <remarks>
/// Unlike R's C code, every split leaving at least the minimum segment length on both sides is considered (R skips
/// the first two and last two positions and asks for one point more than the minimum on the left).
/// </remarks>
public static class BinarySegmentation
{
    public static Segmentation Detect(
        ReadOnlySpan<double> series, ISegmentCost cost, Penalty penalty, int maxChangePoints = 5, int? minSegmentLength = null,
        MissingValues missing = MissingValues.Reject)
    {
        Check.NotNull(cost);
        Check.NotNull(penalty);
        Check.AtLeast(maxChangePoints, 1);
        var x = SeriesInput.Prepare(series, missing);
        Check.AtLeast(x.Length, 1, "series.Length");
        var m = OptimalSearch.ResolveMinSegmentLength(cost, minSegmentLength);
        var f = cost.Fit(x);
        var pen = penalty.Value(x.Length, cost.Parameters);
        var lengthTerm = penalty.AddsLengthTerm;
        double C(int s, int e) => f.Cost(s, e) + (lengthTerm ? f.LengthTerm(s, e) : 0);

        var bounds = new List<int> { 0, x.Length };
        var splits = new List<int>();
        var gains = new List<double>();
        var previous = double.MaxValue;
        for (var q = 0; q < maxChangePoints; q++)
        {
            var bestGain = double.NegativeInfinity;
            var bestSplit = -1;
            for (var b = 0; b + 1 < bounds.Count; b++)
            {
                int s = bounds[b], e = bounds[b + 1];
                if (e - s < 2 * m)
                {
                    continue;
                }
                var whole = C(s, e);
                for (var j = s + m; j <= e - m; j++)
                {
                    var gain = whole - C(s, j) - C(j, e);
                    if (gain > bestGain)
                    {
                        bestGain = gain;
                        bestSplit = j;
                    }
                }
            }
            if (bestSplit < 0)
            {
                break;
            }
            previous = Math.Min(previous, bestGain);
            splits.Add(bestSplit);
            gains.Add(previous);
            var at = bounds.BinarySearch(bestSplit);
            bounds.Insert(~at, bestSplit);
        }

        var kept = 0;
        while (kept < gains.Count && gains[kept] >= pen)
        {
            kept++;
        }
        var cps = splits.Take(kept).Order().ToArray();
        return Segmentation.Create(x, f, "binseg", cost.Name, penalty, pen, m, cps);
    }
}
