namespace Strata.ChangePoints;

/// <summary>
/// One segment, in R's 1-based convention: observations <see cref="Start"/> to <see cref="End"/> inclusive, with
/// the sample mean and (maximum-likelihood, divided by the length) variance of its values.
/// </summary>
public sealed record Segment(int Start, int End, double Mean, double Variance)
{
    public int Length => End - Start + 1;
}

/// <summary>
/// The result of an offline search. <see cref="ChangePoints"/> follow R's <c>cpts()</c>: the 1-based index of the
/// LAST observation of each segment but the final one (n is never listed), in increasing order.
/// </summary>
public sealed record Segmentation
{
    internal Segmentation(
        string method, string cost, Penalty penalty, double penaltyValue, int minSegmentLength,
        int[] changePoints, Segment[] segments, double totalCost, double penalisedCost)
    {
        Method = method;
        Cost = cost;
        Penalty = penalty;
        PenaltyValue = penaltyValue;
        MinSegmentLength = minSegmentLength;
        ChangePoints = changePoints.AsReadOnly();
        Segments = segments.AsReadOnly();
        TotalCost = totalCost;
        PenalisedCost = penalisedCost;
    }

    /// <summary>The length of the series.</summary>
    public int N => Segments.Count == 0 ? 0 : Segments[^1].End;

    /// <summary>pelt, op, binseg, segneigh, bocpd.</summary>
    public string Method { get; }

    /// <summary>The cost's name, e.g. normal-mean.</summary>
    public string Cost { get; }

    public Penalty Penalty { get; }

    /// <summary>The penalty per change point actually used.</summary>
    public double PenaltyValue { get; }

    public int MinSegmentLength { get; }

    public IReadOnlyList<int> ChangePoints { get; }

    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The sum of the segment costs, without penalties or MBIC length terms.</summary>
    public double TotalCost { get; }

    /// <summary>The objective the search minimised: costs, plus (with MBIC) the length terms, plus the penalty for each change.</summary>
    public double PenalisedCost { get; }

    /// <summary>
    /// Describes a segmentation given by its change points (R convention: strictly increasing, each in 1..n−1),
    /// for instance BOCPD's, with the segments' statistics and costs under <paramref name="cost"/>.
    /// </summary>
    public static Segmentation Of(ReadOnlySpan<double> series, IReadOnlyList<int> changePoints, ISegmentCost cost, Penalty penalty, string method)
    {
        Check.NotNull(changePoints);
        Check.NotNull(cost);
        Check.NotNull(penalty);
        Check.NotBlank(method);
        Check.AllFinite(series);
        Check.AtLeast(series.Length, 1, "series.Length");
        for (var k = 0; k < changePoints.Count; k++)
        {
            Check.That(changePoints[k] >= 1 && changePoints[k] < series.Length && (k == 0 || changePoints[k] > changePoints[k - 1]),
                $"must be strictly increasing and within 1..{series.Length - 1}; item {k} is {changePoints[k]}", nameof(changePoints));
        }
        var pen = penalty.Value(series.Length, cost.Parameters);
        return Create(series, cost.Fit(series), method, cost.Name, penalty, pen, 1, [.. changePoints]);
    }

    /// <summary>
    /// The same change points, costs and penalty, with the segments' means and variances taken from
    /// <paramref name="original"/> (the series before it was rescaled for the search).
    /// </summary>
    internal Segmentation WithSegmentsOf(ReadOnlySpan<double> original)
    {
        var segments = new Segment[Segments.Count];
        for (var k = 0; k < segments.Length; k++)
        {
            var s = Segments[k];
            var seg = original[(s.Start - 1)..s.End];
            var mean = PrefixSums.Mean(seg);
            double ss = 0;
            foreach (var v in seg)
            {
                ss += (v - mean) * (v - mean);
            }
            segments[k] = s with { Mean = mean, Variance = ss / seg.Length };
        }
        return new Segmentation(Method, Cost, Penalty, PenaltyValue, MinSegmentLength, [.. ChangePoints], segments, TotalCost, PenalisedCost);
    }

    /// <summary>Builds the result for the given change points (R convention) of a series.</summary>
    internal static Segmentation Create(
        ReadOnlySpan<double> series, IFittedCost fitted, string method, string cost, Penalty penalty, double penaltyValue,
        int minSegmentLength, int[] changePoints, double? penalisedCost = null)
    {
        var n = series.Length;
        var segments = new Segment[changePoints.Length + 1];
        double total = 0, lengthTerms = 0;
        var start = 0;
        for (var k = 0; k <= changePoints.Length; k++)
        {
            var end = k < changePoints.Length ? changePoints[k] : n;
            var seg = series[start..end];
            var mean = PrefixSums.Mean(seg);
            double ss = 0;
            foreach (var v in seg)
            {
                ss += (v - mean) * (v - mean);
            }
            segments[k] = new Segment(start + 1, end, mean, ss / seg.Length);
            total += fitted.Cost(start, end);
            lengthTerms += fitted.LengthTerm(start, end);
            start = end;
        }
        var objective = penalisedCost ?? total + (penalty.AddsLengthTerm ? lengthTerms : 0) + changePoints.Length * penaltyValue;
        return new Segmentation(method, cost, penalty, penaltyValue, minSegmentLength, changePoints, segments, total, objective);
    }
}

/// <summary>What to do with missing (NaN) or infinite values in a series.</summary>
public enum MissingValues
{
    /// <summary>Refuse the series with an <see cref="ArgumentException"/> naming the first bad index (the default).</summary>
    Reject,

    /// <summary>
    /// Replace each run of missing values by linear interpolation between its finite neighbours (the nearest finite
    /// value at either end). Indices are kept, so change points still refer to the original observations — which is
    /// why Strata offers no "drop" option: dropping would shift every later index and misdate the changes.
    /// </summary>
    Interpolate,
}

/// <summary>Prepares a series for the searches.</summary>
public static class SeriesInput
{
    /// <summary>The series itself if all finite; else interpolated or rejected as <paramref name="missing"/> says.</summary>
    public static double[] Prepare(ReadOnlySpan<double> series, MissingValues missing = MissingValues.Reject)
    {
        if (missing == MissingValues.Reject)
        {
            Check.AllFinite(series, "remove or fill it, or choose to interpolate missing values");
            return series.ToArray();
        }
        var x = series.ToArray();
        var firstFinite = Array.FindIndex(x, double.IsFinite);
        Check.That(firstFinite >= 0, "has no finite value to interpolate from", nameof(series));
        for (var i = 0; i < firstFinite; i++)
        {
            x[i] = x[firstFinite];
        }
        var last = firstFinite;
        for (var i = firstFinite + 1; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]))
            {
                continue;
            }
            for (var j = last + 1; j < i; j++)
            {
                x[j] = x[last] + (x[i] - x[last]) * (j - last) / (i - last);
            }
            last = i;
        }
        for (var j = last + 1; j < x.Length; j++)
        {
            x[j] = x[last];
        }
        return x;
    }
}
