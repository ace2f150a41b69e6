using Strata.Ach;
using Strata.Domain;
using Strata.Series;

namespace Strata.Tests.Ach;

/// <summary>A case run end to end on a made-up quarterly series whose level drops from about 2 to about −3 in 2023-Q4.</summary>
public sealed class AchAnalysisTests
{
    private static readonly double[] Wiggle = [0.3, -0.2, 0.1, -0.3, 0.2, -0.1, 0.0, 0.25, -0.15];

    private sealed class FixedSeries : ISeriesSource
    {
        public int Calls { get; private set; }

        public RelationSeries Series(SeriesSelection selection)
        {
            Calls++;
            var points = new List<SeriesPoint>();
            var i = 0;
            foreach (var p in Period.Range(new DateOnly(2010, 1, 1), new DateOnly(2025, 12, 31), Granularity.Quarter))
            {
                var level = p.Start < new DateOnly(2023, 10, 1) ? 2.0 : -3.0;
                points.Add(new SeriesPoint(p, level + Wiggle[i++ % Wiggle.Length], 1, 1, null));
            }
            return new RelationSeries(selection.Dyad, selection.Granularity, selection.Measure, points);
        }
    }

    private static readonly SeriesSelection Quarterly = new(new Dyad("PRK", "CHN"), Granularity.Quarter, Measure.Goldstein);

    private static readonly OnsetSpec Downturn = new(Quarterly, Downward: true, PartialDate.Parse("2022"), PartialDate.Parse("2025"));

    private static AchCase Case(RatingOverride? over = null)
    {
        var treaty = new TimingLink("t-treaty", "the treaty set off the downturn", new CauseRef("the treaty", PartialDate.Parse("2024-06-19")), Downturn, Grade.High, Grade.High)
        {
            OtherCells = new Dictionary<string, AchCell> { ["structure"] = new(Rating.C, "a downturn before the treaty is what this reading expects") },
            Override = over,
        };
        var drift = new TimingLink("t-drift", "an older decision set off the downturn", new CauseRef("new path", PartialDate.Parse("2019-12")), Downturn, Grade.High, Grade.Medium);
        var hypotheses = new List<Hypothesis>
        {
            new("treaty", "The treaty") { Causes = [treaty] },
            new("structure", "Structure") { Causes = [drift] },
        };
        var label = new EvidenceItem("e-label", "the classifier's label for 2024", Grade.High, Grade.Medium,
            new Dictionary<string, AchCell> { ["treaty"] = new(Rating.C, "a drop"), ["structure"] = new(Rating.C, "a drop") },
            new SeriesLink(Quarterly, PartialDate.Parse("2024")));
        return new AchCase("test", "why the drop?", hypotheses, [label]);
    }

    [Fact]
    public void The_timing_rows_are_computed_from_the_onset_and_show_their_working()
    {
        var source = new FixedSeries();
        var r = AchAnalysis.Run(Case(), source);
        Assert.Equal(1, source.Calls); // one series, fetched and analysed once

        var treaty = r.Timing.Single(t => t.LinkId == "t-treaty");
        Assert.Equal("structural break", treaty.Onset.Method);
        Assert.True(treaty.Onset.IntervalStart <= new DateOnly(2023, 10, 1) && treaty.Onset.IntervalEnd >= new DateOnly(2023, 10, 1));
        Assert.True(treaty.Onset.IntervalEnd < new DateOnly(2024, 6, 19));
        Assert.Equal(Rating.II, treaty.Verdict.Rating);
        Assert.Equal(Rating.II, treaty.Cell.Rating);
        Assert.True(treaty.Cell.IsComputed);
        Assert.False(treaty.Cell.IsOverridden);

        var drift = r.Timing.Single(t => t.LinkId == "t-drift");
        Assert.Equal(Rating.C, drift.Cell.Rating);

        // The declaring hypothesis gets the computed cell; another gets the analyst's rating or NA.
        var row = r.Rows.Single(x => x.Item.Id == "t-treaty");
        Assert.Equal(Rating.C, row.Item.RatingFor("structure"));
        Assert.Equal(Rating.NA, r.Rows.Single(x => x.Item.Id == "t-drift").Item.RatingFor("treaty"));
        Assert.Contains(row.Working, w => w.StartsWith("onset: a downward break", StringComparison.Ordinal));
        Assert.Contains(row.Working, w => w.StartsWith("rule: ", StringComparison.Ordinal) && w.EndsWith("→ II for treaty", StringComparison.Ordinal));

        // The series link shows the classifier's judgement of each quarter of 2024.
        var labels = r.Rows.Single(x => x.Item.Id == "e-label").Working;
        Assert.Equal(4, labels.Count);
        Assert.All(labels, l => Assert.StartsWith("PRK-CHN goldstein by quarter 2024-Q", l, StringComparison.Ordinal));

        // Scores: treaty has II on a high/high row (2 × 2 = 4) and C on the label row; structure has only C's.
        Assert.Equal(2 * 2.0, r.Scores.Of("treaty").Weighted, 1e-12);
        Assert.Equal(0.0, r.Scores.Of("structure").Weighted, 1e-12);
        Assert.Equal(["structure"], r.Scores.Top);
        Assert.Contains("t-treaty", r.Sensitivity.ItemsTopHangsOn);
    }

    [Fact]
    public void An_override_replaces_the_computed_rating_in_the_scores_and_keeps_both_with_the_reason()
    {
        var r = AchAnalysis.Run(Case(new RatingOverride(Rating.I, "the treaty was negotiated for months before it was signed")), new FixedSeries());
        var t = r.Timing.Single(x => x.LinkId == "t-treaty");
        Assert.Equal(Rating.II, t.Verdict.Rating);
        Assert.Equal(Rating.II, t.Cell.Computed);
        Assert.Equal(Rating.I, t.Cell.Rating);
        Assert.Equal("the treaty was negotiated for months before it was signed", t.Cell.OverrideReason);
        Assert.Equal(1 * 2.0, r.Scores.Of("treaty").Weighted, 1e-12);
        Assert.Contains(r.Rows.Single(x => x.Item.Id == "t-treaty").Working, w => w.StartsWith("override: I instead of II, because the treaty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_window_outside_the_series_finds_no_onset_and_the_row_is_not_applicable()
    {
        var early = new OnsetSpec(Quarterly, true, PartialDate.Parse("1990"), PartialDate.Parse("1995"));
        var link = new TimingLink("t-early", "a cause in the 1980s", new CauseRef("x", PartialDate.Parse("1988")), early, Grade.Medium, Grade.Medium);
        var c = new AchCase("t", "q", [new Hypothesis("a", "A") { Causes = [link] }, new Hypothesis("b", "B")], []);
        var r = AchAnalysis.Run(c, new FixedSeries());
        var t = Assert.Single(r.Timing);
        Assert.Equal(Rating.NA, t.Cell.Rating);
        Assert.Contains("outside the series", t.Verdict.Reason, StringComparison.Ordinal);
    }
}
