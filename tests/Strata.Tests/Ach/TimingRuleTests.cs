using Strata.Ach;
using Strata.Analysis;
using Strata.Domain;

namespace Strata.Tests.Ach;

/// <summary>
/// The timing rule of docs/ach.md §4 on an onset known to lie between 1 October 2023 and 31 March 2024 (a break
/// dated by its bootstrap interval over two quarters), against causes dated as precisely as sources allow.
/// </summary>
public sealed class TimingRuleTests
{
    private static readonly Onset Onset = new(
        OnsetTiming.Undecided, "structural break", new DateOnly(2023, 10, 1), new DateOnly(2023, 10, 1), new DateOnly(2024, 3, 31), 0.9, "a downward break");

    private static TimingVerdict Judge(string cause) => TimingRule.Judge(PartialDate.Parse(cause), Onset);

    [Theory]
    // Days.
    [InlineData("2023-06-30", Rating.C)]
    [InlineData("2023-09-30", Rating.C)] // the day before the interval opens
    [InlineData("2023-10-01", Rating.N)] // the first day of the interval: shared
    [InlineData("2023-11-15", Rating.N)]
    [InlineData("2024-03-31", Rating.N)]
    [InlineData("2024-04-01", Rating.II)] // the day after it closes
    [InlineData("2024-06-19", Rating.II)]
    // Months.
    [InlineData("2023-09", Rating.C)]
    [InlineData("2023-10", Rating.N)]
    [InlineData("2024-04", Rating.II)]
    // Quarters and halves.
    [InlineData("2023-Q3", Rating.C)]
    [InlineData("2024-Q1", Rating.N)]
    [InlineData("2024-Q2", Rating.II)]
    [InlineData("2023-H2", Rating.N)]
    // Seasons (meteorological, northern hemisphere).
    [InlineData("summer 2023", Rating.C)] // June–August 2023
    [InlineData("winter 2023", Rating.N)] // December 2023 – February 2024
    [InlineData("spring 2024", Rating.N)] // March–May 2024 shares March with the interval
    [InlineData("summer 2024", Rating.II)]
    // Parts of a year.
    [InlineData("early 2024", Rating.N)] // January–April
    [InlineData("mid 2024", Rating.II)] // May–August
    // Years and ranges.
    [InlineData("2022", Rating.C)]
    [InlineData("2023", Rating.N)]
    [InlineData("2025", Rating.II)]
    [InlineData("2019/2022", Rating.C)]
    [InlineData("2022/2024", Rating.N)]
    public void Rates_a_cause_against_the_onset_interval(string cause, Rating expected) =>
        Assert.Equal(expected, Judge(cause).Rating);

    [Fact]
    public void An_imprecise_cause_that_could_fall_either_side_is_neutral_and_the_reason_names_the_shared_days()
    {
        var v = Judge("spring 2024");
        Assert.Equal(Rating.N, v.Rating);
        Assert.Contains("2024-03-01 to 2024-05-31", v.Reason, StringComparison.Ordinal);
        Assert.Contains("overlap from 2024-03-01 to 2024-03-31", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cause_after_the_onset_is_strongly_inconsistent_and_says_why()
    {
        var v = Judge("2024-06-19");
        Assert.Equal(Rating.II, v.Rating);
        Assert.Contains("2023-10-01 to 2024-03-31", v.Reason, StringComparison.Ordinal);
        Assert.Contains("before its supposed cause", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void No_onset_makes_the_link_not_applicable_with_the_reason()
    {
        var none = new Onset(OnsetTiming.NotFound, "none", null, null, null, 0, "neither a downward break nor a value beyond the band in the window");
        var v = TimingRule.Judge(PartialDate.Parse("2024-06-19"), none);
        Assert.Equal(Rating.NA, v.Rating);
        Assert.Contains("neither a downward break", v.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_one_period_onset_from_the_band_is_judged_the_same_way()
    {
        // The first excursion beyond the band dates the onset to its period, here the third quarter of 2024.
        var excursion = new Onset(OnsetTiming.After, "first excursion beyond the band", new DateOnly(2024, 7, 1), new DateOnly(2024, 7, 1), new DateOnly(2024, 9, 30), 0, "first value beyond the band");
        Assert.Equal(Rating.C, TimingRule.Judge(PartialDate.Parse("2024-06-19"), excursion).Rating);
        Assert.Equal(Rating.N, TimingRule.Judge(PartialDate.Parse("2024"), excursion).Rating);
        Assert.Equal(Rating.II, TimingRule.Judge(PartialDate.Parse("2024-10"), excursion).Rating);
    }
}
