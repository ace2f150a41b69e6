using System.Text.RegularExpressions;
using Strata.Domain;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>The events read from a chronology, every issue found, and the files read.</summary>
public sealed record ChronologyReadResult(IReadOnlyList<Event> Events, IReadOnlyList<DataIssue> Issues, IReadOnlyList<string> Files)
{
    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// Reads curated chronology files (YAML, schema in <c>docs/chronology.md</c>) into events, checking
/// every field against the actors and the codebook and reporting all issues of all files.
/// </summary>
public sealed partial class ChronologyReader(ActorRegistry actors, CameoCodebook codebook)
{
    private static readonly string[] EventFields =
        ["id", "date", "source", "target", "witnesses", "cameo", "goldstein", "magnitude", "level", "confidence", "description", "tags", "sources", "disputed"];

    private static readonly string[] CitationFields = ["author", "title", "publisher", "date", "url", "archive_id", "page"];
    private static readonly string[] MagnitudeFields = ["value", "unit"];
    private static readonly string[] DisputeFields = ["field", "note"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{2,80}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex TagPattern();

    /// <summary>Reads one file, or every <c>*.yaml</c>/<c>*.yml</c> file of a directory in name order.</summary>
    /// <param name="path">A file or directory.</param>
    /// <param name="dataset">The data set name recorded in each event's provenance.</param>
    public ChronologyReadResult Read(string path, string dataset)
    {
        var files = ListFiles(path);
        var events = new List<Event>();
        var issues = new List<DataIssue>();
        var firstSeen = new Dictionary<string, (string File, int Line)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var display = CuratedData.Display(file);
            var doc = YamlDocument.Load(file, display);
            if (doc.Root is null)
            {
                if (doc.Issues.Count == 0)
                {
                    doc.Report(null, "", "the file is empty; expected a mapping with 'events'");
                }
            }
            else
            {
                var top = doc.FieldsOf(doc.Root, "", ["events"]);
                foreach (var node in top.NodeList("events", required: true, "events"))
                {
                    var e = ReadEvent(doc, node, dataset);
                    var id = e?.Id ?? IdOf(node);
                    if (id is not null && !firstSeen.TryAdd(id, (display, (int)node.Start.Line)))
                    {
                        var first = firstSeen[id];
                        var where = first.File == display ? $"line {first.Line}" : $"{first.File}:{first.Line}";
                        doc.Report(node, "id", $"duplicate id '{id}'; first defined at {where}");
                        continue;
                    }
                    if (e is not null)
                    {
                        events.Add(e);
                    }
                }
            }
            issues.AddRange(doc.IssuesInOrder);
        }
        return new ChronologyReadResult(events, issues, files);
    }

    private static string? IdOf(YamlNode node) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode("id"), out var v) && v is YamlScalarNode s
            && !string.IsNullOrWhiteSpace(s.Value) ? s.Value.Trim() : null;

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

    private Event? ReadEvent(YamlDocument doc, YamlNode node, string dataset)
    {
        var issuesBefore = doc.Issues.Count;
        var f = doc.FieldsOf(node, "", EventFields);
        if (!f.IsValid)
        {
            return null;
        }

        var id = f.String("id", required: true, "an id of lower-case letters, digits and '-'");
        if (id is not null && !IdPattern().IsMatch(id))
        {
            doc.Report(f.NodeOf("id"), "id", $"expected 3 to 81 lower-case letters, digits and '-', starting with a letter or digit, got '{id}'");
        }

        PartialDate? date = null;
        var dateText = f.String("date", required: true, "a date such as 2024-06-19, 2024-06, 'early 2024', 2024 or '1954/1956'");
        if (dateText is not null)
        {
            if (!PartialDate.TryParse(dateText, out date, out var error))
            {
                doc.Report(f.NodeOf("date"), "date", error);
            }
            else if (date.Start.Year < 1900 || date.End.Year > 2100)
            {
                doc.Report(f.NodeOf("date"), "date", $"expected a date between 1900 and 2100, got '{dateText}'");
            }
        }

        var source = ActorField(doc, f, "source");
        var target = ActorField(doc, f, "target");
        if (source is not null && source == target)
        {
            doc.Report(f.NodeOf("target"), "target", $"must differ from source ('{source}')");
        }
        var witnesses = new List<string>();
        foreach (var (wNode, w) in f.StringList("witnesses", required: false, "actor codes"))
        {
            if (!actors.Contains(w))
            {
                doc.Report(wNode, "witnesses", $"unknown actor '{w}'; expected a code from actors.yaml such as {Examples()}");
            }
            else if (w == source || w == target)
            {
                doc.Report(wNode, "witnesses", $"'{w}' is already source or target");
            }
            else
            {
                witnesses.Add(w);
            }
        }

        EventCode? code = null;
        var codeText = f.String("cameo", required: true, "a CAMEO code as a quoted string such as \"057\"");
        if (codeText is not null)
        {
            if (f.NodeOf("cameo") is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } && codeText.StartsWith('0'))
            {
                doc.Report(f.NodeOf("cameo"), "cameo", $"quote the code (\"{codeText}\") so YAML tools keep its leading zero");
            }
            else if (!EventCode.TryParse(codeText, out var c) || !codebook.Contains(c))
            {
                doc.Report(f.NodeOf("cameo"), "cameo", $"'{codeText}' is not in the CAMEO codebook ({codebook.Name})");
            }
            else
            {
                code = c;
            }
        }

        var goldstein = f.Number("goldstein", required: false, -10, 10);
        Magnitude? magnitude = null;
        if (f.Has("magnitude"))
        {
            var mf = doc.FieldsOf(f.NodeOf("magnitude")!, "magnitude", MagnitudeFields);
            var value = mf.Number("value", required: true, 0, double.MaxValue);
            var unit = mf.String("unit", required: true, "a unit such as 'million USD' or 'aircraft'");
            if (value is not null && unit is not null)
            {
                magnitude = new Magnitude(value.Value, unit);
            }
        }

        var level = f.Enum<EventLevel>("level", required: true);
        var confidence = f.Enum<Confidence>("confidence", required: true);
        var description = f.String("description", required: true, "a description of at least 20 characters");
        if (description is not null && description.Length < 20)
        {
            doc.Report(f.NodeOf("description"), "description", $"too short ({description.Length} characters); expected at least 20");
        }

        var tags = new List<string>();
        foreach (var (tNode, t) in f.StringList("tags", required: false, "lower-case words"))
        {
            if (TagPattern().IsMatch(t))
            {
                tags.Add(t);
            }
            else
            {
                doc.Report(tNode, "tags", $"expected lower-case letters, digits and '-', got '{t}'");
            }
        }

        var sources = new List<Citation>();
        var sourceNodes = f.NodeList("sources", required: true, "citations");
        if (f.Has("sources") && sourceNodes.Count == 0 && f.NodeOf("sources") is YamlSequenceNode)
        {
            doc.Report(f.NodeOf("sources"), "sources", "empty; every event needs at least one published source");
        }
        foreach (var s in sourceNodes)
        {
            var c = ReadCitation(doc, s);
            if (c is not null)
            {
                sources.Add(c);
            }
        }

        var disputes = new List<Dispute>();
        foreach (var d in f.NodeList("disputed", required: false, "disagreements"))
        {
            var df = doc.FieldsOf(d, "disputed", DisputeFields);
            var field = df.String("field", required: true, "the name of a field of this event");
            var note = df.String("note", required: true, "what the sources disagree on");
            if (field is not null && !EventFields.Contains(field))
            {
                doc.Report(df.NodeOf("field"), "disputed.field", $"'{field}' is not a field of an event; expected one of {string.Join(", ", EventFields)}");
            }
            else if (field is not null && note is not null)
            {
                disputes.Add(new Dispute(field, note));
            }
        }

        if (doc.Issues.Count > issuesBefore || id is null || date is null || source is null || target is null || code is null
            || level is null || confidence is null || description is null)
        {
            return null;
        }
        return new Event
        {
            Id = id,
            Date = date,
            Source = source,
            Target = target,
            Witnesses = witnesses,
            Code = code.Value,
            Goldstein = goldstein ?? codebook.Find(code.Value.Value)!.Goldstein,
            Magnitude = magnitude,
            Level = level.Value,
            Confidence = confidence.Value,
            Description = description,
            Tags = tags,
            Sources = sources,
            Disputes = disputes,
            Provenance = new Provenance(dataset, doc.File, node.Start.Line),
        };
    }

    private string? ActorField(YamlDocument doc, YamlDocument.Fields f, string key)
    {
        var code = f.String(key, required: true, $"an actor code such as {Examples()}");
        if (code is not null && !actors.Contains(code))
        {
            doc.Report(f.NodeOf(key), key, $"unknown actor '{code}'; expected a code from actors.yaml such as {Examples()}");
            return null;
        }
        return code;
    }

    private string Examples() => string.Join(", ", actors.All.Take(4).Select(a => a.Code));

    internal static Citation? ReadCitation(YamlDocument doc, YamlNode node)
    {
        var f = doc.FieldsOf(node, "sources", CitationFields);
        if (!f.IsValid)
        {
            return null;
        }
        var author = f.String("author", required: false);
        var title = f.String("title", required: true, "the title of the work cited");
        var publisher = f.String("publisher", required: false);
        var url = f.String("url", required: false);
        var archive = f.String("archive_id", required: false);
        var page = f.String("page", required: false);
        PartialDate? date = null;
        var dateText = f.String("date", required: false);
        if (dateText is not null && !PartialDate.TryParse(dateText, out date, out var error))
        {
            doc.Report(f.NodeOf("date"), "sources.date", error);
        }
        if (author is null && publisher is null)
        {
            doc.Report(node, "sources", "needs an author or a publisher");
        }
        if (dateText is null && url is null && archive is null)
        {
            doc.Report(node, "sources", "needs a date, a url or an archive_id so that the source can be found");
        }
        if (url is not null && !(url.StartsWith("https://", StringComparison.Ordinal) || url.StartsWith("http://", StringComparison.Ordinal)))
        {
            doc.Report(f.NodeOf("url"), "sources.url", $"expected an address starting with https:// or http://, got '{url}'");
        }
        return title is null ? null : new Citation(author, title, publisher, date, url, archive, page);
    }
}
