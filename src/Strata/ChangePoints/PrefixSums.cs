using System.Runtime.CompilerServices;
namespace Strata.ChangePoints;

/// <summary>
/// Running sums accumulated in double-double arithmetic (error-free TwoSum) and rounded to double at each step.
/// R accumulates <c>cumsum</c> in 80-bit long double and stores each partial sum as a double; a compensated sum
/// rounded to double gives the same stored values except where the exact sum falls within a long double rounding
/// error of a double halfway point, which is far rarer than the disagreements of a plain double running sum.
/// </summary>
internal static class PrefixSums
{
    /// <summary>Returns <c>s</c> of length n + 1 with <c>s[0] = 0</c> and <c>s[i] = x[0] + … + x[i−1]</c>, each element transformed by <paramref name="map"/> first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] Cumulative(ReadOnlySpan<double> x, Func<double, double>? map = null)
    {
        var s = new double[x.Length + 1];
        double hi = 0, lo = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = map is null ? x[i] : map(x[i]);
            // TwoSum(hi, v): t + e == hi + v exactly.
            var t = hi + v;
            var bb = t - hi;
            var e = (hi - (t - bb)) + (v - bb);
            e += lo;
            // Renormalise so that hi is the double nearest hi + lo.
            hi = t + e;
            lo = e - (hi - t);
            s[i + 1] = hi;
        }
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double[] CumulativeSquares(ReadOnlySpan<double> x)
    {
        var s = new double[x.Length + 1];
        double hi = 0, lo = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var v = x[i] * x[i]; // R's x^2 is x*x, rounded to double before the sum.
            var t = hi + v;
            var bb = t - hi;
            var e = (hi - (t - bb)) + (v - bb);
            e += lo;
            hi = t + e;
            lo = e - (hi - t);
            s[i + 1] = hi;
        }
        return s;
    }

    /// <summary>
    /// The mean, from a double-double sum divided with one correction step: the double nearest the exact mean
    /// (R's two-pass long double mean gives the same double except in near-halfway cases).
    /// </summary>
    public static double Mean(ReadOnlySpan<double> x)
    {
        if (x.Length == 0)
        {
            return double.NaN;
        }
        double hi = 0, lo = 0;
        foreach (var v in x)
        {
            var t = hi + v;
            var bb = t - hi;
            var e = (hi - (t - bb)) + (v - bb);
            e += lo;
            hi = t + e;
            lo = e - (hi - t);
        }
        var n = x.Length;
        var q = hi / n;
        var r = Math.FusedMultiplyAdd(-q, n, hi) + lo;
        return q + r / n;
    }
}
