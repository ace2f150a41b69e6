using System.Globalization;
using System.Text;
using Strata.Model;

namespace Strata.Reports;

/// <summary>
/// A scenario as a self-contained SVG fan chart: per patron, the median projected support with its 5–95% band and
/// the mean (dashed), on the outcome's own scale, and the probability of an advanced-technology transfer on a
/// second axis from 0 to 1. Styles are inline; nothing is loaded from outside.
/// </summary>
public static class ScenarioChart
{
    private const int Width = 1100;
    private const int PanelHeight = 200;
    private const int Left = 64;
    private const int Right = 56;
    private const int Top = 56;
    private const int Gap = 34;
    private const int Bottom = 58;

    public static string Render(ScenarioResult result, string id = "scenario")
    {
        Check.NotNull(result);
        var inv = CultureInfo.InvariantCulture;
        var patrons = result.Case.PatronActors;
        var height = Top + (patrons.Count * (PanelHeight + Gap)) + Bottom - Gap;
        var (y0, y1) = (result.Years[0].Year, result.Years[^1].Year);
        var hi = result.Years.SelectMany(y => y.Patrons).Select(p => Math.Max(p.P95, p.Mean)).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.08;
        hi = hi <= 0 ? 1 : hi;
        double X(double year) => Left + ((Width - Left - Right) * (y1 == y0 ? 0.5 : (year - y0) / (y1 - y0)));
        var title = $"Scenario “{result.Scenario.Title}”: projected {result.Outcome.Name} support, {result.Scenario.Horizon}";
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{id}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(ModelFitChart.Style);
        sb.Append(inv, $"<title id=\"{id}-title\">{Html.Escape(title)}</title>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"20\" class=\"t\">{Html.Escape(title)}</text>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"38\" class=\"s\">{Html.Escape($"{result.Outcome.Indicator}{(result.Outcome.Unit.Length > 0 ? $" ({result.Outcome.Unit})" : "")}: median, 5–95% band, mean dashed; red: P(advanced-technology transfer), right axis; {result.Draws:N0} draws, seed {result.Seed}")}</text>");
        for (var pi = 0; pi < patrons.Count; pi++)
        {
            var top = Top + (pi * (PanelHeight + Gap));
            double Y(double v) => top + (PanelHeight * (hi - v) / hi);
            double P(double v) => top + (PanelHeight * (1 - v));
            sb.Append(inv, $"<text x=\"{Left}\" y=\"{top - 6}\" class=\"s\">{Html.Escape(patrons[pi])}</text>");
            foreach (var t in ModelFitChart.Ticks(0, hi))
            {
                sb.Append(inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" class=\"g\"/><text x=\"{Left - 6}\" y=\"{Y(t) + 4:0.#}\" class=\"a\" text-anchor=\"end\">{t:0.##}</text>");
            }
            foreach (var t in new[] { 0.0, 0.5, 1.0 })
            {
                sb.Append(inv, $"<text x=\"{Width - Right + 6}\" y=\"{P(t) + 4:0.#}\" class=\"a\">{t:0.#}</text>");
            }
            var rows = result.Years.Select(y => (y.Year, P: y.Patrons[pi])).ToList();
            var upper = rows.Select(r => $"{X(r.Year):0.#},{Y(r.P.P95):0.#}");
            var lower = rows.AsEnumerable().Reverse().Select(r => $"{X(r.Year):0.#},{Y(r.P.P05):0.#}");
            sb.Append(inv, $"<polygon class=\"p05\" points=\"{string.Join(' ', upper.Concat(lower))}\"><title>5–95% band</title></polygon>");
            sb.Append(inv, $"<polyline class=\"med\" points=\"{string.Join(' ', rows.Select(r => $"{X(r.Year):0.#},{Y(r.P.Median):0.#}"))}\"/>");
            sb.Append(inv, $"<polyline class=\"mean\" points=\"{string.Join(' ', rows.Select(r => $"{X(r.Year):0.#},{Y(r.P.Mean):0.#}"))}\"/>");
            if (rows.All(r => r.P.ProbabilityAdvanced is not null))
            {
                sb.Append(inv, $"<polyline class=\"adv\" points=\"{string.Join(' ', rows.Select(r => $"{X(r.Year):0.#},{P(r.P.ProbabilityAdvanced!.Value):0.#}"))}\"/>");
            }
            foreach (var r in rows)
            {
                sb.Append(inv, $"<circle cx=\"{X(r.Year):0.#}\" cy=\"{Y(r.P.Median):0.#}\" r=\"1.5\" class=\"dot\"><title>{r.P.Patron} {r.Year}: median {r.P.Median:0.##}, 5–95% [{r.P.P05:0.##}, {r.P.P95:0.##}], mean {r.P.Mean:0.##}, P(any support) {r.P.ProbabilitySupport:0.##}, P(advanced) {(r.P.ProbabilityAdvanced is { } a ? a.ToString("0.###", inv) : "n/a")}, value {r.P.Value:0.##}</title></circle>");
            }
            for (var year = (int)Math.Ceiling(y0 / 5.0) * 5; year <= y1; year += 5)
            {
                sb.Append(inv, $"<text x=\"{X(year):0.#}\" y=\"{top + PanelHeight + 14}\" class=\"a\" text-anchor=\"middle\">{year}</text>");
            }
        }
        sb.Append(inv, $"<text x=\"{Left}\" y=\"{height - 12}\" class=\"a\">{Html.Escape($"Model: buffer-value model fitted on {result.Case.Id} ({result.ParameterDraws} bootstrap parameter vectors). Scenario source: {result.Scenario.Source}. {ModelFitChart.Sources(result.Case, result.Outcome)}")}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }
}
