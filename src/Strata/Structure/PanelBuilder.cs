using System.Globalization;

namespace Strata.Structure;

/// <summary>
/// A value as one source states it, before the panel is merged: <see cref="Origin"/> is
/// <see cref="PanelBuilder.BundledOrigin"/> for the project's own indicator files, or the data set of an
/// import; <see cref="Precedence"/> orders imports (the later import wins: its file id).
/// </summary>
public sealed record SourcedValue(IndicatorValue Value, string Origin, long Precedence)
{
    public (string Name, string A, string? B, int Year) Key => (Value.Name, Value.ActorA, Value.ActorB, Value.Year);
}

/// <summary>What the builder merges: bundled and imported values, the years each source spans, and event scores.</summary>
public sealed record PanelInputs
{
    /// <summary>Values of the project's indicator files (origin <see cref="PanelBuilder.BundledOrigin"/>).</summary>
    public IReadOnlyList<SourcedValue> Bundled { get; init; } = [];

    /// <summary>Values of imported structural files, origin = data set, precedence = file id.</summary>
    public IReadOnlyList<SourcedValue> Imported { get; init; } = [];

    /// <summary>
    /// The first and last year of each source's values of each indicator, over all its values (not only the
    /// panel's actors): where a presence-coded source is silent inside these years, it says "none".
    /// </summary>
    public IReadOnlyDictionary<(string Origin, string Name), (int From, int To)> Spans { get; init; } =
        new Dictionary<(string, string), (int, int)>();

    /// <summary>Event-based scores, already computed per pair and year (<see cref="EventScores"/>).</summary>
    public IReadOnlyList<IndicatorValue> EventScores { get; init; } = [];
}

/// <summary>How many values one source gave one indicator in the panel, and their years.</summary>
public sealed record IndicatorCount(string Name, string Origin, int Values, int From, int To);

/// <summary>How many values and indicators the panel holds in one year.</summary>
public sealed record YearCoverage(int Year, int Values, int Indicators);

public enum DisagreementKind
{
    /// <summary>The bundled file and an import give different values; the import's is kept.</summary>
    BundledVsImported,

    /// <summary>Two imports give different values; the later import's is kept.</summary>
    ImportedVsImported,

    /// <summary>A presence-coded value (rivalry, alliance) that an import carrying that indicator does not list, inside its years.</summary>
    AbsentFromImport,
}

/// <summary>Two sources that disagree on one key: the value kept and the other source's value (null: it gives none).</summary>
public sealed record Disagreement(DisagreementKind Kind, IndicatorValue Kept, string KeptOrigin, double? Other, string OtherOrigin, string OtherSource)
{
    public string Pair => Kept.ActorB is null ? Kept.ActorA : $"{Kept.ActorA}-{Kept.ActorB}";

    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        var other = Other is { } o ? o.ToString("0.######", inv) : "no value";
        return $"{Kept.Name} {Pair} {Kept.Year}: kept {Kept.Value.ToString("0.######", inv)} ({KeptOrigin}); {OtherOrigin} gives {other} ({OtherSource})";
    }
}

/// <summary>Disagreements of one kind, indicator, actor or pair, values and sources over consecutive years.</summary>
public sealed record DisagreementRun(DisagreementKind Kind, string Name, string ActorA, string? ActorB, int From, int To, double Kept, string KeptOrigin, double? Other, string OtherOrigin)
{
    public string Pair => ActorB is null ? ActorA : $"{ActorA}-{ActorB}";

    public string Years => From == To ? From.ToString(CultureInfo.InvariantCulture) : $"{From}–{To}";
}

/// <summary>What a build did: values per indicator and source, coverage by year, and every disagreement.</summary>
/// <param name="Confirmed">Bundled values an import restates with the same value.</param>
/// <param name="Overridden">Bundled values replaced by an import's different value.</param>
public sealed record PanelSummary(
    PanelSpec Spec,
    IReadOnlyList<IndicatorCount> Counts,
    IReadOnlyList<YearCoverage> Years,
    IReadOnlyList<Disagreement> Disagreements,
    int Confirmed,
    int Overridden)
{
    /// <summary>The disagreements with consecutive years of the same indicator, subject, values and sources joined.</summary>
    public IReadOnlyList<DisagreementRun> DisagreementRuns()
    {
        var runs = new List<DisagreementRun>();
        foreach (var d in Disagreements)
        {
            var last = runs.Count == 0 ? null : runs[^1];
            if (last is not null && last.Kind == d.Kind && last.Name == d.Kept.Name && last.ActorA == d.Kept.ActorA && last.ActorB == d.Kept.ActorB
                && last.To == d.Kept.Year - 1 && last.Kept.Equals(d.Kept.Value) && last.KeptOrigin == d.KeptOrigin && Nullable.Equals(last.Other, d.Other)
                && last.OtherOrigin == d.OtherOrigin)
            {
                runs[^1] = last with { To = d.Kept.Year };
            }
            else
            {
                runs.Add(new DisagreementRun(d.Kind, d.Kept.Name, d.Kept.ActorA, d.Kept.ActorB, d.Kept.Year, d.Kept.Year, d.Kept.Value, d.KeptOrigin, d.Other, d.OtherOrigin));
            }
        }
        return runs;
    }
}

/// <summary>A built panel, its summary, and where each of its values came from.</summary>
public sealed class PanelBuild
{
    private readonly Dictionary<(string, string, string?, int), string> _origins;

    internal PanelBuild(IndicatorPanel panel, PanelSummary summary, Dictionary<(string, string, string?, int), string> origins)
    {
        Panel = panel;
        Summary = summary;
        _origins = origins;
    }

    public IndicatorPanel Panel { get; }

    public PanelSummary Summary { get; }

    /// <summary>
    /// <see cref="PanelBuilder.BundledOrigin"/>, an import's data set, <see cref="PanelBuilder.EventsOrigin"/> or
    /// <see cref="PanelBuilder.DerivedOrigin"/>.
    /// </summary>
    public string OriginOf(IndicatorValue value)
    {
        Check.NotNull(value);
        return _origins[(value.Name, value.ActorA, value.ActorB, value.Year)];
    }
}

/// <summary>
/// Merges the structural panel: bundled values, imported values and event scores, plus the derived
/// <c>rivalry.any</c> and <c>cap.share</c>. Pure: the caller reads the sources (<c>Strata.Data.Structure.PanelSource</c>).
/// </summary>
/// <remarks>
/// The merge rule, one for every key (indicator, actor or ordered pair, year):
/// <list type="number">
/// <item>Imported real data wins over the bundled file; among imports, the latest imported file wins.</item>
/// <item>Every pair of sources that give different values for a key is listed as a disagreement, with both
/// values and sources; a bundled value an import restates unchanged is counted as confirmed.</item>
/// <item>For presence-coded indicators (rivalries, alliances), a kept value of 1 that an import carrying the
/// same indicator does not list, inside that import's years, is listed too (the import's silence says 0).
/// Silence does not remove a stated value: the panel holds what sources state.</item>
/// </list>
/// </remarks>
public static class PanelBuilder
{
    public const string BundledOrigin = "bundled";
    public const string EventsOrigin = "events";
    public const string DerivedOrigin = "derived";

    private const double Tolerance = 1e-12;

    public static PanelBuild Build(PanelSpec spec, PanelInputs inputs)
    {
        Check.NotNull(spec);
        Check.NotNull(inputs);
        Check.That(spec.ShareSet.All(a => spec.Actors.Contains(a, StringComparer.Ordinal)), "the capability share set must be among the panel's actors");
        var kept = new Dictionary<(string, string, string?, int), SourcedValue>();
        var disagreements = new List<Disagreement>();
        var importedByKey = inputs.Imported.Where(v => spec.Covers(v.Value)).GroupBy(v => v.Key);
        foreach (var group in importedByKey)
        {
            var ordered = group.OrderBy(v => v.Precedence).ToList();
            var winner = ordered[^1];
            kept[group.Key] = winner;
            foreach (var other in ordered.Take(ordered.Count - 1).Where(o => Math.Abs(o.Value.Value - winner.Value.Value) > Tolerance))
            {
                disagreements.Add(new Disagreement(DisagreementKind.ImportedVsImported, winner.Value, winner.Origin, other.Value.Value, other.Origin, other.Value.Source));
            }
        }

        int confirmed = 0, overridden = 0;
        foreach (var b in inputs.Bundled.Where(v => spec.Covers(v.Value)))
        {
            if (kept.TryGetValue(b.Key, out var imported))
            {
                if (Math.Abs(imported.Value.Value - b.Value.Value) <= Tolerance)
                {
                    confirmed++;
                }
                else
                {
                    overridden++;
                    disagreements.Add(new Disagreement(DisagreementKind.BundledVsImported, imported.Value, imported.Origin, b.Value.Value, b.Origin, b.Value.Source));
                }
            }
            else
            {
                kept[b.Key] = b;
            }
        }

        // Silence of a presence-coded import inside its own years.
        var importOrigins = inputs.Imported.Select(v => v.Origin).ToHashSet(StringComparer.Ordinal);
        var importedKeys = inputs.Imported.Select(v => (v.Origin, v.Key)).ToHashSet();
        foreach (var v in kept.Values.Where(v => IndicatorNames.IsPresenceCoded(v.Value.Name) && v.Value.Value != 0)
                     .OrderBy(v => v.Value.Name, StringComparer.Ordinal).ThenBy(v => v.Value.ActorA, StringComparer.Ordinal)
                     .ThenBy(v => v.Value.ActorB, StringComparer.Ordinal).ThenBy(v => v.Value.Year))
        {
            foreach (var origin in importOrigins.Order(StringComparer.Ordinal))
            {
                if (origin != v.Origin && inputs.Spans.TryGetValue((origin, v.Value.Name), out var span)
                    && v.Value.Year >= span.From && v.Value.Year <= span.To && !importedKeys.Contains((origin, v.Key)))
                {
                    disagreements.Add(new Disagreement(DisagreementKind.AbsentFromImport, v.Value, v.Origin, null, origin,
                        $"{origin} lists no {v.Value.Name} for {Pair(v.Value)} in {v.Value.Year}, though its {v.Value.Name} values run {span.From}–{span.To}"));
                }
            }
        }

        var values = new List<(IndicatorValue Value, string Origin)>(kept.Values.Select(v => (v.Value, v.Origin)));
        values.AddRange(inputs.EventScores.Where(spec.Covers).Select(v => (v, EventsOrigin)));
        values.AddRange(RivalryAny(spec, inputs).Select(v => (v, DerivedOrigin)));
        values.AddRange(CapShare(spec, kept.Values.Select(v => v.Value)).Select(v => (v, DerivedOrigin)));

        var panel = IndicatorPanel.Create(values.Select(v => v.Value));
        var origins = values.ToDictionary(v => (v.Value.Name, v.Value.ActorA, v.Value.ActorB, v.Value.Year), v => v.Origin);
        var counts = values.GroupBy(v => (v.Value.Name, v.Origin))
            .Select(g => new IndicatorCount(g.Key.Name, g.Key.Origin, g.Count(), g.Min(v => v.Value.Year), g.Max(v => v.Value.Year)))
            .OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Origin, StringComparer.Ordinal).ToList();
        var byYear = values.GroupBy(v => v.Value.Year).ToDictionary(g => g.Key, g => (g.Count(), g.Select(v => v.Value.Name).Distinct(StringComparer.Ordinal).Count()));
        var years = spec.Years.Select(y => byYear.TryGetValue(y, out var c) ? new YearCoverage(y, c.Item1, c.Item2) : new YearCoverage(y, 0, 0)).ToList();
        var listedDisagreements = disagreements
            .OrderBy(d => d.Kept.Name, StringComparer.Ordinal).ThenBy(d => d.Kept.ActorA, StringComparer.Ordinal)
            .ThenBy(d => d.Kept.ActorB, StringComparer.Ordinal).ThenBy(d => d.OtherOrigin, StringComparer.Ordinal).ThenBy(d => d.Kept.Year)
            .ToList();
        return new PanelBuild(panel, new PanelSummary(spec, counts, years, listedDisagreements, confirmed, overridden), origins);
    }

    /// <summary>
    /// <c>rivalry.any</c> per unordered pair and year: 1 when any source lists a rivalry of the pair that year;
    /// 0 when none does but at least one rivalry source spans the year; no value otherwise.
    /// </summary>
    private static IEnumerable<IndicatorValue> RivalryAny(PanelSpec spec, PanelInputs inputs)
    {
        var listed = new Dictionary<(string, string, int), SortedSet<string>>();
        foreach (var v in inputs.Bundled.Concat(inputs.Imported).Where(v => v.Value.Name == IndicatorNames.RivalryActive && v.Value.ActorB is not null && v.Value.Value != 0 && spec.Covers(v.Value)))
        {
            var (a, b) = IndicatorNames.Ordered(v.Value.ActorA, v.Value.ActorB!);
            if (!listed.TryGetValue((a, b, v.Value.Year), out var origins))
            {
                listed[(a, b, v.Value.Year)] = origins = new SortedSet<string>(StringComparer.Ordinal);
            }
            origins.Add(v.Origin);
        }
        var spans = inputs.Spans.Where(s => s.Key.Name == IndicatorNames.RivalryActive)
            .OrderBy(s => s.Key.Origin, StringComparer.Ordinal).Select(s => (s.Key.Origin, s.Value.From, s.Value.To)).ToList();
        foreach (var (a, b) in spec.Pairs)
        {
            foreach (var year in spec.Years)
            {
                if (listed.TryGetValue((a, b, year), out var origins))
                {
                    yield return new IndicatorValue(IndicatorNames.RivalryAny, a, b, year, 1, $"derived: rivalry.active listed by {string.Join(", ", origins)}");
                    continue;
                }
                var covering = spans.Where(s => year >= s.From && year <= s.To).Select(s => $"{s.Origin} ({s.From}–{s.To})").ToList();
                if (covering.Count > 0)
                {
                    yield return new IndicatorValue(IndicatorNames.RivalryAny, a, b, year, 0, $"derived: no rivalry of the pair listed by {string.Join(", ", covering)}");
                }
            }
        }
    }

    /// <summary>
    /// <c>cap.share</c> = an actor's CINC / the sum of the CINC of the share set's actors that have a value that
    /// year. No value when the actor has no CINC that year.
    /// </summary>
    private static IEnumerable<IndicatorValue> CapShare(PanelSpec spec, IEnumerable<IndicatorValue> merged)
    {
        var set = spec.ShareSet;
        var cinc = merged.Where(v => v.Name == IndicatorNames.Cinc && v.ActorB is null && set.Contains(v.ActorA, StringComparer.Ordinal))
            .ToDictionary(v => (v.ActorA, v.Year), v => v.Value);
        var inv = CultureInfo.InvariantCulture;
        foreach (var year in spec.Years)
        {
            var present = set.Where(a => cinc.ContainsKey((a, year))).ToList();
            var total = present.Sum(a => cinc[(a, year)]);
            if (!(total > 0))
            {
                continue;
            }
            var missing = set.Except(present, StringComparer.Ordinal).ToList();
            var among = string.Join("+", present) + (missing.Count > 0 ? $"; no CINC for {string.Join(", ", missing)}" : "");
            foreach (var a in present)
            {
                yield return new IndicatorValue(IndicatorNames.CapShare, a, null, year, cinc[(a, year)] / total,
                    $"derived: nmc.cinc {cinc[(a, year)].ToString("0.########", inv)} / sum {total.ToString("0.########", inv)} over {among}");
            }
        }
    }

    private static string Pair(IndicatorValue v) => v.ActorB is null ? v.ActorA : $"{v.ActorA}-{v.ActorB}";
}
