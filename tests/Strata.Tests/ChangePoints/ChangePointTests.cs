using Strata.ChangePoints;

namespace Strata.Tests.ChangePoints;

internal static class Series
{
    /// <summary>Standard normal values from a seeded generator (Box–Muller).</summary>
    public static double[] Gaussian(int n, int seed, double sd = 1)
    {
        var rng = new Random(seed);
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u1 = 1.0 - rng.NextDouble();
            var u2 = rng.NextDouble();
            x[i] = sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }
        return x;
    }

    /// <summary>Gaussian noise plus the given level from each change point (1-based last index of a segment) on.</summary>
    public static double[] Steps(int n, int seed, int[] changePoints, double[] levels, double sd = 1)
    {
        var x = Gaussian(n, seed, sd);
        for (var i = 0; i < n; i++)
        {
            var k = changePoints.Count(c => c <= i);
            x[i] += levels[k];
        }
        return x;
    }
}

public sealed class PropertyTests
{
    [Fact]
    public void No_false_break_on_a_stationary_series_at_MBIC_in_the_large_majority_of_200_seeds()
    {
        var clean = 0;
        for (var seed = 0; seed < 200; seed++)
        {
            var x = Series.Gaussian(300, 10_000 + seed);
            if (Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic).ChangePoints.Count == 0)
            {
                clean++;
            }
        }
        Assert.True(clean >= 190, $"only {clean} of 200 stationary series had no change point");
    }

    [Fact]
    public void A_large_step_is_always_found_within_2_over_200_seeds()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            var at = 30 + (seed * 7 % 140);
            var x = Series.Steps(200, 20_000 + seed, [at], [0, 5]);
            var cps = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic).ChangePoints;
            Assert.Contains(cps, c => Math.Abs(c - at) <= 2);
        }
    }

    [Fact]
    public void Meanvar_and_var_costs_find_a_large_variance_change_over_100_seeds()
    {
        for (var seed = 0; seed < 100; seed++)
        {
            var x = Series.Gaussian(300, 30_000 + seed);
            for (var i = 150; i < 300; i++)
            {
                x[i] *= 6;
            }
            var mv = Pelt.Detect(x, SegmentCosts.NormalMeanVar, Penalty.Mbic).ChangePoints;
            var v = Pelt.Detect(x, SegmentCosts.NormalVar, Penalty.Mbic).ChangePoints;
            Assert.True(mv.Any(c => Math.Abs(c - 150) <= 10) && v.Any(c => Math.Abs(c - 150) <= 10), $"seed {seed}: meanvar [{string.Join(',', mv)}], var [{string.Join(',', v)}]");
        }
    }

    [Fact]
    public void Optimal_partitioning_equals_PELT_exactly_where_PELT_is_exact_and_never_does_worse()
    {
        var costs = new (ISegmentCost Cost, Penalty Penalty)[]
        {
            (SegmentCosts.NormalMean, Penalty.Sic), (SegmentCosts.NormalMean, Penalty.Aic), (SegmentCosts.NormalMeanVar, Penalty.Bic),
            (SegmentCosts.NormalVar, Penalty.Sic), (SegmentCosts.L1, Penalty.Sic), (SegmentCosts.NormalMean, Penalty.Mbic),
            (SegmentCosts.Exponential, Penalty.Sic),
        };
        var exactCases = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var x = Series.Steps(80, 40_000 + seed, [20, 45, 60], [0, 2, -1, 1.5]);
            foreach (var (cost, penalty) in costs)
            {
                var y = cost is ExponentialCost ? x.Select(Math.Abs).ToArray() : x;
                foreach (var m in new[] { 1, 2, 4 }.Where(m => m >= cost.MinSize))
                {
                    var pelt = Pelt.Detect(y, cost, penalty, m);
                    var op = OptimalPartitioning.Detect(y, cost, penalty, m);
                    var message = $"seed {seed} {cost.Name} {penalty} m={m}: op [{string.Join(',', op.ChangePoints)}] {op.PenalisedCost}, pelt [{string.Join(',', pelt.ChangePoints)}] {pelt.PenalisedCost}";
                    // PELT's pruning (K = 0) is exact when the cost is additive over splits and every candidate it
                    // prunes could have been a last change: that is m = 1 and no MBIC length term. Elsewhere R's
                    // rule, which Strata follows, can prune the optimum; optimal partitioning never does worse.
                    Assert.True(op.PenalisedCost <= pelt.PenalisedCost + 1e-9 * Math.Abs(pelt.PenalisedCost), message);
                    if (m == 1 && !penalty.AddsLengthTerm)
                    {
                        if (cost is L1Cost)
                        {
                            // Piecewise linear: exact ties between positions are common and rounding decides which one
                            // survives pruning, so only the optimum is guaranteed.
                            Assert.Equal(op.PenalisedCost, pelt.PenalisedCost, 1e-9);
                            continue;
                        }
                        Assert.True(op.ChangePoints.SequenceEqual(pelt.ChangePoints), message);
                        Assert.Equal(op.PenalisedCost, pelt.PenalisedCost);
                        exactCases++;
                    }
                }
            }
            var counts = x.Select(v => Math.Round(Math.Abs(v) * 3)).ToArray();
            Assert.Equal(
                OptimalPartitioning.Detect(counts, SegmentCosts.Poisson, Penalty.Sic, 1).ChangePoints,
                Pelt.Detect(counts, SegmentCosts.Poisson, Penalty.Sic, 1).ChangePoints);
        }
        Assert.True(exactCases >= 100);
    }

    [Fact]
    public void With_a_minimum_segment_length_of_2_R_pruning_can_lose_the_optimum_and_Strata_keeps_R_answer()
    {
        // Found by the test above: R's PELT prunes a candidate that would have been the optimal last change a
        // few steps later, because a candidate within m of t cannot yet serve as a change.
        var x = Series.Steps(80, 40_024, [20, 45, 60], [0, 2, -1, 1.5]);
        var pelt = Pelt.Detect(x, SegmentCosts.NormalMeanVar, Penalty.Bic, 2);
        var op = OptimalPartitioning.Detect(x, SegmentCosts.NormalMeanVar, Penalty.Bic, 2);
        Assert.True(op.PenalisedCost < pelt.PenalisedCost - 1);
        Assert.NotEqual(op.ChangePoints, pelt.ChangePoints);
    }

    [Fact]
    public void Segment_neighbourhood_agrees_with_PELT_and_its_costs_fall_with_more_changes()
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var x = Series.Steps(90, 50_000 + seed, [30, 60], [0, 3, 0]);
            var sn = SegmentNeighbourhood.Detect(x, SegmentCosts.NormalMean, 6);
            Assert.Equal(7, sn.ByChanges.Count);
            for (var k = 0; k < sn.ByChanges.Count; k++)
            {
                Assert.Equal(k, sn.ByChanges[k].ChangePoints.Count);
                if (k > 0)
                {
                    Assert.True(sn.ByChanges[k].TotalCost <= sn.ByChanges[k - 1].TotalCost + 1e-9);
                }
            }
            var pelt = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Sic);
            var selected = sn.Select(Penalty.Sic);
            Assert.Equal(pelt.ChangePoints, selected.ChangePoints);
            Assert.Equal(pelt.PenalisedCost, selected.PenalisedCost, 9);
            Assert.Equal(pelt.TotalCost, sn.ByChanges[pelt.ChangePoints.Count].TotalCost, 9);
        }
        Assert.Throws<ArgumentException>(() => SegmentNeighbourhood.Detect(new double[10], SegmentCosts.NormalMean, 2).Select(Penalty.Mbic));
    }

    [Fact]
    public void Binary_segmentation_finds_well_separated_steps_as_PELT_does()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var x = Series.Steps(400, 60_000 + seed, [100, 250, 320], [0, 4, -1, 3]);
            var pelt = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic);
            var binseg = BinarySegmentation.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic, maxChangePoints: 5);
            // Binary segmentation is approximate: the same changes, each within a few points of the exact ones.
            Assert.Equal(pelt.ChangePoints.Count, binseg.ChangePoints.Count);
            Assert.All(pelt.ChangePoints.Zip(binseg.ChangePoints), p => Assert.InRange(p.Second, p.First - 3, p.First + 3));
            Assert.Equal("binseg", binseg.Method);
        }
        var one = BinarySegmentation.Detect(Series.Steps(400, 1, [100, 250], [0, 4, 0]), SegmentCosts.NormalMean, Penalty.Mbic, maxChangePoints: 1);
        Assert.Single(one.ChangePoints);
    }

    [Fact]
    public void CROPS_segmentations_bracket_PELT_at_every_penalty_in_the_range()
    {
        var x = Series.Steps(300, 7, [50, 120, 200, 260], [0, 1.5, -0.5, 2, 0.5]);
        var crops = Crops.Detect(x, SegmentCosts.NormalMean, 2, 200);
        Assert.True(crops.Entries.Count >= 3);
        Assert.Equal(2, crops.Entries[0].MinPenalty);
        Assert.Equal(200, crops.Entries[^1].MaxPenalty);
        for (var i = 1; i < crops.Entries.Count; i++)
        {
            Assert.True(crops.Entries[i].ChangePointCount < crops.Entries[i - 1].ChangePointCount);
            Assert.Equal(crops.Entries[i - 1].MaxPenalty, crops.Entries[i].MinPenalty, 9);
        }
        for (var beta = 2.05; beta < 200; beta *= 1.07)
        {
            var entry = crops.At(beta);
            if (Math.Abs(beta - entry.MinPenalty) < 1e-6 || Math.Abs(beta - entry.MaxPenalty) < 1e-6)
            {
                continue;
            }
            var pelt = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(beta));
            Assert.Equal(entry.Segmentation.ChangePoints, pelt.ChangePoints);
        }
    }

    [Fact]
    public void BOCPD_finds_a_clear_mean_shift_and_its_posterior_rows_sum_to_one()
    {
        var x = Series.Steps(200, 11, [100], [0, 4]);
        var r = Bocpd.Detect(x);
        Assert.Contains(r.ChangePoints, c => Math.Abs(c - 100) <= 2);
        for (var t = 0; t < r.N; t++)
        {
            var row = r.Posterior(t);
            Assert.Equal(t + 1, row.Length);
            double sum = 0;
            foreach (var p in row)
            {
                Assert.InRange(p, 0, 1);
                sum += p;
            }
            Assert.Equal(1, sum, 1e-9);
        }
        Assert.True(r.ChangeProbabilityNear(100, 2) > 0.9, $"P = {r.ChangeProbabilityNear(100, 2)}");
        Assert.True(r.ChangeProbabilityNear(50, 2) < 0.1, $"P = {r.ChangeProbabilityNear(50, 2)}");
        Assert.True(r.MapRunLength[150] >= 45 && r.MapRunLength[150] <= 55);
    }

    [Fact]
    public void BOCPD_is_quiet_on_stationary_series_and_truncation_keeps_the_answer()
    {
        var quiet = 0;
        for (var seed = 0; seed < 50; seed++)
        {
            var r = Bocpd.Detect(Series.Gaussian(200, 70_000 + seed), new BocpdOptions { KeepPosterior = false });
            if (r.ChangePoints.Count == 0)
            {
                quiet++;
            }
        }
        Assert.True(quiet >= 45, $"only {quiet} of 50");
        var x = Series.Steps(600, 3, [200, 400], [0, 3, 0]);
        var full = Bocpd.Detect(x);
        var capped = Bocpd.Detect(x, new BocpdOptions { MaxRunLength = 300 });
        Assert.Equal(full.ChangePoints, capped.ChangePoints);
        Assert.Equal(301, capped.Posterior(599).Length);
        Assert.Equal(1, capped.Posterior(599).ToArray().Sum(), 1e-9);
    }

    [Fact]
    public void The_bootstrap_is_deterministic_under_a_seed_and_strong_for_a_large_step()
    {
        var x = Series.Steps(200, 5, [80, 140], [0, 4, 1]);
        var seg = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic);
        Assert.Equal([80, 140], seg.ChangePoints);
        Segmentation Search(double[] y) => Pelt.Detect(y, SegmentCosts.NormalMean, Penalty.Mbic);
        var options = new BootstrapOptions { Replicates = 100, Seed = 42 };
        var a = ChangePointBootstrap.Run(x, seg, SegmentCosts.NormalMean, Search, options);
        var b = ChangePointBootstrap.Run(x, seg, SegmentCosts.NormalMean, Search, options);
        Assert.Equal(a.ChangePoints, b.ChangePoints);
        Assert.Equal("residual-blocks", a.Kind);
        foreach (var u in a.ChangePoints)
        {
            Assert.True(u.Strength >= 0.8, $"{u}");
            Assert.InRange(u.ChangePoint, u.Lower, u.Upper);
            Assert.True(u.Upper - u.Lower <= 10, $"{u}");
        }
        var counts = Series.Gaussian(200, 9).Select((v, i) => (double)(i < 100 ? 2 : 9)).ToArray();
        var pseg = Pelt.Detect(counts, SegmentCosts.Poisson, Penalty.Mbic);
        var p = ChangePointBootstrap.Run(counts, pseg, SegmentCosts.Poisson, y => Pelt.Detect(y, SegmentCosts.Poisson, Penalty.Mbic), options);
        Assert.Equal("parametric", p.Kind);
        Assert.True(p.ChangePoints.Single().Strength > 0.5);
    }

    [Fact]
    public void Exponential_and_L1_costs_find_their_changes()
    {
        var rng = new Random(3);
        var waits = Enumerable.Range(0, 400).Select(i => -(i < 200 ? 1.0 : 8.0) * Math.Log(1 - rng.NextDouble())).ToArray();
        Assert.Contains(Pelt.Detect(waits, SegmentCosts.Exponential, Penalty.Mbic).ChangePoints, c => Math.Abs(c - 200) <= 15);

        // Heavy outliers: the L1 cost does not split them off, the squared cost does.
        var x = Series.Steps(300, 8, [150], [0, 3]);
        foreach (var i in new[] { 30, 90, 210, 270 })
        {
            x[i] += 10;
        }
        Assert.Equal([150], Pelt.Detect(x, SegmentCosts.L1, Penalty.Mbic).ChangePoints);
        Assert.True(Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic).ChangePoints.Count > 1);
    }
}

public sealed class EdgeCaseTests
{
    [Theory]
    [InlineData(5, 3)]
    [InlineData(9, 5)]
    [InlineData(1, 1)]
    [InlineData(3, 2)]
    public void A_series_shorter_than_twice_the_minimum_segment_length_has_no_change_point(int n, int minSegLen)
    {
        var x = Enumerable.Range(0, n).Select(i => i % 2 == 0 ? 0.0 : 100.0).ToArray();
        var r = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(0), minSegLen);
        Assert.Empty(r.ChangePoints);
        Assert.Equal(n, r.Segments.Single().Length);
        Assert.Empty(OptimalPartitioning.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(0), minSegLen).ChangePoints);
        Assert.Empty(BinarySegmentation.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(0), 3, minSegLen).ChangePoints);
    }

    [Fact]
    public void Zero_variance_segments_are_clamped_not_infinite()
    {
        var x = Enumerable.Repeat(5.0, 30).Concat(Enumerable.Repeat(7.0, 30)).ToArray();
        var r = Pelt.Detect(x, SegmentCosts.NormalMeanVar, Penalty.Mbic);
        Assert.Equal([30], r.ChangePoints);
        Assert.True(double.IsFinite(r.TotalCost));
        Assert.Equal(0, r.Segments[0].Variance);
        Assert.Empty(Pelt.Detect(Enumerable.Repeat(3.0, 40).ToArray(), SegmentCosts.NormalMeanVar, Penalty.Mbic).ChangePoints);
        Assert.Empty(Pelt.Detect(Enumerable.Repeat(3.0, 40).ToArray(), SegmentCosts.NormalVar, Penalty.Mbic).ChangePoints);
        Assert.Empty(Pelt.Detect(new double[30], SegmentCosts.Poisson, Penalty.Mbic).ChangePoints);
    }

    [Fact]
    public void Exact_ties_go_to_the_earliest_candidate()
    {
        // [0, 1, 2] with penalty 1: splitting after 1 or after 2 costs the same; R keeps the first.
        double[] x = [0, 1, 2];
        Assert.Equal([1], Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(1)).ChangePoints);
        Assert.Equal([1], OptimalPartitioning.Detect(x, SegmentCosts.NormalMean, Penalty.Manual(1)).ChangePoints);
        // A symmetric series: two equally good single splits.
        double[] y = [0, 0, 5, 5, 0, 0];
        Assert.Equal([2, 4], Pelt.Detect(y, SegmentCosts.NormalMean, Penalty.Manual(1)).ChangePoints);
    }

    [Fact]
    public void Missing_values_are_rejected_with_the_first_bad_index_unless_interpolation_is_asked_for()
    {
        double[] x = [1, 2, 3, double.NaN, 5, double.NaN, 7, 8];
        var e = Assert.Throws<ArgumentException>(() => Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Sic));
        Assert.Contains("missing value (NaN) at index 3 (observation 4)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Bocpd.Detect(x));
        var inf = Assert.Throws<ArgumentException>(() => Pelt.Detect([1, double.PositiveInfinity], SegmentCosts.NormalMean, Penalty.Sic));
        Assert.Contains("index 1 (observation 2)", inf.Message, StringComparison.Ordinal);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], SeriesInput.Prepare(x, MissingValues.Interpolate));
        Assert.Equal([2, 2, 2], SeriesInput.Prepare([double.NaN, 2, double.NaN], MissingValues.Interpolate));
        var r = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Sic, missing: MissingValues.Interpolate);
        Assert.Equal(8, r.N);
        Assert.Throws<ArgumentException>(() => SeriesInput.Prepare([double.NaN], MissingValues.Interpolate));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var x = Series.Gaussian(20, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => Pelt.Detect(x, SegmentCosts.NormalMeanVar, Penalty.Sic, minSegmentLength: 1));
        Assert.Throws<ArgumentException>(() => Pelt.Detect([1, -1, 2], SegmentCosts.Poisson, Penalty.Sic));
        Assert.Throws<ArgumentException>(() => Pelt.Detect([1, 1.5, 2], SegmentCosts.Poisson, Penalty.Sic));
        Assert.Throws<ArgumentOutOfRangeException>(() => Penalty.Manual(-1));
        Assert.Throws<ArgumentException>(() => Crops.Detect(x, SegmentCosts.NormalMean, 5, 5));
    }

    [Fact]
    public void Penalties_have_R_values()
    {
        var n = 200;
        Assert.Equal(2 * Math.Log(n), Penalty.Sic.Value(n, 1));
        Assert.Equal(2 * Math.Log(n), Penalty.Bic.Value(n, 1));
        Assert.Equal(4 * Math.Log(n), Penalty.Mbic.Value(n, 2));
        Assert.Equal(4, Penalty.Aic.Value(n, 1));
        Assert.Equal(6, Penalty.Aic.Value(n, 2));
        Assert.Equal(4 * Math.Log(Math.Log(n)), Penalty.HannanQuinn.Value(n, 1));
        Assert.Equal(7.5, Penalty.Manual(7.5).Value(n, 2));
        Assert.True(Penalty.TryParse("hq", null, out var hq, out _) && hq == Penalty.HannanQuinn);
        Assert.False(Penalty.TryParse("manual", null, out _, out var error));
        Assert.Contains("--pen-value", error, StringComparison.Ordinal);
        Assert.True(SegmentCosts.TryParse("normal_meanvar", out var c) && c == SegmentCosts.NormalMeanVar);
    }

    [Fact]
    public void Segments_carry_R_indices_means_and_costs()
    {
        double[] x = [1, 1, 1, 9, 9, 9, 9];
        var r = Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Sic);
        Assert.Equal([3], r.ChangePoints);
        Assert.Equal(new Segment(1, 3, 1, 0), r.Segments[0]);
        Assert.Equal(new Segment(4, 7, 9, 0), r.Segments[1]);
        Assert.Equal(0, r.TotalCost, 12);
        Assert.Equal(r.PenaltyValue, r.PenalisedCost, 12);
    }
}
