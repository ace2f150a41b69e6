using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Claims;
using Strata.Data.Curated;
using Strata.Domain;
using Strata.Series;
using YamlDotNet.RepresentationModel;
using YamlDocument = Strata.Data.Curated.YamlDocument;

namespace Strata.Data.Claims;

/// <summary>The claims read from a file, every issue found, and the work they come from.</summary>
public sealed record ClaimsReadResult(IReadOnlyList<Claim> Claims, IReadOnlyList<DataIssue> Issues, Citation? Source)
{
    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// Reads a claims file (YAML, format in docs/claims.md): the work the claims come from, then each claim with its
/// kind and test parameters. Reports every problem of the file at once with line, column and field.
/// </summary>
public sealed partial class ClaimsReader(ActorRegistry actors)
{
    private static readonly string[] TopFields = ["source", "claims"];
    private static readonly string[] CitationFields = ["author", "title", "publisher", "date", "url", "archive_id", "page"];
    private static readonly string[] CommonFields = ["id", "claim", "section", "source", "note", "kind"];
    private static readonly Dictionary<string, string[]> KindFields = new(StringComparer.Ordinal)
    {
        ["date"] = ["event", "period", "rule"],
        ["sequence"] = ["earlier", "later", "min_months"],
        ["onset"] = ["series", "relation", "reference", "min_months"],
        ["quantity"] = ["measured", "relation", "value", "than", "tolerance"],
    };

    private static readonly string[] SelectorFields = ["id", "dyad", "actors", "code", "text", "tags", "window"];
    private static readonly string[] PointFields = ["event", "onset", "date"];
    private static readonly string[] SeriesFields = ["dyad", "by", "measure", "direction", "window", "datasets"];
    private static readonly string[] QuantityFields = ["event", "unit", "indicator", "actor", "pair", "years"];
    private static readonly string[] IndicatorOnlyFields = ["actor", "pair", "years"];

    private static readonly Dictionary<string, QuantityRelation> Relations = new(StringComparer.Ordinal)
    {
        ["about"] = QuantityRelation.About,
        ["exactly"] = QuantityRelation.Exactly,
        ["more-than"] = QuantityRelation.MoreThan,
        ["over"] = QuantityRelation.MoreThan,
        ["at-least"] = QuantityRelation.AtLeast,
        ["less-than"] = QuantityRelation.LessThan,
        ["under"] = QuantityRelation.LessThan,
        ["at-most"] = QuantityRelation.AtMost,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,80}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[0-9]+(\.[0-9]+)?\s*%$")]
    private static partial Regex PercentPattern();

    /// <summary>Reads one claims file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="knownEventIds">When given, event ids not in it are reported (a typo would otherwise only show as "not testable").</param>
    public ClaimsReadResult Read(string path, IReadOnlySet<string>? knownEventIds = null)
    {
        if (!File.Exists(path))
        {
            throw new DataException($"no such file: {path}");
        }
        var display = CuratedData.Display(path);
        var doc = YamlDocument.Load(path, display);
        var claims = new List<Claim>();
        Citation? source = null;
        if (doc.Root is null)
        {
            if (doc.Issues.Count == 0)
            {
                doc.Report(null, "", "the file is empty; expected a mapping with 'source' and 'claims'");
            }
            return new ClaimsReadResult(claims, doc.IssuesInOrder, null);
        }
        var top = doc.FieldsOf(doc.Root, "", TopFields);
        if (top.Has("source"))
        {
            source = ReadCitation(doc, top.NodeOf("source")!, "source");
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var context = new Context(doc, actors, knownEventIds);
        foreach (var node in top.NodeList("claims", required: true, "claims"))
        {
            var rawId = node is YamlMappingNode m && m.Children.TryGetValue(new YamlScalarNode("id"), out var v) && v is YamlScalarNode s ? s.Value?.Trim() : null;
            if (!string.IsNullOrEmpty(rawId) && !seen.TryAdd(rawId, (int)node.Start.Line))
            {
                doc.Report(node, "id", $"duplicate id '{rawId}'; first defined at line {seen[rawId]}");
                continue;
            }
            var claim = ReadClaim(context, node, source);
            if (claim is not null)
            {
                claims.Add(claim);
            }
        }
        if (top.IsValid && top.Has("claims") && claims.Count == 0 && doc.Issues.Count == 0)
        {
            doc.Report(top.NodeOf("claims"), "claims", "empty; expected at least one claim");
        }
        return new ClaimsReadResult(claims, doc.IssuesInOrder, source);
    }

    private sealed record Context(YamlDocument Doc, ActorRegistry Actors, IReadOnlySet<string>? KnownIds);

    private static Citation? ReadCitation(YamlDocument doc, YamlNode node, string what)
    {
        var f = doc.FieldsOf(node, what, CitationFields);
        if (!f.IsValid)
        {
            return null;
        }
        var title = f.String("title", required: true, "the title of the work that makes the claims");
        var author = f.String("author", required: false);
        var publisher = f.String("publisher", required: false);
        PartialDate? date = null;
        var dateText = f.String("date", required: false);
        if (dateText is not null && !PartialDate.TryParse(dateText, out date, out var error))
        {
            doc.Report(f.NodeOf("date"), $"{what}.date", error);
        }
        if (author is null && publisher is null)
        {
            doc.Report(node, what, "needs an author or a publisher");
        }
        return title is null ? null : new Citation(author, title, publisher, date, f.String("url", required: false), f.String("archive_id", required: false), f.String("page", required: false));
    }

    private static Claim? ReadClaim(Context c, YamlNode node, Citation? fileSource)
    {
        var doc = c.Doc;
        var before = doc.Issues.Count;
        var kind = node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("kind"), out var k) && k is YamlScalarNode ks ? ks.Value?.Trim() : null;
        var known = KindFields.TryGetValue(kind ?? "", out var extra) ? [.. CommonFields, .. extra] : CommonFields.Concat(KindFields.Values.SelectMany(v => v)).Distinct().ToArray();
        var f = doc.FieldsOf(node, "", known);
        if (!f.IsValid)
        {
            return null;
        }
        var id = f.String("id", required: true, "an id of lower-case letters, digits and '-'");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            doc.Report(f.NodeOf("id"), "id", $"expected 3 to 81 lower-case letters, digits and '-', starting with a letter or digit, got '{id}'");
        }
        var statement = f.String("claim", required: true, "the claim in your own words");
        var section = f.String("section", required: false);
        var note = f.String("note", required: false);
        var source = f.Has("source") ? ReadCitation(doc, f.NodeOf("source")!, "source") : fileSource;
        if (source is null && !f.Has("source") && fileSource is null)
        {
            doc.Report(node, "source", "missing; give the work that makes the claim here or at the top of the file");
        }
        var kindText = f.String("kind", required: true, $"one of {string.Join(", ", KindFields.Keys)}");
        ClaimTest? test = null;
        switch (kindText)
        {
            case null:
                break;
            case "date":
                test = ReadDate(c, f);
                break;
            case "sequence":
                test = ReadSequence(c, f);
                break;
            case "onset":
                test = ReadOnset(c, f);
                break;
            case "quantity":
                test = ReadQuantity(c, f);
                break;
            default:
                doc.Report(f.NodeOf("kind"), "kind", $"expected one of {string.Join(", ", KindFields.Keys)}, got '{kindText}'");
                break;
        }
        if (doc.Issues.Count > before || id is null || statement is null || source is null || test is null)
        {
            return null;
        }
        var madeIn = section is null ? source : source with { Page = section };
        return new Claim(id, statement, madeIn, test) { Note = note };
    }

    // ------------------------------------------------------------------ kinds

    private static DateTest? ReadDate(Context c, YamlDocument.Fields f)
    {
        var selector = f.Has("event") ? ReadSelector(c, f.NodeOf("event")!, "event") : Missing<EventSelector>(c, f, "event", "an event selection (id, dyad, actors, code, text, tags, window)");
        var period = Date(c, f, "period", required: true);
        var ruleText = f.String("rule", required: false, "within or overlaps") ?? "within";
        DateRule? rule = ruleText switch
        {
            "within" => DateRule.Within,
            "overlaps" => DateRule.Overlaps,
            _ => null,
        };
        if (rule is null)
        {
            c.Doc.Report(f.NodeOf("rule"), "rule", $"expected within or overlaps, got '{ruleText}'");
        }
        return selector is null || period is null || rule is null ? null : new DateTest(selector, period, rule.Value);
    }

    private static SequenceTest? ReadSequence(Context c, YamlDocument.Fields f)
    {
        var earlier = Point(c, f, "earlier");
        var later = Point(c, f, "later");
        var months = Months(c, f);
        return earlier is null || later is null || months is null ? null : new SequenceTest(earlier, later, months.Value);
    }

    private static OnsetTest? ReadOnset(Context c, YamlDocument.Fields f)
    {
        var spec = f.Has("series") ? ReadSeries(c, f.NodeOf("series")!, "series") : Missing<OnsetSpec>(c, f, "series", "a series (dyad, by, measure, direction, window)");
        var relationText = f.String("relation", required: true, "before or after");
        TimeRelation? relation = relationText switch
        {
            "before" => TimeRelation.Before,
            "after" => TimeRelation.After,
            null => null,
            _ => Bad<TimeRelation>(c, f.NodeOf("relation"), "relation", $"expected before or after, got '{relationText}'"),
        };
        var reference = Point(c, f, "reference");
        var months = Months(c, f);
        return spec is null || relation is null || reference is null || months is null ? null : new OnsetTest(spec, relation.Value, reference, months.Value);
    }

    private static QuantityTest? ReadQuantity(Context c, YamlDocument.Fields f)
    {
        var measured = f.Has("measured") ? ReadQuantitySource(c, f.NodeOf("measured")!, "measured") : Missing<QuantitySource>(c, f, "measured", "a quantity (event and unit, or indicator, pair and years)");
        var relationText = f.String("relation", required: true, $"one of {string.Join(", ", Relations.Keys)}");
        QuantityRelation? relation = null;
        if (relationText is not null)
        {
            if (Relations.TryGetValue(relationText, out var r))
            {
                relation = r;
            }
            else
            {
                c.Doc.Report(f.NodeOf("relation"), "relation", $"expected one of {string.Join(", ", Relations.Keys)}, got '{relationText}'");
            }
        }
        var value = f.Number("value", required: false, double.MinValue, double.MaxValue);
        QuantitySource? than = null;
        if (f.Has("than"))
        {
            than = ReadQuantitySource(c, f.NodeOf("than")!, "than");
        }
        if (f.Has("value") == f.Has("than") && f.IsValid)
        {
            c.Doc.Report(f.Node, f.Has("value") ? "than" : "value", "give either 'value' (the claimed number) or 'than' (a quantity to compare with), not both or neither");
        }
        Tolerance? tolerance = null;
        var tolText = f.String("tolerance", required: false, "a tolerance such as 15% or 20");
        if (tolText is not null)
        {
            if (PercentPattern().IsMatch(tolText))
            {
                tolerance = new Tolerance(double.Parse(tolText.TrimEnd('%', ' '), CultureInfo.InvariantCulture) / 100, relative: true);
            }
            else if (double.TryParse(tolText, NumberStyles.Float, CultureInfo.InvariantCulture, out var abs) && abs >= 0 && double.IsFinite(abs))
            {
                tolerance = new Tolerance(abs, relative: false);
            }
            else
            {
                c.Doc.Report(f.NodeOf("tolerance"), "tolerance", $"expected a share such as 15% or an amount such as 20, got '{tolText}'");
                return null;
            }
        }
        if (measured is null || relation is null || (value is null == (than is null)))
        {
            return null;
        }
        return new QuantityTest(measured, relation.Value, value, than, tolerance);
    }

    // ------------------------------------------------------------------ parts

    private static T? Missing<T>(Context c, YamlDocument.Fields f, string key, string expected)
        where T : class
    {
        if (f.IsValid)
        {
            c.Doc.Report(f.Node, key, $"missing; expected {expected}");
        }
        return null;
    }

    private static T? Bad<T>(Context c, YamlNode? node, string field, string message)
        where T : struct
    {
        c.Doc.Report(node, field, message);
        return null;
    }

    private static PartialDate? Date(Context c, YamlDocument.Fields f, string key, bool required, string? what = null)
    {
        var name = what is null ? key : $"{what}.{key}";
        var text = f.String(key, required, "a date such as 2024-06-19, 2024-06, 'early 2024', 2024 or '1954/1956'");
        if (text is null)
        {
            return null;
        }
        if (!PartialDate.TryParse(text, out var date, out var error))
        {
            c.Doc.Report(f.NodeOf(key), name, error);
            return null;
        }
        return date;
    }

    private static int? Months(Context c, YamlDocument.Fields f)
    {
        if (!f.Has("min_months"))
        {
            return 0;
        }
        var n = f.Number("min_months", required: false, 0, 1200);
        if (n is { } v && v != Math.Floor(v))
        {
            c.Doc.Report(f.NodeOf("min_months"), "min_months", $"expected a whole number of months, got '{v.ToString(CultureInfo.InvariantCulture)}'");
            return null;
        }
        return n is null ? null : (int)n.Value;
    }

    private static TimePoint? Point(Context c, YamlDocument.Fields f, string key)
    {
        if (!f.Has(key))
        {
            return Missing<TimePoint>(c, f, key, "one of event (a selection), onset (a series) or date");
        }
        var node = f.NodeOf(key)!;
        var p = c.Doc.FieldsOf(node, key, PointFields);
        if (!p.IsValid)
        {
            return null;
        }
        var given = PointFields.Count(p.Has);
        if (given != 1)
        {
            c.Doc.Report(node, key, "expected exactly one of event, onset or date");
            return null;
        }
        if (p.Has("event"))
        {
            var s = ReadSelector(c, p.NodeOf("event")!, $"{key}.event");
            return s is null ? null : new EventPoint(s);
        }
        if (p.Has("onset"))
        {
            var o = ReadSeries(c, p.NodeOf("onset")!, $"{key}.onset");
            return o is null ? null : new OnsetPoint(o);
        }
        var d = Date(c, p, "date", required: true, key);
        return d is null ? null : new DatePoint(d);
    }

    private static EventSelector? ReadSelector(Context c, YamlNode node, string what)
    {
        var doc = c.Doc;
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, what, SelectorFields);
        if (!f.IsValid)
        {
            return null;
        }
        var ids = f.StringList("id", required: false, "event ids").ToList();
        if (c.KnownIds is not null)
        {
            foreach (var (n, id) in ids.Where(i => !c.KnownIds.Contains(i.Value)))
            {
                doc.Report(n, $"{what}.id", $"no event with id '{id}' in the chronology");
            }
        }
        var dyad = ReadDyad(c, f, what, required: false, "a dyad such as PRK-CHN or PRK>CHN");
        var actorList = f.StringList("actors", required: false, "actor codes");
        foreach (var (n, a) in actorList)
        {
            CheckActor(c, n, $"{what}.actors", a);
        }
        var codes = f.StringList("code", required: false, "CAMEO codes as quoted strings such as \"057\"");
        foreach (var (n, code) in codes)
        {
            if (code.Length is < 2 or > 4 || !code.All(char.IsAsciiDigit))
            {
                doc.Report(n, $"{what}.code", $"expected a CAMEO code or prefix of 2 to 4 digits (quoted, such as \"05\" or \"057\"), got '{code}'");
            }
        }
        var window = Date(c, f, "window", required: false, what);
        var selector = new EventSelector
        {
            Ids = ids.Select(i => i.Value).ToList(),
            Dyad = dyad,
            Actors = actorList.Select(a => a.Value.ToUpperInvariant()).ToList(),
            CodePrefixes = codes.Select(x => x.Value).ToList(),
            Text = f.String("text", required: false),
            Tags = f.StringList("tags", required: false, "tags").Select(t => t.Value).ToList(),
            Window = window,
        };
        if (selector.IsEmpty && f.IsValid && doc.Issues.Count == before)
        {
            doc.Report(node, what, "selects every event; give at least one of id, dyad, actors, code, text, tags or window");
        }
        return doc.Issues.Count > before ? null : selector;
    }

    /// <summary>The <c>dyad</c> field: parsed, and both actors checked against actors.yaml; null (with the issue reported) when bad or absent.</summary>
    private static Dyad? ReadDyad(Context c, YamlDocument.Fields f, string what, bool required, string expected)
    {
        var text = f.String("dyad", required, expected);
        if (text is null)
        {
            return null;
        }
        if (!Dyad.TryParse(text, out var d, out var error))
        {
            c.Doc.Report(f.NodeOf("dyad"), $"{what}.dyad", error);
            return null;
        }
        CheckActor(c, f.NodeOf("dyad"), $"{what}.dyad", d.First);
        CheckActor(c, f.NodeOf("dyad"), $"{what}.dyad", d.Second);
        return d;
    }

    private static void CheckActor(Context c, YamlNode? node, string field, string code)
    {
        if (!c.Actors.Contains(code.ToUpperInvariant()))
        {
            c.Doc.Report(node, field, $"unknown actor '{code}'; expected a code from actors.yaml such as {string.Join(", ", c.Actors.All.Take(4).Select(a => a.Code))}");
        }
    }

    private static OnsetSpec? ReadSeries(Context c, YamlNode node, string what)
    {
        var doc = c.Doc;
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, what, SeriesFields);
        if (!f.IsValid)
        {
            return null;
        }
        var dyad = ReadDyad(c, f, what, required: true, "a dyad such as PRK-CHN");
        var by = f.Has("by") ? f.Enum<Granularity>("by", required: false) : Granularity.Quarter;
        var measure = f.Has("measure") ? f.Enum<Measure>("measure", required: false) : Measure.Goldstein;
        if (measure == Measure.Quad)
        {
            doc.Report(f.NodeOf("measure"), $"{what}.measure", "expected goldstein, netcoop or count (quad has four values per period)");
        }
        var directionText = f.String("direction", required: true, "down or up");
        bool? downward = directionText switch
        {
            "down" => true,
            "up" => false,
            null => null,
            _ => Bad<bool>(c, f.NodeOf("direction"), $"{what}.direction", $"expected down or up, got '{directionText}'"),
        };
        var window = Date(c, f, "window", required: true, what);
        var datasets = f.StringList("datasets", required: false, "data set names").Select(x => x.Value).ToList();
        if (doc.Issues.Count > before || dyad is null || by is null || measure is null || downward is null || window is null)
        {
            return null;
        }
        return new OnsetSpec(dyad.Value, by.Value, measure.Value, downward.Value, window) { Datasets = datasets };
    }

    private static QuantitySource? ReadQuantitySource(Context c, YamlNode node, string what)
    {
        var doc = c.Doc;
        var before = doc.Issues.Count;
        var f = doc.FieldsOf(node, what, QuantityFields);
        if (!f.IsValid)
        {
            return null;
        }
        var unit = f.String("unit", required: false, "a unit such as aircraft or million USD");
        if (f.Has("event") == f.Has("indicator"))
        {
            doc.Report(node, what, "expected exactly one of event (a chronology event's magnitude) or indicator (a sum of imported values)");
            return null;
        }
        if (f.Has("event"))
        {
            foreach (var key in IndicatorOnlyFields.Where(f.Has))
            {
                doc.Report(f.NodeOf(key), $"{what}.{key}", "belongs to an indicator sum, not to an event's magnitude");
            }
            var s = ReadSelector(c, f.NodeOf("event")!, $"{what}.event");
            return s is null || doc.Issues.Count > before ? null : new EventMagnitude(s, unit);
        }
        var names = f.StringList("indicator", required: true, "indicator names such as arms.delivered_units.combat-aircraft").Select(x => x.Value).ToList();
        string? a = null;
        string? b = null;
        if (f.Has("actor") == f.Has("pair"))
        {
            doc.Report(node, what, "expected exactly one of actor (a monadic indicator) or pair (such as CHN>PRK: supplier, recipient)");
        }
        else if (f.Has("actor"))
        {
            a = f.String("actor", required: true, "an actor code")?.ToUpperInvariant();
            if (a is not null)
            {
                CheckActor(c, f.NodeOf("actor"), $"{what}.actor", a);
            }
        }
        else
        {
            var pairText = f.String("pair", required: true, "an ordered pair such as CHN>PRK");
            if (pairText is not null)
            {
                if (Dyad.TryParse(pairText, out var d, out var error) && d.Directed)
                {
                    a = d.First;
                    b = d.Second;
                    CheckActor(c, f.NodeOf("pair"), $"{what}.pair", a);
                    CheckActor(c, f.NodeOf("pair"), $"{what}.pair", b);
                }
                else
                {
                    doc.Report(f.NodeOf("pair"), $"{what}.pair", error.Length > 0 ? error : $"expected an ordered pair written with '>' such as CHN>PRK, got '{pairText}'");
                }
            }
        }
        var years = Date(c, f, "years", required: true, what);
        if (years is not null && (years.Start.Month != 1 || years.Start.Day != 1 || years.End.Month != 12 || years.End.Day != 31))
        {
            doc.Report(f.NodeOf("years"), $"{what}.years", $"indicators are yearly: expected whole years such as 1958 or 1958/1964, got '{years.Text}'");
        }
        if (doc.Issues.Count > before || names.Count == 0 || a is null || years is null)
        {
            return null;
        }
        return new IndicatorSum(names, a, b, years.Start.Year, years.End.Year, unit);
    }
}
