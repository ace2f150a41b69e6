using Strata.Domain;
using Strata.Series;

namespace Strata.Tests.Series;

public class SeriesBuilderTests
{
    private static readonly Dyad PrkChn = new("PRK", "CHN");

    private static EventAtom Atom(string from, string to, QuadClass quad, double weight, double goldstein) =>
        new(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), quad, weight, weight * goldstein, 1);

    [Fact]
    public void An_event_spanning_three_years_counts_by_the_days_in_each()
    {
        var s = SeriesBuilder.Build(PrkChn, [Atom("1954-01-01", "1956-12-31", QuadClass.MaterialCooperation, 3, 7)], Granularity.Year, Measure.Count,
            new DateOnly(1953, 1, 1), new DateOnly(1957, 12, 31));
        Assert.Equal(["1953", "1954", "1955", "1956", "1957"], s.Points.Select(p => p.Period.Label));
        Assert.Equal(0, s.Points[0].Value);
        Assert.Equal(3.0 * 365 / 1096, s.Points[1].Value!.Value, 12);
        Assert.Equal(3.0 * 366 / 1096, s.Points[3].Value!.Value, 12);
        Assert.Equal(3, s.Points.Sum(p => p.Value!.Value), 12);
    }

    [Fact]
    public void Means_are_missing_where_there_is_no_event_but_counts_are_zero()
    {
        var atoms = new[] { Atom("2024-01-10", "2024-01-10", QuadClass.VerbalCooperation, 2, 4), Atom("2024-03-05", "2024-03-05", QuadClass.VerbalConflict, 1, -2) };
        var g = SeriesBuilder.Build(PrkChn, atoms, Granularity.Month, Measure.Goldstein, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));
        Assert.Equal(4, g.Points[0].Value);
        Assert.Null(g.Points[1].Value);
        Assert.Equal(-2, g.Points[2].Value);
        var c = SeriesBuilder.Build(PrkChn, atoms, Granularity.Month, Measure.Count, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));
        Assert.Equal(0, c.Points[1].Value);
        var q = SeriesBuilder.Build(PrkChn, atoms, Granularity.Quarter, Measure.Goldstein, new DateOnly(2024, 1, 1), new DateOnly(2024, 3, 31));
        Assert.Equal(((2 * 4) + (1 * -2)) / 3.0, q.Points.Single().Value!.Value, 12);
    }

    [Fact]
    public void Net_cooperation_is_the_weighted_share_of_cooperation_minus_conflict()
    {
        var atoms = new[]
        {
            Atom("2024-05-01", "2024-05-01", QuadClass.VerbalCooperation, 2, 1),
            Atom("2024-05-02", "2024-05-02", QuadClass.MaterialCooperation, 1, 1),
            Atom("2024-05-03", "2024-05-03", QuadClass.MaterialConflict, 1, -9),
        };
        var s = SeriesBuilder.Build(PrkChn, atoms, Granularity.Year, Measure.NetCoop, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal((3 - 1) / 4.0, s.Points.Single().Value!.Value, 12);
        var quad = SeriesBuilder.Build(PrkChn, atoms, Granularity.Year, Measure.Quad, new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal([2.0, 1.0, 0.0, 1.0], quad.Points.Single().QuadWeights);
    }

    [Fact]
    public void Events_outside_the_coverage_are_cut_to_it()
    {
        var s = SeriesBuilder.Build(PrkChn, [Atom("2023-07-01", "2024-06-30", QuadClass.VerbalConflict, 1, -4)], Granularity.Year, Measure.Count,
            new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31));
        Assert.Equal(182.0 / 366, s.Points.Single().Value!.Value, 12);
    }

    [Theory]
    [InlineData("2024-02-29", Granularity.Month, "2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2024-08-15", Granularity.Quarter, "2024-Q3", "2024-07-01", "2024-09-30")]
    [InlineData("2024-12-31", Granularity.Year, "2024", "2024-01-01", "2024-12-31")]
    public void Periods_contain_their_days(string day, Granularity g, string label, string start, string end)
    {
        var p = Period.Containing(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), g);
        Assert.Equal(label, p.Label);
        Assert.Equal(start, p.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(end, p.End.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
