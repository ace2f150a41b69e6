using System.Globalization;
using Strata.Data.Curated;
using Strata.Model;
using YamlDotNet.RepresentationModel;
using YamlDocument = Strata.Data.Curated.YamlDocument;

namespace Strata.Data.Model;

/// <summary>
/// Reads a client–patron case file (<c>data/cases/*.yaml</c>; format in docs/models/buffer-value.md) into a
/// <see cref="BufferCase"/>, reporting every problem of the file with its line and field.
/// </summary>
public static class CaseReader
{
    private static readonly string[] TopFields = ["id", "title", "client", "principal_rival", "years", "patrons", "blocs", "inputs", "outcomes", "advanced", "constraints", "phases"];
    private static readonly string[] PatronFields = ["actor", "rivals"];
    private static readonly string[] InputFields = ["rivalry", "rivalry_observed_to", "capability", "alliance", "alliance_observed_to", "hostility", "hostility_weights"];
    private static readonly string[] OutcomeFields = ["name", "indicator", "transform", "lags", "observed_to", "unit", "description"];
    private static readonly string[] AdvancedFields = ["indicator", "above", "description"];
    private static readonly string[] ConstraintFields = ["id", "title", "years", "outcomes", "source"];
    private static readonly string[] PhaseFields = ["id", "title", "years", "outcome", "expect", "source"];
    private static readonly string[] ConditionFields = ["leads", "patron", "change", "from"];

    /// <summary>The case in the file, or a <see cref="DataException"/> listing every problem.</summary>
    public static BufferCase Read(string path)
    {
        var display = CuratedData.Display(path);
        if (!File.Exists(path))
        {
            throw new DataException($"no case file at {display}");
        }
        var doc = YamlDocument.Load(path, display);
        var result = doc.Root is null ? null : Read(doc);
        if (doc.Issues.Count > 0 || result is null)
        {
            throw new DataException($"{display}: {doc.Issues.Count} problem(s) in the case file", doc.IssuesInOrder);
        }
        return result;
    }

    /// <summary>Finds a case by file path, or by id among the bundled cases (<c>data/cases/ID.yaml</c>).</summary>
    public static string Resolve(string pathOrId, DataFolder folder)
    {
        Check.NotBlank(pathOrId);
        if (File.Exists(pathOrId))
        {
            return pathOrId;
        }
        var bundled = Path.Combine(folder.Root, "cases", pathOrId + ".yaml");
        if (File.Exists(bundled))
        {
            return bundled;
        }
        throw new DataException($"no case file '{pathOrId}' (neither a file nor a bundled case in {CuratedData.Display(Path.Combine(folder.Root, "cases"))})");
    }

    private static BufferCase? Read(YamlDocument doc)
    {
        var top = doc.FieldsOf(doc.Root!, "", TopFields);
        if (!top.IsValid)
        {
            return null;
        }
        var id = top.String("id", true);
        var title = top.String("title", false);
        var client = top.String("client", true, "an actor code");
        var rival = top.String("principal_rival", true, "an actor code");
        var years = Years(doc, top, "years", true, false);

        var patrons = new List<PatronSpec>();
        var declaredPatrons = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in top.NodeList("patrons", true, "patrons (actor, rivals)"))
        {
            var f = doc.FieldsOf(node, "patrons[]", PatronFields);
            var actor = f.String("actor", true, "an actor code");
            if (actor is not null)
            {
                declaredPatrons.Add(actor);
            }
            var rivals = f.StringList("rivals", true, "actor codes").Select(r => r.Value).ToList();
            if (actor is null || rivals.Count == 0)
            {
                continue;
            }
            if (rivals.Contains(actor))
            {
                doc.Report(f.NodeOf("rivals"), "patrons[].rivals", $"{actor} cannot be its own rival");
                continue;
            }
            if (actor == client)
            {
                doc.Report(f.NodeOf("actor"), "patrons[].actor", "the client cannot be its own patron");
                continue;
            }
            if (patrons.Any(p => p.Actor == actor))
            {
                doc.Report(f.NodeOf("actor"), "patrons[].actor", $"{actor} is listed twice");
                continue;
            }
            patrons.Add(new PatronSpec(actor, rivals));
        }

        var blocs = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (top.NodeOf("blocs") is { } blocNode)
        {
            if (blocNode is YamlMappingNode map)
            {
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value;
                    var allies = v is YamlSequenceNode seq ? seq.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList() : null;
                    if (string.IsNullOrWhiteSpace(key) || allies is null)
                    {
                        doc.Report(k, "blocs", "expected a rival's code and a list of its allies' codes, e.g. 'USA: [KOR, JPN]'");
                        continue;
                    }
                    blocs[key] = allies;
                }
            }
            else
            {
                doc.Report(blocNode, "blocs", "expected a mapping from a rival's code to a list of its allies' codes");
            }
        }

        var inputs = new InputSpec();
        if (top.NodeOf("inputs") is { } inputNode)
        {
            var f = doc.FieldsOf(inputNode, "inputs", InputFields);
            inputs = new InputSpec
            {
                Rivalry = f.String("rivalry", false, "an indicator name") ?? inputs.Rivalry,
                RivalryObservedTo = (int?)f.Number("rivalry_observed_to", false, 1, 9999) ?? inputs.RivalryObservedTo,
                Capability = f.String("capability", false, "an indicator name") ?? inputs.Capability,
                Alliance = f.String("alliance", false, "an indicator name") ?? inputs.Alliance,
                AllianceObservedTo = (int?)f.Number("alliance_observed_to", false, 1, 9999) ?? inputs.AllianceObservedTo,
                Hostility = f.Has("hostility") ? f.String("hostility", false, "an indicator name or 'none'") is { } h && h != "none" ? h : null : inputs.Hostility,
                HostilityWeights = f.Has("hostility_weights") ? Numbers(doc, f, "inputs.hostility_weights", "hostility_weights", 0, 10) : inputs.HostilityWeights,
            };
        }

        var outcomes = new List<OutcomeSpec>();
        var declared = new List<string>();
        foreach (var node in top.NodeList("outcomes", true, "outcomes (name, indicator, transform, lags)"))
        {
            var f = doc.FieldsOf(node, "outcomes[]", OutcomeFields);
            var name = f.String("name", true);
            if (name is not null)
            {
                declared.Add(name);
            }
            var indicator = f.String("indicator", true, "an indicator name");
            var transform = f.Has("transform") ? f.Enum<SupportTransform>("transform", false) : SupportTransform.Log1p;
            var lags = f.Has("lags") ? Numbers(doc, f, "outcomes[].lags", "lags", 0, 10).Select(l => (int)l).ToList() : [0];
            if (f.Has("lags") && Numbers(doc, f, null, "lags", 0, 10).Any(l => l != Math.Floor(l)))
            {
                doc.Report(f.NodeOf("lags"), "outcomes[].lags", "lags must be whole years");
            }
            var observedTo = (int?)f.Number("observed_to", false, 1, 9999);
            if (name is null || indicator is null || transform is null || lags.Count == 0)
            {
                continue;
            }
            if (outcomes.Any(o => o.Name == name))
            {
                doc.Report(f.NodeOf("name"), "outcomes[].name", $"outcome '{name}' is defined twice");
                continue;
            }
            outcomes.Add(new OutcomeSpec(name, indicator, transform.Value, lags, f.String("description", false) ?? "", f.String("unit", false) ?? "", observedTo));
        }

        AdvancedSpec? advanced = null;
        if (top.NodeOf("advanced") is { } advNode)
        {
            var f = doc.FieldsOf(advNode, "advanced", AdvancedFields);
            var indicator = f.String("indicator", true, "an indicator name");
            var above = f.Number("above", false, double.MinValue, double.MaxValue) ?? 0;
            if (indicator is not null)
            {
                advanced = new AdvancedSpec(indicator, above, f.String("description", false) ?? "");
            }
        }

        var constraints = new List<CaseConstraint>();
        foreach (var node in top.NodeList("constraints", false, "constraints (id, title, years, outcomes, source)"))
        {
            var f = doc.FieldsOf(node, "constraints[]", ConstraintFields);
            var cid = f.String("id", true);
            var ctitle = f.String("title", true);
            var cyears = Years(doc, f, "years", true, true, "constraints[].years");
            var couts = f.StringList("outcomes", false, "outcome names").Select(o => o.Value).ToList();
            var source = f.String("source", true, "a citation");
            foreach (var o in couts.Where(o => !declared.Contains(o)))
            {
                doc.Report(f.NodeOf("outcomes"), "constraints[].outcomes", $"no outcome '{o}' in this case");
            }
            if (cid is not null && ctitle is not null && cyears is not null && source is not null)
            {
                constraints.Add(new CaseConstraint(cid, ctitle, cyears.Value, couts, source));
            }
        }

        var phases = new List<PhaseExpectation>();
        var patronCodes = declaredPatrons;
        foreach (var node in top.NodeList("phases", false, "phases (id, title, years, outcome, expect, source)"))
        {
            var f = doc.FieldsOf(node, "phases[]", PhaseFields);
            var pid = f.String("id", true);
            var ptitle = f.String("title", true);
            var pyears = Years(doc, f, "years", true, false, "phases[].years");
            var outcome = f.String("outcome", true, "an outcome name");
            var source = f.String("source", true, "where the phase is described");
            if (outcome is not null && declared.Count > 0 && !declared.Contains(outcome))
            {
                doc.Report(f.NodeOf("outcome"), "phases[].outcome", $"no outcome '{outcome}' in this case; expected one of {string.Join(", ", declared)}");
            }
            var conditions = new List<PhaseCondition>();
            foreach (var cnode in f.NodeList("expect", true, "conditions ({leads: X} or {patron: X, change: up|down, from: YYYY-YYYY})"))
            {
                var cf = doc.FieldsOf(cnode, "phases[].expect[]", ConditionFields);
                if (!cf.IsValid)
                {
                    continue;
                }
                if (cf.Has("leads"))
                {
                    var leader = cf.String("leads", true, "a patron's code");
                    if (leader is not null && patronCodes.Count > 0 && !patronCodes.Contains(leader))
                    {
                        doc.Report(cf.NodeOf("leads"), "phases[].expect[].leads", $"{leader} is not a patron of this case");
                    }
                    else if (leader is not null)
                    {
                        conditions.Add(PhaseCondition.Leads(leader));
                    }
                    continue;
                }
                var patron = cf.String("patron", true, "a patron's code (or use 'leads')");
                var change = cf.Enum<Direction>("change", true);
                var from = Years(doc, cf, "from", true, false, "phases[].expect[].from");
                if (patron is not null && patronCodes.Count > 0 && !patronCodes.Contains(patron))
                {
                    doc.Report(cf.NodeOf("patron"), "phases[].expect[].patron", $"{patron} is not a patron of this case");
                    continue;
                }
                if (patron is not null && change is not null && from is not null)
                {
                    conditions.Add(PhaseCondition.Moves(patron, change.Value, from.Value));
                }
            }
            if (pid is not null && ptitle is not null && pyears is not null && outcome is not null && source is not null && conditions.Count > 0)
            {
                phases.Add(new PhaseExpectation(pid, ptitle, pyears.Value, outcome, conditions, source));
            }
        }

        if (doc.Issues.Count > 0 || id is null || client is null || rival is null || years is null || patrons.Count == 0 || outcomes.Count == 0)
        {
            if (doc.Issues.Count == 0 && patrons.Count == 0)
            {
                doc.Report(top.NodeOf("patrons") ?? top.Node, "patrons", "expected at least one patron");
            }
            return null;
        }
        return new BufferCase(id, title ?? id, client, rival, patrons, blocs.ToDictionary(b => b.Key, b => b.Value), years.Value,
            outcomes, advanced, phases, inputs, constraints);
    }

    private static List<double> Numbers(YamlDocument doc, YamlDocument.Fields f, string? field, string key, double min, double max)
    {
        var list = new List<double>();
        foreach (var (node, text) in f.StringList(key, false, "numbers"))
        {
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
            {
                list.Add(v);
            }
            else if (field is not null)
            {
                doc.Report(node, field, $"expected a number from {min} to {max}, got '{text}'");
            }
        }
        return list;
    }

    /// <summary>Reads a year span: "1948-2025", "1958" or, when <paramref name="openEnd"/>, "2006-" (to 9999).</summary>
    internal static YearSpan? Years(YamlDocument doc, YamlDocument.Fields f, string key, bool required, bool openEnd, string? label = null)
    {
        var text = f.String(key, required, openEnd ? "years such as 1958-1964, 1958 or 2006-" : "years such as 1958-1964 or 1958");
        if (text is null)
        {
            return null;
        }
        if (TryYears(text, openEnd, out var span))
        {
            return span;
        }
        doc.Report(f.NodeOf(key), label ?? key, $"expected years such as 1958-1964{(openEnd ? ", 1958 or 2006-" : " or 1958")} (first year not after the last), got '{text}'");
        return null;
    }

    public static bool TryYears(string text, bool openEnd, out YearSpan span)
    {
        span = default;
        var parts = text.Replace('–', '-').Split('-', StringSplitOptions.TrimEntries);
        static bool Year(string s, out int y) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out y) && y is >= 1 and <= 9999;
        if (parts.Length == 1 && Year(parts[0], out var single))
        {
            span = new YearSpan(single, single);
            return true;
        }
        if (parts.Length == 2 && Year(parts[0], out var from))
        {
            if (openEnd && parts[1].Length == 0)
            {
                span = new YearSpan(from, 9999);
                return true;
            }
            if (Year(parts[1], out var to) && to >= from)
            {
                span = new YearSpan(from, to);
                return true;
            }
        }
        return false;
    }
}
