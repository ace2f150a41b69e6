using System.Globalization;
using System.Text;
using Strata.Ach;

namespace Strata.Reports;

/// <summary>
/// An ACH matrix as a self-contained SVG: one row per item of evidence, one column per hypothesis, each cell coloured
/// by its rating (computed cells outlined, overrides dashed), each item's weight and diagnosticity on the right, and
/// each hypothesis' normalised inconsistency and rank below. Every cell carries its reason as a tooltip. Colours are
/// presentation attributes, so the chart needs no stylesheet.
/// </summary>
public static class AchMatrixChart
{
    private const int Width = 1100;
    private const int Left = 330;
    private const int RightPanel = 170;
    private const int HeaderTop = 34;
    private const int RowsTop = 74;
    private const int RowHeight = 24;

    public static string Render(AchResult result, string id = "ach-matrix")
    {
        Check.NotNull(result);
        Check.NotBlank(id);
        var inv = CultureInfo.InvariantCulture;
        var hs = result.Matrix.Hypotheses;
        var rows = result.Rows;
        var columnWidth = Math.Min(170.0, (Width - Left - RightPanel - 10) / (double)hs.Count);
        double X(int column) => Left + (column * columnWidth);
        double Y(int row) => RowsTop + (row * RowHeight);
        var scoresTop = Y(rows.Count) + 14;
        var legendTop = scoresTop + 66;
        var height = (int)legendTop + 68;
        var maxWeight = rows.Count == 0 ? 1 : rows.Max(r => result.DiagnosticityOf(r.Item.Id).Weight);

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{Html.Escape(id)}\" class=\"chart ach-matrix\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{Html.Escape(id)}-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\">");
        sb.Append(inv, $"<title id=\"{Html.Escape(id)}-title\">Competing hypotheses: {Html.Escape(result.Case.Title)}</title>");
        sb.Append(inv, $"<text x=\"10\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#1f2933\">{Html.Escape(result.Case.Title)}</text>");

        // Column headers: hypothesis id and rank.
        for (var c = 0; c < hs.Count; c++)
        {
            var s = result.Scores.Of(hs[c].Id);
            var cx = X(c) + (columnWidth / 2);
            sb.Append(inv, $"<g class=\"hypothesis\"><title>{Html.Escape(hs[c].Id)}: {Html.Escape(hs[c].Title)}</title>");
            sb.Append(inv, $"<text x=\"{cx:0.#}\" y=\"{HeaderTop + 14}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1f2933\">{Html.Escape(hs[c].Id)}</text>");
            sb.Append(inv, $"<text x=\"{cx:0.#}\" y=\"{HeaderTop + 30}\" text-anchor=\"middle\" fill=\"#52606d\">rank {s.Rank}</text></g>");
        }
        sb.Append(inv, $"<text x=\"{Width - RightPanel + 8}\" y=\"{HeaderTop + 30}\" fill=\"#52606d\">weight · diagnosticity</text>");

        for (var r = 0; r < rows.Count; r++)
        {
            var item = rows[r].Item;
            var d = result.DiagnosticityOf(item.Id);
            var y = Y(r);
            sb.Append(inv, $"<g class=\"evidence\"><title>{Html.Escape(item.Id)}: {Html.Escape(item.Description)} (credibility {RatingScale.Label(item.Credibility)}, relevance {RatingScale.Label(item.Relevance)})</title>");
            sb.Append(inv, $"<text x=\"{Left - 8}\" y=\"{y + 16:0.#}\" text-anchor=\"end\" fill=\"#1f2933\">{Html.Escape(item.Id)}</text></g>");
            for (var c = 0; c < hs.Count; c++)
            {
                var cell = item.Cells[hs[c].Id];
                var (fill, ink) = Colours(cell.Rating);
                var stroke = cell.IsComputed ? "stroke=\"#1f2933\" stroke-width=\"2\"" : "stroke=\"#ffffff\" stroke-width=\"1\"";
                if (cell.IsOverridden)
                {
                    stroke += " stroke-dasharray=\"4 2\"";
                }
                var label = RatingScale.Label(cell.Rating) + (cell.IsOverridden ? "†" : cell.IsComputed ? "*" : "");
                var tip = $"{item.Id} × {hs[c].Id}: {RatingScale.Label(cell.Rating)}"
                    + (cell.IsOverridden ? $" (computed {RatingScale.Label(cell.Computed!.Value)}; overridden because {cell.OverrideReason})" : cell.IsComputed ? " (computed from the data)" : "")
                    + (cell.Rationale.Length > 0 ? " — " + cell.Rationale : "");
                sb.Append(inv, $"<g class=\"cell rating-{label.TrimEnd('*', '†').ToLowerInvariant()}\"><title>{Html.Escape(tip)}</title>");
                sb.Append(inv, $"<rect x=\"{X(c) + 2:0.#}\" y=\"{y + 2:0.#}\" width=\"{columnWidth - 4:0.#}\" height=\"{RowHeight - 4}\" fill=\"{fill}\" {stroke}/>");
                sb.Append(inv, $"<text x=\"{X(c) + (columnWidth / 2):0.#}\" y=\"{y + 16:0.#}\" text-anchor=\"middle\" fill=\"{ink}\">{Html.Escape(label)}</text></g>");
            }
            var barWidth = 90 * d.Weight / maxWeight;
            sb.Append(inv, $"<g class=\"weight\"><title>weight {d.Weight:0.###} (credibility × relevance); diagnosticity {d.Spread} (spread of the ratings, 0–4)</title>");
            sb.Append(inv, $"<rect x=\"{Width - RightPanel + 8}\" y=\"{y + 7:0.#}\" width=\"{barWidth:0.#}\" height=\"10\" fill=\"#9aa5b1\"/>");
            sb.Append(inv, $"<text x=\"{Width - RightPanel + 104}\" y=\"{y + 16:0.#}\" fill=\"#52606d\">{d.Weight:0.##} · {d.Spread}</text></g>");
        }

        // Normalised inconsistency per hypothesis, as a bar on 0–1 under its column.
        sb.Append(inv, $"<text x=\"{Left - 8}\" y=\"{scoresTop + 16:0.#}\" text-anchor=\"end\" fill=\"#1f2933\">normalised inconsistency (0–1)</text>");
        sb.Append(inv, $"<text x=\"{Left - 8}\" y=\"{scoresTop + 40:0.#}\" text-anchor=\"end\" fill=\"#52606d\">weighted (count)</text>");
        for (var c = 0; c < hs.Count; c++)
        {
            var s = result.Scores.Of(hs[c].Id);
            var w = (columnWidth - 12) * (s.Normalised ?? 0);
            sb.Append(inv, $"<g class=\"score\"><title>{Html.Escape(hs[c].Id)}: normalised {(s.Normalised is { } n ? n.ToString("0.000", inv) : "none (no item applies)")}, weighted {s.Weighted:0.###}, count {s.Inconsistency}, rank {s.Rank}</title>");
            sb.Append(inv, $"<rect x=\"{X(c) + 6:0.#}\" y=\"{scoresTop + 4:0.#}\" width=\"{columnWidth - 12:0.#}\" height=\"16\" fill=\"#f5f7fa\" stroke=\"#cbd2d9\"/>");
            sb.Append(inv, $"<rect x=\"{X(c) + 6:0.#}\" y=\"{scoresTop + 4:0.#}\" width=\"{w:0.#}\" height=\"16\" fill=\"#b2182b\" fill-opacity=\"0.75\"/>");
            sb.Append(inv, $"<text x=\"{X(c) + (columnWidth / 2):0.#}\" y=\"{scoresTop + 16:0.#}\" text-anchor=\"middle\" fill=\"#1f2933\">{(s.Normalised is { } v ? v.ToString("0.000", inv) : "–")}</text>");
            sb.Append(inv, $"<text x=\"{X(c) + (columnWidth / 2):0.#}\" y=\"{scoresTop + 40:0.#}\" text-anchor=\"middle\" fill=\"#52606d\">{s.Weighted:0.##} ({s.Inconsistency})</text></g>");
        }

        // Legend, units and source.
        var lx = 10.0;
        foreach (var rating in new[] { Rating.CC, Rating.C, Rating.N, Rating.I, Rating.II, Rating.NA })
        {
            var (fill, ink) = Colours(rating);
            sb.Append(inv, $"<rect x=\"{lx:0.#}\" y=\"{legendTop:0.#}\" width=\"34\" height=\"18\" fill=\"{fill}\" stroke=\"#cbd2d9\"/>");
            sb.Append(inv, $"<text x=\"{lx + 17:0.#}\" y=\"{legendTop + 13:0.#}\" text-anchor=\"middle\" fill=\"{ink}\">{RatingScale.Label(rating)}</text>");
            lx += 40;
        }
        sb.Append(inv, $"<text x=\"{lx + 6:0.#}\" y=\"{legendTop + 13:0.#}\" fill=\"#52606d\">very consistent … very inconsistent, not applicable; * computed from the data by the timing rule, † analyst's override (dashed)</text>");
        var weights = result.Case.Weights;
        sb.Append(inv, $"<text x=\"10\" y=\"{legendTop + 38:0.#}\" fill=\"#52606d\">Inconsistency: I = 1, II = 2, × credibility weight × relevance weight (low/medium/high = {weights.Low:0.###}/{weights.Medium:0.###}/{weights.High:0.###}); normalised = weighted ÷ its maximum (all II). Method: docs/ach.md.</text>");
        if (result.Case.Source is not null)
        {
            sb.Append(inv, $"<text x=\"10\" y=\"{legendTop + 56:0.#}\" fill=\"#52606d\">Source: {Html.Escape(result.Case.Source)} (ratings with their reasons in the tooltips); series from the Strata store.</text>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>Fill and text colour of a rating: greens for consistent, greys for neutral, reds for inconsistent.</summary>
    private static (string Fill, string Ink) Colours(Rating rating) => rating switch
    {
        Rating.CC => ("#1b7837", "#ffffff"),
        Rating.C => ("#a6dba0", "#1f2933"),
        Rating.N => ("#e4e7eb", "#1f2933"),
        Rating.I => ("#f4a582", "#1f2933"),
        Rating.II => ("#b2182b", "#ffffff"),
        _ => ("#ffffff", "#7b8794"),
    };
}
