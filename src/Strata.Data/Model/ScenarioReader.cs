using System.Globalization;
using Strata.Data.Curated;
using Strata.Model;
using YamlDocument = Strata.Data.Curated.YamlDocument;

namespace Strata.Data.Model;

/// <summary>
/// Reads a scenario file (<c>data/scenarios/*.yaml</c>; format in docs/scenarios.md), checks it against its case
/// (known input indicators, the case's actors, one operation per change), and reports every problem of the file
/// with its line and field.
/// </summary>
public static class ScenarioReader
{
    private static readonly string[] TopFields = ["id", "title", "description", "case", "outcome", "horizon", "draws", "seed", "source", "changes"];
    private static readonly string[] ChangeFields = ["indicator", "actor", "actors", "years", "set", "shift", "scale", "ramp", "ramp_scale", "note"];
    private static readonly string[] Operations = ["set", "shift", "scale", "ramp", "ramp_scale"];

    /// <summary>
    /// The scenario in the file and its case (found by <paramref name="findCase"/> from the file's <c>case</c>
    /// field), or a <see cref="DataException"/> listing every problem.
    /// </summary>
    public static (Scenario Scenario, BufferCase Case) Read(string path, Func<string, BufferCase> findCase)
    {
        Check.NotNull(findCase);
        var display = CuratedData.Display(path);
        if (!File.Exists(path))
        {
            throw new DataException($"no scenario file at {display}");
        }
        var doc = YamlDocument.Load(path, display);
        (Scenario, BufferCase)? result = doc.Root is null ? null : Read(doc, findCase);
        if (doc.Issues.Count > 0 || result is null)
        {
            throw new DataException($"{display}: {doc.Issues.Count} problem(s) in the scenario file", doc.IssuesInOrder);
        }
        return result.Value;
    }

    private static (Scenario, BufferCase)? Read(YamlDocument doc, Func<string, BufferCase> findCase)
    {
        var top = doc.FieldsOf(doc.Root!, "", TopFields);
        if (!top.IsValid)
        {
            return null;
        }
        var id = top.String("id", true);
        var title = top.String("title", false);
        var description = top.String("description", false) ?? "";
        var caseRef = top.String("case", true, "a bundled case id (e.g. korea) or a case file path");
        var outcome = top.String("outcome", false, "an outcome name of the case");
        var horizon = CaseReader.Years(doc, top, "horizon", true, false);
        var draws = top.Number("draws", false, 1, 100_000_000);
        var seed = top.Number("seed", false, 0, int.MaxValue);
        var source = top.String("source", false) ?? "";
        if (draws is { } dr && dr != Math.Floor(dr))
        {
            doc.Report(top.NodeOf("draws"), "draws", $"expected a whole number of draws, got '{dr}'");
        }

        BufferCase? bufferCase = null;
        if (caseRef is not null)
        {
            try
            {
                bufferCase = findCase(caseRef);
            }
            catch (DataException e)
            {
                doc.Report(top.NodeOf("case"), "case", e.Message);
            }
        }
        if (bufferCase is not null && outcome is not null && bufferCase.Outcome(outcome) is null)
        {
            doc.Report(top.NodeOf("outcome"), "outcome", $"case '{bufferCase.Id}' has no outcome '{outcome}'; expected one of {string.Join(", ", bufferCase.Outcomes.Select(o => o.Name))}");
        }

        var changes = new List<ScenarioChange>();
        var index = 0;
        foreach (var node in top.NodeList("changes", false, "changes (indicator, actor or actors, years, and one of set, shift, scale, ramp)"))
        {
            var at = $"changes[{index++}]";
            var f = doc.FieldsOf(node, at, ChangeFields);
            if (!f.IsValid)
            {
                continue;
            }
            var indicator = f.String("indicator", true, "an input indicator of the case");
            var years = CaseReader.Years(doc, f, "years", true, true, $"{at}.years");
            string? actor = null;
            string? other = null;
            if (f.Has("actor") && f.Has("actors"))
            {
                doc.Report(f.NodeOf("actors"), $"{at}.actors", "give either 'actor' (one actor) or 'actors' (a pair), not both");
            }
            else if (f.Has("actors"))
            {
                var pair = f.StringList("actors", true, "two actor codes");
                if (pair.Count != 2 || pair[0].Value == pair[1].Value)
                {
                    doc.Report(f.NodeOf("actors"), $"{at}.actors", "expected two different actor codes, e.g. [KOR, JPN]");
                }
                else
                {
                    (actor, other) = (pair[0].Value, pair[1].Value);
                }
            }
            else
            {
                actor = f.String("actor", true, "an actor code (or 'actors' for a pair)");
            }
            var ops = Operations.Where(f.Has).ToList();
            if (ops.Count != 1)
            {
                doc.Report(f.Node, at, ops.Count == 0 ? "expected one of set, shift, scale, ramp or ramp_scale" : $"expected one operation, got {string.Join(" and ", ops)}");
                continue;
            }
            var amount = f.Number(ops[0], true, double.MinValue, double.MaxValue);
            var kind = Enum.Parse<ChangeKind>(ops[0].Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
            if (kind is ChangeKind.Ramp or ChangeKind.RampScale && years is { To: 9999 })
            {
                doc.Report(f.NodeOf("years"), $"{at}.years", "a ramp needs a last year (the year it reaches its value)");
                continue;
            }
            if (indicator is null || actor is null || years is null || amount is null)
            {
                continue;
            }
            if (bufferCase is not null && !KnownInput(bufferCase, indicator, other is not null, out var expected))
            {
                doc.Report(f.NodeOf("indicator"), $"{at}.indicator", $"'{indicator}' is not an input of case '{bufferCase.Id}'; expected {expected}");
                continue;
            }
            if (bufferCase is not null && new[] { actor, other }.OfType<string>().FirstOrDefault(a => !Actors(bufferCase).Contains(a)) is { } stranger)
            {
                doc.Report(f.NodeOf(other is null ? "actor" : "actors"), other is null ? $"{at}.actor" : $"{at}.actors",
                    $"{stranger} plays no part in case '{bufferCase.Id}'; expected one of {string.Join(", ", Actors(bufferCase))}");
                continue;
            }
            if (bufferCase is not null && indicator.StartsWith("constraint.", StringComparison.Ordinal) && actor != bufferCase.Client)
            {
                doc.Report(f.NodeOf("actor"), $"{at}.actor", $"a constraint belongs to the client, {bufferCase.Client}; got {actor}");
                continue;
            }
            if (bufferCase is not null && kind is ChangeKind.Scale or ChangeKind.RampScale && amount < 0)
            {
                doc.Report(f.NodeOf(ops[0]), $"{at}.{ops[0]}", $"expected a factor of 0 or more, got {amount.Value.ToString(CultureInfo.InvariantCulture)}");
                continue;
            }
            changes.Add(new ScenarioChange(indicator, actor, other, years.Value, kind, amount.Value));
        }

        if (horizon is { } h && bufferCase is not null && h.From <= bufferCase.Years.To)
        {
            doc.Report(top.NodeOf("horizon"), "horizon", $"the horizon must start after the case's last observed year ({bufferCase.Years.To}), got {h}");
        }
        if (doc.Issues.Count > 0 || id is null || caseRef is null || horizon is null || bufferCase is null)
        {
            return null;
        }
        return (new Scenario(id, title ?? id, description, caseRef, outcome, horizon.Value, changes, (int?)draws ?? 100_000, (int?)seed ?? 1, source), bufferCase);
    }

    private static List<string> Actors(BufferCase c) =>
        new[] { c.Client }.Concat(c.PatronActors).Concat(c.Patrons.SelectMany(p => p.Rivals)).Concat(c.Blocs.Keys).Concat(c.Blocs.Values.SelectMany(v => v))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    private static bool KnownInput(BufferCase c, string indicator, bool pair, out string expected)
    {
        var i = c.Inputs;
        var pairs = new List<string> { i.Rivalry, i.Alliance };
        if (i.Hostility is { } h)
        {
            pairs.Add(h);
        }
        var single = new List<string> { i.Capability };
        single.AddRange(c.Constraints.Select(x => x.Indicator));
        expected = $"for a pair (actors) one of {string.Join(", ", pairs)}; for one actor (actor) one of {string.Join(", ", single)}";
        return pair ? pairs.Contains(indicator) : single.Contains(indicator);
    }
}
