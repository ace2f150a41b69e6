using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Domain;
using Strata.Structure;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>
/// One fact of an indicator file: an indicator's value for an actor or a pair over a span of years, with its
/// published sources, a note and any recorded disagreement between sources. Expanded to one
/// <see cref="IndicatorValue"/> per year (and per direction, see <see cref="Expand"/>) when read.
/// </summary>
public sealed record IndicatorFact(
    string Indicator,
    string ActorA,
    string? ActorB,
    bool Directed,
    int From,
    int To,
    double Value,
    IReadOnlyList<Citation> Sources,
    string? Note,
    IReadOnlyList<string> Disputed,
    string File,
    int Line)
{
    /// <summary>
    /// The yearly values: one per year for an actor or a directed pair (<c>A&gt;B</c>); for an undirected pair
    /// (<c>A-B</c>), once per year with the alphabetically first actor as A for indicators written once per pair
    /// (rivalries), else in both directions (alliances, as the dyad-year files write them).
    /// </summary>
    public IEnumerable<IndicatorValue> Expand()
    {
        var source = $"{File}:{Line}: {string.Join("; ", Sources.Select(s => s.ToReference()))}{(Disputed.Count > 0 ? " (disputed: see the file)" : "")}";
        IEnumerable<(string A, string? B)> subjects = ActorB is null ? [(ActorA, null)]
            : Directed ? [(ActorA, ActorB)]
            : IndicatorNames.IsWrittenOncePerPair(Indicator) ? [IndicatorNames.Ordered(ActorA, ActorB)]
            : [(ActorA, ActorB), (ActorB, ActorA)];
        foreach (var (a, b) in subjects)
        {
            for (var year = From; year <= To; year++)
            {
                yield return new IndicatorValue(Indicator, a, b, year, Value, source);
            }
        }
    }
}

/// <summary>
/// The default panel of a data folder: its actors, years, and the actors over which capability shares are
/// computed (the panel's actors when not given).
/// </summary>
public sealed record PanelCase(string? Title, IReadOnlyList<string> Actors, int From, int To, IReadOnlyList<string> CapabilityAmong, string File, int Line);

/// <summary>The facts and case read from indicator files, every issue found, and the files read.</summary>
public sealed record IndicatorFileReadResult(IReadOnlyList<IndicatorFact> Facts, PanelCase? Case, IReadOnlyList<DataIssue> Issues, IReadOnlyList<string> Files)
{
    public bool IsValid => Issues.Count == 0;

    /// <summary>Every fact expanded to yearly values.</summary>
    public IEnumerable<IndicatorValue> Values => Facts.SelectMany(f => f.Expand());
}

/// <summary>
/// Reads the project's indicator files (<c>data/indicators/*.yaml</c>, format in <c>docs/indicators.md</c>):
/// facts with citations, checked against the actors, and an optional <c>case</c> naming the default panel.
/// Reports every problem of every file: unknown actors, bad year ranges, entries that overlap another of the
/// same indicator and subject, missing sources, names the builder computes itself.
/// </summary>
public sealed partial class IndicatorFileReader(ActorRegistry actors)
{
    private static readonly string[] TopFields = ["case", "indicators"];
    private static readonly string[] FactFields = ["indicator", "actor", "pair", "from", "to", "value", "note", "sources", "disputed"];
    private static readonly string[] CaseFields = ["title", "actors", "from", "to", "capability_among"];
    private const int MinYear = 1800;
    private const int MaxYear = 2100;

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$")]
    private static partial Regex NamePattern();

    /// <summary>True when the YAML file at <paramref name="path"/> is an indicator file (its top level has <c>indicators</c> or <c>case</c>).</summary>
    public static bool IsIndicatorFile(string path) => TopKeys(path).Any(k => k is "indicators" or "case");

    /// <summary>True when the YAML file at <paramref name="path"/> is a chronology file (its top level has <c>events</c>).</summary>
    public static bool IsChronologyFile(string path) => TopKeys(path).Contains("events");

    private static List<string?> TopKeys(string path) =>
        YamlDocument.Load(path, path).Root is YamlMappingNode map ? map.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToList() : [];

    /// <summary>Reads one file, or every <c>*.yaml</c>/<c>*.yml</c> file of a folder in name order.</summary>
    public IndicatorFileReadResult Read(string path)
    {
        var files = ListFiles(path);
        var facts = new List<IndicatorFact>();
        var issues = new List<DataIssue>();
        PanelCase? panelCase = null;
        var ranges = new Dictionary<(string Name, string A, string? B), List<(int From, int To, string File, int Line)>>();
        foreach (var file in files)
        {
            var display = CuratedData.Display(file);
            var doc = YamlDocument.Load(file, display);
            if (doc.Root is null)
            {
                if (doc.Issues.Count == 0)
                {
                    doc.Report(null, "", "the file is empty; expected a mapping with 'indicators' (and optionally 'case')");
                }
            }
            else
            {
                var top = doc.FieldsOf(doc.Root, "", TopFields);
                if (top.IsValid && !top.Has("case") && !top.Has("indicators"))
                {
                    doc.Report(doc.Root, "", "expected 'indicators' (a list of facts) or 'case' (the default panel)");
                }
                if (top.NodeOf("case") is { } caseNode)
                {
                    var c = ReadCase(doc, caseNode);
                    if (c is not null && panelCase is not null)
                    {
                        doc.Report(caseNode, "case", $"a second case; the first is at {panelCase.File}:{panelCase.Line}");
                    }
                    else if (c is not null)
                    {
                        panelCase = c;
                    }
                }
                foreach (var node in top.NodeList("indicators", required: false, "facts"))
                {
                    var fact = ReadFact(doc, node);
                    if (fact is not null && CheckOverlap(doc, node, fact, ranges))
                    {
                        facts.Add(fact);
                    }
                }
            }
            issues.AddRange(doc.IssuesInOrder);
        }
        return new IndicatorFileReadResult(facts, panelCase, issues, files);
    }

    private static List<string> ListFiles(string path)
    {
        if (Directory.Exists(path))
        {
            return Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        if (File.Exists(path))
        {
            return [path];
        }
        throw new DataException($"no such file or directory: {path}");
    }

    /// <summary>False (and reported) when the fact's years overlap an earlier fact of the same indicator and subject.</summary>
    private static bool CheckOverlap(YamlDocument doc, YamlNode node, IndicatorFact fact, Dictionary<(string, string, string?), List<(int From, int To, string File, int Line)>> ranges)
    {
        var subjects = fact.Expand().Select(v => (v.Name, v.ActorA, v.ActorB)).Distinct().ToList();
        foreach (var key in subjects)
        {
            if (ranges.TryGetValue(key, out var list) && list.FirstOrDefault(r => r.From <= fact.To && fact.From <= r.To) is { File: not null } clash)
            {
                var where = clash.File == fact.File ? $"line {clash.Line}" : $"{clash.File}:{clash.Line}";
                var subject = key.ActorB is null ? key.ActorA : IndicatorNames.IsWrittenOncePerPair(key.Name) ? $"{key.ActorA}-{key.ActorB}" : $"{key.ActorA}>{key.ActorB}";
                doc.Report(node, "from", $"{Span(fact.From, fact.To)} overlaps the entry at {where} ({Span(clash.From, clash.To)}) for {fact.Indicator} {subject}; give each year one value");
                return false;
            }
        }
        foreach (var key in subjects)
        {
            if (!ranges.TryGetValue(key, out var list))
            {
                ranges[key] = list = [];
            }
            list.Add((fact.From, fact.To, fact.File, fact.Line));
        }
        return true;
    }

    private static string Span(int from, int to) => from == to ? from.ToString(CultureInfo.InvariantCulture) : $"{from}–{to}";

    private IndicatorFact? ReadFact(YamlDocument doc, YamlNode node)
    {
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, "", FactFields);
        if (!f.IsValid)
        {
            return null;
        }
        var name = f.String("indicator", required: true, "an indicator name such as rivalry.active or alliance.defense");
        if (name is not null && !NamePattern().IsMatch(name))
        {
            doc.Report(f.NodeOf("indicator"), "indicator", $"expected lower-case words joined by dots such as alliance.defense, got '{name}'");
        }
        else if (name is not null && IndicatorNames.IsComputed(name))
        {
            doc.Report(f.NodeOf("indicator"), "indicator", $"'{name}' is computed by the panel builder (rivalry.any, cap.share, events.*); a file cannot state it");
        }

        string? a = null, b = null;
        var directed = false;
        if (f.Has("actor") && f.Has("pair"))
        {
            doc.Report(f.NodeOf("pair"), "pair", "give either actor or pair, not both");
        }
        else if (f.Has("actor"))
        {
            a = Actor(doc, f.NodeOf("actor")!, f.String("actor", required: true, "an actor code"), "actor");
        }
        else if (f.Has("pair"))
        {
            var text = f.String("pair", required: true, "a pair such as CHN-PRK or CHN>PRK");
            if (text is not null)
            {
                if (!Dyad.TryParse(text, out var dyad, out var error))
                {
                    doc.Report(f.NodeOf("pair"), "pair", error);
                }
                else
                {
                    a = Actor(doc, f.NodeOf("pair")!, dyad.First, "pair");
                    b = Actor(doc, f.NodeOf("pair")!, dyad.Second, "pair");
                    directed = dyad.Directed;
                }
            }
        }
        else
        {
            doc.Report(node, "actor", "missing; expected actor (one actor) or pair (two actors: A-B either way, A>B from A to B)");
        }

        var from = Year(doc, f, "from", required: true);
        var to = f.Has("to") ? Year(doc, f, "to", required: true) : from;
        if (from is not null && to is not null && to < from)
        {
            doc.Report(f.NodeOf("to"), "to", $"the span ends ({to}) before it starts ({from})");
        }

        double? value = null;
        var valueText = f.String("value", required: true, "a number");
        if (valueText is not null)
        {
            if (double.TryParse(valueText, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
            {
                value = v;
            }
            else
            {
                doc.Report(f.NodeOf("value"), "value", $"expected a number, got '{valueText}'");
            }
        }
        var note = f.String("note", required: false);

        var sources = new List<Citation>();
        var sourceNodes = f.NodeList("sources", required: true, "citations");
        if (f.Has("sources") && sourceNodes.Count == 0 && f.NodeOf("sources") is YamlSequenceNode)
        {
            doc.Report(f.NodeOf("sources"), "sources", "empty; every fact needs at least one published source");
        }
        foreach (var s in sourceNodes)
        {
            if (ChronologyReader.ReadCitation(doc, s) is { } c)
            {
                sources.Add(c);
            }
        }
        var disputed = f.StringList("disputed", required: false, "notes on what the sources disagree about").Select(d => d.Value).ToList();

        if (doc.Issues.Count > before || name is null || a is null || (f.Has("pair") && b is null) || from is null || to is null || value is null)
        {
            return null;
        }
        return new IndicatorFact(name, a, b, directed, from.Value, to.Value, value.Value, sources, note, disputed, doc.File, (int)node.Start.Line);
    }

    private PanelCase? ReadCase(YamlDocument doc, YamlNode node)
    {
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, "case", CaseFields);
        if (!f.IsValid)
        {
            return null;
        }
        var title = f.String("title", required: false);
        var list = new List<string>();
        foreach (var (n, code) in f.StringList("actors", required: true, "actor codes"))
        {
            if (Actor(doc, n, code, "case.actors") is { } a)
            {
                if (list.Contains(a, StringComparer.Ordinal))
                {
                    doc.Report(n, "case.actors", $"'{a}' is listed twice");
                }
                else
                {
                    list.Add(a);
                }
            }
        }
        if (f.Has("actors") && list.Count < 2 && doc.Issues.Count == before)
        {
            doc.Report(f.NodeOf("actors"), "case.actors", "a panel needs at least two actors");
        }
        var among = new List<string>();
        foreach (var (n, code) in f.StringList("capability_among", required: false, "actor codes"))
        {
            if (Actor(doc, n, code, "case.capability_among") is { } a)
            {
                if (!list.Contains(a, StringComparer.Ordinal))
                {
                    doc.Report(n, "case.capability_among", $"'{a}' is not one of the case's actors");
                }
                else
                {
                    among.Add(a);
                }
            }
        }
        var from = Year(doc, f, "from", required: true, "case.");
        var to = Year(doc, f, "to", required: true, "case.");
        if (from is not null && to is not null && to < from)
        {
            doc.Report(f.NodeOf("to"), "case.to", $"the span ends ({to}) before it starts ({from})");
        }
        return doc.Issues.Count > before || from is null || to is null ? null
            : new PanelCase(title, list, from.Value, to.Value, among, doc.File, (int)node.Start.Line);
    }

    private string? Actor(YamlDocument doc, YamlNode node, string? code, string field)
    {
        if (code is null)
        {
            return null;
        }
        if (!actors.Contains(code))
        {
            doc.Report(node, field, $"unknown actor '{code}'; expected a code from actors.yaml such as {string.Join(", ", actors.All.Take(4).Select(x => x.Code))}");
            return null;
        }
        return code;
    }

    private static int? Year(YamlDocument doc, YamlDocument.Fields f, string key, bool required, string prefix = "")
    {
        var text = f.String(key, required, $"a year from {MinYear} to {MaxYear}");
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= MinYear and <= MaxYear)
        {
            return year;
        }
        doc.Report(f.NodeOf(key), prefix + key, $"expected a year from {MinYear} to {MaxYear}, got '{text}'");
        return null;
    }
}
