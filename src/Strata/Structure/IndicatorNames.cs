namespace Strata.Structure;

/// <summary>
/// The names of the indicators the panel builder computes or treats specially, and the conventions every
/// indicator follows: which are presence-coded (a source lists the years a relation held, so its silence
/// within its years means "none"), and which undirected pairs are written once with the alphabetically first
/// actor as <see cref="IndicatorValue.ActorA"/> (as the rivalry importer writes them) rather than in both
/// directions (as the alliance dyad-year files write them). Documented in docs/indicators.md.
/// </summary>
public static class IndicatorNames
{
    public const string RivalryActive = "rivalry.active";

    /// <summary>Derived: 1 when any source (bundled or imported) lists a rivalry of the pair that year.</summary>
    public const string RivalryAny = "rivalry.any";

    public const string Cinc = "nmc.cinc";

    /// <summary>Derived: an actor's CINC as a share of the summed CINC of a set of actors.</summary>
    public const string CapShare = "cap.share";

    /// <summary>From events: yearly net cooperation of an undirected pair, as <c>strata series --measure netcoop</c>.</summary>
    public const string EventsNetCoop = "events.netcoop";

    /// <summary>From events: yearly weighted event count of an undirected pair.</summary>
    public const string EventsCount = "events.count";

    /// <summary>From events: yearly weighted count of material cooperation and aid (CAMEO roots 06, 07) from A to B.</summary>
    public const string EventsSupport = "events.support";

    /// <summary>The CAMEO roots counted as support: 06 engage in material cooperation, 07 provide aid.</summary>
    public static IReadOnlyList<string> SupportRoots { get; } = ["06", "07"];

    /// <summary>True for the names the builder computes; no indicator file may state them.</summary>
    public static bool IsComputed(string name) =>
        name is RivalryAny or CapShare || name.StartsWith("events.", StringComparison.Ordinal);

    /// <summary>True for indicators recorded as presence (rivalries and alliances): a source gives 1 for the years the relation held.</summary>
    public static bool IsPresenceCoded(string name) =>
        name.StartsWith("rivalry.", StringComparison.Ordinal) || name.StartsWith("alliance.", StringComparison.Ordinal);

    /// <summary>
    /// True for undirected pair indicators written once per pair, the alphabetically first actor as A: rivalries
    /// and the undirected event scores. Other undirected facts (alliances) are written in both directions.
    /// </summary>
    public static bool IsWrittenOncePerPair(string name) =>
        name.StartsWith("rivalry.", StringComparison.Ordinal) || name is EventsNetCoop or EventsCount;

    /// <summary>The pair in alphabetical (ordinal) order.</summary>
    public static (string A, string B) Ordered(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
}
