using System.Globalization;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>How an actor filter combines the two sides of an event.</summary>
public enum ActorMatch
{
    /// <summary>Keep an event when its source or its target is one of the actors.</summary>
    Any,

    /// <summary>Keep an event only when both source and target are among the actors.</summary>
    Both,
}

/// <summary>
/// Which rows an import keeps. Readers apply it while parsing, before anything is built for a row, so that
/// a file filtered to six countries never materialises the other rows.
/// </summary>
public sealed record ImportFilter
{
    public static readonly ImportFilter All = new();

    /// <summary>Strata actor codes; empty keeps every actor.</summary>
    public IReadOnlySet<string> Actors { get; init; } = new HashSet<string>();

    public ActorMatch Match { get; init; } = ActorMatch.Any;

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    /// <summary>CAMEO root codes 1–20; empty keeps every root.</summary>
    public IReadOnlySet<int> Roots { get; init; } = new HashSet<int>();

    public IReadOnlySet<QuadClass> QuadClasses { get; init; } = new HashSet<QuadClass>();

    public bool KeepsActors(string? source, string? target)
    {
        if (Actors.Count == 0)
        {
            return true;
        }
        var s = source is not null && Actors.Contains(source);
        var t = target is not null && Actors.Contains(target);
        return Match == ActorMatch.Any ? s || t : s && t;
    }

    public bool KeepsDate(DateOnly date) => (From is null || date >= From) && (To is null || date <= To);

    public bool KeepsCode(EventCode code) =>
        (Roots.Count == 0 || Roots.Contains(code.RootNumber)) && (QuadClasses.Count == 0 || QuadClasses.Contains(code.QuadClass));

    /// <summary>A canonical text of the filter, stored with each imported file: the same file under the same filter is imported once.</summary>
    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = new List<string>();
        if (Actors.Count > 0)
        {
            parts.Add($"actors {Match.ToString().ToLowerInvariant()} of {string.Join(",", Actors.Order(StringComparer.Ordinal))}");
        }
        if (From is not null)
        {
            parts.Add("from " + From.Value.ToString("yyyy-MM-dd", inv));
        }
        if (To is not null)
        {
            parts.Add("to " + To.Value.ToString("yyyy-MM-dd", inv));
        }
        if (Roots.Count > 0)
        {
            parts.Add("roots " + string.Join(",", Roots.Order().Select(r => r.ToString("D2", inv))));
        }
        if (QuadClasses.Count > 0)
        {
            parts.Add("quad " + string.Join(",", QuadClasses.Order().Select(q => ((int)q).ToString(inv))));
        }
        return parts.Count == 0 ? "all rows" : string.Join("; ", parts);
    }
}
