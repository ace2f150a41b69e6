using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Strata.Analysis;

namespace Strata.Reports;

/// <summary>
/// The report as JSON: the same judgements, findings and numbers as the HTML, in a stable shape for other tools
/// (camelCase names, dates as ISO strings, missing values as null). The shape is documented in docs/report.md.
/// </summary>
public static class JsonReport
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Render(ReportModel model)
    {
        Check.NotNull(model);
        var document = new
        {
            format = "strata-report/1",
            title = model.Title,
            generatedAt = model.GeneratedAt,
            keyJudgements = model.KeyJudgements.Select(k => new
            {
                id = k.Id,
                topic = k.Topic,
                statement = k.Statement,
                confidence = k.Confidence,
                confidenceReason = k.ConfidenceReason,
                evidence = k.Evidence.Select(e => new { label = e.Label, anchor = e.Anchor }),
            }),
            timing = model.Timing.Select(t => new
            {
                claim = t.Claim,
                series = t.SeriesDescription,
                reference = t.Reference,
                referenceLabel = t.ReferenceLabel,
                verdict = t.Onset.Timing,
                method = t.Onset.Method,
                onset = t.Onset.Start,
                intervalStart = t.Onset.IntervalStart,
                intervalEnd = t.Onset.IntervalEnd,
                strength = t.Onset.Strength,
                explanation = t.Onset.Explanation,
            }),
            structure = model.Structure.Select(d => new
            {
                title = d.Title,
                dyad = d.Series.Dyad.ToString(),
                granularity = d.Series.Granularity,
                measure = d.Series.Measure,
                points = d.Series.Points.Select((p, i) => new
                {
                    period = p.Period.Label,
                    start = p.Period.Start,
                    value = Finite(p.Value),
                    events = p.Events,
                    baseline = Finite(i < d.Baselines.Count ? d.Baselines[i]?.Level : null),
                    lower = Finite(i < d.Baselines.Count ? d.Baselines[i]?.Lower : null),
                    upper = Finite(i < d.Baselines.Count ? d.Baselines[i]?.Upper : null),
                }),
                breaks = d.Analysis.Breaks.Select(b => new
                {
                    start = d.Series.Points[b.FirstIndexAfter].Period.Label,
                    intervalFrom = d.Series.Points[b.Lower].Period.Label,
                    intervalTo = d.Series.Points[b.Upper].Period.Label,
                    levelBefore = b.LevelBefore,
                    levelAfter = b.LevelAfter,
                    strength = b.Strength,
                }),
            }),
            judgements = model.Judgements.OrderBy(j => j.Event.Date).Select(j => new
            {
                eventId = j.Event.Id,
                date = j.Event.Date.Text,
                series = j.Series,
                period = j.Period,
                label = j.Result.IsJudgement ? MarkdownReport.LabelText(j.Result.Label) : null,
                confidence = j.Result.Confidence,
                value = Finite(j.Result.Value),
                baseline = Baseline(j.Result.Baseline),
                rule = j.Result.Rule,
            }),
            triangles = model.Triangles.Select(t => new
            {
                actors = t.Actors.Actors,
                client = t.ClientCode,
                granularity = t.Granularity,
                window = t.Window,
                neutralZone = new { lower = t.Zone.Lower, upper = t.Zone.Upper, derivation = t.Zone.Derivation },
                periods = t.Periods.Select(p => new
                {
                    period = p.Period.Label,
                    ties = p.Ties.Select(x => new { pair = x.Label, score = Finite(x.Score), events = x.Events, sign = x.Sign }),
                    configuration = p.Classification.Describe(t.Actors),
                    determined = p.Classification.IsDetermined,
                    probabilities = p.Probabilities is { } q
                        ? new { menageATrois = q.MenageATrois, romanticTriangle = q.RomanticTriangle, stableMarriage = q.StableMarriage, unitVeto = q.UnitVeto }
                        : null,
                    fissure = Finite(p.Fissure),
                }),
            }),
            claims = model.Claims is { } audit ? ClaimsElement(audit) : (JsonElement?)null,
            ach = model.Ach is { } ach ? AchElement(ach) : (JsonElement?)null,
            model = model.Model is { } m ? new
            {
                notFitted = m.NotFitted,
                notes = m.Notes,
                outcome = m.Fit?.Outcome.Name,
                lag = m.Fit?.Lag,
                parameters = m.Fit?.Parameters.Select(p => new { name = p.Name, estimate = p.Estimate, lower = p.Lower, upper = p.Upper, meaning = p.Meaning }),
                validation = m.Fit?.Validation.Select(v => new { model = v.Model, patron = v.Patron, n = v.N, rmse = Finite(v.Rmse), mae = Finite(v.Mae) }),
                phases = m.Fit?.Phases.Select(p => new { id = p.Phase.Id, title = p.Phase.Title, observed = p.Observed, model = p.Model, modelShare = p.ModelShare, verdict = p.Verdict }),
                scenarios = m.Scenarios.Select(s => new
                {
                    reference = s.Reference,
                    notRun = s.NotRun,
                    title = s.Result?.Scenario.Title,
                    years = s.Result?.Years.Select(y => new
                    {
                        year = y.Year,
                        patrons = y.Patrons.Select(p => new { patron = p.Patron, mean = p.Mean, median = p.Median, p05 = p.P05, p95 = p.P95, probabilityAdvanced = p.ProbabilityAdvanced }),
                        configurations = y.Configurations.ToDictionary(c => c.Key.ToString(), c => c.Value),
                    }),
                }),
            } : null,
            events = model.Events.Select(e => new
            {
                id = e.Id,
                date = e.Date.Text,
                start = e.Date.Start,
                end = e.Date.End,
                source = e.Source,
                target = e.Target,
                witnesses = e.Witnesses,
                cameo = e.Code.Value,
                goldstein = e.Goldstein,
                level = e.Level,
                confidence = e.Confidence,
                magnitude = e.Magnitude?.ToString(),
                description = e.Description,
                sources = e.Sources.Select(c => new { reference = c.ToReference(), url = c.Url }),
                disputes = e.Disputes.Select(d => new { field = d.Field, note = d.Note }),
            }),
            provenance = model.Provenance,
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static JsonElement ClaimsElement(Claims.ClaimsAuditResult audit)
    {
        using var stream = new MemoryStream();
        ClaimsJson.Write(audit, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static JsonElement AchElement(Ach.AchResult ach)
    {
        using var stream = new MemoryStream();
        AchJson.Write(ach, stream);
        return JsonDocument.Parse(stream.ToArray()).RootElement.Clone();
    }

    private static object? Baseline(BaselinePoint? b) => b is null ? null : new { level = b.Level, lower = b.Lower, upper = b.Upper, observations = b.Observations };

    private static double? Finite(double? v) => v is { } x && double.IsFinite(x) ? x : null;
}
