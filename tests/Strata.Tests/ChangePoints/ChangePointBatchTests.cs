using Strata.ChangePoints;

namespace Strata.Tests.ChangePoints;

public sealed class ChangePointBatchTests
{
    [Fact]
    public void Batch_detection_equals_one_by_one_detection_on_any_number_of_threads()
    {
        var series = Enumerable.Range(0, 200).Select(seed => SyntheticSeries.Make(SyntheticSeries.Kinds[seed % SyntheticSeries.Kinds.Length], seed).Series).ToList();
        foreach (var config in new[] { DetectionConfig.Default, new DetectionConfig(), new DetectionConfig { Method = SearchMethod.BinSeg, Scaling = Scaling.Standardise } })
        {
            var expected = series.Select(x => config.Detect(x)).ToList();
            foreach (var threads in new[] { 1, 2, -1 })
            {
                var batch = ChangePointBatch.Detect(series, config, threads);
                Assert.Equal(series.Count, batch.Length);
                for (var i = 0; i < series.Count; i++)
                {
                    Assert.Equal(expected[i].ChangePoints, batch[i].ChangePoints);
                    Assert.Equal(expected[i].PenalisedCost, batch[i].PenalisedCost);
                    Assert.Equal(expected[i].Segments, batch[i].Segments);
                }
            }
        }
    }

    [Fact]
    public void A_bad_series_is_named_and_arguments_are_checked()
    {
        double[][] series = [[1, 2, 3, 4, 5, 6], [1, double.NaN, 3]];
        var e = Assert.Throws<ArgumentException>(() => ChangePointBatch.Detect(series, DetectionConfig.Default, 2));
        Assert.Contains("series 1:", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ChangePointBatch.Detect(series, DetectionConfig.Default, 0));
        Assert.Empty(ChangePointBatch.Detect([], DetectionConfig.Default));
    }
}
