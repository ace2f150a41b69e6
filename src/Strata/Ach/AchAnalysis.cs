using System.Globalization;
using Strata.Analysis;
using Strata.Series;

namespace Strata.Ach;

/// <summary>Where an analysis gets its relationship series (the store, in the command; a fixed series in tests).</summary>
public interface ISeriesSource
{
    /// <summary>The whole series: every period the data cover, with no value where a period has no data.</summary>
    RelationSeries Series(SeriesSelection selection);
}

/// <summary>A timing check shown with its working: the dates compared, the onset found and the rule applied.</summary>
/// <param name="LinkId">The row's id.</param>
/// <param name="HypothesisId">The hypothesis that states the link.</param>
/// <param name="Description">The link in words.</param>
/// <param name="Cause">The cause and its date.</param>
/// <param name="Effect">The series, direction and window searched.</param>
/// <param name="Onset">What <see cref="OnsetFinder"/> found: method, start, interval, bootstrap strength.</param>
/// <param name="Verdict">The rating the rule gives and why.</param>
/// <param name="Cell">The cell in force: the computed rating, or the analyst's override with its reason.</param>
public sealed record TimingWorking(
    string LinkId, string HypothesisId, string Description, CauseRef Cause, OnsetSpec Effect, Onset Onset, TimingVerdict Verdict, AchCell Cell);

/// <summary>A row of the matrix with what the data say about it.</summary>
/// <param name="Item">The item and its cells.</param>
/// <param name="Working">Lines showing what the item rests on (events, classifier labels, onsets, the timing rule).</param>
/// <param name="Timing">The timing check, for a computed row.</param>
public sealed record AchRow(EvidenceItem Item, IReadOnlyList<string> Working, TimingWorking? Timing);

/// <summary>Everything an ACH run produces: the matrix with its working, scores and ranking, diagnosticity, sensitivity.</summary>
public sealed record AchResult(
    AchCase Case, AchMatrix Matrix, IReadOnlyList<AchRow> Rows, AchScores Scores, IReadOnlyList<ItemDiagnosticity> Diagnosticity, SensitivityResult Sensitivity)
{
    public IReadOnlyList<TimingWorking> Timing => Rows.Where(r => r.Timing is not null).Select(r => r.Timing!).ToList();

    public ItemDiagnosticity DiagnosticityOf(string evidenceId) => Diagnosticity.First(d => d.EvidenceId == evidenceId);
}

/// <summary>
/// Runs an ACH case: computes the timing rows from the data, builds the matrix, and scores it. The command line
/// and the report call this one function.
/// </summary>
public static class AchAnalysis
{
    public static AchResult Run(AchCase achCase, ISeriesSource? series)
    {
        Check.NotNull(achCase);
        var data = new SeriesCache(series);
        var rows = new List<AchRow>();
        foreach (var item in achCase.Evidence)
        {
            rows.Add(new AchRow(item, Working(item.Link, item.Description, data), null));
        }
        foreach (var h in achCase.Hypotheses)
        {
            foreach (var link in h.Causes)
            {
                rows.Add(TimingRow(achCase, h, link, data));
            }
        }
        var matrix = new AchMatrix(achCase.Hypotheses, rows.Select(r => r.Item).ToList(), achCase.Weights);
        return new AchResult(achCase, matrix, rows, AchScoring.Score(matrix), AchScoring.Diagnosticity(matrix), AchSensitivity.Run(matrix));
    }

    private static AchRow TimingRow(AchCase achCase, Hypothesis h, TimingLink link, SeriesCache data)
    {
        var onset = data.Onset(link.Effect, link.Cause.Date.Start);
        var verdict = TimingRule.Judge(link.Cause.Date, onset);
        var cell = link.Override is { } o
            ? new AchCell(o.Rating, verdict.Reason, verdict.Rating, o.Reason)
            : new AchCell(verdict.Rating, verdict.Reason, verdict.Rating);
        var cells = new Dictionary<string, AchCell>(StringComparer.Ordinal);
        foreach (var other in achCase.Hypotheses)
        {
            cells[other.Id] = other.Id == h.Id ? cell
                : link.OtherCells.TryGetValue(other.Id, out var given) ? given
                : new AchCell(Rating.NA, $"this row tests {h.Id}'s stated link; it is not rated for {other.Id}");
        }
        var item = new EvidenceItem(link.Id, $"{h.Id}: {link.Description}", link.Credibility, link.Relevance, cells, new OnsetLink(link.Effect));
        var working = new List<string>
        {
            $"cause: {link.Cause.Label} ({link.Cause.Date.Text})",
            $"effect: {link.Effect}",
            $"onset: {onset.Explanation}",
            $"rule: {verdict.Reason} → {RatingScale.Label(verdict.Rating)} for {h.Id}",
        };
        if (link.Override is { } over)
        {
            working.Add($"override: {RatingScale.Label(over.Rating)} instead of {RatingScale.Label(verdict.Rating)}, because {over.Reason}");
        }
        return new AchRow(item, working, new TimingWorking(link.Id, h.Id, link.Description, link.Cause, link.Effect, onset, verdict, cell));
    }

    private static List<string> Working(EvidenceBasis link, string description, SeriesCache data)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (link)
        {
            case EventsLink events:
                return events.Events.Select(e => $"event {e.Id} ({e.Date.Text}, {e.Level.ToString().ToLowerInvariant()}): {Shorten(e.Description)}").ToList();
            case SeriesLink s:
                {
                    var (series, analysis) = data.Analysis(s.Series);
                    var lines = new List<string>();
                    for (var i = 0; i < series.Points.Count; i++)
                    {
                        var p = series.Points[i].Period;
                        if (!s.At.Overlaps(p.Start, p.End) || i > analysis.AsOf)
                        {
                            continue;
                        }
                        var c = analysis.Classify(i);
                        var label = c.IsJudgement ? LabelOf(c.Label) : "no judgement";
                        var value = c.Value is { } v ? v.ToString("0.##", inv) : "no data";
                        var band = c.Baseline is { } b ? string.Create(inv, $"{b.Lower:0.##} to {b.Upper:0.##}") : "none";
                        lines.Add(string.Create(inv, $"{s.Series} {p.Label}: {label} (confidence {c.Confidence:0.00}); value {value}, band {band}; {c.Rule}"));
                    }
                    return lines.Count > 0 ? lines : [$"{s.Series}: no period of the series overlaps {s.At.Text}"];
                }
            case OnsetLink o:
                return [$"{o.Onset}: {data.Onset(o.Onset, o.Onset.From.Start).Explanation}"];
            case ModelLink m:
                return [$"model {m.Model}: {m.Result}"];
            case TextLink t:
                return t.Text == description ? [] : [t.Text];
            default:
                return [];
        }
    }

    private static string Shorten(string s) => s.Length <= 160 ? s : s[..157].TrimEnd() + "…";

    /// <summary>A classifier label in words.</summary>
    public static string LabelOf(EpisodeLabel label) => label switch
    {
        EpisodeLabel.Noise => "noise",
        EpisodeLabel.EpisodicDeviation => "episodic deviation",
        EpisodeLabel.StructuralShift => "structural shift",
        _ => "structural reversion",
    };

    /// <summary>Each series fetched and analysed once per run.</summary>
    private sealed class SeriesCache(ISeriesSource? source)
    {
        private readonly Dictionary<SeriesSelection, (RelationSeries, SeriesAnalysis)> _cache = [];

        public (RelationSeries Series, SeriesAnalysis Analysis) Analysis(SeriesSelection selection)
        {
            if (!_cache.TryGetValue(selection, out var result))
            {
                if (source is null)
                {
                    ThrowHelper.Argument(nameof(source), $"the case needs the series {selection}, but no series source was given");
                }
                var series = source.Series(selection);
                var values = series.Values();
                var analysis = SeriesAnalysis.Run(values, ClassifierOptions.For(selection.Granularity));
                _cache[selection] = result = (series, analysis);
            }
            return result;
        }

        public Onset Onset(OnsetSpec spec, DateOnly reference)
        {
            var (series, analysis) = Analysis(spec.Series);
            var points = series.Points;
            if (points.Count == 0 || spec.To.End < points[0].Period.Start || spec.From.Start > points[^1].Period.End)
            {
                return new Onset(OnsetTiming.NotFound, "none", null, null, null, 0,
                    $"the window {spec.From.Text} to {spec.To.Text} lies outside the series ({(points.Count == 0 ? "empty" : $"{points[0].Period.Label} to {points[^1].Period.Label}")})");
            }
            var starts = points.Select(p => p.Period.Start).ToList();
            var ends = points.Select(p => p.Period.End).ToList();
            return OnsetFinder.Find(analysis, starts, ends, series.Values(), IndexOf(series, spec.From.Start), IndexOf(series, spec.To.End), spec.Downward, reference);
        }

        private static int IndexOf(RelationSeries series, DateOnly day)
        {
            for (var i = 0; i < series.Points.Count; i++)
            {
                if (series.Points[i].Period.Start <= day && day <= series.Points[i].Period.End)
                {
                    return i;
                }
            }
            return day < series.Points[0].Period.Start ? 0 : series.Points.Count - 1;
        }
    }
}
