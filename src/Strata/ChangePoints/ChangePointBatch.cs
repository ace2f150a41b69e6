namespace Strata.ChangePoints;

/// <summary>
/// Change points of many series with one configuration, for instance every dyad's monthly series of an event-data
/// import: the series are independent, so they are spread over threads (each search is single-threaded and allocates
/// only its own arrays; fitted costs are immutable).
/// </summary>
public static class ChangePointBatch
{
    /// <summary>
    /// The segmentation of each series, in the same order, exactly as <see cref="DetectionConfig.Detect"/> returns it
    /// one series at a time. <paramref name="degreeOfParallelism"/> is the most threads to use (1: this thread only;
    /// −1: as many as the runtime likes, normally one per core). A series the search refuses (a missing value, too
    /// short) makes the whole call fail with an <see cref="ArgumentException"/> naming the first such series.
    /// </summary>
    public static Segmentation[] Detect(
        IReadOnlyList<double[]> series, DetectionConfig config, int degreeOfParallelism = -1, MissingValues missing = MissingValues.Reject)
    {
        Check.NotNull(series);
        Check.NotNull(config);
        Check.That(degreeOfParallelism == -1 || degreeOfParallelism >= 1, $"must be -1 or at least 1, was {degreeOfParallelism}", nameof(degreeOfParallelism));
        for (var i = 0; i < series.Count; i++)
        {
            Check.That(series[i] is not null, $"item {i} is null", nameof(series));
        }
        var results = new Segmentation[series.Count];
        var errors = new ArgumentException?[series.Count];
        void One(int i)
        {
            try
            {
                results[i] = config.Detect(series[i], missing);
            }
            catch (ArgumentException e)
            {
                errors[i] = e;
            }
        }
        if (degreeOfParallelism == 1)
        {
            for (var i = 0; i < series.Count; i++)
            {
                One(i);
            }
        }
        else
        {
            Parallel.For(0, series.Count, new ParallelOptions { MaxDegreeOfParallelism = degreeOfParallelism }, One);
        }
        var first = Array.FindIndex(errors, e => e is not null);
        if (first >= 0)
        {
            throw new ArgumentException($"series {first}: {errors[first]!.Message}", nameof(series), errors[first]);
        }
        return results;
    }
}
