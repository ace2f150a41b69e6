using System.Buffers;
using System.Runtime.CompilerServices;

namespace Strata.ChangePoints;

/// <summary>The segment costs Strata provides, by name.</summary>
public static class SegmentCosts
{
    public static ISegmentCost NormalMean { get; } = new NormalMeanCost();

    public static ISegmentCost NormalVar { get; } = new NormalVarCost();

    public static ISegmentCost NormalMeanVar { get; } = new NormalMeanVarCost();

    public static ISegmentCost Poisson { get; } = new PoissonCost();

    public static ISegmentCost Exponential { get; } = new ExponentialCost();

    public static ISegmentCost L1 { get; } = new L1Cost();

    public static IReadOnlyList<ISegmentCost> All { get; } = [NormalMean, NormalVar, NormalMeanVar, Poisson, Exponential, L1];

    /// <summary>The cost named <paramref name="name"/> (<c>normal-mean</c>, <c>normal-var</c>, <c>normal-meanvar</c>, <c>poisson</c>, <c>exponential</c>, <c>l1</c>); underscores are accepted for dashes.</summary>
    public static bool TryParse(string? name, out ISegmentCost cost)
    {
        var key = (name ?? "").Trim().ToLowerInvariant().Replace('_', '-');
        cost = All.FirstOrDefault(c => c.Name == key)!;
        return cost is not null;
    }
}

/// <summary>
/// Change in mean of a Normal series with unit variance (R <c>cpt.mean</c>, test.stat Normal):
/// C = Σx² − (Σx)²/len, the residual sum of squares. As in R, no variance is estimated: scale the series first
/// if its noise is far from 1.
/// </summary>
public sealed class NormalMeanCost : ISegmentCost
{
    public string Name => "normal-mean";

    public int Parameters => 1;

    public int MinSize => 1;

    public int DefaultMinSegmentLength => 1;

    public IFittedCost Fit(ReadOnlySpan<double> series) => new Fitted(PrefixSums.Cumulative(series), PrefixSums.CumulativeSquares(series));

    private sealed class Fitted(double[] s1, double[] s2) : IFittedCost
    {
        public int Length => s1.Length - 1;

        public double Cost(int start, int end)
        {
            var x = s1[end] - s1[start];
            var x2 = s2[end] - s2[start];
            return x2 - x * x / (end - start);
        }

        public double LengthTerm(int start, int end) => Math.Log(end - start);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Costs(ReadOnlySpan<int> starts, int end, bool lengthTerm, Span<double> costs)
        {
            var logs = LogTable.AtLeast(end);
            var e1 = s1[end];
            var e2 = s2[end];
            for (var i = 0; i < starts.Length; i++)
            {
                var start = starts[i];
                var x = e1 - s1[start];
                var x2 = e2 - s2[start];
                var c = x2 - x * x / (end - start);
                costs[i] = lengthTerm ? c + logs[end - start] : c;
            }
        }
    }
}

/// <summary>
/// Change in variance of a Normal series with a known (here: the GLOBAL sample) mean μ, as R's <c>cpt.var</c>:
/// C = len·(log 2π + log(Σ(x−μ)²/len) + 1), with Σ(x−μ)² clamped to 1e-11 when it is not positive.
/// </summary>
public sealed class NormalVarCost : ISegmentCost
{
    public string Name => "normal-var";

    public int Parameters => 1;

    public int MinSize => 2;

    public int DefaultMinSegmentLength => 2;

    public IFittedCost Fit(ReadOnlySpan<double> series)
    {
        var mu = PrefixSums.Mean(series);
        var dev = new double[series.Length];
        for (var i = 0; i < dev.Length; i++)
        {
            var d = series[i] - mu;
            dev[i] = d * d;
        }
        return new Fitted(PrefixSums.Cumulative(dev));
    }

    private sealed class Fitted(double[] s3) : IFittedCost
    {
        private static readonly double Log2Pi = Math.Log(2 * Math.PI);

        public int Length => s3.Length - 1;

        public double Cost(int start, int end)
        {
            var x3 = s3[end] - s3[start];
            if (x3 <= 0)
            {
                x3 = 1e-11;
            }
            var n = end - start;
            return n * (Log2Pi + Math.Log(x3 / n) + 1);
        }

        public double LengthTerm(int start, int end) => Math.Log(end - start);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Costs(ReadOnlySpan<int> starts, int end, bool lengthTerm, Span<double> costs)
        {
            var logs = LogTable.AtLeast(end);
            for (var i = 0; i < starts.Length; i++)
            {
                var c = Cost(starts[i], end);
                costs[i] = lengthTerm ? c + logs[end - starts[i]] : c;
            }
        }
    }
}

/// <summary>
/// Change in mean and variance of a Normal series (R <c>cpt.meanvar</c>, test.stat Normal):
/// σ̂² = (Σx² − (Σx)²/len)/len clamped to 1e-11 when not positive; C = len·(log 2π + log σ̂² + 1).
/// </summary>
public sealed class NormalMeanVarCost : ISegmentCost
{
    public string Name => "normal-meanvar";

    public int Parameters => 2;

    public int MinSize => 2;

    public int DefaultMinSegmentLength => 2;

    public IFittedCost Fit(ReadOnlySpan<double> series) => new Fitted(PrefixSums.Cumulative(series), PrefixSums.CumulativeSquares(series));

    private sealed class Fitted(double[] s1, double[] s2) : IFittedCost
    {
        private static readonly double Log2Pi = Math.Log(2 * Math.PI);

        public int Length => s1.Length - 1;

        public double Cost(int start, int end)
        {
            var x = s1[end] - s1[start];
            var x2 = s2[end] - s2[start];
            var n = end - start;
            var sigsq = (x2 - x * x / n) / n;
            if (sigsq <= 0)
            {
                sigsq = 1e-11;
            }
            return n * (Log2Pi + Math.Log(sigsq) + 1);
        }

        public double LengthTerm(int start, int end) => Math.Log(end - start);

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Costs(ReadOnlySpan<int> starts, int end, bool lengthTerm, Span<double> costs)
        {
            var logs = LogTable.AtLeast(end);
            for (var i = 0; i < starts.Length; i++)
            {
                var c = Cost(starts[i], end);
                costs[i] = lengthTerm ? c + logs[end - starts[i]] : c;
            }
        }
    }
}

/// <summary>
/// Change in the rate of Poisson counts (R <c>cpt.meanvar</c>, test.stat Poisson): C = 2·S·(log len − log S) with
/// S the segment sum, and 0 when S = 0 (then MBIC adds no length term either). Values must be non-negative integers.
/// </summary>
public sealed class PoissonCost : ISegmentCost
{
    public string Name => "poisson";

    public int Parameters => 1;

    public int MinSize => 1;

    public int DefaultMinSegmentLength => 2;

    public IFittedCost Fit(ReadOnlySpan<double> series)
    {
        for (var i = 0; i < series.Length; i++)
        {
            Check.That(series[i] >= 0 && series[i] == Math.Floor(series[i]), $"must hold non-negative whole counts for the Poisson cost; index {i} (observation {i + 1}) is {series[i]}", nameof(series));
        }
        return new Fitted(PrefixSums.Cumulative(series));
    }

    private sealed class Fitted(double[] s1) : IFittedCost
    {
        public int Length => s1.Length - 1;

        public double Cost(int start, int end)
        {
            var x = s1[end] - s1[start];
            return x == 0 ? 0 : 2 * x * (Math.Log(end - start) - Math.Log(x));
        }

        public double LengthTerm(int start, int end) => s1[end] - s1[start] == 0 ? 0 : Math.Log(end - start);
    }
}

/// <summary>
/// Change in the rate of exponential waiting times (R <c>cpt.meanvar</c>, test.stat Exponential):
/// C = 2·len·(log S − log len) with S the segment sum. Values must be non-negative; a segment of zeros costs −∞.
/// </summary>
public sealed class ExponentialCost : ISegmentCost
{
    public string Name => "exponential";

    public int Parameters => 1;

    public int MinSize => 1;

    public int DefaultMinSegmentLength => 2;

    public IFittedCost Fit(ReadOnlySpan<double> series)
    {
        for (var i = 0; i < series.Length; i++)
        {
            Check.That(series[i] >= 0, $"must be non-negative for the exponential cost; index {i} (observation {i + 1}) is {series[i]}", nameof(series));
        }
        return new Fitted(PrefixSums.Cumulative(series));
    }

    private sealed class Fitted(double[] s1) : IFittedCost
    {
        public int Length => s1.Length - 1;

        public double Cost(int start, int end)
        {
            var x = s1[end] - s1[start];
            var n = end - start;
            return 2 * n * (Math.Log(x) - Math.Log(n));
        }

        public double LengthTerm(int start, int end) => Math.Log(end - start);
    }
}

/// <summary>
/// A robust change-in-location cost: the sum of absolute deviations from the segment median (the L1 cost of
/// ruptures, times 2 to sit on the same scale as the Normal costs: for Laplace noise of scale 1 it is twice the negative
/// log-likelihood up to a constant). Not O(1): each segment costs O(len) (a selection of its median), so PELT with it
/// suits series up to some tens of thousands of points.
/// </summary>
public sealed class L1Cost : ISegmentCost
{
    public string Name => "l1";

    public int Parameters => 1;

    public int MinSize => 1;

    public int DefaultMinSegmentLength => 1;

    public IFittedCost Fit(ReadOnlySpan<double> series) => new Fitted(series.ToArray());

    private sealed class Fitted(double[] x) : IFittedCost
    {
        public int Length => x.Length;

        public double Cost(int start, int end)
        {
            var len = end - start;
            var buffer = ArrayPool<double>.Shared.Rent(len);
            try
            {
                var span = buffer.AsSpan(0, len);
                x.AsSpan(start, len).CopyTo(span);
                var median = Selection.Median(span);
                double sum = 0;
                for (var i = start; i < end; i++)
                {
                    sum += Math.Abs(x[i] - median);
                }
                return 2 * sum;
            }
            finally
            {
                ArrayPool<double>.Shared.Return(buffer);
            }
        }

        public double LengthTerm(int start, int end) => Math.Log(end - start);
    }
}

/// <summary>Order statistics by in-place selection.</summary>
internal static class Selection
{
    /// <summary>The lower median of the values (which it reorders). Any point between the two middle values minimises Σ|x − m|.</summary>
    public static double Median(Span<double> values) => Select(values, (values.Length - 1) / 2);

    /// <summary>The k-th smallest value (0-based), by Hoare's quickselect with a median-of-three pivot.</summary>
    public static double Select(Span<double> a, int k)
    {
        int lo = 0, hi = a.Length - 1;
        while (hi > lo)
        {
            var mid = lo + (hi - lo) / 2;
            if (a[mid] < a[lo])
            {
                (a[mid], a[lo]) = (a[lo], a[mid]);
            }
            if (a[hi] < a[lo])
            {
                (a[hi], a[lo]) = (a[lo], a[hi]);
            }
            if (a[hi] < a[mid])
            {
                (a[hi], a[mid]) = (a[mid], a[hi]);
            }
            var pivot = a[mid];
            int i = lo, j = hi;
            while (i <= j)
            {
                while (a[i] < pivot)
                {
                    i++;
                }
                while (a[j] > pivot)
                {
                    j--;
                }
                if (i <= j)
                {
                    (a[i], a[j]) = (a[j], a[i]);
                    i++;
                    j--;
                }
            }
            if (k <= j)
            {
                hi = j;
            }
            else if (k >= i)
            {
                lo = i;
            }
            else
            {
                return a[k];
            }
        }
        return a[k];
    }
}
