using Strata.Series;

namespace Strata.Triangles;

/// <summary>How a triangle series is computed. Every default is documented in docs/triangles.md.</summary>
public sealed record TriangleOptions
{
    /// <summary>The neutral zone; null derives it from the data (<see cref="NeutralZone.Derive"/>).</summary>
    public NeutralZone? Neutral { get; init; }

    /// <summary>When the zone is derived: the share of the median absolute score.</summary>
    public double NeutralFactor { get; init; } = NeutralZone.DefaultFactor;

    /// <summary>Each period's ties pool the events of this many periods ending with it (1: the period alone).</summary>
    public int Window { get; init; } = 1;

    /// <summary>The position (0, 1 or 2) of the client for the fissure; the other two are the patrons.</summary>
    public int Client { get; init; }

    /// <summary>First and last day of the periods to report (the zone is still derived from every period).</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }
}

/// <summary>
/// One tie in one period: its net-cooperation score (null when no event), the weight and number of events behind it,
/// its sign against the neutral zone, and the posterior of its score (null when missing).
/// </summary>
public sealed record TieObservation(string First, string Second, double? Score, double Weight, double Events, TieSign Sign, TiePosterior? Posterior)
{
    public string Label => $"{First}–{Second}";
}

/// <summary>
/// One period of a triangle: its three ties (AB, AC, BC), the configuration, the probabilities of the eight sign
/// patterns (null when a tie is missing), the fissure between the patrons as seen by the client (null when not
/// computable) and the probability that the client is the pivot.
/// </summary>
public sealed record TrianglePeriod(
    Period Period, IReadOnlyList<TieObservation> Ties, TriangleClassification Classification,
    ConfigurationProbabilities? Probabilities, double? Fissure, double? ClientPivotProbability);

/// <summary>A triangle over time, with everything needed to say how each number was reached.</summary>
public sealed record TriangleResult(Triad Actors, int Client, Granularity Granularity, int Window, NeutralZone Zone, IReadOnlyList<TrianglePeriod> Periods)
{
    public string ClientCode => Actors[Client];

    /// <summary>The positions of the two patrons (the actors other than the client).</summary>
    public (int First, int Second) Patrons => Client switch
    {
        0 => (1, 2),
        1 => (0, 2),
        _ => (0, 1),
    };

    /// <summary>Periods in which all three ties were observed.</summary>
    public int ObservedPeriods => Periods.Count(p => p.Ties.All(t => t.Sign != TieSign.Missing));

    /// <summary>How many periods each determined configuration (with its roles) holds, most frequent first.</summary>
    public IReadOnlyList<(TriangleConfiguration Configuration, int Periods)> Tally() =>
        Periods.Where(p => p.Classification.IsDetermined)
            .GroupBy(p => p.Classification.Configuration!)
            .Select(g => (g.Key, g.Count()))
            .OrderByDescending(x => x.Item2).ThenBy(x => x.Key.Kind).ThenBy(x => x.Key.Distinguished ?? -1)
            .ToList();
}

/// <summary>
/// Builds a triangle series from the three pair series of one granularity. The pair series must measure quad
/// classes (<see cref="Measure.Quad"/>): the score of a tie is net cooperation, (cooperative − conflictual weight)
/// / total weight, exactly as <see cref="SeriesBuilder"/> computes <see cref="Measure.NetCoop"/>, and the quad
/// weights also give the cooperative share and event count behind each score for its posterior.
/// </summary>
public static class TriangleSeries
{
    public static TriangleResult Build(Triad actors, RelationSeries ab, RelationSeries ac, RelationSeries bc, TriangleOptions options)
    {
        Check.NotNull(actors);
        Check.NotNull(ab);
        Check.NotNull(ac);
        Check.NotNull(bc);
        Check.NotNull(options);
        Check.AtLeast(options.Window, 1);
        Check.That(options.Client is >= 0 and <= 2, $"must be 0, 1 or 2, was {options.Client}", "client");
        RelationSeries[] series = [ab, ac, bc];
        foreach (var s in series)
        {
            Check.That(s.Measure == Measure.Quad, $"must measure quad classes, {s.Dyad} measures {s.Measure}", "series");
            Check.That(s.Granularity == ab.Granularity && s.Points.Count == ab.Points.Count
                && s.Points.Select(p => p.Period).SequenceEqual(ab.Points.Select(p => p.Period)), $"must cover the same periods, {s.Dyad} does not", "series");
        }

        var n = ab.Points.Count;
        var pooled = series.Select(s => Pool(s, options.Window)).ToArray();
        var zone = options.Neutral ?? NeutralZone.Derive(
            pooled.SelectMany(p => p).Where(t => t.Score is not null).Select(t => t.Score!.Value), options.NeutralFactor);
        var client = options.Client;
        var (pp, pq) = client switch { 0 => (1, 2), 1 => (0, 2), _ => (0, 1) };
        var periods = new List<TrianglePeriod>(n);
        for (var i = 0; i < n; i++)
        {
            var period = ab.Points[i].Period;
            if ((options.From is { } from && period.End < from) || (options.To is { } to && period.Start > to))
            {
                continue;
            }
            var ties = Enumerable.Range(0, 3).Select(t =>
            {
                var (x, y) = Triad.Ends(t);
                var raw = pooled[t][i];
                var posterior = raw.Score is null ? null : TieProbability.FromEvents(raw.CooperativeShare, raw.Events, zone.Centre);
                return new TieObservation(actors[x], actors[y], raw.Score, raw.Weight, raw.Events, zone.Sign(raw.Score), posterior);
            }).ToList();
            var classification = StrategicTriangle.Classify(actors, ties[0].Sign, ties[1].Sign, ties[2].Sign);
            var probabilities = ties.All(t => t.Posterior is not null)
                ? TriangleConfigurations.Probabilities(ties[0].Posterior!.ProbabilityPositive, ties[1].Posterior!.ProbabilityPositive, ties[2].Posterior!.ProbabilityPositive)
                : null;
            var fissure = Triangles.Fissure.Of(ties[Triad.Tie(pp, pq)].Score, ties[Triad.Tie(client, pp)].Score, ties[Triad.Tie(client, pq)].Score);
            periods.Add(new TrianglePeriod(period, ties, classification, probabilities, fissure, probabilities?.RoleProbability(client, TriangleRole.Pivot)));
        }
        return new TriangleResult(actors, client, ab.Granularity, options.Window, zone, periods);
    }

    private readonly record struct PooledTie(double? Score, double Weight, double Events, double CooperativeShare);

    /// <summary>Each period's quad weights summed with those of the window − 1 periods before it.</summary>
    private static PooledTie[] Pool(RelationSeries s, int window)
    {
        var result = new PooledTie[s.Points.Count];
        for (var i = 0; i < s.Points.Count; i++)
        {
            double coop = 0, conflict = 0, events = 0;
            for (var j = Math.Max(0, i - window + 1); j <= i; j++)
            {
                var q = s.Points[j].QuadWeights ?? [0, 0, 0, 0];
                coop += q[0] + q[1];
                conflict += q[2] + q[3];
                events += s.Points[j].Events;
            }
            var w = coop + conflict;
            result[i] = w > 0
                ? new PooledTie((coop - conflict) / w, w, events, coop / w)
                : new PooledTie(null, 0, events, 0.5);
        }
        return result;
    }
}
