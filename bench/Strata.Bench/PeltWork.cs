using System.Diagnostics;
using Strata.ChangePoints;

namespace Strata.Bench;

/// <summary>
/// Counts the work PELT does on the benchmark series (normal mean, MBIC, minimum segment length 1): the number of
/// candidate segment costs evaluated, per point. A replica of the library's recursion with a counter, checked to
/// return the library's change points; used to put the measured time per candidate next to the hardware's limits.
/// </summary>
internal static class PeltWork
{
    public static int Run(int n)
    {
        var x = ChangeSeries.Make("normal-mean", n);
        var s1 = new double[n + 1];
        var s2 = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            s1[i + 1] = s1[i] + x[i];
            s2[i + 1] = s2[i] + x[i] * x[i];
        }
        var pen = Penalty.Mbic.Value(n, 1);
        var best = new double[n + 1];
        var last = new int[n + 1];
        var candidates = new int[n + 1];
        var values = new double[n + 1];
        best[0] = -pen;
        best[1] = s2[1] - s1[1] * s1[1] + Math.Log(1);
        candidates[0] = 0;
        candidates[1] = 1;
        var count = 2;
        long evaluations = 0;
        long maxCount = 0;
        for (var t = 2; t <= n; t++)
        {
            evaluations += count;
            maxCount = Math.Max(maxCount, count);
            var minValue = double.PositiveInfinity;
            var minIndex = 0;
            for (var i = 0; i < count; i++)
            {
                var s = candidates[i];
                var a = s1[t] - s1[s];
                var v = best[s] + (s2[t] - s2[s] - a * a / (t - s)) + Math.Log(t - s) + pen;
                values[i] = v;
                if (i == 0 || v < minValue)
                {
                    minValue = v;
                    minIndex = i;
                }
            }
            best[t] = minValue;
            last[t] = candidates[minIndex];
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (values[i] <= minValue + pen)
                {
                    candidates[kept++] = candidates[i];
                }
            }
            count = kept;
            candidates[count++] = t;
        }
        var cps = new List<int>();
        for (var k = last[n]; k != 0; k = last[k])
        {
            cps.Add(k);
        }
        cps.Reverse();
        var clock = Stopwatch.StartNew();
        var library = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic).ChangePoints;
        var ms = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine($"n = {n:N0}: {evaluations:N0} candidate costs ({(double)evaluations / n:N1} per point, at most {maxCount:N0} at once); " +
            $"{cps.Count} change points, {(cps.SequenceEqual(library) ? "the same as" : "DIFFERENT from")} the library's; library run {ms:N1} ms (one cold run)");
        return 0;
    }
}
