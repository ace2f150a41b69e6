namespace Strata.ChangePoints;

/// <summary>
/// A segment cost model (as in ruptures): how well one segment of a series is described by one set of parameters.
/// The model itself holds no data; <see cref="Fit"/> precomputes what the search methods need (prefix sums for
/// the parametric costs) and returns an immutable <see cref="IFittedCost"/>, so one model can serve many series
/// and many threads (the bootstrap fits one per replicate).
/// </summary>
public interface ISegmentCost
{
    /// <summary>The name used on the command line and in outputs, e.g. <c>normal-mean</c>.</summary>
    string Name { get; }

    /// <summary>The number of parameters that change at a change point (R's <c>diffparam</c>): 1 for a mean, 2 for mean and variance.</summary>
    int Parameters { get; }

    /// <summary>The smallest segment length the cost is defined for (2 when a variance is estimated).</summary>
    int MinSize { get; }

    /// <summary>R's default minimum segment length for this cost.</summary>
    int DefaultMinSegmentLength { get; }

    /// <summary>Precomputes the segment statistics of a series whose values are all finite.</summary>
    IFittedCost Fit(ReadOnlySpan<double> series);
}

/// <summary>A cost model fitted to one series. Segments are half-open, 0-based: <c>[start, end)</c>.</summary>
public interface IFittedCost
{
    /// <summary>The length of the series.</summary>
    int Length { get; }

    /// <summary>The cost of the segment <c>[start, end)</c> (twice the negative maximised log-likelihood, up to R's constants).</summary>
    double Cost(int start, int end);

    /// <summary>
    /// The term MBIC adds to every segment's cost: log of the segment length; R leaves it out for a Poisson segment
    /// whose sum is zero.
    /// </summary>
    double LengthTerm(int start, int end);

    /// <summary>
    /// The costs of the segments <c>[starts[i], end)</c> into <paramref name="costs"/>, each with its length term
    /// added when <paramref name="lengthTerm"/> is set: the inner loop of the searches, one call per end point so
    /// that a cost can run it without a virtual call per segment. The values equal those of
    /// <see cref="Cost"/> (+ <see cref="LengthTerm"/>) bit for bit.
    /// </summary>
    void Costs(ReadOnlySpan<int> starts, int end, bool lengthTerm, Span<double> costs)
    {
        for (var i = 0; i < starts.Length; i++)
        {
            var c = Cost(starts[i], end);
            if (lengthTerm)
            {
                c += LengthTerm(starts[i], end);
            }
            costs[i] = c;
        }
    }
}

/// <summary>log(k) for k = 0..n, computed once per size and shared (Math.Log of a segment length is the hot spot of MBIC).</summary>
internal static class LogTable
{
    private static double[] _table = Build(1024);

    public static double[] AtLeast(int n)
    {
        var t = Volatile.Read(ref _table);
        if (t.Length > n)
        {
            return t;
        }
        t = Build(Math.Max(n + 1, t.Length * 2));
        Volatile.Write(ref _table, t);
        return t;
    }

    private static double[] Build(int size)
    {
        var t = new double[size];
        t[0] = double.NegativeInfinity;
        for (var k = 1; k < size; k++)
        {
            t[k] = Math.Log(k);
        }
        return t;
    }
}
