using Strata.Domain;
using Strata.Series;
using Strata.Triangles;

namespace Strata.Tests.Triangles;

/// <summary>A triangle series built from three pair series, as the store's data reach it.</summary>
public class TriangleSeriesTests
{
    private static readonly Triad Prk = new("PRK", "CHN", "RUS");
    private static readonly DateOnly From = new(1960, 1, 1);
    private static readonly DateOnly To = new(1964, 12, 31);

    private static EventAtom Atom(int year, QuadClass quad, double weight = 1, double events = 1) =>
        new(new DateOnly(year, 6, 1), new DateOnly(year, 6, 1), quad, weight, 0, events);

    private static RelationSeries Pair(string a, string b, params EventAtom[] atoms) =>
        SeriesBuilder.Build(new Dyad(a, b), atoms, Granularity.Year, Measure.Quad, From, To);

    // 1960: PRK–CHN +, PRK–RUS +, CHN–RUS − (PRK pivot). 1961: CHN–RUS missing. 1962: PRK–RUS mixed 2:1 cooperative.
    // 1963: nothing at all. 1964: all conflictual.
    private static readonly RelationSeries PrkChn = Pair("PRK", "CHN",
        Atom(1960, QuadClass.MaterialCooperation, 3), Atom(1961, QuadClass.VerbalCooperation), Atom(1962, QuadClass.VerbalCooperation, 2),
        Atom(1964, QuadClass.VerbalConflict));

    private static readonly RelationSeries PrkRus = Pair("PRK", "RUS",
        Atom(1960, QuadClass.VerbalCooperation, 2), Atom(1961, QuadClass.VerbalCooperation),
        Atom(1962, QuadClass.VerbalCooperation, 2, 2), Atom(1962, QuadClass.VerbalConflict, 1), Atom(1964, QuadClass.MaterialConflict));

    private static readonly RelationSeries ChnRus = Pair("CHN", "RUS",
        Atom(1960, QuadClass.VerbalConflict, 3, 2), Atom(1962, QuadClass.MaterialConflict), Atom(1964, QuadClass.VerbalConflict));

    [Fact]
    public void Each_period_gets_its_scores_signs_configuration_probabilities_and_fissure()
    {
        var r = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions());
        Assert.Equal(["1960", "1961", "1962", "1963", "1964"], r.Periods.Select(p => p.Period.Label));
        var y1960 = r.Periods[0];
        Assert.Equal([1.0, 1.0, -1.0], y1960.Ties.Select(t => t.Score!.Value));
        Assert.Equal(["PRK–CHN", "PRK–RUS", "CHN–RUS"], y1960.Ties.Select(t => t.Label));
        Assert.Equal(2, y1960.Ties[2].Events);
        var config = y1960.Classification.Configuration!;
        Assert.Equal(TriangleKind.RomanticTriangle, config.Kind);
        Assert.Equal(TriangleRole.Pivot, config.RoleA);
        Assert.Equal(1, y1960.Fissure);
        var p = y1960.Probabilities!;
        var expectedPivot = y1960.Ties[0].Posterior!.ProbabilityPositive * y1960.Ties[1].Posterior!.ProbabilityPositive * (1 - y1960.Ties[2].Posterior!.ProbabilityPositive);
        Assert.Equal(expectedPivot, y1960.ClientPivotProbability!.Value, 12);
        Assert.Equal(expectedPivot, p.RoleProbability(0, TriangleRole.Pivot), 12);

        var y1961 = r.Periods[1];
        Assert.Equal(TieSign.Missing, y1961.Ties[2].Sign);
        Assert.Null(y1961.Ties[2].Score);
        Assert.Null(y1961.Probabilities);
        Assert.Null(y1961.Fissure);
        Assert.False(y1961.Classification.IsDetermined);
        Assert.Contains("CHN–RUS is missing", y1961.Classification.Reason, StringComparison.Ordinal);

        // 1962: PRK–RUS = (2 − 1) / 3 = 1/3, inside the derived zone; the fissure is limited by it only when negative.
        var y1962 = r.Periods[2];
        Assert.Equal(1.0 / 3, y1962.Ties[1].Score!.Value, 12);
        Assert.Equal(3, y1962.Ties[1].Events);
        Assert.Equal(1, y1962.Fissure);

        Assert.All(r.Periods[3].Ties, t => Assert.Equal(TieSign.Missing, t.Sign));
        var y1964 = r.Periods[4].Classification.Configuration!;
        Assert.Equal(TriangleKind.UnitVeto, y1964.Kind);
        Assert.Equal(0, r.Periods[4].Fissure);
        Assert.Equal(3, r.ObservedPeriods);
    }

    [Fact]
    public void A_tie_score_is_the_series_net_cooperation()
    {
        var r = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions());
        var atoms = new[] { Atom(1962, QuadClass.VerbalCooperation, 2, 2), Atom(1962, QuadClass.VerbalConflict, 1), Atom(1960, QuadClass.VerbalCooperation, 2), Atom(1961, QuadClass.VerbalCooperation), Atom(1964, QuadClass.MaterialConflict) };
        var netcoop = SeriesBuilder.Build(new Dyad("PRK", "RUS"), atoms, Granularity.Year, Measure.NetCoop, From, To);
        Assert.Equal(netcoop.Points.Select(p => p.Value), r.Periods.Select(p => p.Ties[1].Score));
    }

    [Fact]
    public void The_zone_is_derived_from_every_period_and_does_not_move_when_the_span_is_narrowed()
    {
        var all = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions());
        // Observed scores: PRK–CHN 1, 1, 1, −1; PRK–RUS 1, 1, 1/3, −1; CHN–RUS −1, −1, −1: median |score| 1.
        Assert.Equal(0.5, all.Zone.Upper, 12);
        Assert.Contains("over 11 observed period scores", all.Zone.Derivation, StringComparison.Ordinal);
        var narrow = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { From = new DateOnly(1962, 1, 1), To = new DateOnly(1962, 12, 31) });
        Assert.Equal(["1962"], narrow.Periods.Select(p => p.Period.Label));
        Assert.Equal(all.Zone, narrow.Zone);
        Assert.Equal(TieSign.Neutral, narrow.Periods[0].Ties[1].Sign);

        var given = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Neutral = NeutralZone.Symmetric(0.2) });
        Assert.Equal(TieSign.Positive, given.Periods[2].Ties[1].Sign);
        Assert.Equal(TriangleKind.RomanticTriangle, given.Periods[2].Classification.Configuration!.Kind);
    }

    [Fact]
    public void A_window_pools_the_events_of_the_periods_ending_with_each()
    {
        var r = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Window = 2 });
        Assert.Equal(2, r.Window);
        // 1961 pools 1960 and 1961: CHN–RUS is now observed (1960's conflict), so the period is determined.
        var y1961 = r.Periods[1];
        Assert.Equal(-1, y1961.Ties[2].Score);
        Assert.Equal(2, y1961.Ties[2].Events);
        Assert.Equal(TriangleKind.RomanticTriangle, y1961.Classification.Configuration!.Kind);
        // 1963 pools 1962 and 1963: PRK–RUS weights 2 cooperative, 1 conflictual.
        Assert.Equal(1.0 / 3, r.Periods[3].Ties[1].Score!.Value, 12);
        // 1960 has no earlier period to pool.
        Assert.Equal(TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions()).Periods[0].Ties, r.Periods[0].Ties);
    }

    [Fact]
    public void The_client_chooses_whose_fissure_it_is()
    {
        var rus = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Client = 2 });
        Assert.Equal("RUS", rus.ClientCode);
        Assert.Equal((0, 1), rus.Patrons);
        // 1960: PRK and CHN are friends, so there is no split for RUS to exploit.
        Assert.Equal(0, rus.Periods[0].Fissure);
        // 1964: PRK–CHN −1, RUS hostile to both: hostility 1 × room 0.
        Assert.Equal(0, rus.Periods[4].Fissure);
        Assert.Equal(rus.Periods[0].Probabilities!.RoleProbability(2, TriangleRole.Pivot), rus.Periods[0].ClientPivotProbability!.Value, 12);
    }

    [Fact]
    public void Series_that_do_not_fit_together_are_refused()
    {
        var goldstein = SeriesBuilder.Build(new Dyad("CHN", "RUS"), [], Granularity.Year, Measure.Goldstein, From, To);
        Assert.Throws<ArgumentException>(() => TriangleSeries.Build(Prk, PrkChn, PrkRus, goldstein, new TriangleOptions()));
        var shorter = SeriesBuilder.Build(new Dyad("CHN", "RUS"), [], Granularity.Year, Measure.Quad, From, new DateOnly(1963, 12, 31));
        Assert.Throws<ArgumentException>(() => TriangleSeries.Build(Prk, PrkChn, PrkRus, shorter, new TriangleOptions()));
        Assert.Throws<ArgumentOutOfRangeException>(() => TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Window = 0 }));
        Assert.Throws<ArgumentException>(() => TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Client = 3 }));
    }

    [Fact]
    public void The_tally_counts_determined_periods_by_configuration()
    {
        var r = TriangleSeries.Build(Prk, PrkChn, PrkRus, ChnRus, new TriangleOptions { Neutral = NeutralZone.Symmetric(0.2) });
        var tally = r.Tally();
        Assert.Equal(2, tally.Single(t => t.Configuration.Kind == TriangleKind.RomanticTriangle).Periods);
        Assert.Equal(1, tally.Single(t => t.Configuration.Kind == TriangleKind.UnitVeto).Periods);
        Assert.Equal(2, tally[0].Periods);
    }
}
