using Strata.Domain;
using Strata.Series;
using YamlDotNet.RepresentationModel;

namespace Strata.Data.Curated;

/// <summary>
/// What a case report covers, read from a file (the bundled one is <c>data/report.yaml</c>): its title, the
/// dyads whose structure it draws, the events it judges, and the timing claims it tests. The case is data: the
/// code knows nothing of any particular case.
/// </summary>
public sealed record ReportCase
{
    public required string Title { get; init; }

    /// <summary>Dyads whose series are drawn with baseline, band and breaks.</summary>
    public IReadOnlyList<Dyad> StructuralDyads { get; init; } = [];

    /// <summary>Events to judge: those dated in this span (none when null)…</summary>
    public DateOnly? JudgeFrom { get; init; }

    public DateOnly? JudgeTo { get; init; }

    /// <summary>…and citing a source whose author contains this text (null: every event in the span).</summary>
    public string? JudgeCitingAuthor { get; init; }

    public IReadOnlyList<TimingClaim> TimingClaims { get; init; } = [];

    /// <summary>Strategic triangles drawn over time.</summary>
    public IReadOnlyList<TriangleSpec> Triangles { get; init; } = [];

    /// <summary>A claims file to audit (<c>strata claims check</c>), resolved against the case file's folder; null for none.</summary>
    public string? ClaimsPath { get; init; }

    /// <summary>An ACH case file (<c>strata ach run</c>), resolved against the case file's folder; null for none.</summary>
    public string? AchPath { get; init; }

    /// <summary>The structural model and scenarios the report runs; null for none.</summary>
    public ModelSpec? Model { get; init; }

    /// <summary>The file the case was read from, for provenance; null for a case built in code.</summary>
    public string? Path { get; init; }
}

/// <summary>A claim that a change began before or after a reference date, tested on one dyad's series.</summary>
public sealed record TimingClaim(string Claim, Dyad Dyad, Granularity Granularity, DateOnly WindowFrom, DateOnly WindowTo, bool Downward, DateOnly Reference, string ReferenceLabel);

/// <summary>A strategic triangle the report draws: three actors (the first is the client), the period, and how many periods each tie pools.</summary>
public sealed record TriangleSpec(Strata.Triangles.Triad Actors, Granularity Granularity, int Window);

/// <summary>The structural model the report fits (a bundled case id or a case file), the scenarios it projects, and the Monte Carlo settings.</summary>
public sealed record ModelSpec(string Case, string? Outcome, IReadOnlyList<string> Scenarios, int Bootstrap, int Draws, int Seed);

/// <summary>Reads a report case file, reporting every problem with its line and field.</summary>
public static class ReportCaseReader
{
    private static readonly string[] TopFields = ["title", "structural-dyads", "judge", "timing-claims", "triangles", "claims", "ach", "model"];
    private static readonly string[] ModelFields = ["case", "outcome", "scenarios", "bootstrap", "draws", "seed"];
    private static readonly string[] TriangleFields = ["actors", "by", "window"];
    private static readonly string[] JudgeFields = ["from", "to", "citing-author"];
    private static readonly string[] ClaimFields = ["claim", "dyad", "granularity", "from", "to", "direction", "reference", "reference-label"];

    public static (ReportCase? Case, IReadOnlyList<DataIssue> Issues) Read(string path, ActorRegistry actors, string? displayName = null)
    {
        Check.NotNull(actors);
        var doc = YamlDocument.Load(path, displayName ?? path);
        if (doc.Root is null)
        {
            if (doc.Issues.Count == 0)
            {
                doc.Report(null, "", "the file is empty; expected a mapping with 'title'");
            }
            return (null, doc.IssuesInOrder);
        }
        var top = doc.FieldsOf(doc.Root, "", TopFields);
        var title = top.String("title", required: true);
        var dyads = top.StringList("structural-dyads", required: false, "dyads such as PRK-CHN")
            .Select(d => ReadDyad(doc, d.Node, "structural-dyads", d.Value, actors)).OfType<Dyad>().ToList();
        DateOnly? judgeFrom = null, judgeTo = null;
        string? author = null;
        if (top.NodeOf("judge") is { } judgeNode)
        {
            var j = doc.FieldsOf(judgeNode, "judge", JudgeFields);
            judgeFrom = ReadDate(doc, j, "judge", "from", start: true);
            judgeTo = ReadDate(doc, j, "judge", "to", start: false);
            author = j.String("citing-author", required: false);
        }
        var claims = new List<TimingClaim>();
        foreach (var node in top.NodeList("timing-claims", required: false, "timing claims"))
        {
            var c = doc.FieldsOf(node, "timing-claims", ClaimFields);
            var text = c.String("claim", required: true);
            var dyadText = c.String("dyad", required: true, "a dyad such as PRK-CHN");
            var dyad = dyadText is null ? null : ReadDyad(doc, c.NodeOf("dyad")!, "timing-claims.dyad", dyadText, actors);
            var granularity = c.Enum<Granularity>("granularity", required: true);
            var from = ReadDate(doc, c, "timing-claims", "from", start: true);
            var to = ReadDate(doc, c, "timing-claims", "to", start: false);
            var direction = c.String("direction", required: true, "down or up");
            if (direction is not null and not ("down" or "up"))
            {
                doc.Report(c.NodeOf("direction"), "timing-claims.direction", $"expected down or up, got '{direction}'");
            }
            var reference = ReadDate(doc, c, "timing-claims", "reference", start: true, exactDay: true);
            var label = c.String("reference-label", required: true);
            if (from is { } f && to is { } t && f > t)
            {
                doc.Report(c.NodeOf("to"), "timing-claims.to", $"the window ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})");
            }
            else if (text is not null && dyad is { } d && granularity is { } g && from is not null && to is not null && direction is "down" or "up"
                && reference is { } r && label is not null)
            {
                claims.Add(new TimingClaim(text, d, g, from.Value, to.Value, direction == "down", r, label));
            }
        }
        var triangles = new List<TriangleSpec>();
        foreach (var node in top.NodeList("triangles", required: false, "triangles"))
        {
            var t = doc.FieldsOf(node, "triangles", TriangleFields);
            var codes = t.StringList("actors", required: true, "three actor codes, the client first");
            var unknown = codes.Where(c => actors.Find(c.Value) is null).ToList();
            foreach (var (n, code) in unknown)
            {
                doc.Report(n, "triangles.actors", $"unknown actor '{code}' (see actors.yaml)");
            }
            if (codes.Count != 3 && t.IsValid && t.Has("actors"))
            {
                doc.Report(t.NodeOf("actors"), "triangles.actors", $"expected three different actors, got {codes.Count}");
            }
            else if (codes.Count == 3 && codes.Select(c => c.Value).Distinct().Count() != 3)
            {
                doc.Report(t.NodeOf("actors"), "triangles.actors", "expected three different actors");
            }
            var by = t.Has("by") ? t.Enum<Granularity>("by", required: true) : Granularity.Year;
            var window = t.Has("window") ? t.Number("window", required: true, 1, 100) : 1;
            if (window is { } w && w != Math.Floor(w))
            {
                doc.Report(t.NodeOf("window"), "triangles.window", $"expected a whole number of periods, got {w}");
            }
            else if (codes.Count == 3 && unknown.Count == 0 && codes.Select(c => c.Value).Distinct().Count() == 3 && by is { } g && window is { } win)
            {
                triangles.Add(new TriangleSpec(new Strata.Triangles.Triad(codes[0].Value, codes[1].Value, codes[2].Value), g, (int)win));
            }
        }
        var claimsPath = ReadFile(doc, top, "claims", path);
        var achPath = ReadFile(doc, top, "ach", path);
        ModelSpec? model = null;
        if (top.NodeOf("model") is { } modelNode)
        {
            var m = doc.FieldsOf(modelNode, "model", ModelFields);
            var caseId = m.String("case", required: true, "a bundled case id such as korea, or a case file");
            var outcome = m.String("outcome", required: false, "an outcome name of the case");
            var scenarios = m.StringList("scenarios", required: false, "bundled scenario ids or scenario files").Select(x => x.Value).ToList();
            var bootstrap = m.Has("bootstrap") ? m.Number("bootstrap", required: true, 20, 100_000) : 200;
            var draws = m.Has("draws") ? m.Number("draws", required: true, 100, 10_000_000) : 20_000;
            var seed = m.Has("seed") ? m.Number("seed", required: true, 0, int.MaxValue) : 1;
            if (caseId is not null && bootstrap is { } b && draws is { } d && seed is { } sd)
            {
                model = new ModelSpec(caseId, outcome, scenarios, (int)b, (int)d, (int)sd);
            }
        }
        if (doc.Issues.Count > 0 || title is null)
        {
            return (null, doc.IssuesInOrder);
        }
        return (new ReportCase
        {
            Title = title,
            StructuralDyads = dyads,
            JudgeFrom = judgeFrom,
            JudgeTo = judgeTo,
            JudgeCitingAuthor = author,
            TimingClaims = claims,
            Triangles = triangles,
            ClaimsPath = claimsPath,
            AchPath = achPath,
            Model = model,
            Path = path,
        }, []);
    }

    /// <summary>Reads a case file and fails with every issue when it is not valid.</summary>
    public static ReportCase Require(string path, ActorRegistry actors)
    {
        var (reportCase, issues) = Read(path, actors);
        return reportCase ?? throw new DataException($"the report case {path} has {issues.Count} problem(s)", issues);
    }

    /// <summary>A file named relative to the case file; it must exist.</summary>
    private static string? ReadFile(YamlDocument doc, YamlDocument.Fields f, string key, string casePath)
    {
        var name = f.String(key, required: false, "a file path relative to this file");
        if (name is null)
        {
            return null;
        }
        var full = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(casePath)) ?? ".", name));
        if (!File.Exists(full))
        {
            doc.Report(f.NodeOf(key), key, $"no such file: {name} (looked for {full})");
            return null;
        }
        return full;
    }

    private static Dyad? ReadDyad(YamlDocument doc, YamlNode node, string field, string text, ActorRegistry actors)
    {
        if (!Dyad.TryParse(text, out var dyad, out var error))
        {
            doc.Report(node, field, error);
            return null;
        }
        foreach (var code in new[] { dyad.First, dyad.Second }.Where(c => actors.Find(c) is null))
        {
            doc.Report(node, field, $"unknown actor '{code}' (see actors.yaml)");
            return null;
        }
        return dyad;
    }

    private static DateOnly? ReadDate(YamlDocument doc, YamlDocument.Fields f, string what, string key, bool start, bool exactDay = false)
    {
        var s = f.String(key, required: true, exactDay ? "a day such as 2024-06-19" : "a date such as 2023 or 2023-07");
        if (s is null)
        {
            return null;
        }
        if (!PartialDate.TryParse(s, out var date, out var error) || (exactDay && date.Start != date.End))
        {
            doc.Report(f.NodeOf(key), $"{what}.{key}", date is null ? error : $"expected a single day such as 2024-06-19, got '{s}'");
            return null;
        }
        return start ? date.Start : date.End;
    }
}
