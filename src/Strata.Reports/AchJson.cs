using System.Globalization;
using System.Text.Json;
using Strata.Ach;

namespace Strata.Reports;

/// <summary>An ACH result as JSON: every score, cell, reason and the timing working, for other tools and the web.</summary>
public static class AchJson
{
    public static void Write(AchResult result, Stream stream)
    {
        Check.NotNull(result);
        Check.NotNull(stream);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var c = result.Case;
        w.WriteStartObject();
        w.WriteString("title", c.Title);
        w.WriteString("question", c.Question);
        if (c.Source is not null)
        {
            w.WriteString("source", c.Source);
        }
        w.WriteStartObject("weights");
        w.WriteNumber("low", c.Weights.Low);
        w.WriteNumber("medium", c.Weights.Medium);
        w.WriteNumber("high", c.Weights.High);
        w.WriteEndObject();

        w.WriteStartArray("hypotheses");
        foreach (var h in result.Matrix.Hypotheses)
        {
            var s = result.Scores.Of(h.Id);
            w.WriteStartObject();
            w.WriteString("id", h.Id);
            w.WriteString("title", h.Title);
            w.WriteString("statement", h.Statement);
            w.WriteNumber("rank", s.Rank);
            w.WriteNumber("inconsistency", s.Inconsistency);
            w.WriteNumber("weighted", s.Weighted);
            w.WriteNumber("max_weighted", s.MaxWeighted);
            Number(w, "normalised", s.Normalised);
            w.WriteNumber("support", s.Support);
            w.WriteNumber("rated_items", s.RatedItems);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        Strings(w, "ranking", result.Scores.Ranking.Select(s => s.HypothesisId));
        Strings(w, "top", result.Scores.Top);

        w.WriteStartArray("evidence");
        foreach (var row in result.Rows)
        {
            var e = row.Item;
            var d = result.DiagnosticityOf(e.Id);
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("description", e.Description);
            w.WriteString("credibility", RatingScale.Label(e.Credibility));
            w.WriteString("relevance", RatingScale.Label(e.Relevance));
            w.WriteNumber("weight", d.Weight);
            w.WriteNumber("diagnosticity", d.Spread);
            w.WriteNumber("weighted_inconsistency_spread", d.WeightedInconsistencySpread);
            w.WriteBoolean("computed", row.Timing is not null);
            Link(w, e.Link);
            w.WriteStartObject("cells");
            foreach (var h in result.Matrix.Hypotheses)
            {
                var cell = e.Cells[h.Id];
                w.WriteStartObject(h.Id);
                w.WriteString("rating", RatingScale.Label(cell.Rating));
                if (cell.Computed is { } computed)
                {
                    w.WriteString("computed", RatingScale.Label(computed));
                }
                if (cell.OverrideReason is not null)
                {
                    w.WriteString("override_reason", cell.OverrideReason);
                }
                w.WriteString("why", cell.Rationale);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            Strings(w, "working", row.Working);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("timing");
        foreach (var t in result.Timing)
        {
            w.WriteStartObject();
            w.WriteString("id", t.LinkId);
            w.WriteString("hypothesis", t.HypothesisId);
            w.WriteString("description", t.Description);
            w.WriteStartObject("cause");
            w.WriteString("label", t.Cause.Label);
            w.WriteString("date", t.Cause.Date.Text);
            w.WriteString("start", D(t.Cause.Date.Start));
            w.WriteString("end", D(t.Cause.Date.End));
            if (t.Cause.Event is not null)
            {
                w.WriteString("event", t.Cause.Event.Id);
            }
            w.WriteEndObject();
            Onset(w, "effect", t.Effect);
            w.WriteStartObject("onset");
            w.WriteString("method", t.Onset.Method);
            Date(w, "start", t.Onset.Start);
            Date(w, "interval_start", t.Onset.IntervalStart);
            Date(w, "interval_end", t.Onset.IntervalEnd);
            w.WriteNumber("strength", t.Onset.Strength);
            w.WriteString("explanation", t.Onset.Explanation);
            w.WriteEndObject();
            w.WriteString("computed", RatingScale.Label(t.Verdict.Rating));
            w.WriteString("reason", t.Verdict.Reason);
            w.WriteString("rating", RatingScale.Label(t.Cell.Rating));
            if (t.Cell.OverrideReason is not null)
            {
                w.WriteString("override_reason", t.Cell.OverrideReason);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();

        var sens = result.Sensitivity;
        w.WriteStartObject("sensitivity");
        w.WriteNumber("changes_tried", sens.Outcomes.Count);
        Strings(w, "items_top_hangs_on", sens.ItemsTopHangsOn);
        Strings(w, "items_ranking_hangs_on", sens.ItemsRankingHangsOn);
        w.WriteStartArray("changes");
        foreach (var o in sens.Outcomes.Where(o => o.ChangesRanking))
        {
            w.WriteStartObject();
            w.WriteString("item", o.EvidenceId);
            w.WriteString("kind", o.Kind switch
            {
                PerturbationKind.Dropped => "dropped",
                PerturbationKind.MoreConsistent => "more_consistent",
                PerturbationKind.LessConsistent => "less_consistent",
                _ => "lower_credibility",
            });
            if (o.HypothesisId is not null)
            {
                w.WriteString("hypothesis", o.HypothesisId);
            }
            w.WriteString("change", o.Description);
            w.WriteStartObject("ranks");
            for (var i = 0; i < result.Matrix.Hypotheses.Count; i++)
            {
                w.WriteNumber(result.Matrix.Hypotheses[i].Id, o.Ranking[i]);
            }
            w.WriteEndObject();
            Strings(w, "top", o.Top);
            w.WriteBoolean("changes_top", o.ChangesTop);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }

    private static void Link(Utf8JsonWriter w, EvidenceBasis link)
    {
        w.WriteStartObject("link");
        switch (link)
        {
            case EventsLink e:
                w.WriteString("kind", "events");
                Strings(w, "events", e.Events.Select(x => x.Id));
                break;
            case SeriesLink s:
                w.WriteString("kind", "series");
                w.WriteString("dyad", s.Series.Dyad.ToString());
                w.WriteString("by", s.Series.Granularity.ToString().ToLowerInvariant());
                w.WriteString("measure", s.Series.Measure.ToString().ToLowerInvariant());
                w.WriteString("at", s.At.Text);
                break;
            case OnsetLink o:
                w.WriteString("kind", "onset");
                Onset(w, "onset", o.Onset);
                break;
            case ModelLink m:
                w.WriteString("kind", "model");
                w.WriteString("model", m.Model);
                w.WriteString("result", m.Result);
                break;
            case TextLink t:
                w.WriteString("kind", "text");
                w.WriteString("text", t.Text);
                break;
        }
        w.WriteEndObject();
    }

    private static void Onset(Utf8JsonWriter w, string name, OnsetSpec spec)
    {
        w.WriteStartObject(name);
        w.WriteString("dyad", spec.Series.Dyad.ToString());
        w.WriteString("by", spec.Series.Granularity.ToString().ToLowerInvariant());
        w.WriteString("measure", spec.Series.Measure.ToString().ToLowerInvariant());
        w.WriteString("direction", spec.Downward ? "down" : "up");
        w.WriteString("from", spec.From.Text);
        w.WriteString("to", spec.To.Text);
        w.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x))
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void Date(Utf8JsonWriter w, string name, DateOnly? d)
    {
        if (d is { } x)
        {
            w.WriteString(name, D(x));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
