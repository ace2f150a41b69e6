using Strata.Analysis;
using Strata.Series;

namespace Strata.Tests.Analysis;

public class BaselineTests
{
    [Fact]
    public void Baseline_is_the_median_of_the_window_before_the_period_with_a_mad_band()
    {
        double[] v = [1, 2, 3, 4, 100, 6];
        var b = Baseline.At(v, 5, new BaselineOptions { Window = 5, MinObservations = 5 })!;
        Assert.Equal(3, b.Level);
        Assert.Equal(1.4826 * 1, b.Spread, 12);
        Assert.Equal(3 - (2 * 1.4826), b.Lower, 12);
        Assert.Equal(5, b.Observations);
        Assert.Null(Baseline.At(v, 4, new BaselineOptions { Window = 5, MinObservations = 5 }));
    }

    [Fact]
    public void Missing_values_are_skipped_and_a_flat_history_has_a_tiny_band()
    {
        double[] v = [2, double.NaN, 2, 2, 2, 2, 2, 3];
        var b = Baseline.At(v, 7, new BaselineOptions { Window = 10 })!;
        Assert.Equal(2, b.Level);
        Assert.Equal(6, b.Observations);
        Assert.False(b.Contains(3));
        Assert.True(b.Contains(2));
    }

    [Fact]
    public void The_baseline_of_a_period_never_uses_that_period_or_later_ones()
    {
        var v = Enumerable.Range(0, 50).Select(i => Math.Sin(i)).ToArray();
        var w = v.ToArray();
        for (var i = 30; i < 50; i++)
        {
            w[i] = 1000;
        }
        var o = new BaselineOptions { Window = 20 };
        Assert.Equal(Baseline.At(v, 30, o), Baseline.At(w, 30, o));
    }
}

public class ClassifierTests
{
    private static double[] Noise(int n, int seed, double sd = 1)
    {
        var r = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => sd * Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble())).ToArray();
    }

    private static readonly ClassifierOptions Options = ClassifierOptions.For(Granularity.Year) with { Bootstrap = new() { Replicates = 100, Seed = 3 } };

    [Fact]
    public void An_ordinary_value_is_noise_and_a_lone_spike_is_an_episodic_deviation()
    {
        var v = Noise(60, 1);
        v[40] = 9;
        var a = SeriesAnalysis.Run(v, Options);
        var spike = a.Classify(40);
        Assert.Equal(EpisodeLabel.EpisodicDeviation, spike.Label);
        Assert.Equal(1, spike.DeviationDuration);
        Assert.True(spike.Confidence > 0.9);
        var quiet = Enumerable.Range(25, 30).Where(i => i != 40 && Math.Abs(v[i]) < 1).Select(a.Classify).ToList();
        Assert.All(quiet, c => Assert.Equal(EpisodeLabel.Noise, c.Label));
    }

    [Fact]
    public void A_lasting_step_is_a_structural_shift_found_at_its_start()
    {
        var v = Noise(60, 2).Select((x, i) => i >= 35 ? x + 6 : x).ToArray();
        var a = SeriesAnalysis.Run(v, Options);
        var c = a.Classify(35);
        Assert.Equal(EpisodeLabel.StructuralShift, c.Label);
        Assert.NotNull(c.Break);
        Assert.InRange(c.Break.FirstIndexAfter, 34, 36);
        Assert.True(c.Break.Strength >= 0.5);
        Assert.InRange(c.Break.LevelAfter - c.Break.LevelBefore, 4, 8);
    }

    [Fact]
    public void A_return_to_the_long_run_level_after_a_deviant_regime_is_a_structural_reversion()
    {
        var v = Noise(70, 4).Select((x, i) => i is >= 40 and < 52 ? x + 7 : x).ToArray();
        var a = SeriesAnalysis.Run(v, Options);
        Assert.Equal(EpisodeLabel.StructuralShift, a.Classify(40).Label);
        var back = a.Classify(52);
        Assert.Equal(EpisodeLabel.StructuralReversion, back.Label);
        Assert.True(back.Baseline!.Contains(back.Break!.LevelAfter));
        Assert.False(back.Baseline.Contains(back.Break.LevelBefore));
    }

    [Fact]
    public void Judgements_as_of_a_date_do_not_depend_on_what_came_later()
    {
        var v = Noise(60, 5);
        v[30] = 8;
        var w = v.ToArray();
        for (var i = 36; i < 60; i++)
        {
            w[i] += 20;
        }
        var a = SeriesAnalysis.Run(v, Options, asOf: 35);
        var b = SeriesAnalysis.Run(w, Options, asOf: 35);
        Assert.Equal(a.Classify(30), b.Classify(30));
        Assert.Equal(a.Breaks, b.Breaks);
        Assert.Equal(35, a.AsOf);
    }

    [Fact]
    public void A_break_seen_with_too_little_after_it_is_provisional()
    {
        var v = Noise(45, 6).Select((x, i) => i >= 43 ? x + 8 : x).ToArray();
        var a = SeriesAnalysis.Run(v, Options);
        var c = a.Classify(43);
        Assert.Equal(EpisodeLabel.StructuralShift, c.Label);
        Assert.True(c.Break!.ObservedAfter < Options.MinPersistence);
        Assert.True(c.Confidence <= 0.5);
    }

    [Fact]
    public void Once_a_new_regime_has_settled_its_ordinary_values_are_noise_again()
    {
        var v = Noise(70, 7).Select((x, i) => i >= 30 ? x + 6 : x).ToArray();
        var a = SeriesAnalysis.Run(v, Options);
        var later = Enumerable.Range(45, 20).Where(i => Math.Abs(v[i] - 6) < 1).Select(a.Classify).ToList();
        Assert.NotEmpty(later);
        Assert.All(later, c => Assert.Equal(EpisodeLabel.Noise, c.Label));
        Assert.All(later, c => Assert.InRange(c.Baseline!.Level, 5, 7));
    }

    [Fact]
    public void A_break_inside_a_gap_is_dated_to_the_whole_gap()
    {
        var v = Noise(60, 8).Select((x, i) => i >= 40 ? x + 7 : x).ToArray();
        for (var i = 35; i < 45; i++)
        {
            v[i] = double.NaN;
        }
        var a = SeriesAnalysis.Run(v, Options);
        var b = Assert.Single(a.Breaks, x => x.Strength >= 0.5);
        Assert.True(b.Lower <= 35, $"lower {b.Lower}");
        Assert.True(b.Upper >= 45, $"upper {b.Upper}");
    }

    [Fact]
    public void Too_little_history_gives_no_judgement()
    {
        var c = SeriesAnalysis.Run([1, 2, 3], Options).Classify(1);
        Assert.Equal(EpisodeLabel.Noise, c.Label);
        Assert.Equal(0, c.Confidence);
        Assert.Null(c.Baseline);
    }
}
