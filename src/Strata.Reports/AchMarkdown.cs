using System.Globalization;
using System.Text;
using Strata.Ach;

namespace Strata.Reports;

/// <summary>
/// An ACH result as Markdown: ranking, matrix, diagnosticity, sensitivity, timing working and the analyst's reasons.
/// The command line prints it with <c>--format markdown</c>; the report can render the same sections.
/// </summary>
public static class AchMarkdown
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The whole result, with a level-2 heading per section.</summary>
    public static string Render(AchResult result)
    {
        Check.NotNull(result);
        var sb = new StringBuilder();
        var c = result.Case;
        sb.Append("# ").AppendLine(Cell(c.Title)).AppendLine();
        sb.AppendLine(Cell(c.Question)).AppendLine();
        if (c.Source is not null)
        {
            sb.Append(Inv, $"Case file: `{c.Source}`. ");
        }
        sb.AppendLine(Inv, $"Weights of low, medium and high credibility and relevance: {F(c.Weights.Low)}, {F(c.Weights.Medium)}, {F(c.Weights.High)}.").AppendLine();
        sb.AppendLine("## Ranking").AppendLine().Append(Ranking(result)).AppendLine();
        sb.AppendLine("## Matrix").AppendLine().Append(Matrix(result)).AppendLine();
        sb.AppendLine("## Sensitivity").AppendLine().Append(Sensitivity(result)).AppendLine();
        if (result.Timing.Count > 0)
        {
            sb.AppendLine("## Timing checks").AppendLine().Append(Timing(result)).AppendLine();
        }
        sb.AppendLine("## Evidence and reasons").AppendLine().Append(Reasons(result));
        return sb.ToString();
    }

    /// <summary>Hypotheses, least inconsistent first, with every score.</summary>
    public static string Ranking(AchResult result)
    {
        Check.NotNull(result);
        var sb = new StringBuilder();
        sb.AppendLine("| rank | hypothesis | inconsistency | weighted | normalised | support | items rated |");
        sb.AppendLine("|---:|---|---:|---:|---:|---:|---:|");
        foreach (var s in result.Scores.Ranking)
        {
            var h = result.Matrix.Hypotheses.First(x => x.Id == s.HypothesisId);
            sb.AppendLine(Inv, $"| {s.Rank} | **{h.Id}** {Cell(h.Title)} | {s.Inconsistency} | {F(s.Weighted)} | {(s.Normalised is { } n ? n.ToString("0.000", Inv) : "–")} | {F(s.Support)} | {s.RatedItems} |");
        }
        sb.AppendLine().AppendLine("Inconsistency: I = 1, II = 2. Weighted: × credibility weight × relevance weight. Normalised: weighted ÷ the weighted score if every rated item were II (0 to 1); the ranking uses it. Support (C = 1, CC = 2, weighted) is shown but not ranked on.");
        return sb.ToString();
    }

    /// <summary>Evidence × hypotheses with credibility, relevance, weight and diagnosticity; computed cells marked.</summary>
    public static string Matrix(AchResult result)
    {
        Check.NotNull(result);
        var hs = result.Matrix.Hypotheses;
        var sb = new StringBuilder();
        sb.Append("| evidence | cred. | rel. | weight | diag. |");
        foreach (var h in hs)
        {
            sb.Append(' ').Append(h.Id).Append(" |");
        }
        sb.AppendLine().Append("|---|---|---|---:|---:|");
        foreach (var _ in hs)
        {
            sb.Append(":---:|");
        }
        sb.AppendLine();
        foreach (var row in result.Rows)
        {
            var e = row.Item;
            var d = result.DiagnosticityOf(e.Id);
            sb.Append(Inv, $"| `{e.Id}` {Cell(e.Description)} | {Short(e.Credibility)} | {Short(e.Relevance)} | {F(d.Weight)} | {d.Spread} |");
            foreach (var h in hs)
            {
                sb.Append(' ').Append(CellText(e.Cells[h.Id])).Append(" |");
            }
            sb.AppendLine();
        }
        sb.AppendLine().AppendLine("\\* computed from the data by the timing rule; † the analyst's override of the computed rating (the computed one in brackets). Diag.: spread of the ratings across hypotheses on CC = +2 … II = −2 (0: the item cannot tell them apart).");
        return sb.ToString();
    }

    /// <summary>A cell as shown in the matrix: "II*", or "I† (II*)" when overridden.</summary>
    public static string CellText(AchCell cell)
    {
        Check.NotNull(cell);
        var r = RatingScale.Label(cell.Rating);
        return cell.IsOverridden ? $"{r}† ({RatingScale.Label(cell.Computed!.Value)}\\*)" : cell.IsComputed ? r + "\\*" : r;
    }

    /// <summary>The items the conclusion hangs on, and every single change that alters the ranking.</summary>
    public static string Sensitivity(AchResult result)
    {
        Check.NotNull(result);
        var s = result.Sensitivity;
        var sb = new StringBuilder();
        var top = string.Join(", ", result.Scores.Top);
        sb.AppendLine(Inv, $"{s.Outcomes.Count} single changes tried (each item dropped, each of its ratings moved one step either way, its credibility lowered one grade).");
        sb.AppendLine();
        sb.AppendLine(s.ItemsTopHangsOn.Count == 0
            ? $"No single change alters the top-ranked hypothesis ({top})."
            : $"The top-ranked hypothesis ({top}) hangs on: {string.Join(", ", s.ItemsTopHangsOn.Select(i => $"`{i}`"))}.");
        var others = s.ItemsRankingHangsOn.Except(s.ItemsTopHangsOn).ToList();
        if (others.Count > 0)
        {
            sb.AppendLine().AppendLine($"The order below the top also moves with: {string.Join(", ", others.Select(i => $"`{i}`"))}.");
        }
        var changes = s.Outcomes.Where(o => o.ChangesRanking).ToList();
        if (changes.Count > 0)
        {
            sb.AppendLine().AppendLine("| item | change | new ranking | top changes |").AppendLine("|---|---|---|:---:|");
            foreach (var o in changes)
            {
                sb.AppendLine(Inv, $"| `{o.EvidenceId}` | {Cell(o.Description)} | {RankingText(result, o)} | {(o.ChangesTop ? "yes" : "no")} |");
            }
        }
        return sb.ToString();
    }

    private static string RankingText(AchResult result, SensitivityOutcome o)
    {
        var hs = result.Matrix.Hypotheses;
        return string.Join(", ", Enumerable.Range(0, hs.Count).OrderBy(i => o.Ranking[i]).Select(i => $"{o.Ranking[i]}. {hs[i].Id}"));
    }

    /// <summary>Each timing check with the dates compared, the onset found and the rule applied.</summary>
    public static string Timing(AchResult result)
    {
        Check.NotNull(result);
        var sb = new StringBuilder();
        foreach (var t in result.Timing)
        {
            sb.AppendLine(Inv, $"**`{t.LinkId}`** ({t.HypothesisId}): {Cell(t.Description)}").AppendLine();
            var span = t.Cause.Date.Precision == Domain.DatePrecision.Day ? "" : $" ({D(t.Cause.Date.Start)} to {D(t.Cause.Date.End)})";
            sb.AppendLine(Inv, $"- cause: {Cell(t.Cause.Label)}, dated {t.Cause.Date.Text}{span}");
            sb.AppendLine(Inv, $"- effect: {Cell(t.Effect.ToString())}");
            sb.AppendLine(Inv, $"- onset ({t.Onset.Method}): {Cell(t.Onset.Explanation)}");
            sb.AppendLine(Inv, $"- rule: {Cell(t.Verdict.Reason)} → **{RatingScale.Label(t.Verdict.Rating)}**");
            if (t.Cell.IsOverridden)
            {
                sb.AppendLine(Inv, $"- override: **{RatingScale.Label(t.Cell.Rating)}** instead of {RatingScale.Label(t.Verdict.Rating)}, because {Cell(t.Cell.OverrideReason!)}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>Each item with what it rests on and the reason for each rating.</summary>
    public static string Reasons(AchResult result)
    {
        Check.NotNull(result);
        var sb = new StringBuilder();
        foreach (var row in result.Rows.Where(r => r.Timing is null))
        {
            var e = row.Item;
            sb.AppendLine(Inv, $"**`{e.Id}`** {Cell(e.Description)} (credibility {RatingScale.Label(e.Credibility)}, relevance {RatingScale.Label(e.Relevance)})").AppendLine();
            foreach (var w in row.Working)
            {
                sb.Append("- ").AppendLine(Cell(w));
            }
            foreach (var h in result.Matrix.Hypotheses)
            {
                var cell = e.Cells[h.Id];
                sb.AppendLine(Inv, $"- {h.Id}: **{RatingScale.Label(cell.Rating)}**{(cell.Rationale.Length > 0 ? " — " + Cell(cell.Rationale) : "")}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }

    private static string Short(Grade g) => g switch
    {
        Grade.Low => "L",
        Grade.Medium => "M",
        _ => "H",
    };

    private static string F(double v) => v.ToString("0.###", Inv);

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    /// <summary>Text made safe inside a table cell or a list item: one line, pipes escaped.</summary>
    private static string Cell(string s) => s.Replace("\r", "", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);
}
