namespace Strata.ChangePoints;

/// <summary>
/// CROPS, changepoints for a range of penalties (Haynes, Eckley &amp; Fearnhead 2017): every segmentation that PELT
/// returns for some penalty β in [βmin, βmax], found with O(number of segmentations) PELT runs. Each comes with the
/// sub-range of penalties for which it is optimal, so an analyst can see how the answer depends on the penalty.
/// </summary>
public static class Crops
{
    public static CropsResult Detect(
        ReadOnlySpan<double> series, ISegmentCost cost, double minPenalty, double maxPenalty, int? minSegmentLength = null,
        MissingValues missing = MissingValues.Reject)
    {
        Check.NotNull(cost);
        Check.NonNegative(minPenalty);
        Check.NonNegative(maxPenalty);
        Check.That(minPenalty < maxPenalty, $"must be below maxPenalty ({maxPenalty}), was {minPenalty}", nameof(minPenalty));
        var x = SeriesInput.Prepare(series, missing);
        Check.AtLeast(x.Length, 1, "series.Length");
        var m = OptimalSearch.ResolveMinSegmentLength(cost, minSegmentLength);
        var f = cost.Fit(x);

        var runs = new Dictionary<double, Segmentation>();
        Segmentation At(double beta)
        {
            if (!runs.TryGetValue(beta, out var s))
            {
                var cps = OptimalSearch.Run(f, beta, false, m, prune: true, out var objective);
                s = Segmentation.Create(x, f, "pelt", cost.Name, Penalty.Manual(beta), beta, m, cps, objective);
                runs[beta] = s;
            }
            return s;
        }

        var pending = new Stack<(double Low, double High)>();
        pending.Push((minPenalty, maxPenalty));
        while (pending.Count > 0)
        {
            var (b0, b1) = pending.Pop();
            var s0 = At(b0);
            var s1 = At(b1);
            var k0 = s0.ChangePoints.Count;
            var k1 = s1.ChangePoints.Count;
            if (k0 <= k1 + 1)
            {
                continue;
            }
            // The penalty at which the two segmentations cost the same.
            var bInt = (s1.TotalCost - s0.TotalCost) / (k0 - k1);
            if (!(bInt > b0 && bInt < b1))
            {
                continue;
            }
            var kInt = At(bInt).ChangePoints.Count;
            if (kInt != k1 && kInt != k0)
            {
                pending.Push((b0, bInt));
                pending.Push((bInt, b1));
            }
        }

        // One segmentation per number of changes (the first found), most changes first.
        var distinct = runs.OrderBy(kv => kv.Key)
            .GroupBy(kv => kv.Value.ChangePoints.Count)
            .Select(g => g.First().Value)
            .OrderByDescending(s => s.ChangePoints.Count)
            .ToList();
        var entries = new CropsEntry[distinct.Count];
        for (var i = 0; i < distinct.Count; i++)
        {
            var low = i == 0 ? minPenalty : Boundary(distinct[i - 1], distinct[i]);
            var high = i == distinct.Count - 1 ? maxPenalty : Boundary(distinct[i], distinct[i + 1]);
            entries[i] = new CropsEntry(distinct[i], Math.Max(minPenalty, low), Math.Min(maxPenalty, high));
        }
        return new CropsResult(minPenalty, maxPenalty, entries);

        static double Boundary(Segmentation more, Segmentation fewer) =>
            (fewer.TotalCost - more.TotalCost) / (more.ChangePoints.Count - fewer.ChangePoints.Count);
    }
}

/// <summary>One optimal segmentation of a CROPS run and the penalties [<see cref="MinPenalty"/>, <see cref="MaxPenalty"/>] for which it is optimal.</summary>
public sealed record CropsEntry(Segmentation Segmentation, double MinPenalty, double MaxPenalty)
{
    public int ChangePointCount => Segmentation.ChangePoints.Count;
}

/// <summary>The segmentations of a CROPS run, most change points (smallest penalties) first.</summary>
public sealed record CropsResult(double MinPenalty, double MaxPenalty, IReadOnlyList<CropsEntry> Entries)
{
    /// <summary>The entry optimal at <paramref name="penalty"/> (the one with fewer changes at a boundary).</summary>
    public CropsEntry At(double penalty)
    {
        Check.InRange(penalty, MinPenalty, MaxPenalty);
        return Entries.Last(e => e.MinPenalty <= penalty);
    }
}
