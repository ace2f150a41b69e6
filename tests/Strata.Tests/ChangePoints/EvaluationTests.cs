using Strata.ChangePoints;

namespace Strata.Tests.ChangePoints;

/// <summary>
/// TCPDBench's metrics. The worked examples are the doctests of TCPDBench's analysis/scripts/metrics.py (commit
/// 1709f406); the random cases were scored by that file's functions run in Python and are pinned here to the last
/// printed digit.
/// </summary>
public sealed class EvaluationTests
{
    private static int[][] A(params int[][] annotators) => annotators;

    [Fact]
    public void True_positives_match_each_prediction_at_most_once()
    {
        // metrics.py: true_positives doctests.
        Assert.Equal([1, 10, 20], ChangePointEvaluation.TruePositives([1, 10, 20, 23], [3, 8, 20]).Order());
        Assert.Equal([1, 10, 20], ChangePointEvaluation.TruePositives([1, 10, 20, 23], [1, 3, 8, 20]).Order());
        Assert.Equal([1, 10, 20], ChangePointEvaluation.TruePositives([1, 10, 20, 23], [1, 3, 5, 8, 20]).Order());
        Assert.Empty(ChangePointEvaluation.TruePositives([], [1, 2, 3]));
        Assert.Empty(ChangePointEvaluation.TruePositives([1, 2, 3], []));
    }

    [Fact]
    public void True_positives_take_the_nearest_prediction_and_the_smaller_on_a_tie()
    {
        // Hand-computed: 10 takes 12 (distance 2, before 7 at 3); 14 then finds nothing within 1.
        Assert.Equal([10], ChangePointEvaluation.TruePositives([10, 14], [7, 12], margin: 2).Order());
        // 10 is at distance 2 from both 8 and 12: it takes 8, leaving 12 for 13.
        Assert.Equal([10, 13], ChangePointEvaluation.TruePositives([10, 13], [8, 12], margin: 2).Order());
        // Margin 0: only exact hits.
        Assert.Equal([5], ChangePointEvaluation.TruePositives([5, 9], [5, 10], margin: 0).Order());
    }

    [Fact]
    public void F_measure_matches_TCPDBench_doctests()
    {
        var f = ChangePointEvaluation.FMeasure(A([10, 20], [11, 20], [10], [0, 5]), [10, 20]);
        Assert.Equal(new FScore(1.0, 1.0, 1.0), f);
        f = ChangePointEvaluation.FMeasure(A([], [10], [50]), [10]);
        Assert.Equal(0.9090909090909091, f.F1);
        Assert.Equal(1.0, f.Precision);
        Assert.Equal(0.8333333333333333, f.Recall);
        f = ChangePointEvaluation.FMeasure(A([], [10], [50]), []);
        Assert.Equal(0.8, f.F1);
        Assert.Equal(0.6666666666666666, f.Recall);
    }

    [Fact]
    public void F_measure_by_hand()
    {
        // One annotator [0, 50]; predictions [0, 48, 70]: 0 and 48 are true positives, so P = 2/3, R = 2/2,
        // F1 = 2·(2/3)·1 / (2/3 + 1) = 0.8.
        var f = ChangePointEvaluation.FMeasure(A([50]), [48, 70]);
        Assert.Equal(2.0 / 3, f.Precision, 15);
        Assert.Equal(1.0, f.Recall);
        Assert.Equal(0.8, f.F1, 15);
    }

    [Fact]
    public void Covering_matches_TCPDBench_doctests()
    {
        Assert.Equal(0.7962962962962963, ChangePointEvaluation.Covering(A([10, 20], [10], [0, 5]), [10, 20], 45));
        Assert.Equal(0.7954144620811286, ChangePointEvaluation.Covering(A([], [10], [40]), [10], 45));
        Assert.Equal(0.8189300411522634, ChangePointEvaluation.Covering(A([], [10], [40]), [], 45));
    }

    [Fact]
    public void Cover_single_matches_TCPDBench_doctests()
    {
        // metrics.py's cover_single doctests use the partitions of 1..6; shifted to 0..5 they are these locations.
        Assert.Equal(0.8333333333333334, ChangePointEvaluation.CoverSingle([3, 5], [3], 6));
        Assert.Equal(0.6666666666666666, ChangePointEvaluation.CoverSingle([4], [], 6));
        Assert.Equal(0.6666666666666666, ChangePointEvaluation.CoverSingle([2, 4], [3], 6));
        Assert.Equal(0.3333333333333333, ChangePointEvaluation.CoverSingle([], [1, 2, 3], 6));
    }

    [Fact]
    public void Covering_by_hand_and_limits()
    {
        // Truth [0,10) [10,20); prediction [0,5) [5,20): the first truth segment's best overlap is 5/10, the second's
        // 10/15. Covering = (10·0.5 + 10·(2/3)) / 20 = 0.58333…
        Assert.Equal((10 * 0.5 + 10 * (10.0 / 15)) / 20, ChangePointEvaluation.CoverSingle([5], [10], 20), 15);
        Assert.Equal(1.0, ChangePointEvaluation.CoverSingle([3, 7], [3, 7], 10));
        // Locations at or beyond n are ignored, 0 opens the first segment anyway.
        Assert.Equal(1.0, ChangePointEvaluation.CoverSingle([0, 3, 10, 12], [3], 10));
        Assert.Throws<ArgumentException>(() => ChangePointEvaluation.CoverSingle([-1], [3], 10));
    }

    public static TheoryData<int, int[][], int[], double, double, double, double> PythonCases => new()
    {
        { 50, [[], [5, 6, 10, 26, 31], []], [4, 19, 36], 0.7894736842105263, 0.75, 0.8333333333333333, 0.4076625074272133 },
        { 48, [[7, 12], [2, 14], [11, 13, 17, 18, 20]], [24, 41], 0.4444444444444444, 0.6666666666666666, 0.3333333333333333, 0.4606481481481482 },
        { 31, [[6, 8, 13, 16, 17], [3, 30], [1, 10, 27, 30]], [19, 23], 0.5245901639344261, 1.0, 0.3555555555555555, 0.41052159969817015 },
        { 59, [[19, 28, 39], [11, 15, 29]], [17, 53], 0.5714285714285715, 0.6666666666666666, 0.5, 0.49915687357309857 },
        { 25, [[]], [9, 17, 21], 0.4, 0.25, 1.0, 0.36 },
        { 88, [[9, 19, 26, 44, 87], [26, 81, 82], [24, 36, 46], [42, 76, 82]], [8, 13, 26, 42], 0.688427299703264, 0.8, 0.6041666666666666, 0.6275230079856817 },
        { 110, [[75, 98], [16, 23, 31, 43]], [4, 59], 0.2962962962962963, 0.3333333333333333, 0.26666666666666666, 0.5812218441095446 },
        { 25, [[3, 10, 11, 22, 24], [], [10, 11]], [21], 0.7142857142857143, 1.0, 0.5555555555555555, 0.5395873015873015 },
    };

    [Theory]
    [MemberData(nameof(PythonCases))]
    public void Random_cases_scored_by_TCPDBench_agree_to_the_last_bit(int n, int[][] annotators, int[] predictions, double f1, double precision, double recall, double cover)
    {
        var f = ChangePointEvaluation.FMeasure(annotators, predictions);
        Assert.Equal(f1, f.F1);
        Assert.Equal(precision, f.Precision);
        Assert.Equal(recall, f.Recall);
        Assert.Equal(cover, ChangePointEvaluation.Covering(annotators, predictions, n));
    }

    [Fact]
    public void Evaluate_reads_R_change_points_as_the_same_locations_and_cleans_them_as_TCPDBench()
    {
        // R's change point 40 (observations 1..40, then 41..) is TCPDBench's location 40 (0-based index of observation 41).
        Assert.Equal([40, 70], ChangePointEvaluation.FromR([40, 70]));
        // n − 1 is dropped by TCPDBench's clean_cps, as are duplicates and 0.
        Assert.Equal([1, 40], ChangePointEvaluation.CleanPredictions([40, 0, 1, 40, 99], 100));
        var score = ChangePointEvaluation.Evaluate([40, 99], 100, A([40]));
        Assert.Equal([40], score.Locations);
        Assert.Equal(1.0, score.F1);
        Assert.Equal(1.0, score.Covering);
    }

    [Fact]
    public void Arguments_are_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangePointEvaluation.FMeasure(A(), [1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangePointEvaluation.TruePositives([1], [1], margin: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangePointEvaluation.Covering(A([1]), [1], 0));
    }
}

public sealed class DetectionConfigTests
{
    [Fact]
    public void Scaling_leaves_scale_free_costs_alone_and_reports_segments_in_original_units()
    {
        var x = Series.Gaussian(300, 5);
        for (var i = 100; i < 200; i++)
        {
            x[i] = x[i] * 3 + 10;
        }
        var raw = new DetectionConfig { Cost = SegmentCosts.NormalMeanVar }.Detect(x);
        var z = new DetectionConfig { Cost = SegmentCosts.NormalMeanVar, Scaling = Scaling.Standardise }.Detect(x);
        Assert.Equal(raw.ChangePoints, z.ChangePoints);
        Assert.Equal(raw.Segments.Select(s => s.Mean), z.Segments.Select(s => s.Mean));
        Assert.InRange(z.Segments[1].Mean, 9, 11);
    }

    [Fact]
    public void Detect_runs_the_configured_search()
    {
        var x = Series.Gaussian(200, 9);
        for (var i = 120; i < 200; i++)
        {
            x[i] += 4;
        }
        var pelt = new DetectionConfig().Detect(x);
        Assert.Equal(Pelt.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic).ChangePoints, pelt.ChangePoints);
        var binseg = new DetectionConfig { Method = SearchMethod.BinSeg, MaxChangePoints = 3 }.Detect(x);
        Assert.Equal(BinarySegmentation.Detect(x, SegmentCosts.NormalMean, Penalty.Mbic, 3).ChangePoints, binseg.ChangePoints);
        Assert.Equal("binseg", binseg.Method);
        var rescaled = DetectionConfig.Rescale([1, 1, 1], Scaling.Standardise);
        Assert.Equal([0, 0, 0], rescaled);
    }
}
