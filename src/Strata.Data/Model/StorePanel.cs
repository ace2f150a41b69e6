using System.Globalization;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Model;
using Strata.Series;
using Strata.Structure;

namespace Strata.Data.Model;

/// <summary>
/// Reads a store into an <see cref="IndicatorPanel"/> for the structural model: every imported yearly indicator,
/// plus, for a case, two series derived from the stored events (curated and imported):
/// <c>events.support</c> (patron → client, the level- or mention-weighted number of material-cooperation and aid
/// events, CAMEO roots 06 and 07, per year) and <c>events.netcoop</c> (each undirected pair the case reads: the
/// yearly net-cooperation index; missing in a year without events).
/// </summary>
/// <remarks>
/// A stop-gap until the panel builder (<c>strata indicators build</c>) lands: it computes the same named
/// indicators, so it can replace this function without any change to the model.
/// When two imported data sets give a value for the same indicator, pair and year, the later-imported file wins.
/// </remarks>
public static class StorePanel
{
    public const string Support = "events.support";
    public const string NetCoop = "events.netcoop";

    public static IndicatorPanel Load(DuckDbEventStore store, BufferCase? forCase = null, SeriesWeighting? weighting = null)
    {
        Check.NotNull(store);
        var values = new List<IndicatorValue>();
        foreach (var r in store.Rows("""
            SELECT i.name, i.actor_a, i.actor_b, i.year, i.value, i.dataset, f.path, i.line
            FROM indicators i JOIN import_files f ON f.id = i.file_id
            ORDER BY i.file_id, i.line
            """))
        {
            var a = (string)r[1]!;
            var b = r[2] as string;
            if (a == b)
            {
                continue;
            }
            values.Add(new IndicatorValue((string)r[0]!, a, b, Convert.ToInt32(r[3], CultureInfo.InvariantCulture), (double)r[4]!,
                $"{r[5]}: {Path.GetFileName((string)r[6]!)} line {r[7]}"));
        }
        if (forCase is not null)
        {
            values.AddRange(EventIndicators(store, forCase, weighting ?? new SeriesWeighting()));
        }
        return IndicatorPanel.Create(values, laterWins: true);
    }

    /// <summary>The event-derived indicators of a case (see the class summary).</summary>
    public static IReadOnlyList<IndicatorValue> EventIndicators(DuckDbEventStore store, BufferCase bufferCase, SeriesWeighting weighting)
    {
        Check.NotNull(store);
        Check.NotNull(bufferCase);
        Check.NotNull(weighting);
        var coverage = store.Coverage([]);
        if (coverage is not { } cov)
        {
            return [];
        }
        var values = new List<IndicatorValue>();
        foreach (var patron in bufferCase.PatronActors)
        {
            var atoms = SupportAtoms(store, patron, bufferCase.Client, weighting);
            var series = SeriesBuilder.Build(new Dyad(patron, bufferCase.Client, true), atoms, Granularity.Year, Measure.Count, cov.From, cov.To);
            foreach (var point in series.Points)
            {
                if (point.Value is > 0)
                {
                    values.Add(new IndicatorValue(Support, patron, bufferCase.Client, point.Period.Start.Year, point.Value.Value,
                        "stored events, CAMEO roots 06-07, weighted by level or mentions"));
                }
            }
        }
        var pairs = new HashSet<(string, string)>();
        void Pair(string a, string b) => pairs.Add(string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a));
        foreach (var p in bufferCase.Patrons)
        {
            Pair(p.Actor, bufferCase.Client);
            foreach (var q in p.Rivals)
            {
                Pair(p.Actor, q);
            }
        }
        foreach (var (a, b) in pairs.Order())
        {
            var dyad = new Dyad(a, b);
            var series = SeriesBuilder.Build(dyad, store.Atoms(dyad, weighting, []), Granularity.Year, Measure.NetCoop, cov.From, cov.To);
            foreach (var point in series.Points)
            {
                if (point.Value is { } v)
                {
                    values.Add(new IndicatorValue(NetCoop, a, b, point.Period.Start.Year, v, "stored events, yearly net cooperation"));
                }
            }
        }
        return values;
    }

    private static List<EventAtom> SupportAtoms(DuckDbEventStore store, string patron, string client, SeriesWeighting weighting)
    {
        var atoms = new List<EventAtom>();
        foreach (var r in store.Rows("""
            SELECT date_start, date_end,
                   sum(CASE WHEN kind = 'curated' THEN CASE level WHEN 'structural' THEN $3 WHEN 'conjunctural' THEN $4 ELSE $5 END
                            WHEN $6 THEN coalesce(mentions, 1)::DOUBLE ELSE 1.0 END),
                   count(*)
            FROM all_events
            WHERE source = $1 AND target = $2 AND root IN ('06', '07')
            GROUP BY date_start, date_end
            ORDER BY date_start
            """, patron, client, weighting.Structural, weighting.Conjunctural, weighting.Episodic, weighting.ByMentions))
        {
            var w = Convert.ToDouble(r[2], CultureInfo.InvariantCulture);
            atoms.Add(new EventAtom(Day(r[0]!), Day(r[1]!), QuadClass.MaterialCooperation,
                w, 0, Convert.ToDouble(r[3], CultureInfo.InvariantCulture)));
        }
        return atoms;
    }

    private static DateOnly Day(object value) => value is DateOnly d ? d : DateOnly.FromDateTime((DateTime)value);
}
