using Strata.Domain;

namespace Strata.Tests;

public class PartialDateTests
{
    [Theory]
    [InlineData("2024-06-19", DatePrecision.Day, "2024-06-19", "2024-06-19")]
    [InlineData("2024-06", DatePrecision.Month, "2024-06-01", "2024-06-30")]
    [InlineData("2024-02", DatePrecision.Month, "2024-02-01", "2024-02-29")]
    [InlineData("2024-Q2", DatePrecision.Quarter, "2024-04-01", "2024-06-30")]
    [InlineData("2024-H2", DatePrecision.Half, "2024-07-01", "2024-12-31")]
    [InlineData("early 2024", DatePrecision.PartOfYear, "2024-01-01", "2024-04-30")]
    [InlineData("mid 2024", DatePrecision.PartOfYear, "2024-05-01", "2024-08-31")]
    [InlineData("late 2024", DatePrecision.PartOfYear, "2024-09-01", "2024-12-31")]
    [InlineData("spring 1950", DatePrecision.Season, "1950-03-01", "1950-05-31")]
    [InlineData("fall 1950", DatePrecision.Season, "1950-09-01", "1950-11-30")]
    [InlineData("winter 1950", DatePrecision.Season, "1950-12-01", "1951-02-28")]
    [InlineData("1956", DatePrecision.Year, "1956-01-01", "1956-12-31")]
    [InlineData("1954/1956", DatePrecision.Range, "1954-01-01", "1956-12-31")]
    [InlineData("1958-03/1964-12", DatePrecision.Range, "1958-03-01", "1964-12-31")]
    [InlineData("2024-05-26/2024-05-27", DatePrecision.Range, "2024-05-26", "2024-05-27")]
    public void Parses_every_form_to_its_interval(string text, DatePrecision precision, string start, string end)
    {
        var d = PartialDate.Parse(text);
        Assert.Equal(precision, d.Precision);
        Assert.Equal(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), d.Start);
        Assert.Equal(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), d.End);
    }

    [Theory]
    [InlineData("2024-06-19")]
    [InlineData("2024-Q3")]
    [InlineData("early 2024")]
    [InlineData("autumn 1979")]
    [InlineData("1954/1956")]
    [InlineData("late 2023/2024-06")]
    public void Canonical_text_reads_back_to_an_equal_date(string text)
    {
        var d = PartialDate.Parse(text);
        Assert.Equal(d, PartialDate.Parse(d.Text));
        Assert.Equal(text, d.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2024-13")]
    [InlineData("2024-02-30")]
    [InlineData("24-06-19")]
    [InlineData("2024-Q5")]
    [InlineData("early")]
    [InlineData("someday 2024")]
    [InlineData("1956/1954")]
    [InlineData("1954/1955/1956")]
    [InlineData("2024-06-19T10:00")]
    public void Rejects_malformed_text_with_a_message_saying_what_was_expected(string text)
    {
        Assert.False(PartialDate.TryParse(text, out _, out var error));
        Assert.True(error.StartsWith("expected", StringComparison.Ordinal) || error.Contains("ends before", StringComparison.Ordinal), error);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text));
    }

    [Fact]
    public void Sorts_by_start_then_narrower_first()
    {
        var dates = new[] { "2024", "2024-06-19", "early 2024", "2024-01", "2023/2025", "2024-01-01" }.Select(PartialDate.Parse).ToList();
        dates.Sort();
        Assert.Equal(["2023/2025", "2024-01-01", "2024-01", "early 2024", "2024", "2024-06-19"], dates.Select(d => d.Text));
    }

    [Fact]
    public void Certainly_and_possibly_before_follow_the_intervals()
    {
        var early = PartialDate.Parse("early 2024");
        var june19 = PartialDate.Parse("2024-06-19");
        var year = PartialDate.Parse("2024");
        Assert.True(early.IsCertainlyBefore(june19));
        Assert.False(year.IsCertainlyBefore(june19));
        Assert.True(year.IsPossiblyBefore(june19));
        Assert.False(june19.IsPossiblyBefore(early));
        Assert.True(year.Overlaps(june19));
        Assert.False(early.Overlaps(june19));
        Assert.True(PartialDate.Parse("2024-04").Overlaps(early));
        Assert.False(PartialDate.Parse("2024-05").Overlaps(early));
    }

    [Fact]
    public void Midpoint_and_length()
    {
        var d = PartialDate.Parse("1954/1956");
        Assert.Equal(1096, d.LengthInDays);
        Assert.Equal(new DateOnly(1955, 7, 2), d.Midpoint);
        Assert.Equal(1, PartialDate.Parse("2024-06-19").LengthInDays);
    }
}
