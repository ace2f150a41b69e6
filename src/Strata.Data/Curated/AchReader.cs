using System.Text.RegularExpressions;
using Strata.Ach;
using Strata.Domain;
using Strata.Series;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>An ACH case read from a file, or every issue that kept it from being read.</summary>
public sealed record AchReadResult(AchCase? Case, IReadOnlyList<DataIssue> Issues)
{
    public bool IsValid => Issues.Count == 0 && Case is not null;
}

/// <summary>
/// Reads an ACH case file (YAML, format in docs/ach.md §5): hypotheses with their cause → effect links, evidence
/// with its links and a rating per hypothesis, optional weights. Every problem of the file is reported at once,
/// with line, column and field; event ids are checked against <paramref name="findEvent"/>, dyads against the actors.
/// </summary>
public sealed partial class AchReader(ActorRegistry actors, Func<string, Event?> findEvent)
{
    private static readonly string[] TopFields = ["title", "question", "weights", "hypotheses", "evidence"];
    private static readonly string[] HypothesisFields = ["id", "title", "statement", "causes"];
    private static readonly string[] CauseLinkFields = ["id", "description", "cause", "effect", "credibility", "relevance", "ratings", "override"];
    private static readonly string[] EvidenceFields = ["id", "description", "link", "credibility", "relevance", "ratings"];
    private static readonly string[] LinkKinds = ["events", "series", "onset", "model", "text"];
    private const string RatingNames = "CC, C, N, I, II or NA";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,80}$")]
    private static partial Regex IdPattern();

    /// <summary>True when the file is YAML whose top level has 'hypotheses': an ACH case rather than a chronology.</summary>
    public static bool IsCaseFile(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        var doc = YamlDocument.Load(path, path);
        return doc.Root is YamlMappingNode map && map.Children.Keys.Any(k => (k as YamlScalarNode)?.Value == "hypotheses");
    }

    public AchReadResult Read(string path)
    {
        Check.NotNull(path);
        if (!File.Exists(path))
        {
            throw new DataException($"no such file: {path}");
        }
        var display = CuratedData.Display(path);
        var doc = YamlDocument.Load(path, display);
        if (doc.Root is null)
        {
            if (doc.Issues.Count == 0)
            {
                doc.Report(null, "", "the file is empty; expected a mapping with title, question, hypotheses and evidence");
            }
            return new AchReadResult(null, doc.IssuesInOrder);
        }
        var top = doc.FieldsOf(doc.Root, "", TopFields);
        if (!top.IsValid)
        {
            return new AchReadResult(null, doc.IssuesInOrder);
        }
        var title = top.String("title", required: true, "a title");
        var question = top.String("question", required: true, "the question the hypotheses answer");
        var weights = ReadWeights(doc, top);

        // Hypothesis ids first: ratings anywhere in the file refer to them.
        var hypothesisNodes = top.NodeList("hypotheses", required: true, "hypotheses");
        var hypothesisIds = hypothesisNodes.Select(IdOf).Where(id => id is not null).Select(id => id!).Distinct(StringComparer.Ordinal).ToList();
        if (top.Has("hypotheses") && hypothesisNodes.Count < 2)
        {
            doc.Report(top.NodeOf("hypotheses"), "hypotheses", $"ACH compares hypotheses: give at least two, got {hypothesisNodes.Count}");
        }

        var rowIds = new Dictionary<string, int>(StringComparer.Ordinal);
        void Claim(YamlNode? node, string field, string? id)
        {
            if (id is not null && !rowIds.TryAdd(id, node is null ? 0 : (int)node.Start.Line))
            {
                doc.Report(node, field, $"duplicate id '{id}'; first used at line {rowIds[id]}");
            }
        }

        var hypotheses = new List<Hypothesis>();
        var seenHypotheses = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in hypothesisNodes)
        {
            var h = ReadHypothesis(doc, node, hypothesisIds, Claim);
            var id = h?.Id ?? IdOf(node);
            if (id is not null && !seenHypotheses.TryAdd(id, (int)node.Start.Line))
            {
                doc.Report(node, "id", $"duplicate hypothesis id '{id}'; first used at line {seenHypotheses[id]}");
                continue;
            }
            if (h is not null)
            {
                hypotheses.Add(h);
            }
        }

        var evidence = new List<EvidenceItem>();
        foreach (var node in top.NodeList("evidence", required: true, "items of evidence"))
        {
            var e = ReadEvidence(doc, node, hypothesisIds);
            Claim(node, "id", e?.Id ?? IdOf(node));
            if (e is not null)
            {
                evidence.Add(e);
            }
        }
        if (top.Has("evidence") && evidence.Count == 0 && hypotheses.All(h => h.Causes.Count == 0) && doc.Issues.Count == 0)
        {
            doc.Report(top.NodeOf("evidence"), "evidence", "no evidence and no cause → effect links: there is nothing to rate");
        }

        if (doc.Issues.Count > 0 || title is null || question is null)
        {
            return new AchReadResult(null, doc.IssuesInOrder);
        }
        return new AchReadResult(new AchCase(title, question, hypotheses, evidence) { Weights = weights ?? AchWeights.Parc, Source = display }, []);
    }

    private static string? IdOf(YamlNode node) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("id"), out var v) && v is YamlScalarNode s
            && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;

    private static AchWeights? ReadWeights(YamlDocument doc, YamlDocument.Fields top)
    {
        if (!top.Has("weights"))
        {
            return null;
        }
        var f = doc.FieldsOf(top.NodeOf("weights")!, "weights", ["low", "medium", "high"]);
        var low = f.Number("low", required: true, 0, double.MaxValue);
        var medium = f.Number("medium", required: true, 0, double.MaxValue);
        var high = f.Number("high", required: true, 0, double.MaxValue);
        if (low is null || medium is null || high is null)
        {
            return null;
        }
        if (!(low > 0) || !(low <= medium && medium <= high))
        {
            doc.Report(f.Node, "weights", $"expected positive weights rising from low to medium to high, got {low}, {medium}, {high}");
            return null;
        }
        return new AchWeights(low.Value, medium.Value, high.Value);
    }

    private static string? Id(YamlDocument doc, YamlDocument.Fields f)
    {
        var id = f.String("id", required: true, "an id of lower-case letters, digits and '-'");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            doc.Report(f.NodeOf("id"), "id", $"expected lower-case letters, digits and '-', starting with a letter or digit, got '{id}'");
            return null;
        }
        return id;
    }

    private Hypothesis? ReadHypothesis(YamlDocument doc, YamlNode node, IReadOnlyList<string> hypothesisIds, Action<YamlNode?, string, string?> claim)
    {
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, "hypotheses", HypothesisFields);
        if (!f.IsValid)
        {
            return null;
        }
        var id = Id(doc, f);
        var title = f.String("title", required: true, "a short title");
        var statement = f.String("statement", required: false) ?? "";
        var causes = new List<TimingLink>();
        foreach (var c in f.NodeList("causes", required: false, "cause → effect links"))
        {
            var link = ReadCauseLink(doc, c, id, hypothesisIds);
            claim(c, "causes.id", link?.Id ?? IdOf(c));
            if (link is not null)
            {
                causes.Add(link);
            }
        }
        return doc.Issues.Count > before || id is null || title is null ? null : new Hypothesis(id, title, statement) { Causes = causes };
    }

    private TimingLink? ReadCauseLink(YamlDocument doc, YamlNode node, string? owner, IReadOnlyList<string> hypothesisIds)
    {
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, "causes", CauseLinkFields);
        if (!f.IsValid)
        {
            return null;
        }
        var id = Id(doc, f);
        var description = f.String("description", required: true, "what the link claims");
        CauseRef? cause = null;
        if (f.NodeOf("cause") is { } causeNode)
        {
            cause = ReadCause(doc, causeNode);
        }
        else
        {
            doc.Report(f.Node, "causes.cause", "missing; expected the cause as 'event: ID' or 'date: 2024-06' (with an optional label)");
        }
        OnsetSpec? effect = null;
        if (f.NodeOf("effect") is { } effectNode)
        {
            effect = ReadOnset(doc, effectNode, "causes.effect");
        }
        else
        {
            doc.Report(f.Node, "causes.effect", "missing; expected the series whose change the cause brought about (dyad, by, direction, from, to)");
        }
        var credibility = f.Enum<Grade>("credibility", required: true);
        var relevance = f.Enum<Grade>("relevance", required: true);
        var others = new Dictionary<string, AchCell>(StringComparer.Ordinal);
        if (f.NodeOf("ratings") is { } ratingsNode)
        {
            foreach (var (key, keyNode, cell) in ReadRatings(doc, ratingsNode, "causes.ratings", hypothesisIds))
            {
                if (key == owner)
                {
                    doc.Report(keyNode, "causes.ratings", $"'{key}' states this link, so its rating is computed from the data; to replace it, use 'override' with a reason");
                }
                else
                {
                    others[key] = cell;
                }
            }
        }
        RatingOverride? over = null;
        if (f.NodeOf("override") is { } overNode)
        {
            var of = doc.FieldsOf(overNode, "causes.override", ["rating", "reason"]);
            var rating = RatingField(doc, of, "causes.override.rating");
            var reason = of.String("reason", required: true, "why the computed rating is replaced");
            if (rating is not null && reason is not null)
            {
                over = new RatingOverride(rating.Value, reason);
            }
        }
        if (doc.Issues.Count > before || id is null || description is null || cause is null || effect is null || credibility is null || relevance is null)
        {
            return null;
        }
        return new TimingLink(id, description, cause, effect, credibility.Value, relevance.Value) { OtherCells = others, Override = over };
    }

    private CauseRef? ReadCause(YamlDocument doc, YamlNode node)
    {
        var f = doc.FieldsOf(node, "causes.cause", ["event", "date", "label"]);
        if (!f.IsValid)
        {
            return null;
        }
        var label = f.String("label", required: false);
        var eventId = f.String("event", required: false);
        var dateText = f.String("date", required: false);
        if ((eventId is null) == (dateText is null))
        {
            doc.Report(node, "causes.cause", "give exactly one of 'event' (a chronology id) or 'date' (any precision, e.g. 2024-06-19, 2024-Q2, 'early 2024')");
            return null;
        }
        if (eventId is not null)
        {
            var e = EventField(doc, f.NodeOf("event"), "causes.cause.event", eventId);
            return e is null ? null : new CauseRef(label ?? e.Id, e.Date, e);
        }
        return DateField(doc, f.NodeOf("date"), "causes.cause.date", dateText!) is { } d ? new CauseRef(label ?? d.Text, d) : null;
    }

    private Event? EventField(YamlDocument doc, YamlNode? node, string field, string id)
    {
        var e = findEvent(id);
        if (e is null)
        {
            doc.Report(node, field, $"unknown event '{id}'; expected an id from the chronology (list them with 'strata events')");
        }
        return e;
    }

    private static PartialDate? DateField(YamlDocument doc, YamlNode? node, string field, string text)
    {
        if (PartialDate.TryParse(text, out var d, out var error))
        {
            return d;
        }
        doc.Report(node, field, error);
        return null;
    }

    private SeriesSelection? ReadSelection(YamlDocument doc, YamlDocument.Fields f, string what)
    {
        var before = doc.Issues.Count;
        Dyad? dyad = null;
        var dyadText = f.String("dyad", required: true, "a dyad such as PRK-CHN");
        if (dyadText is not null)
        {
            if (!Dyad.TryParse(dyadText, out var d, out var error))
            {
                doc.Report(f.NodeOf("dyad"), $"{what}.dyad", error);
            }
            else if (!actors.Contains(d.First) || !actors.Contains(d.Second))
            {
                var unknown = actors.Contains(d.First) ? d.Second : d.First;
                doc.Report(f.NodeOf("dyad"), $"{what}.dyad", $"unknown actor '{unknown}'; expected codes from actors.yaml");
            }
            else
            {
                dyad = d;
            }
        }
        var by = f.Enum<Granularity>("by", required: true);
        var measure = f.Has("measure") ? f.Enum<Measure>("measure", required: true) : Measure.Goldstein;
        if (measure == Measure.Quad)
        {
            doc.Report(f.NodeOf("measure"), $"{what}.measure", "quad has four values per period; expected goldstein, netcoop or count");
        }
        return doc.Issues.Count > before || dyad is null || by is null || measure is null ? null : new SeriesSelection(dyad.Value, by.Value, measure.Value);
    }

    private OnsetSpec? ReadOnset(YamlDocument doc, YamlNode node, string what)
    {
        var f = doc.FieldsOf(node, what, ["dyad", "by", "measure", "direction", "from", "to"]);
        if (!f.IsValid)
        {
            return null;
        }
        var before = doc.Issues.Count;
        var selection = ReadSelection(doc, f, what);
        var direction = f.String("direction", required: true, "down or up");
        if (direction is not null && direction is not ("down" or "up"))
        {
            doc.Report(f.NodeOf("direction"), $"{what}.direction", $"expected down or up, got '{direction}'");
        }
        var fromText = f.String("from", required: true, "the first date of the window searched");
        var toText = f.String("to", required: true, "the last date of the window searched");
        var from = fromText is null ? null : DateField(doc, f.NodeOf("from"), $"{what}.from", fromText);
        var to = toText is null ? null : DateField(doc, f.NodeOf("to"), $"{what}.to", toText);
        if (from is not null && to is not null && from.Start > to.End)
        {
            doc.Report(f.NodeOf("to"), $"{what}.to", $"the window ends ({to.Text}) before it starts ({from.Text})");
        }
        return doc.Issues.Count > before || selection is null || from is null || to is null ? null : new OnsetSpec(selection, direction == "down", from, to);
    }

    private EvidenceItem? ReadEvidence(YamlDocument doc, YamlNode node, IReadOnlyList<string> hypothesisIds)
    {
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, "evidence", EvidenceFields);
        if (!f.IsValid)
        {
            return null;
        }
        var id = Id(doc, f);
        var description = f.String("description", required: true, "what the evidence is");
        var link = f.NodeOf("link") is { } linkNode ? ReadLink(doc, linkNode) : null;
        var credibility = f.Enum<Grade>("credibility", required: true);
        var relevance = f.Enum<Grade>("relevance", required: true);
        var cells = new Dictionary<string, AchCell>(StringComparer.Ordinal);
        if (f.NodeOf("ratings") is { } ratingsNode)
        {
            foreach (var (key, _, cell) in ReadRatings(doc, ratingsNode, "evidence.ratings", hypothesisIds))
            {
                cells[key] = cell;
            }
            if (ratingsNode is YamlMappingNode)
            {
                foreach (var h in hypothesisIds.Where(h => !cells.ContainsKey(h) && !HasKey(ratingsNode, h)))
                {
                    doc.Report(ratingsNode, "evidence.ratings", $"no rating for hypothesis '{h}'; rate every hypothesis ({RatingNames}; NA when the item does not bear on it)");
                }
            }
        }
        else
        {
            doc.Report(f.Node, "evidence.ratings", $"missing; expected a rating for each hypothesis ({string.Join(", ", hypothesisIds)})");
        }
        if (doc.Issues.Count > before || id is null || description is null || credibility is null || relevance is null)
        {
            return null;
        }
        return new EvidenceItem(id, description, credibility.Value, relevance.Value, cells, link);
    }

    private static bool HasKey(YamlNode map, string key) =>
        map is YamlMappingNode m && m.Children.Keys.Any(k => (k as YamlScalarNode)?.Value?.Trim() == key);

    private EvidenceBasis? ReadLink(YamlDocument doc, YamlNode node)
    {
        var f = doc.FieldsOf(node, "evidence.link", LinkKinds);
        if (!f.IsValid)
        {
            return null;
        }
        var given = LinkKinds.Where(f.Has).ToList();
        if (given.Count != 1)
        {
            doc.Report(node, "evidence.link", $"give exactly one of {string.Join(", ", LinkKinds)}; got {(given.Count == 0 ? "none" : string.Join(", ", given))}");
            return null;
        }
        switch (given[0])
        {
            case "events":
                {
                    var events = new List<Event>();
                    foreach (var (n, eventId) in f.StringList("events", required: true, "event ids"))
                    {
                        if (EventField(doc, n, "evidence.link.events", eventId) is { } e)
                        {
                            events.Add(e);
                        }
                    }
                    return events.Count > 0 ? new EventsLink(events) : null;
                }
            case "series":
                {
                    var sf = doc.FieldsOf(f.NodeOf("series")!, "evidence.link.series", ["dyad", "by", "measure", "at"]);
                    if (!sf.IsValid)
                    {
                        return null;
                    }
                    var selection = ReadSelection(doc, sf, "evidence.link.series");
                    var atText = sf.String("at", required: true, "the period or periods judged, e.g. 2024 or 2024-Q3 or 2023/2025");
                    var at = atText is null ? null : DateField(doc, sf.NodeOf("at"), "evidence.link.series.at", atText);
                    return selection is null || at is null ? null : new SeriesLink(selection, at);
                }
            case "onset":
                return ReadOnset(doc, f.NodeOf("onset")!, "evidence.link.onset") is { } onset ? new OnsetLink(onset) : null;
            case "model":
                {
                    var mf = doc.FieldsOf(f.NodeOf("model")!, "evidence.link.model", ["name", "result"]);
                    var name = mf.String("name", required: true, "the model's name");
                    var result = mf.String("result", required: true, "the model's result in words");
                    return name is null || result is null ? null : new ModelLink(name, result);
                }
            default:
                return f.String("text", required: true, "the source or argument in words") is { } text ? new TextLink(text) : null;
        }
    }

    /// <summary>A mapping from hypothesis id to a rating, written 'h1: C' or 'h1: {rating: C, why: ...}'.</summary>
    private static List<(string Key, YamlNode KeyNode, AchCell Cell)> ReadRatings(YamlDocument doc, YamlNode node, string what, IReadOnlyList<string> hypothesisIds)
    {
        var result = new List<(string, YamlNode, AchCell)>();
        if (node is not YamlMappingNode map)
        {
            doc.Report(node, what, $"expected a mapping from hypothesis id to rating, e.g. '{(hypothesisIds.Count > 0 ? hypothesisIds[0] : "h1")}: C'");
            return result;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value?.Trim() ?? "";
            if (!hypothesisIds.Contains(key))
            {
                doc.Report(k, what, $"'{key}' is not a hypothesis of this file; expected one of {string.Join(", ", hypothesisIds)}");
                continue;
            }
            if (!seen.Add(key))
            {
                doc.Report(k, what, $"'{key}' rated twice");
                continue;
            }
            if (v is YamlScalarNode s)
            {
                if (RatingScale.TryParse(s.Value, out var r))
                {
                    result.Add((key, k, new AchCell(r)));
                }
                else
                {
                    doc.Report(v, $"{what}.{key}", $"expected a rating ({RatingNames}), got '{s.Value}'");
                }
                continue;
            }
            var f = doc.FieldsOf(v, $"{what}.{key}", ["rating", "why"]);
            if (!f.IsValid)
            {
                continue;
            }
            var rating = RatingField(doc, f, $"{what}.{key}.rating");
            var why = f.String("why", required: false) ?? "";
            if (rating is not null)
            {
                result.Add((key, k, new AchCell(rating.Value, why)));
            }
        }
        return result;
    }

    private static Rating? RatingField(YamlDocument doc, YamlDocument.Fields f, string field)
    {
        var text = f.String("rating", required: true, $"a rating ({RatingNames})");
        if (text is null)
        {
            return null;
        }
        if (RatingScale.TryParse(text, out var r))
        {
            return r;
        }
        doc.Report(f.NodeOf("rating"), field, $"expected a rating ({RatingNames}), got '{text}'");
        return null;
    }
}
