using System.Globalization;
using Strata.Claims;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Series;

namespace Strata.Data.Claims;

/// <summary>
/// The data of a claims audit, read from the store: the curated events, the imported yearly indicators (with
/// their files and lines) and relationship series built as <c>strata series</c> builds them.
/// </summary>
public sealed class StoreClaimData : IClaimData
{
    private static readonly (string Prefix, string Format, string What)[] Importers =
    [
        ("arms.", "sipri", "the SIPRI trade register"),
        ("rivalry.", "rivalries", "a rivalry list (Thompson and Dreyer, or Thompson, Sakuwa and Suhas)"),
        ("nmc.", "cow-nmc", "the COW National Material Capabilities file"),
        ("alliance.cow", "cow-alliances", "the COW alliance dyad-years"),
        ("alliance.atop", "atop", "the ATOP dyad-years"),
        ("mid.", "cow-mid", "a militarised-dispute file (COW MID or GML)"),
        ("unga.", "unga", "the UN General Assembly voting file"),
    ];

    private readonly DuckDbEventStore _store;
    private readonly Dictionary<string, bool> _has = new(StringComparer.Ordinal);

    public StoreClaimData(DuckDbEventStore store)
    {
        _store = Check.NotNull(store);
        Events = store.Query(new EventFilter());
    }

    /// <summary>Every curated event in the store (the bundled chronology and any loaded data set).</summary>
    public IReadOnlyList<Event> Events { get; }

    /// <summary>The set of event ids, for checking a claims file's references.</summary>
    public IReadOnlySet<string> EventIds => Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

    public bool HasIndicator(string name)
    {
        if (!_has.TryGetValue(name, out var has))
        {
            _has[name] = has = _store.Rows("SELECT 1 FROM indicators WHERE name = $1 LIMIT 1", name).Count > 0;
        }
        return has;
    }

    public string MissingIndicatorHint(string name)
    {
        var known = Importers.FirstOrDefault(i => name.StartsWith(i.Prefix, StringComparison.Ordinal));
        return known.Format is null
            ? $"the store holds no values of {name}: import the file that provides it with 'strata import FORMAT FILE'"
            : $"the store holds no values of {name}: import {known.What} with 'strata import {known.Format} FILE'";
    }

    /// <summary>
    /// The values of one indicator for an actor or ordered pair in the years given. Where several imported files
    /// hold a value for the same year (the same register imported into two data sets), the latest import is used.
    /// </summary>
    public IReadOnlyList<IndicatorObservation> Indicators(string name, string actorA, string? actorB, int fromYear, int toYear)
    {
        var rows = _store.Rows("""
            SELECT i.name, i.actor_a, i.actor_b, i.year, i.value, f.path, i.line, i.note
            FROM indicators i JOIN import_files f ON f.id = i.file_id
            WHERE i.name = $1 AND i.actor_a = $2 AND i.actor_b IS NOT DISTINCT FROM $3 AND i.year BETWEEN $4 AND $5
            QUALIFY row_number() OVER (PARTITION BY i.year ORDER BY f.id DESC) = 1
            ORDER BY i.year
            """, name, actorA, actorB, fromYear, toYear);
        return rows.Select(r => new IndicatorObservation(
            (string)r[0]!, (string)r[1]!, (string?)r[2], Convert.ToInt32(r[3], CultureInfo.InvariantCulture), Convert.ToDouble(r[4], CultureInfo.InvariantCulture),
            (string)r[5]!, Convert.ToInt64(r[6], CultureInfo.InvariantCulture), (string?)r[7])).ToList();
    }

    /// <summary>The dyad's series over the coverage of the chosen data sets, weighted as <c>strata series</c> weights it.</summary>
    public RelationSeries? Series(Dyad dyad, Granularity granularity, Measure measure, IReadOnlyList<string> datasets)
    {
        var coverage = _store.Coverage(datasets);
        if (coverage is null)
        {
            return null;
        }
        return SeriesBuilder.Build(dyad, _store.Atoms(dyad, new SeriesWeighting(), datasets), granularity, measure, coverage.Value.From, coverage.Value.To);
    }
}

/// <summary>Reads a claims file and checks it against the store: the one call the command line and the report share.</summary>
public static class ClaimsCheck
{
    /// <summary>Reads <paramref name="path"/> (failing with every issue when it is not valid) and audits its claims.</summary>
    public static ClaimsAuditResult Run(DuckDbEventStore store, Curated.ReferenceData reference, string path)
    {
        Check.NotNull(store);
        Check.NotNull(reference);
        var data = new StoreClaimData(store);
        var read = new ClaimsReader(reference.Actors).Read(path, data.EventIds);
        if (!read.IsValid)
        {
            throw new DataException($"{Curated.CuratedData.Display(path)} has {read.Issues.Count} problem(s)", read.Issues);
        }
        return ClaimsAudit.Check(read.Claims, data);
    }
}
