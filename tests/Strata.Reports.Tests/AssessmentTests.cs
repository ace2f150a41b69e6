using Strata.Analysis;
using Strata.Data.Curated;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Reports.Tests;

/// <summary>The key judgements are computed from results: each verdict and confidence follows from the numbers.</summary>
public class AssessmentTests
{
    private static readonly Lazy<ReferenceData> Reference = new(() => CuratedData.RequireReference(new DataFolder(TestPaths.DataRoot)));

    private static ReportModel WithTiming(Onset onset) => new()
    {
        Title = "t",
        Events = [],
        Actors = Reference.Value.Actors,
        Codebook = Reference.Value.Codebook,
        GeneratedAt = DateTimeOffset.UnixEpoch,
        Timing = [new TimingFinding("The strain began before the treaty.", "A-B by quarter", new DateOnly(2024, 6, 19), "the treaty", onset)],
    };

    private static Onset Break(OnsetTiming timing, DateOnly start, DateOnly from, DateOnly to, double strength) =>
        new(timing, "structural break", start, from, to, strength, "a break");

    [Fact]
    public void A_strong_break_wholly_before_the_date_supports_the_claim_with_high_confidence()
    {
        var k = Assert.Single(AssessmentWriter.Write(WithTiming(Break(OnsetTiming.Before, new(2023, 10, 1), new(2023, 7, 1), new(2024, 3, 31), 1.0))));
        Assert.StartsWith("The claim that the strain began before the treaty is supported", k.Statement, StringComparison.Ordinal);
        Assert.Contains("about 8 months before the treaty", k.Statement, StringComparison.Ordinal);
        Assert.Contains("ending 3 months before it", k.Statement, StringComparison.Ordinal);
        Assert.Equal(JudgementConfidence.High, k.Confidence);
        Assert.Contains(k.Evidence, e => e.Anchor == "timing");
    }

    [Theory]
    [InlineData(0.7, JudgementConfidence.Moderate)]
    [InlineData(0.4, JudgementConfidence.Low)]
    public void A_weaker_break_lowers_the_confidence(double strength, JudgementConfidence expected)
    {
        var k = Assert.Single(AssessmentWriter.Write(WithTiming(Break(OnsetTiming.Before, new(2023, 10, 1), new(2023, 7, 1), new(2024, 3, 31), strength))));
        Assert.Equal(expected, k.Confidence);
    }

    [Fact]
    public void An_onset_after_the_date_contradicts_the_claim_and_one_straddling_it_settles_nothing()
    {
        var after = Assert.Single(AssessmentWriter.Write(WithTiming(Break(OnsetTiming.After, new(2024, 10, 1), new(2024, 7, 1), new(2025, 3, 31), 1.0))));
        Assert.Contains("is contradicted", after.Statement, StringComparison.Ordinal);
        var straddle = Assert.Single(AssessmentWriter.Write(WithTiming(Break(OnsetTiming.Undecided, new(2024, 4, 1), new(2024, 1, 1), new(2024, 9, 30), 1.0))));
        Assert.Contains("cannot settle", straddle.Statement, StringComparison.Ordinal);
        Assert.NotEqual(JudgementConfidence.High, straddle.Confidence);
        var none = Assert.Single(AssessmentWriter.Write(WithTiming(new Onset(OnsetTiming.NotFound, "none", null, null, null, 0, "no break"))));
        Assert.Contains("cannot test", none.Statement, StringComparison.Ordinal);
        Assert.Equal(JudgementConfidence.Low, none.Confidence);
    }

    [Fact]
    public void An_excursion_without_a_break_is_low_confidence_whatever_its_side()
    {
        var k = Assert.Single(AssessmentWriter.Write(WithTiming(new Onset(OnsetTiming.Before, "first excursion beyond the band", new(2023, 1, 1), new(2023, 1, 1), new(2023, 3, 31), 0, "an excursion"))));
        Assert.Contains("is supported", k.Statement, StringComparison.Ordinal);
        Assert.Equal(JudgementConfidence.Low, k.Confidence);
    }

    [Fact]
    public void A_model_without_results_has_no_judgements()
    {
        var model = WithTiming(Break(OnsetTiming.Before, new(2023, 10, 1), new(2023, 7, 1), new(2024, 3, 31), 1.0)) with { Timing = [] };
        Assert.Empty(AssessmentWriter.Write(model));
    }
}
