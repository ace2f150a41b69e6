using System.Globalization;
using Strata.Analysis;

namespace Strata.Reports;

/// <summary>
/// How sure a judgement is, in the three levels analysts use (as in the US Intelligence Community's ICD 203):
/// high (strong evidence from several methods that agree), moderate (credible evidence with gaps or one method),
/// low (thin, ambiguous or conflicting evidence).
/// </summary>
public enum JudgementConfidence
{
    Low,
    Moderate,
    High,
}

/// <summary>A pointer from a judgement to the evidence behind it: a label and the id of an element of the report.</summary>
public sealed record EvidenceLink(string Label, string Anchor);

/// <summary>
/// One key judgement of the assessment: a statement generated from results, its confidence with the reason for
/// it, and links to the evidence in the report's sections.
/// </summary>
public sealed record KeyJudgement(string Id, string Topic, string Statement, JudgementConfidence Confidence, string ConfidenceReason, IReadOnlyList<EvidenceLink> Evidence);

/// <summary>
/// Writes the key judgements from a report's results. Every sentence is computed from the numbers in the model:
/// nothing here knows which case it is, and a judgement whose evidence is missing is left out rather than guessed.
/// </summary>
public static class AssessmentWriter
{
    public static IReadOnlyList<KeyJudgement> Write(ReportModel model)
    {
        Check.NotNull(model);
        var judgements = new List<KeyJudgement>();
        judgements.AddRange(model.Timing.Select((t, i) => FromTiming(t, i)).OfType<KeyJudgement>());
        judgements.AddRange(model.Structure.Select((d, i) => FromStructure(d, i)).OfType<KeyJudgement>());
        if (FromEventJudgements(model.Judgements) is { } events)
        {
            judgements.Add(events);
        }
        judgements.AddRange(model.Triangles.Select((t, i) => FromTriangle(t, i)).OfType<KeyJudgement>());
        if (model.Ach is { } ach)
        {
            judgements.Add(FromAch(ach));
        }
        if (model.Model is { } structural)
        {
            judgements.AddRange(FromModel(structural));
        }
        if (model.Claims is { Results.Count: > 0 } audit)
        {
            judgements.Add(FromClaims(audit));
        }
        return judgements;
    }

    /// <summary>A timing claim: supported, contradicted or undecided, with how strongly the data date the onset.</summary>
    internal static KeyJudgement? FromTiming(TimingFinding t, int index)
    {
        var o = t.Onset;
        if (o.Timing == OnsetTiming.NotFound)
        {
            return new KeyJudgement($"kj-timing-{index + 1}", "timing", $"The data cannot test the claim \"{t.Claim}\": {o.Explanation} of {t.SeriesDescription}.",
                JudgementConfidence.Low, "no onset was found, so the claim is untested, not refuted", [new("timing finding", "timing")]);
        }
        var months = o.IntervalEnd is { } end ? MonthsBetween(end, t.Reference) : 0;
        var lead = o.Start is { } start ? MonthsBetween(start, t.Reference) : 0;
        var statement = o.Timing switch
        {
            OnsetTiming.Before =>
                $"The claim that {Uncapital(t.Claim)} is supported: the change began about {lead} months before {t.ReferenceLabel}; " +
                $"onset {o.Start:yyyy-MM}, 95% interval {o.IntervalStart:yyyy-MM} to {o.IntervalEnd:yyyy-MM}, ending {months} months before it.",
            OnsetTiming.After =>
                $"The claim that {Uncapital(t.Claim)} is contradicted: the change began after {t.ReferenceLabel} (onset {o.Start:yyyy-MM}, " +
                $"95% interval {o.IntervalStart:yyyy-MM} to {o.IntervalEnd:yyyy-MM}).",
            _ =>
                $"The data cannot settle the claim that {Uncapital(t.Claim)}: the onset's interval ({o.IntervalStart:yyyy-MM} to {o.IntervalEnd:yyyy-MM}) contains {t.ReferenceLabel}.",
        };
        var (confidence, reason) = o.Method == "structural break"
            ? o.Strength >= 0.9 && o.Timing != OnsetTiming.Undecided
                ? (JudgementConfidence.High, $"a structural break found in {Pct(o.Strength)} of bootstrap replicates, whose whole 95% interval lies on one side of the date")
                : o.Strength >= 0.6 ? (JudgementConfidence.Moderate, $"a structural break found in {Pct(o.Strength)} of bootstrap replicates")
                : (JudgementConfidence.Low, $"a weak structural break ({Pct(o.Strength)} of bootstrap replicates)")
            : (JudgementConfidence.Low, "no structural break: the onset is dated by the first value outside the band, a single period");
        return new KeyJudgement($"kj-timing-{index + 1}", "timing", statement, confidence, reason + $"; series: {t.SeriesDescription}", [new("timing finding", "timing"), new("series with breaks", "structure")]);
    }

    /// <summary>Where a dyad stands in its last observed period, against its own history.</summary>
    internal static KeyJudgement? FromStructure(DyadStructure d, int index)
    {
        var points = d.Series.Points;
        var last = Enumerable.Range(0, points.Count).LastOrDefault(i => points[i].Value is not null, -1);
        if (last < 0)
        {
            return null;
        }
        var c = d.Analysis.Classify(last);
        if (!c.IsJudgement || c.Baseline is null)
        {
            return null;
        }
        var inv = CultureInfo.InvariantCulture;
        var period = points[last].Period.Label;
        var name = d.Title.Split(':')[0];
        var position = c.Label switch
        {
            EpisodeLabel.Noise => $"inside its long-run band ({c.Baseline.Lower.ToString("0.##", inv)} to {c.Baseline.Upper.ToString("0.##", inv)}): an ordinary fluctuation, not a rupture",
            EpisodeLabel.EpisodicDeviation => $"outside its long-run band ({c.Baseline.Lower.ToString("0.##", inv)} to {c.Baseline.Upper.ToString("0.##", inv)}) without a lasting break: an episodic deviation",
            EpisodeLabel.StructuralShift => "in a new regime after a lasting break away from its former level: a structural shift",
            _ => "back in its long-run band after a lasting break: a structural reversion",
        };
        var breaks = d.Analysis.Breaks;
        var history = breaks.Count == 0 ? "The series has no structural break."
            : $"Its most recent structural break starts in {points[breaks[^1].FirstIndexAfter].Period.Label} ({breaks[^1].LevelBefore.ToString("0.##", inv)} → {breaks[^1].LevelAfter.ToString("0.##", inv)}).";
        var statement = $"{name}: in {period} the relationship (value {c.Value?.ToString("0.##", inv)}) is {position}. {history}";
        var confidence = c.Confidence >= 0.8 ? JudgementConfidence.High : c.Confidence >= 0.5 ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        return new KeyJudgement($"kj-structure-{index + 1}", "structure", statement, confidence,
            $"classifier confidence {c.Confidence.ToString("0.00", inv)} ({c.Rule}); baseline from {c.Baseline.Observations} earlier periods",
            [new($"{name} series", $"series-{index + 1}")]);
    }

    /// <summary>How the judged events read as a group: how many are noise, deviations, shifts or reversions.</summary>
    internal static KeyJudgement? FromEventJudgements(IReadOnlyList<EventJudgement> judged)
    {
        var real = judged.Where(j => j.Result.IsJudgement).ToList();
        if (real.Count == 0)
        {
            return null;
        }
        var counts = real.GroupBy(j => j.Result.Label).ToDictionary(g => g.Key, g => g.Count());
        int N(EpisodeLabel l) => counts.GetValueOrDefault(l);
        var structural = N(EpisodeLabel.StructuralShift) + N(EpisodeLabel.StructuralReversion);
        var majority = N(EpisodeLabel.Noise) + N(EpisodeLabel.EpisodicDeviation) > structural
            ? "most are episodic signals: they do not coincide with a lasting change in their relationship"
            : "most coincide with a lasting change in their relationship";
        var statement = $"Of the {real.Count} events judged, {majority}. {N(EpisodeLabel.Noise)} fall inside their dyad's long-run band (noise), " +
            $"{N(EpisodeLabel.EpisodicDeviation)} are episodic deviations, {N(EpisodeLabel.StructuralShift)} structural shifts and {N(EpisodeLabel.StructuralReversion)} structural reversions" +
            (judged.Count > real.Count ? $"; {judged.Count - real.Count} could not be judged (too little history or no value)." : ".");
        var mean = real.Average(j => j.Result.Confidence);
        var confidence = mean >= 0.8 ? JudgementConfidence.High : mean >= 0.5 ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        return new KeyJudgement("kj-events", "events", statement, confidence,
            $"mean classifier confidence {mean.ToString("0.00", CultureInfo.InvariantCulture)} over {real.Count} events; yearly series, so several events of one year share one judgement",
            [new("judged events", "judgements")]);
    }

    /// <summary>The triangle's latest period with all three ties observed, read with its probabilities and history.</summary>
    internal static KeyJudgement? FromTriangle(Triangles.TriangleResult t, int index)
    {
        var inv = CultureInfo.InvariantCulture;
        var latest = t.Periods.LastOrDefault(p => p.Probabilities is not null);
        if (latest is null)
        {
            return null;
        }
        var p = latest.Probabilities!;
        var kinds = Enum.GetValues<Triangles.TriangleKind>().Select(k => (Kind: k, P: p.Of(k))).OrderByDescending(x => x.P).ToList();
        var top = kinds[0];
        var reading = latest.Classification.IsDetermined
            ? $"is a {latest.Classification.Configuration!.Brief(t.Actors)}"
            : $"is undetermined ({latest.Classification.Reason ?? "a tie lies in the neutral zone"}); the likeliest configuration is a {Kind(top.Kind)}";
        var window = t.Window > 1 ? $" (ties pooled over {t.Window} periods)" : "";
        var (first, second) = t.Patrons;
        var fissure = latest.Fissure is { } f
            ? f > 0 ? $" The fissure between {t.Actors[first]} and {t.Actors[second]}, as {t.ClientCode} sees it, is {f.ToString("0.00", inv)}: a split {t.ClientCode} can work."
                : $" There is no fissure between {t.Actors[first]} and {t.Actors[second]} for {t.ClientCode} to exploit (0.00)."
            : "";
        var tally = t.Tally();
        var history = tally.Count == 0 ? "" : $" Over {t.ObservedPeriods} periods with all three ties observed, the determined configurations were: " +
            string.Join("; ", tally.Select(x => $"{x.Configuration.Brief(t.Actors)} {x.Periods}")) + ".";
        var statement = $"The {t.Actors} triangle in {latest.Period.Label}{window} {reading}: probability {top.P.ToString("0.00", inv)} from the events behind each tie." + fissure + history;
        var confidence = top.P >= 0.8 ? JudgementConfidence.High : top.P >= 0.6 ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        var events = latest.Ties.Sum(x => x.Events);
        return new KeyJudgement($"kj-triangle-{index + 1}", "triangle", statement, confidence,
            $"the likeliest configuration has probability {top.P.ToString("0.00", inv)} ({events.ToString("0.#", inv)} events behind the three ties, ties assumed independent; neutral zone {t.Zone.Lower.ToString("0.00", inv)} to {t.Zone.Upper.ToString("0.00", inv)})",
            [new($"{t.Actors} triangle", $"triangle-{index + 1}")]);
    }

    /// <summary>The competing hypotheses: which reading survives, which the timing rules out, and what the ranking hangs on.</summary>
    internal static KeyJudgement FromAch(Ach.AchResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        string Title(string id) => r.Matrix.Hypotheses.First(h => h.Id == id).Title;
        string Score(Ach.HypothesisScore s) => s.Normalised is { } n ? n.ToString("0.00", inv) : "–";
        var ranking = r.Scores.Ranking;
        var top = r.Scores.Top;
        var lead = top.Count == 1
            ? $"Of {ranking.Count} competing readings, the least inconsistent with the evidence is {top[0]} ({Title(top[0])}; normalised inconsistency {Score(r.Scores.Of(top[0]))})"
            : $"Of {ranking.Count} competing readings, {string.Join(" and ", top.Select(t => $"{t} ({Title(t)})"))} tie as least inconsistent";
        var others = string.Join(", ", ranking.Where(s => !top.Contains(s.HypothesisId)).Select(s => $"{s.HypothesisId} {Score(s)}"));
        var timing = r.Timing.Where(t => t.Cell.Rating == Ach.Rating.II).ToList();
        var timingText = timing.Count == 0 ? "" : " The data rule out on timing: " + string.Join("; ", timing.Select(t =>
            $"{t.HypothesisId} ({Title(t.HypothesisId)}), because the effect's onset ({t.Onset.IntervalStart:yyyy-MM} to {t.Onset.IntervalEnd:yyyy-MM}) came before the cause ({t.Cause.Label}, {t.Cause.Date.Text})")) + ".";
        var hangs = r.Sensitivity.ItemsTopHangsOn;
        var sensitivity = hangs.Count == 0 ? " No single change of one item (dropping it, moving one rating a step, lowering its credibility) changes which reading ranks first."
            : $" The first place hangs on {hangs.Count} item(s): {string.Join(", ", hangs)}; a single change to any of them alters it.";
        var statement = $"{lead}; the others score {others}.{timingText}{sensitivity}";
        var gap = ranking.Count > 1 && ranking[0].Normalised is { } a && ranking.FirstOrDefault(s => s.Rank > 1)?.Normalised is { } b ? b - a : 0;
        var confidence = top.Count > 1 ? JudgementConfidence.Low
            : hangs.Count == 0 ? JudgementConfidence.High
            : hangs.Count <= 2 ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        var computed = r.Timing.Count;
        return new KeyJudgement("kj-ach", "hypotheses", statement, confidence,
            $"{r.Rows.Count} evidence items, {computed} timing link(s) rated from the data and the rest rated by the analyst; margin over the runner-up {gap.ToString("0.00", inv)} in normalised inconsistency; {hangs.Count} item(s) the first place hangs on",
            [new("ACH matrix", "ach")]);
    }

    /// <summary>The structural model: whether support tracked threat, against the baselines, and the phases; then the scenarios.</summary>
    internal static IEnumerable<KeyJudgement> FromModel(Data.Model.ModelReportResult r)
    {
        var inv = CultureInfo.InvariantCulture;
        if (r.Fit is not { } fit)
        {
            yield return new KeyJudgement("kj-model", "model", $"The structural model could not be fitted on the data in the store: {r.NotFitted}",
                JudgementConfidence.Low, "no fit, so nothing is claimed about the mechanism", [new("structural model", "model")]);
            yield break;
        }
        var beta = fit.Parameters.First(p => p.Name == "beta");
        var all = fit.Validation.Where(v => v.Patron == "all").ToDictionary(v => v.Model, v => v.Rmse);
        var structural = all.GetValueOrDefault(Strata.Model.BufferValueModel.Structural, double.NaN);
        var baselines = all.Where(kv => kv.Key != Strata.Model.BufferValueModel.Structural && double.IsFinite(kv.Value)).OrderBy(kv => kv.Value).ToList();
        var best = baselines.FirstOrDefault();
        var beats = baselines.Count > 0 && structural < best.Value;
        var excludesZero = beta.Lower > 0 || beta.Upper < 0;
        var direction = beta.Estimate > 0 ? "rose" : "fell";
        var mechanism = excludesZero
            ? $"A patron's support ({fit.Outcome.Name}: {fit.Outcome.Unit}) {direction} with the client's value to it, as the buffer-value mechanism says: β = {beta.Estimate.ToString("0.00", inv)} (95% interval {beta.Lower.ToString("0.00", inv)} to {beta.Upper.ToString("0.00", inv)})"
            : $"The data do not show that a patron's support ({fit.Outcome.Name}: {fit.Outcome.Unit}) tracked the client's value to it: β = {beta.Estimate.ToString("0.00", inv)}, whose 95% interval ({beta.Lower.ToString("0.00", inv)} to {beta.Upper.ToString("0.00", inv)}) includes zero";
        var validation = baselines.Count == 0 ? "" : beats
            ? $". Left out a decade at a time, the model predicts better than every simple baseline (error {structural.ToString("0.000", inv)} against {best.Value.ToString("0.000", inv)} for {best.Key})"
            : $". Left out a decade at a time, the {best.Key} baseline predicts better than the model (error {best.Value.ToString("0.000", inv)} against {structural.ToString("0.000", inv)})";
        var phases = fit.Phases;
        int Count(Strata.Model.PhaseVerdict v) => phases.Count(p => p.Verdict == v);
        var disagree = phases.Where(p => p.Verdict is Strata.Model.PhaseVerdict.DataDisagree or Strata.Model.PhaseVerdict.ModelOnly).Select(p => p.Phase.Title).ToList();
        var phaseText = phases.Count == 0 ? "" : $". Of the commentary's {phases.Count} phases, the model reproduces {Count(Strata.Model.PhaseVerdict.Reproduced)}, misses {Count(Strata.Model.PhaseVerdict.ModelMisses)} that the data show, and {disagree.Count} are not in the data at all" +
            (disagree.Count == 0 ? "" : $" (the data disagree with the commentary on: {string.Join("; ", disagree)})") +
            (Count(Strata.Model.PhaseVerdict.NoData) > 0 ? $"; {Count(Strata.Model.PhaseVerdict.NoData)} have no data" : "");
        var reduced = fit.Reduced is { } rf ? " " + rf.Explanation : "";
        var confidence = excludesZero && beats ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        yield return new KeyJudgement("kj-model", "model", mechanism + validation + phaseText + "." + reduced, confidence,
            (excludesZero ? "the effect's bootstrap interval excludes zero" : "the effect's bootstrap interval includes zero") + "; " +
            (beats ? "the model beats the simple baselines out of sample" : "a simple baseline beats the model out of sample") +
            $"; {fit.Points.Count} patron-years; never high, because support is measured by {fit.Outcome.Name} alone and years are treated as independent",
            [new("structural model", "model")]);

        var runs = r.Scenarios.Where(s => s.Result is not null).Select(s => s.Result!).ToList();
        if (runs.Count == 0)
        {
            yield break;
        }
        var last = runs.Min(s => s.Years[^1].Year);
        string At(Strata.Model.ScenarioResult s)
        {
            var y = s.Years.First(y => y.Year == last);
            return $"{s.Scenario.Title}: " + string.Join(", ", y.Patrons.Select(p =>
                $"{p.Patron} {p.Mean.ToString("0.0#", inv)} (5–95% {p.P05.ToString("0.#", inv)} to {p.P95.ToString("0.#", inv)})" +
                (p.ProbabilityAdvanced is { } a ? $", P(advanced transfer) {a.ToString("0.00", inv)}" : "")));
        }
        yield return new KeyJudgement("kj-scenarios", "scenarios",
            $"Projected to {last}, expected support ({runs[0].Outcome.Name}, {runs[0].Outcome.Unit}) by scenario — " + string.Join("; ", runs.Select(At)) + ".",
            JudgementConfidence.Low,
            $"{runs[0].Draws:N0} Monte Carlo draws over {runs[0].ParameterDraws} bootstrap parameter sets per scenario; projections inherit every limit of the fit above and assume its mechanism holds",
            [new("scenarios", "scenarios")]);
    }

    /// <summary>The claims audit in one judgement: how many claims the data support, contradict or cannot test.</summary>
    internal static KeyJudgement FromClaims(Claims.ClaimsAuditResult audit)
    {
        var n = audit.Results.Count;
        var supported = audit.Count(Claims.ClaimVerdict.Supported);
        var contradicted = audit.Results.Where(r => r.Verdict == Claims.ClaimVerdict.Contradicted).ToList();
        var untestable = audit.Count(Claims.ClaimVerdict.NotTestable);
        var tested = n - untestable;
        var statement = $"Of {n} checkable factual claims, the data support {supported} and contradict {contradicted.Count}; {untestable} cannot be tested with the data in the store." +
            (contradicted.Count == 0 ? "" : " Contradicted: " + string.Join("; ", contradicted.Select(r => $"{r.Claim.Id} ({Short(r.Finding)})")) + ".");
        var share = n == 0 ? 0 : (double)tested / n;
        var confidence = share >= 2.0 / 3 ? JudgementConfidence.High : share >= 1.0 / 3 ? JudgementConfidence.Moderate : JudgementConfidence.Low;
        var disputed = audit.Results.Count(r => r.Disputed);
        return new KeyJudgement("kj-claims", "claims", statement, confidence,
            $"{tested} of {n} claims could be tested against data independent of the claim's own source; {disputed} verdicts rest on fields where sources disagree",
            [new("claims audit", "claims")]);
    }

    private static string Short(string s)
    {
        var end = s.IndexOfAny(['.', ';']);
        var t = end > 0 ? s[..end] : s;
        return t.Length > 140 ? t[..140] + "…" : t;
    }

    private static string Kind(Triangles.TriangleKind k) => k switch
    {
        Triangles.TriangleKind.MenageATrois => "ménage à trois",
        Triangles.TriangleKind.RomanticTriangle => "romantic triangle",
        Triangles.TriangleKind.StableMarriage => "stable marriage",
        _ => "unit veto",
    };

    private static int MonthsBetween(DateOnly a, DateOnly b) => (b.Year - a.Year) * 12 + b.Month - a.Month;

    private static string Pct(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";

    private static string Uncapital(string s)
    {
        var t = s.TrimEnd('.');
        return t.Length > 1 && char.IsUpper(t[0]) && char.IsLower(t[1]) ? char.ToLowerInvariant(t[0]) + t[1..] : t;
    }
}
