using BenchmarkDotNet.Attributes;
using Strata.ChangePoints;

namespace Strata.Bench;

/// <summary>Test series for the change-point benchmarks: a change every 1,000 points, drawn for each cost's model.</summary>
internal static class ChangeSeries
{
    public static double[] Make(string cost, int n, int seed = 123)
    {
        var rng = new Random(seed);
        double Normal()
        {
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var odd = i / 1000 % 2 == 1;
            x[i] = cost switch
            {
                "normal-mean" or "l1" => (odd ? 3 : 0) + Normal(),
                "normal-var" => (odd ? 3 : 1) * Normal(),
                "normal-meanvar" => (odd ? 3 : 0) + (odd ? 2 : 1) * Normal(),
                "poisson" => Poisson(rng, odd ? 10 : 4),
                "exponential" => -Math.Log(1.0 - rng.NextDouble()) / (odd ? 0.25 : 1),
                _ => throw new ArgumentException("unknown cost " + cost, nameof(cost)),
            };
        }
        return x;
    }

    private static double Poisson(Random rng, double lambda)
    {
        // Knuth's method: fine for the small rates used here.
        var limit = Math.Exp(-lambda);
        var k = 0;
        var p = rng.NextDouble();
        while (p > limit)
        {
            k++;
            p *= rng.NextDouble();
        }
        return k;
    }

    /// <summary>
    /// Monthly-like series for the batch benchmark: 600 points with 0–3 changes of mean and variance, noise of a
    /// random scale (as the dyads of an event-data import).
    /// </summary>
    public static List<double[]> Monthly(int count, int length, int seed = 7)
    {
        var rng = new Random(seed);
        var list = new List<double[]>(count);
        for (var s = 0; s < count; s++)
        {
            var x = new double[length];
            var scale = Math.Exp(rng.NextDouble() * 4 - 2);
            var cps = Enumerable.Range(0, rng.Next(4)).Select(_ => 30 + rng.Next(length - 60)).Order().ToArray();
            double mean = 0, sd = 1;
            var next = 0;
            for (var i = 0; i < length; i++)
            {
                while (next < cps.Length && i == cps[next])
                {
                    next++;
                    mean += rng.Next(2) == 0 ? -2 : 2;
                    sd = rng.Next(2) == 0 ? 1 : 2;
                }
                var u1 = 1.0 - rng.NextDouble();
                var u2 = rng.NextDouble();
                x[i] = scale * (mean + sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
            list.Add(x);
        }
        return list;
    }
}

/// <summary>PELT with each cost (MBIC, R's minimum segment length) on n points with a change every 1,000.</summary>
[MemoryDiagnoser]
public class PeltBenchmarks
{
    private double[] _x = [];
    private ISegmentCost _cost = SegmentCosts.NormalMean;

    [Params("normal-mean", "normal-var", "normal-meanvar", "poisson", "exponential")]
    public string Cost { get; set; } = "normal-mean";

    [Params(1_000, 10_000, 100_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _x = ChangeSeries.Make(Cost, N);
        if (!SegmentCosts.TryParse(Cost, out _cost))
        {
            throw new InvalidOperationException("unknown cost " + Cost);
        }
    }

    [Benchmark]
    public int Pelt() => Strata.ChangePoints.Pelt.Detect(_x, _cost, Penalty.Mbic).ChangePoints.Count;
}

/// <summary>PELT with the L1 cost (O(segment length) per segment cost, so far slower): up to 10⁵ points.</summary>
[MemoryDiagnoser]
public class PeltL1Benchmarks
{
    private double[] _x = [];

    [Params(1_000, 10_000, 100_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup() => _x = ChangeSeries.Make("l1", N);

    [Benchmark]
    public int Pelt() => Strata.ChangePoints.Pelt.Detect(_x, SegmentCosts.L1, Penalty.Mbic).ChangePoints.Count;
}

/// <summary>
/// 5,000 series of 600 monthly points (every dyad of an event-data import) with the default configuration, on one
/// thread and on up to two (the machine's cores).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private List<double[]> _series = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup() => _series = ChangeSeries.Monthly(5_000, 600);

    [Benchmark]
    public int DefaultConfig() => ChangePointBatch.Detect(_series, DetectionConfig.Default, Threads).Sum(s => s.ChangePoints.Count);

    [Benchmark]
    public int NormalMeanStandardised() =>
        ChangePointBatch.Detect(_series, new DetectionConfig { Scaling = Scaling.Standardise }, Threads).Sum(s => s.ChangePoints.Count);
}

/// <summary>
/// The arithmetic floor of PELT normal-mean on this machine: the same per-candidate work (two prefix-sum loads, one
/// division, a log-table load, the running minimum) for 11 candidates per point — what PELT evaluates on the
/// benchmark series (Strata.Bench pelt-work) — with no pruning, no candidate list and no allocation.
/// </summary>
public class PeltKernelBenchmarks
{
    private const int Candidates = 11;
    private double[] _s1 = [];
    private double[] _s2 = [];
    private double[] _best = [];
    private double[] _logs = [];

    [Params(1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var x = ChangeSeries.Make("normal-mean", N);
        _s1 = new double[N + 1];
        _s2 = new double[N + 1];
        _best = new double[N + 1];
        _logs = new double[N + 1];
        for (var i = 0; i < N; i++)
        {
            _s1[i + 1] = _s1[i] + x[i];
            _s2[i + 1] = _s2[i] + x[i] * x[i];
            _logs[i + 1] = Math.Log(i + 1);
        }
    }

    [Benchmark]
    public double CandidateCosts()
    {
        double pen = 3 * Math.Log(N), total = 0;
        for (var t = Candidates; t <= N; t++)
        {
            var e1 = _s1[t];
            var e2 = _s2[t];
            var min = double.PositiveInfinity;
            for (var k = 1; k <= Candidates; k++)
            {
                var s = t - k;
                var a = e1 - _s1[s];
                var v = _best[s] + (e2 - _s2[s] - a * a / k) + _logs[k] + pen;
                min = Math.Min(min, v);
            }
            _best[t] = min;
            total += min;
        }
        return total;
    }
}
