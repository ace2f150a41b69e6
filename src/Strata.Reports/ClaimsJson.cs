using System.Text.Json;
using Strata.Claims;

namespace Strata.Reports;

/// <summary>Writes a claims audit as one JSON document: a summary, then each claim with its verdict and evidence.</summary>
public static class ClaimsJson
{
    public static void Write(ClaimsAuditResult audit, Stream output)
    {
        Check.NotNull(audit);
        Check.NotNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartObject("summary");
        w.WriteNumber("claims", audit.Results.Count);
        w.WriteNumber("supported", audit.Count(ClaimVerdict.Supported));
        w.WriteNumber("contradicted", audit.Count(ClaimVerdict.Contradicted));
        w.WriteNumber("not_testable", audit.Count(ClaimVerdict.NotTestable));
        w.WriteEndObject();
        w.WriteStartArray("claims");
        foreach (var r in audit.Results)
        {
            w.WriteStartObject();
            w.WriteString("id", r.Claim.Id);
            w.WriteString("claim", r.Claim.Statement);
            w.WriteString("made_in", r.Claim.MadeIn.ToReference());
            w.WriteString("kind", r.Claim.Test.Kind);
            w.WriteString("test", r.Claim.Test.Describe());
            if (r.Claim.Note is not null)
            {
                w.WriteString("note", r.Claim.Note);
            }
            w.WriteString("verdict", r.Verdict switch
            {
                ClaimVerdict.Supported => "supported",
                ClaimVerdict.Contradicted => "contradicted",
                _ => "not_testable",
            });
            w.WriteBoolean("only_within_tolerance", r.OnlyWithinTolerance);
            w.WriteBoolean("sources_disagree", r.Disputed);
            w.WriteString("finding", r.Finding);
            if (r.Evidence.Tolerance is not null)
            {
                w.WriteString("tolerance", r.Evidence.Tolerance);
            }
            w.WriteStartArray("numbers");
            foreach (var n in r.Evidence.Numbers)
            {
                w.WriteStartObject();
                w.WriteString("label", n.Label);
                w.WriteNumber("value", n.Value);
                w.WriteString("unit", n.Unit);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var e in r.Evidence.Events)
            {
                w.WriteStartObject();
                w.WriteString("role", e.Role);
                w.WriteString("id", e.Event.Id);
                w.WriteString("date", e.Event.Date.Text);
                w.WriteString("relation", e.Relation);
                w.WriteBoolean("used", e.Used);
                w.WriteBoolean("cites_only_claim_source", e.RestatesClaimSource);
                if (e.Event.Magnitude is { } m)
                {
                    w.WriteNumber("magnitude", m.Value);
                    w.WriteString("unit", m.Unit);
                }
                w.WriteStartArray("sources");
                foreach (var s in e.Event.Sources)
                {
                    w.WriteStringValue(s.ToReference());
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("indicators");
            foreach (var i in r.Evidence.Indicators)
            {
                w.WriteStartObject();
                w.WriteString("name", i.Name);
                w.WriteString("actor_a", i.ActorA);
                if (i.ActorB is null)
                {
                    w.WriteNull("actor_b");
                }
                else
                {
                    w.WriteString("actor_b", i.ActorB);
                }
                w.WriteNumber("year", i.Year);
                w.WriteNumber("value", i.Value);
                w.WriteString("file", i.File);
                w.WriteNumber("line", i.Line);
                if (i.Note is not null)
                {
                    w.WriteString("note", i.Note);
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("onsets");
            foreach (var o in r.Evidence.Onsets)
            {
                w.WriteStartObject();
                w.WriteString("role", o.Role);
                w.WriteString("series", o.Series);
                w.WriteString("method", o.Method);
                w.WriteString("start", o.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("interval_start", o.IntervalStart?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteString("interval_end", o.IntervalEnd?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
                w.WriteNumber("strength", o.Strength);
                w.WriteString("explanation", o.Explanation);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("disagreements");
            foreach (var d in r.Evidence.Disagreements)
            {
                w.WriteStartObject();
                w.WriteString("event", d.EventId);
                w.WriteString("field", d.Field);
                w.WriteString("note", d.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        output.Write("\n"u8);
    }
}
