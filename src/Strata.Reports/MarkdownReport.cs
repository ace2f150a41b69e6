using System.Globalization;
using System.Text;
using Strata.Analysis;

namespace Strata.Reports;

/// <summary>
/// The report as Markdown (GitHub-flavoured tables): the same judgements, findings and numbers as the HTML,
/// for pasting into notes, wikis and pull requests. Charts are left to the HTML; their numbers are in the tables.
/// </summary>
public static class MarkdownReport
{
    public static string Render(ReportModel model)
    {
        Check.NotNull(model);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder(32 * 1024);
        sb.Append(inv, $"# {model.Title}\n\n");
        sb.Append(inv, $"Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} UTC by Strata from {model.Events.Count} events. The HTML version of this report has the charts.\n\n");

        if (model.KeyJudgements.Count > 0)
        {
            sb.Append("## Key judgements\n\n");
            var n = 0;
            foreach (var k in model.KeyJudgements)
            {
                sb.Append(inv, $"{++n}. {k.Statement}  \n   *{k.Confidence.ToString().ToLowerInvariant()} confidence:* {k.ConfidenceReason}.\n");
            }
            sb.Append('\n');
        }

        if (model.Timing.Count > 0)
        {
            sb.Append("## Timing claims\n\n");
            foreach (var t in model.Timing)
            {
                sb.Append(inv, $"- **Claim:** {t.Claim}  \n  **Verdict:** {t.Onset.Timing.ToString().ToLowerInvariant()} {t.ReferenceLabel}: {t.Onset.Explanation}, in the series {t.SeriesDescription}.\n");
            }
            sb.Append('\n');
        }

        if (model.Structure.Count > 0)
        {
            sb.Append("## Structure: baselines, bands and breaks\n\n");
            sb.Append("| series | last period | value | band | label | breaks (start, levels, strength, 95% interval) |\n|---|---|---|---|---|---|\n");
            foreach (var d in model.Structure)
            {
                var points = d.Series.Points;
                var last = Enumerable.Range(0, points.Count).LastOrDefault(i => points[i].Value is not null, -1);
                var c = last >= 0 ? d.Analysis.Classify(last) : null;
                var breaks = d.Analysis.Breaks.Count == 0 ? "none" : string.Join("; ", d.Analysis.Breaks.Select(b =>
                    $"{points[b.FirstIndexAfter].Period.Label} ({b.LevelBefore:0.##} → {b.LevelAfter:0.##}, {b.Strength:0.00}, {points[b.Lower].Period.Label}–{points[b.Upper].Period.Label})"));
                sb.Append(inv, $"| {Cell(d.Title)} | {(last >= 0 ? points[last].Period.Label : "–")} | {Num(c?.Value)} | ");
                sb.Append(inv, $"{(c?.Baseline is { } b ? $"{b.Lower:0.##} to {b.Upper:0.##}" : "–")} | {(c is { IsJudgement: true } ? LabelText(c.Label) : "–")} | {Cell(breaks)} |\n");
            }
            sb.Append('\n');
        }

        if (model.Judgements.Count > 0)
        {
            sb.Append("## Judged events\n\n| date | event | series, period | label | confidence | rule |\n|---|---|---|---|---|---|\n");
            foreach (var j in model.Judgements.OrderBy(j => j.Event.Date))
            {
                var r = j.Result;
                sb.Append(inv, $"| {j.Event.Date.Text} | {Cell(j.Event.Id)}: {Cell(Short(j.Event.Description))} | {j.Series}, {j.Period} | ");
                sb.Append(inv, $"{(r.IsJudgement ? LabelText(r.Label) : "no judgement")} | {r.Confidence:0.00} | {Cell(r.Rule)} |\n");
            }
            sb.Append('\n');
        }

        if (model.Triangles.Count > 0)
        {
            sb.Append("## Strategic triangles\n\n");
            foreach (var t in model.Triangles)
            {
                sb.Append(inv, $"### {t.Actors} by {t.Granularity.ToString().ToLowerInvariant()}{(t.Window > 1 ? $", ties pooled over {t.Window} periods" : "")}\n\n");
                sb.Append(inv, $"Neutral zone {t.Zone.Lower:0.00} to {t.Zone.Upper:0.00} ({t.Zone.Derivation}). {t.ObservedPeriods} of {t.Periods.Count} periods have all three ties observed.\n\n");
                sb.Append(inv, $"| period | {t.Actors.TieLabel(0)} | {t.Actors.TieLabel(1)} | {t.Actors.TieLabel(2)} | configuration | P(ménage / romantic / marriage / veto) | fissure |\n|---|---|---|---|---|---|---|\n");
                foreach (var p in t.Periods.Where(p => p.Ties.Any(x => x.Score is not null)))
                {
                    var probs = p.Probabilities is { } q ? $"{q.MenageATrois:0.00} / {q.RomanticTriangle:0.00} / {q.StableMarriage:0.00} / {q.UnitVeto:0.00}" : "–";
                    sb.Append(inv, $"| {p.Period.Label} | {string.Join(" | ", p.Ties.Select(x => x.Score is { } v ? v.ToString("+0.00;-0.00;0.00", inv) : "–"))} | {Cell(p.Classification.Describe(t.Actors))} | {probs} | {Num(p.Fissure)} |\n");
                }
                sb.Append('\n');
            }
        }

        if (model.Model is { } structural)
        {
            sb.Append("## Structural model\n\n");
            if (structural.Fit is not { } fit)
            {
                sb.Append(inv, $"The model could not be fitted: {structural.NotFitted}\n\n");
            }
            else
            {
                foreach (var note in structural.Notes)
                {
                    sb.Append(inv, $"> {note}\n\n");
                }
                sb.Append(inv, $"Outcome: {fit.Outcome.Name} ({fit.Outcome.Unit}); lag {fit.Lag}; {fit.Points.Count} patron-years.\n\n| parameter | estimate | 95% interval | meaning |\n|---|---|---|---|\n");
                foreach (var p in fit.Parameters)
                {
                    sb.Append(inv, $"| {p.Name} | {p.Estimate:0.###} | {p.Lower:0.###} to {p.Upper:0.###} | {Cell(p.Meaning)} |\n");
                }
                sb.Append("\n| model | patron | years | RMSE (left-out decade) | MAE |\n|---|---|---|---|---|\n");
                foreach (var v in fit.Validation)
                {
                    sb.Append(inv, $"| {v.Model} | {v.Patron} | {v.N} | {v.Rmse:0.000} | {v.Mae:0.000} |\n");
                }
                sb.Append("\n| phase | years | in the data | in the model | verdict |\n|---|---|---|---|---|\n");
                foreach (var p in fit.Phases)
                {
                    sb.Append(inv, $"| {Cell(p.Phase.Title)} | {p.Phase.Years} | {(p.Observed is { } o ? o ? "yes" : "no" : "–")} | {(p.Model ? "yes" : "no")} ({p.ModelShare:0%}) | {p.Verdict} |\n");
                }
                sb.Append('\n');
            }
            foreach (var s in structural.Scenarios)
            {
                if (s.Result is not { } result)
                {
                    sb.Append(inv, $"Scenario {s.Reference} not run: {s.NotRun}\n\n");
                    continue;
                }
                sb.Append(inv, $"### Scenario: {result.Scenario.Title}\n\n| year | patron | median | 5–95% | P(advanced) |\n|---|---|---|---|---|\n");
                foreach (var y in result.Years.Where((_, k) => k % 5 == 0 || k == result.Years.Count - 1))
                {
                    foreach (var p in y.Patrons)
                    {
                        sb.Append(inv, $"| {y.Year} | {p.Patron} | {p.Median:0.##} | {p.P05:0.##} to {p.P95:0.##} | {(p.ProbabilityAdvanced is { } a ? a.ToString("0.00", inv) : "–")} |\n");
                    }
                }
                sb.Append('\n');
            }
        }

        if (model.Ach is { } ach)
        {
            var text = AchMarkdown.Render(ach).Replace("\n## ", "\n### ", StringComparison.Ordinal);
            text = text.StartsWith("# ", StringComparison.Ordinal) ? "## Competing hypotheses: " + text[2..] : "## Competing hypotheses\n\n" + text;
            sb.Append(text.TrimEnd()).Append("\n\n");
        }

        if (model.Claims is { } audit)
        {
            // The audit's own rendering, one heading level down.
            var claims = ClaimsMarkdown.Render(audit, "Claims audit").Replace("\n## ", "\n### ", StringComparison.Ordinal).Replace("\n### ", "\n#### ", StringComparison.Ordinal);
            sb.Append('#').Append(claims.TrimEnd()).Append("\n\n");
        }

        sb.Append(inv, $"## Events and their sources ({model.Events.Count})\n\n| id | date | source → target | CAMEO | level | event | sources |\n|---|---|---|---|---|---|---|\n");
        foreach (var e in model.Events)
        {
            var sources = string.Join("; ", e.Sources.Select(c => c.Url is null ? c.ToReference() : $"{c.ToReference()} <{c.Url}>"));
            var disputes = e.Disputes.Count == 0 ? "" : " — sources disagree: " + string.Join(" ", e.Disputes.Select(d => $"({d.Field}) {d.Note}"));
            sb.Append(inv, $"| {e.Id} | {e.Date.Text} | {e.Source} → {e.Target} | {e.Code} | {e.Level.ToString().ToLowerInvariant()} | {Cell(e.Description + disputes)} | {Cell(sources)} |\n");
        }
        sb.Append("\n## Provenance\n\n");
        foreach (var line in model.Provenance)
        {
            sb.Append(inv, $"- {line}\n");
        }
        return sb.ToString();
    }

    /// <summary>Text safe inside a Markdown table cell: no pipes or line breaks.</summary>
    internal static string Cell(string? s) => (s ?? "").Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");

    internal static string Num(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    internal static string LabelText(EpisodeLabel l) => l switch
    {
        EpisodeLabel.Noise => "noise",
        EpisodeLabel.EpisodicDeviation => "episodic deviation",
        EpisodeLabel.StructuralShift => "structural shift",
        _ => "structural reversion",
    };

    private static string Short(string s)
    {
        var dot = s.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && dot < 200 ? s[..(dot + 1)] : s.Length > 200 ? s[..200] + "…" : s;
    }
}
