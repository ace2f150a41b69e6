using System.Globalization;
using Strata.Domain;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>Reads the actor file (<c>data/actors.yaml</c>): codes, names over time, aliases per code system.</summary>
public static class ActorsReader
{
    private static readonly string[] ActorFields = ["code", "kind", "names", "aliases"];
    private static readonly string[] NameFields = ["name", "formal", "from", "to"];
    private static readonly string[] AliasFields = ["iso3", "cameo", "cow", "icews"];

    public static (ActorRegistry Registry, IReadOnlyList<DataIssue> Issues) Read(string path, string? displayName = null)
    {
        var doc = YamlDocument.Load(path, displayName ?? path);
        var actors = new List<Actor>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (doc.Root is not null)
        {
            var top = doc.FieldsOf(doc.Root, "", ["actors"]);
            foreach (var node in top.NodeList("actors", required: true, "actors"))
            {
                var actor = ReadActor(doc, node);
                if (actor is null)
                {
                    continue;
                }
                if (!seen.Add(actor.Code))
                {
                    doc.Report(node, "code", $"actor code '{actor.Code}' is defined twice");
                    continue;
                }
                actors.Add(actor);
            }
        }
        else if (doc.Issues.Count == 0)
        {
            doc.Report(null, "", "the file is empty; expected a mapping with 'actors'");
        }
        return (new ActorRegistry(actors), doc.IssuesInOrder);
    }

    private static Actor? ReadActor(YamlDocument doc, YamlNode node)
    {
        var f = doc.FieldsOf(node, "", ActorFields);
        var code = f.String("code", required: true, "an upper-case code such as PRK");
        if (code is not null && !IsCode(code))
        {
            doc.Report(f.NodeOf("code"), "code", $"expected 2 to 6 upper-case letters such as PRK, got '{code}'");
            code = null;
        }
        var kind = f.Enum<ActorKind>("kind", required: true);
        var names = new List<ActorName>();
        foreach (var n in f.NodeList("names", required: true, "names"))
        {
            var nf = doc.FieldsOf(n, "names", NameFields);
            var name = nf.String("name", required: true);
            var from = ReadDay(doc, nf, "from");
            var to = ReadDay(doc, nf, "to");
            if (name is not null)
            {
                names.Add(new ActorName(name, nf.String("formal", required: false), from, to));
            }
        }
        var aliases = new List<ActorAlias>();
        if (f.Has("aliases"))
        {
            var af = doc.FieldsOf(f.NodeOf("aliases")!, "aliases", AliasFields);
            foreach (var (system, key) in new[] { (CodeSystem.Iso3, "iso3"), (CodeSystem.Cameo, "cameo"), (CodeSystem.Cow, "cow"), (CodeSystem.Icews, "icews") })
            {
                foreach (var (itemNode, value) in af.StringList(key, required: false, "codes"))
                {
                    var alias = ParseAlias(system, value);
                    if (alias is null)
                    {
                        doc.Report(itemNode, $"aliases.{key}", $"expected a code, optionally with dates as CODE@YYYY-MM-DD/YYYY-MM-DD, got '{value}'");
                    }
                    else if (system == CodeSystem.Cow && !int.TryParse(alias.Code, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                    {
                        doc.Report(itemNode, "aliases.cow", $"expected a Correlates of War number, got '{value}'");
                    }
                    else
                    {
                        aliases.Add(alias);
                    }
                }
            }
        }
        if (code is null || kind is null || names.Count == 0)
        {
            return null;
        }
        return new Actor(code, kind.Value, names, aliases);
    }

    private static DateOnly? ReadDay(YamlDocument doc, YamlDocument.Fields f, string key)
    {
        var s = f.String(key, required: false, "a date YYYY-MM-DD");
        if (s is null)
        {
            return null;
        }
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return d;
        }
        doc.Report(f.NodeOf(key), $"names.{key}", $"expected a date YYYY-MM-DD, got '{s}'");
        return null;
    }

    private static ActorAlias? ParseAlias(CodeSystem system, string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at < 0)
        {
            return new ActorAlias(system, value);
        }
        var span = value[(at + 1)..].Split('/');
        var inv = CultureInfo.InvariantCulture;
        if (span.Length != 2
            || !DateOnly.TryParseExact(span[0], "yyyy-MM-dd", inv, DateTimeStyles.None, out var from)
            || !DateOnly.TryParseExact(span[1], "yyyy-MM-dd", inv, DateTimeStyles.None, out var to)
            || at == 0)
        {
            return null;
        }
        return new ActorAlias(system, value[..at], from, to);
    }

    internal static bool IsCode(string s) => s.Length is >= 2 and <= 6 && s.All(c => c is >= 'A' and <= 'Z');
}
