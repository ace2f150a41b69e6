using System.Globalization;
using System.Text;
using Strata.Domain;

namespace Strata.Reports;

/// <summary>
/// Writes the report as one self-contained HTML file: styles, chart and table inline, no script or font
/// fetched from anywhere, readable offline and in print.
/// </summary>
public static class HtmlReport
{
    public static string Render(ReportModel model)
    {
        Check.NotNull(model);
        var inv = CultureInfo.InvariantCulture;
        var events = model.Events;
        var sb = new StringBuilder(64 * 1024);
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        sb.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n");
        sb.Append(inv, $"<title>{Html.Escape(model.Title)}</title>\n<style>{Styles}</style>\n</head>\n<body>\n");
        sb.Append(inv, $"<header><h1>{Html.Escape(model.Title)}</h1>");
        sb.Append(inv, $"<p class=\"meta\">Generated {model.GeneratedAt:yyyy-MM-dd HH:mm} UTC by Strata from {events.Count} events.</p></header>\n");

        sb.Append("<main>\n");
        AppendKeyJudgements(sb, model);
        sb.Append("<section id=\"summary\"><h2>The chronology at a glance</h2>\n");
        AppendSummary(sb, model);
        sb.Append("</section>\n");

        sb.Append("<section id=\"timeline-section\"><h2>Timeline by dyad and level</h2>\n");
        sb.Append("<p class=\"note\">Each row is a pair of actors; each mark an event, placed at its date. ");
        sb.Append("Diamonds are structural events (treaties, wars, lasting aid regimes), large dots conjunctural ones (summits, aid rounds, crises), ");
        sb.Append("small dots episodic signals. A bar spans an event known only to within a range longer than a quarter. ");
        sb.Append("Hover for the event, click to jump to its sources.</p>\n");
        sb.Append("<figure>");
        sb.Append(TimelineChart.Render(events, model.Actors));
        sb.Append("<figcaption><span class=\"key structural\">◆ structural</span> <span class=\"key conjunctural\">● conjunctural</span> ");
        sb.Append("<span class=\"key episodic\">• episodic</span> <span class=\"key range\">▬ imprecise date</span>");
        sb.Append(" — Source: Strata curated chronology (each event's citations below).</figcaption></figure>\n</section>\n");

        AppendStructure(sb, model);
        AppendJudgements(sb, model);
        AppendTriangles(sb, model);
        AppendModel(sb, model);
        AppendAch(sb, model);
        AppendClaims(sb, model);

        sb.Append("<section id=\"events\"><h2>Events and their sources</h2>\n");
        sb.Append("<p class=\"no-print\"><label>Filter: <input id=\"filter\" type=\"search\" placeholder=\"actor, word, year…\" autocomplete=\"off\"></label> <span id=\"shown\"></span></p>\n");
        sb.Append("<table id=\"event-table\"><thead><tr><th>Date</th><th>Dyad</th><th>Event</th><th>Level</th><th>Sources</th></tr></thead><tbody>\n");
        foreach (var e in events)
        {
            AppendEventRow(sb, e, model);
        }
        sb.Append("</tbody></table>\n</section>\n");

        sb.Append("<section id=\"provenance\"><h2>Provenance</h2><ul>");
        foreach (var line in model.Provenance)
        {
            sb.Append(inv, $"<li>{Html.Escape(line)}</li>");
        }
        sb.Append("<li>CAMEO codes and Goldstein scores: GDELT's CAMEO tables, as bundled in <code>data/codebooks/cameo.tsv</code>.</li>");
        sb.Append("</ul></section>\n</main>\n");
        sb.Append(inv, $"<script>{Script}</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendKeyJudgements(StringBuilder sb, ReportModel model)
    {
        if (model.KeyJudgements.Count == 0)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"key-judgements\"><h2>Key judgements</h2>\n");
        sb.Append("<p class=\"note\">Written by Strata from the results below, not by hand: each judgement states its confidence (high, moderate, low) and why, and links to its evidence.</p>\n<ol class=\"judgements\">");
        foreach (var k in model.KeyJudgements)
        {
            var level = k.Confidence.ToString().ToLowerInvariant();
            sb.Append(inv, $"<li id=\"{k.Id}\" class=\"kj {level}\"><p>{Html.Escape(k.Statement)}</p>");
            sb.Append(inv, $"<p class=\"confidence\"><span class=\"badge {level}\">{level} confidence</span> {Html.Escape(k.ConfidenceReason)}.");
            if (k.Evidence.Count > 0)
            {
                sb.Append(" Evidence: ");
                sb.Append(string.Join(", ", k.Evidence.Select(e => $"<a href=\"#{Html.Escape(e.Anchor)}\">{Html.Escape(e.Label)}</a>")));
                sb.Append('.');
            }
            sb.Append("</p></li>\n");
        }
        sb.Append("</ol></section>\n");
    }

    private static void AppendStructure(StringBuilder sb, ReportModel model)
    {
        if (model.Structure.Count == 0)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"structure\"><h2>Structure: baselines, bands and breaks</h2>\n");
        sb.Append("<p class=\"note\">Each chart shows a dyad's weighted mean Goldstein score by year (curated events weighted by level, imported ones by mentions; ");
        sb.Append("events with imprecise dates spread over the years they may fall in). The grey band is the long-run baseline ± two robust standard deviations, computed for each year ");
        sb.Append("from the years before it only; red lines are structural breaks found by PELT, with their 95% bootstrap intervals shaded. Method: docs/classifier.md.</p>\n");
        var i = 0;
        foreach (var d in model.Structure)
        {
            sb.Append(inv, $"<figure class=\"structure\"><figcaption><strong>{Html.Escape(d.Title)}</strong></figcaption>");
            sb.Append(SeriesChart.Render($"series-{++i}", d.Title, d.Series, d.Analysis, d.Baselines));
            sb.Append("<figcaption>");
            sb.Append(d.Analysis.Breaks.Count == 0 ? "No structural break." : "Breaks: " + string.Join("; ", d.Analysis.Breaks.Select(b =>
                $"{d.Series.Points[b.FirstIndexAfter].Period.Label} ({b.LevelBefore:0.#} → {b.LevelAfter:0.#}, strength {b.Strength:0.00}, 95% interval {d.Series.Points[b.Lower].Period.Label}–{d.Series.Points[b.Upper].Period.Label})")));
            sb.Append(" Source: Strata curated chronology and any imported event data in the store.</figcaption></figure>\n");
        }
        sb.Append("</section>\n");
    }

    private static void AppendModel(StringBuilder sb, ReportModel model)
    {
        if (model.Model is not { } r)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"model\"><h2>Structural model: threat, the client's value, and support</h2>\n");
        if (r.Fit is not { } fit)
        {
            sb.Append(inv, $"<p class=\"finding\">The model could not be fitted: {Html.Escape(r.NotFitted)}</p></section>\n");
            return;
        }
        sb.Append("<p class=\"note\">Threat to each patron from its rivals (rivalry, the rival bloc's capability against the patron's, hostility) → the client's value to the patron → the patron's support; fitted by Tobit regression with a moving-block bootstrap, validated leaving out one decade at a time against simple baselines. Method: docs/models/buffer-value.md.</p>\n");
        foreach (var note in r.Notes)
        {
            sb.Append(inv, $"<p class=\"finding\">{Html.Escape(note)}</p>\n");
        }
        sb.Append("<figure>").Append(ModelFitChart.Render(fit, "model-fit")).Append("<figcaption>Observed and fitted support per patron, with the commentary's phases shaded. Source: the store's panel (bundled cited facts, imported files, events).</figcaption></figure>\n");
        sb.Append("<table class=\"compact\" id=\"model-parameters\"><thead><tr><th>Parameter</th><th>Estimate</th><th>95% interval</th><th>Meaning</th></tr></thead><tbody>");
        foreach (var p in fit.Parameters)
        {
            sb.Append(inv, $"<tr><td style=\"text-align:left\">{Html.Escape(p.Name)}</td><td>{p.Estimate:0.###}</td><td>{p.Lower:0.###} to {p.Upper:0.###}</td><td style=\"text-align:left\">{Html.Escape(p.Meaning)}</td></tr>");
        }
        sb.Append("</tbody></table>\n<table class=\"compact\" id=\"model-validation\"><thead><tr><th>Model</th><th>Patron</th><th>Years</th><th>RMSE (left-out decade)</th><th>MAE</th></tr></thead><tbody>");
        foreach (var v in fit.Validation)
        {
            sb.Append(inv, $"<tr><td style=\"text-align:left\">{Html.Escape(v.Model)}</td><td>{Html.Escape(v.Patron)}</td><td>{v.N}</td><td>{v.Rmse:0.000}</td><td>{v.Mae:0.000}</td></tr>");
        }
        sb.Append("</tbody></table>\n<table id=\"model-phases\"><thead><tr><th>Phase (the commentary)</th><th>Years</th><th>In the data</th><th>In the model</th><th>Verdict</th></tr></thead><tbody>");
        foreach (var p in fit.Phases)
        {
            var verdict = p.Verdict switch
            {
                Strata.Model.PhaseVerdict.Reproduced => "reproduced",
                Strata.Model.PhaseVerdict.ModelMisses => "the model misses it",
                Strata.Model.PhaseVerdict.DataDisagree => "the data disagree with the commentary",
                Strata.Model.PhaseVerdict.ModelOnly => "only the model shows it",
                _ => "no data",
            };
            sb.Append(inv, $"<tr><td>{Html.Escape(p.Phase.Title)}<br><small>{Html.Escape(p.Phase.Source)}</small></td><td>{Html.Escape(p.Phase.Years.ToString())}</td>");
            sb.Append(inv, $"<td>{(p.Observed is { } o ? o ? "yes" : "no" : "–")}</td><td>{(p.Model ? "yes" : "no")} ({p.ModelShare:0%} of replicates)</td><td class=\"label\">{verdict}</td></tr>");
        }
        sb.Append("</tbody></table>\n");
        var h = fit.Hedging;
        sb.Append(inv, $"<p><strong>Hedging.</strong> Mean balance of support between the patrons {h.MeanIndex:0.00} (1 = equal, 0 = one patron only) over {h.Years.Count} years; ");
        sb.Append(inv, $"{(h.HedgedShare is { } hs ? $"relations with the less-supportive patron stayed non-negative in {hs:0%} of {h.YearsWithRelations} years with data." : "no relations data to test hedging.")}</p>\n");
        sb.Append("</section>\n");

        sb.Append("<section id=\"scenarios\"><h2>Scenarios</h2>\n<p class=\"note\">Declarative changes of the model's inputs over future years, projected by Monte Carlo over the bootstrap parameter draws and the residual noise: median support with its 5–95% band, and the probability of an advanced-technology transfer. Method: docs/scenarios.md.</p>\n");
        var i = 0;
        foreach (var s in r.Scenarios)
        {
            i++;
            if (s.Result is { } result)
            {
                sb.Append(inv, $"<figure class=\"scenario\">{ScenarioChart.Render(result, $"scenario-{i}")}<figcaption>{Html.Escape(result.Scenario.Title)}: {result.Draws:N0} draws, seed {result.Seed}.</figcaption></figure>\n");
            }
            else
            {
                sb.Append(inv, $"<p class=\"finding\">Scenario {Html.Escape(s.Reference)} not run: {Html.Escape(s.NotRun)}</p>\n");
            }
        }
        sb.Append("</section>\n");
    }

    private static void AppendAch(StringBuilder sb, ReportModel model)
    {
        if (model.Ach is not { } r)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"ach\"><h2>Competing hypotheses</h2>\n");
        sb.Append(inv, $"<p class=\"note\">{Html.Escape(r.Case.Question)} Heuer's analysis of competing hypotheses: each item is rated against each reading (CC, C, N, I, II, NA); ");
        sb.Append("the ranking uses the weighted inconsistency (I = 1, II = 2, times credibility and relevance weights), normalised to 0–1. Timing links are rated from the data: a cause dated after the onset of its effect is II. Method: docs/ach.md.</p>\n");
        sb.Append("<table id=\"ach-ranking\" class=\"compact\"><thead><tr><th>Rank</th><th>Hypothesis</th><th>Inconsistency</th><th>Weighted</th><th>Normalised</th></tr></thead><tbody>");
        foreach (var s in r.Scores.Ranking)
        {
            var h = r.Matrix.Hypotheses.First(x => x.Id == s.HypothesisId);
            sb.Append(inv, $"<tr><td>{s.Rank}</td><td style=\"text-align:left\"><strong>{Html.Escape(h.Id)}</strong> {Html.Escape(h.Title)}</td><td>{s.Inconsistency}</td><td>{s.Weighted:0.##}</td><td>{(s.Normalised is { } n ? n.ToString("0.000", inv) : "–")}</td></tr>");
        }
        sb.Append("</tbody></table>\n<figure>");
        sb.Append(AchMatrixChart.Render(r, "ach-matrix"));
        sb.Append("<figcaption>Evidence × hypotheses; computed timing cells are marked. Source: the case file's ratings and Strata's timing checks on the store's series.</figcaption></figure>\n");
        foreach (var t in r.Timing)
        {
            sb.Append(inv, $"<div class=\"finding\"><p><strong>Timing check {Html.Escape(t.LinkId)}</strong> ({Html.Escape(t.HypothesisId)}): {Html.Escape(t.Description)}</p>");
            sb.Append(inv, $"<p>Cause: {Html.Escape(t.Cause.Label)} ({Html.Escape(t.Cause.Date.Text)}). Effect: {Html.Escape(t.Onset.Explanation)}. Rating {t.Cell.Rating}: {Html.Escape(t.Verdict.Reason)}</p></div>");
        }
        var hangs = r.Sensitivity.ItemsTopHangsOn;
        sb.Append(inv, $"<p><strong>Sensitivity.</strong> {(hangs.Count == 0 ? "No single change to one item changes the first-ranked reading." : $"The first place hangs on: {Html.Escape(string.Join(", ", hangs))}.")} ");
        var nondiagnostic = r.Diagnosticity.Where(d => !d.IsDiagnostic).Select(d => d.EvidenceId).ToList();
        sb.Append(inv, $"{(nondiagnostic.Count == 0 ? "Every item is diagnostic." : $"Not diagnostic (rated alike for every reading): {Html.Escape(string.Join(", ", nondiagnostic))}.")}</p>\n");
        sb.Append("</section>\n");
    }

    private static void AppendClaims(StringBuilder sb, ReportModel model)
    {
        if (model.Claims is not { } audit)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"claims\"><h2>Claims audit</h2>\n");
        sb.Append(inv, $"<p class=\"note\">{Html.Escape(ClaimsMarkdown.Summary(audit))} Each factual claim is tested against the chronology, imported data and series; an event whose only source is the work making the claim does not count as evidence. Method: docs/claims.md.</p>\n");
        sb.Append("<table id=\"claims-table\"><thead><tr><th>Claim</th><th>Made in</th><th>Verdict</th><th>Finding and evidence</th></tr></thead><tbody>\n");
        foreach (var r in audit.Results)
        {
            var verdict = r.Verdict switch { Claims.ClaimVerdict.Supported => "supported", Claims.ClaimVerdict.Contradicted => "contradicted", _ => "not-testable" };
            sb.Append(inv, $"<tr id=\"claim-{Html.Escape(r.Claim.Id)}\" class=\"{verdict}\"><td><strong>{Html.Escape(r.Claim.Id)}</strong>: {Html.Escape(r.Claim.Statement)}</td>");
            sb.Append(inv, $"<td><small>{Html.Escape(ClaimsMarkdown.Where(r.Claim))}</small></td><td class=\"label\">{Html.Escape(r.VerdictText)}</td><td>{Html.Escape(r.Finding)}");
            var items = new List<string>();
            items.AddRange(r.Evidence.Events.Where(e => e.Used).Select(e => $"<a href=\"#ev-{Html.Escape(e.Event.Id)}\">{Html.Escape(e.Event.Id)}</a> ({Html.Escape(e.Event.Date.Text)}): {Html.Escape(e.Relation)}"));
            items.AddRange(r.Evidence.Numbers.Select(n => Html.Escape($"{n.Label}: {n.Value.ToString("0.##", inv)} {n.Unit}")));
            items.AddRange(r.Evidence.Onsets.Select(o => Html.Escape($"onset ({o.Series}): {o.Explanation}")));
            items.AddRange(r.Evidence.Disagreements.Select(d => $"<span class=\"dispute-inline\">sources disagree on {Html.Escape(d.EventId)} {Html.Escape(d.Field)}: {Html.Escape(d.Note)}</span>"));
            if (r.Evidence.Tolerance is { } tol)
            {
                items.Add(Html.Escape("tolerance " + tol));
            }
            if (items.Count > 0)
            {
                sb.Append("<details><summary>evidence</summary><ul>");
                sb.Append(string.Concat(items.Select(i => $"<li><small>{i}</small></li>")));
                sb.Append("</ul></details>");
            }
            sb.Append("</td></tr>\n");
        }
        sb.Append("</tbody></table>\n</section>\n");
    }

    private static void AppendTriangles(StringBuilder sb, ReportModel model)
    {
        if (model.Triangles.Count == 0)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"triangles\"><h2>Strategic triangles</h2>\n");
        sb.Append("<p class=\"note\">Dittmer's configurations from the sign of each tie's net cooperation against a neutral zone derived from the data: ménage à trois (all ties positive), ");
        sb.Append("romantic triangle (a pivot friendly with two wings that are at odds), stable marriage (two partners against an outcast), unit veto (all negative). ");
        sb.Append("The lower rows give each configuration's probability from the events behind each tie, and the fissure between the two patrons as the client sees it. Method: docs/triangles.md.</p>\n");
        var i = 0;
        foreach (var t in model.Triangles)
        {
            i++;
            sb.Append(inv, $"<figure class=\"triangle\" id=\"triangle-{i}\">");
            sb.Append(TriangleChart.Render(t, source: $"Strata store ({model.Events.Count} curated events and any imported data)", id: $"triangle-chart-{i}"));
            var tally = t.Tally();
            sb.Append(inv, $"<figcaption>{t.Periods.Count} periods, {t.ObservedPeriods} with all three ties observed; neutral zone {t.Zone.Lower:0.00} to {t.Zone.Upper:0.00} ({Html.Escape(t.Zone.Derivation)}). ");
            sb.Append(tally.Count == 0 ? "No period is determined." : "Determined: " + Html.Escape(string.Join("; ", tally.Select(x => $"{x.Configuration.Brief(t.Actors)} {x.Periods}"))) + ".");
            sb.Append("</figcaption></figure>\n");
        }
        sb.Append("</section>\n");
    }

    private static void AppendJudgements(StringBuilder sb, ReportModel model)
    {
        if (model.Judgements.Count == 0 && model.Timing.Count == 0)
        {
            return;
        }
        var inv = CultureInfo.InvariantCulture;
        sb.Append("<section id=\"judgements\"><h2>Signal or noise? The commentary's events of 2023–2025</h2>\n");
        if (model.Timing.Count > 0)
        {
            sb.Append("<div id=\"timing\">");
            foreach (var t in model.Timing)
            {
                var verdict = t.Onset.Timing switch
                {
                    Analysis.OnsetTiming.Before => "supported: the onset lies before",
                    Analysis.OnsetTiming.After => "contradicted: the onset lies after",
                    Analysis.OnsetTiming.Undecided => "undecided: the onset's interval contains",
                    _ => "not testable: no onset found before or after",
                };
                sb.Append(inv, $"<div class=\"finding {t.Onset.Timing.ToString().ToLowerInvariant()}\"><p><strong>Claim:</strong> {Html.Escape(t.Claim)}</p>");
                sb.Append(inv, $"<p><strong>Verdict — {Html.Escape(verdict)} {Html.Escape(t.ReferenceLabel)}.</strong> {Html.Escape(Capital(t.Onset.Explanation))}, in the series {Html.Escape(t.SeriesDescription)}.</p></div>");
            }
            sb.Append("</div>\n");
        }
        if (model.Judgements.Count > 0)
        {
            sb.Append("<p class=\"note\">Each event is judged by where its year's value lies against its dyad's baseline and band, and whether a lasting structural break begins within a year of it. ");
            sb.Append("Labels: noise (inside the band), episodic deviation (outside it, no lasting break), structural shift, structural reversion (a lasting return into the long-run band).</p>\n");
            sb.Append("<table id=\"judgement-table\"><thead><tr><th>Date</th><th>Event</th><th>Series, period</th><th>Label</th><th>Confidence</th><th>Evidence</th></tr></thead><tbody>\n");
            foreach (var j in model.Judgements.OrderBy(j => j.Event.Date))
            {
                var r = j.Result;
                var label = r.IsJudgement ? Label(r.Label) : "no judgement";
                var evidence = r.Baseline is null ? Html.Escape(r.Rule)
                    : $"value {Num(r.Value)} vs baseline {r.Baseline.Level:0.##} (band {r.Baseline.Lower:0.##} to {r.Baseline.Upper:0.##})"
                      + (r.Break is null ? "" : $"; break {r.Break.LevelBefore:0.##} → {r.Break.LevelAfter:0.##}, strength {r.Break.Strength:0.00}")
                      + (r.DeviationDuration > 1 ? $"; outside the band for {r.DeviationDuration} periods" : "")
                      + $"; {Html.Escape(r.Rule)}";
                sb.Append(inv, $"<tr class=\"{label.Replace(' ', '-')}\"><td class=\"date\">{Html.Escape(j.Event.Date.Text)}</td>");
                sb.Append(inv, $"<td><a href=\"#ev-{j.Event.Id}\">{Html.Escape(Short(j.Event.Description))}</a></td><td>{Html.Escape(j.Series)}, {Html.Escape(j.Period)}</td>");
                sb.Append(inv, $"<td class=\"label\">{label}</td><td>{r.Confidence:0.00}</td><td><small>{evidence}</small></td></tr>\n");
            }
            sb.Append("</tbody></table>\n");
        }
        sb.Append("</section>\n");
    }

    private static string Label(Analysis.EpisodeLabel l) => l switch
    {
        Analysis.EpisodeLabel.Noise => "noise",
        Analysis.EpisodeLabel.EpisodicDeviation => "episodic deviation",
        Analysis.EpisodeLabel.StructuralShift => "structural shift",
        _ => "structural reversion",
    };

    private static string Num(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static string Short(string s)
    {
        var dot = s.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 && dot < 200 ? s[..(dot + 1)] : s.Length > 200 ? s[..200] + "…" : s;
    }

    private static void AppendSummary(StringBuilder sb, ReportModel model)
    {
        var inv = CultureInfo.InvariantCulture;
        var events = model.Events;
        if (events.Count == 0)
        {
            sb.Append("<p>No events.</p>");
            return;
        }
        var first = events.Min(e => e.Date.Start.Year);
        var last = events.Max(e => e.Date.End.Year);
        var sources = events.SelectMany(e => e.Sources).Select(c => c.ToReference()).Distinct().Count();
        var disputed = events.Count(e => e.Disputes.Count > 0);
        sb.Append("<dl class=\"stats\">");
        sb.Append(inv, $"<div><dt>Events</dt><dd>{events.Count}</dd></div>");
        sb.Append(inv, $"<div><dt>Span</dt><dd>{first}–{last}</dd></div>");
        foreach (var level in Enum.GetValues<EventLevel>())
        {
            sb.Append(inv, $"<div><dt>{level}</dt><dd>{events.Count(e => e.Level == level)}</dd></div>");
        }
        sb.Append(inv, $"<div><dt>Distinct sources</dt><dd>{sources}</dd></div>");
        sb.Append(inv, $"<div><dt>Disputed</dt><dd>{disputed}</dd></div>");
        sb.Append("</dl>\n<table class=\"compact\"><thead><tr><th>Dyad</th><th>Events</th><th>Structural</th><th>Conjunctural</th><th>Episodic</th><th>Mean Goldstein</th></tr></thead><tbody>");
        foreach (var g in events.GroupBy(TimelineChart.DyadKey).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            sb.Append(inv, $"<tr><td>{Html.Escape(g.Key)}</td><td>{g.Count()}</td>");
            foreach (var level in Enum.GetValues<EventLevel>())
            {
                sb.Append(inv, $"<td>{g.Count(e => e.Level == level)}</td>");
            }
            sb.Append(inv, $"<td>{g.Average(e => e.Goldstein):+0.0;-0.0;0.0}</td></tr>");
        }
        sb.Append("</tbody></table>\n");
    }

    private static void AppendEventRow(StringBuilder sb, Event e, ReportModel model)
    {
        var inv = CultureInfo.InvariantCulture;
        var level = e.Level.ToString().ToLowerInvariant();
        var codeName = model.Codebook.Find(e.Code.Value)?.Name ?? "";
        sb.Append(inv, $"<tr id=\"ev-{e.Id}\" class=\"{level}\" data-year=\"{e.Date.Start.Year}\">");
        sb.Append(inv, $"<td class=\"date\">{Html.Escape(e.Date.Text)}</td>");
        sb.Append(inv, $"<td class=\"dyad\">{ActorName(model, e.Source, e.Date)} → {ActorName(model, e.Target, e.Date)}");
        if (e.Witnesses.Count > 0)
        {
            sb.Append(inv, $"<br><small>witnessed by {string.Join(", ", e.Witnesses.Select(w => ActorName(model, w, e.Date)))}</small>");
        }
        sb.Append("</td><td>");
        sb.Append(Html.Escape(e.Description));
        sb.Append(inv, $"<br><small class=\"code\">CAMEO {e.Code} {Html.Escape(codeName)} · Goldstein {e.Goldstein:+0.0;-0.0;0.0}");
        if (e.Magnitude is not null)
        {
            sb.Append(inv, $" · {Html.Escape(e.Magnitude.ToString())}");
        }
        sb.Append(inv, $" · <span class=\"id\">{Html.Escape(e.Id)}</span></small>");
        foreach (var d in e.Disputes)
        {
            sb.Append(inv, $"<div class=\"dispute\"><strong>Sources disagree on {Html.Escape(d.Field)}:</strong> {Html.Escape(d.Note)}</div>");
        }
        sb.Append(inv, $"</td><td>{level}<br><small>{e.Confidence.ToString().ToLowerInvariant()} confidence</small></td><td><ol class=\"sources\">");
        foreach (var c in e.Sources)
        {
            var text = Html.Escape(c.ToReference());
            sb.Append(c.Url is null ? $"<li>{text}</li>" : $"<li>{text} <a href=\"{Html.Escape(c.Url)}\" rel=\"noreferrer\">link</a></li>");
        }
        sb.Append("</ol></td></tr>\n");
    }

    private static string ActorName(ReportModel model, string code, PartialDate date) =>
        Html.Escape(model.Actors.Find(code)?.NameOn(date.Midpoint) ?? code);

    private const string Styles = """
        :root { --ink:#1d2329; --muted:#5b6570; --line:#d9dee3; --band:#f4f6f8; --structural:#8e1b1b; --conjunctural:#1f5f99; --episodic:#6b7480; }
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; color: var(--ink); margin: 0; line-height: 1.45; }
        header, main { max-width: 1180px; margin: 0 auto; padding: 0 20px; }
        header { padding-top: 24px; border-bottom: 1px solid var(--line); }
        h1 { font-size: 1.6rem; margin: 0 0 4px; }
        h2 { font-size: 1.2rem; margin: 28px 0 8px; }
        .meta, .note, figcaption, small { color: var(--muted); }
        .stats { display: flex; flex-wrap: wrap; gap: 12px; margin: 8px 0 16px; }
        .stats div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 110px; }
        .stats dt { font-size: .75rem; color: var(--muted); text-transform: uppercase; letter-spacing: .04em; }
        .stats dd { margin: 0; font-size: 1.3rem; font-weight: 600; }
        figure { margin: 0; }
        svg.chart { width: 100%; height: auto; font-size: 12px; }
        svg .band { fill: var(--band); }
        svg .grid-major { stroke: #c5ccd3; stroke-width: 1; }
        svg .grid-minor { stroke: #e3e7eb; stroke-width: 1; }
        svg .axis { fill: var(--muted); font-size: 11px; }
        svg .row-label { fill: var(--ink); font-size: 12px; }
        svg .mark.structural { fill: var(--structural); }
        svg .mark.conjunctural { fill: var(--conjunctural); fill-opacity: .85; }
        svg .mark.episodic { fill: var(--episodic); }
        svg .mark rect { fill-opacity: .45; }
        svg .mark:hover { stroke: #000; stroke-width: 1.5; }
        .key.structural { color: var(--structural); } .key.conjunctural { color: var(--conjunctural); } .key.episodic { color: var(--episodic); }
        table { border-collapse: collapse; width: 100%; font-size: .88rem; }
        th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
        th { background: var(--band); position: sticky; top: 0; }
        table.compact { width: auto; } table.compact td:not(:first-child) { text-align: right; }
        td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
        tr.structural td:first-child { border-left: 4px solid var(--structural); }
        tr.conjunctural td:first-child { border-left: 4px solid var(--conjunctural); }
        tr.episodic td:first-child { border-left: 4px solid var(--episodic); }
        tr:target { background: #fff6d6; }
        ol.sources { margin: 0; padding-left: 18px; }
        .dispute { margin-top: 4px; padding: 4px 8px; background: #fff3e0; border-left: 3px solid #e08a00; font-size: .85rem; }
        .id { font-family: "DejaVu Sans Mono", monospace; }
        input[type=search] { padding: 4px 8px; width: 260px; }
        svg .band-area { fill: #e6e9ed; }
        svg .baseline { fill: none; stroke: #8a939c; stroke-dasharray: 4 3; stroke-width: 1.2; }
        svg .values { fill: none; stroke: var(--conjunctural); stroke-width: 1.6; }
        svg .value-point { fill: var(--conjunctural); }
        svg .break-line { stroke: var(--structural); stroke-width: 1.6; stroke-dasharray: 5 3; }
        svg .break-interval { fill: var(--structural); fill-opacity: .08; }
        svg .break-label { fill: var(--structural); font-size: 11px; }
        figure.structure { margin: 18px 0; }
        .finding { border-left: 4px solid var(--muted); padding: 6px 12px; margin: 10px 0; background: var(--band); }
        .finding.before { border-color: #2e7d32; } .finding.after { border-color: var(--structural); }
        td.label { white-space: nowrap; font-weight: 600; }
        tr.structural-shift td.label, tr.structural-reversion td.label { color: var(--structural); }
        tr.episodic-deviation td.label { color: #b26a00; }
        ol.judgements { padding-left: 22px; } ol.judgements li { margin: 8px 0; } ol.judgements p { margin: 2px 0; }
        .badge { display: inline-block; border-radius: 4px; padding: 0 6px; font-size: .78rem; font-weight: 600; text-transform: uppercase; letter-spacing: .03em; }
        .badge.high { background: #e3f1e4; color: #1b5e20; } .badge.moderate { background: #fff3e0; color: #8a4b00; } .badge.low { background: #eceff1; color: #455a64; }
        p.confidence { font-size: .85rem; color: var(--muted); }
        tr.contradicted td.label { color: var(--structural); } tr.supported td.label { color: #2e7d32; } tr.not-testable td.label { color: var(--muted); }
        .dispute-inline { color: #8a4b00; }
        @media print { details > summary { display: none; } .no-print { display: none; } th { position: static; } tr { break-inside: avoid; } a { color: inherit; text-decoration: none; } }
        """;

    private const string Script = """
        (function () {
          var input = document.getElementById('filter');
          var rows = Array.prototype.slice.call(document.querySelectorAll('#event-table tbody tr'));
          var shown = document.getElementById('shown');
          function apply() {
            var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
            var n = 0;
            rows.forEach(function (r) {
              var text = r.textContent.toLowerCase();
              var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
              r.style.display = ok ? '' : 'none';
              if (ok) { n++; }
            });
            shown.textContent = n + ' of ' + rows.length + ' events shown';
          }
          input.addEventListener('input', apply);
          apply();
        })();
        """;
}
