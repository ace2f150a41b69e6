using System.Globalization;
using System.Text;
using Strata.Model;

namespace Strata.Reports;

/// <summary>
/// The buffer-value model's fit as a self-contained SVG: one panel per patron with the observed (transformed)
/// support, the model's E[y] and its 90% bootstrap band, and the commentary's phases for this outcome shaded and
/// labelled with their verdicts. Styles are inline; nothing is loaded from outside.
/// </summary>
public static class ModelFitChart
{
    private const int Width = 1100;
    private const int PanelHeight = 220;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 56;
    private const int Gap = 34;
    private const int Bottom = 58;

    internal const string Style = """
        <style>
        .t{font:600 15px sans-serif;fill:#222}.s{font:12px sans-serif;fill:#444}.a{font:11px sans-serif;fill:#555}
        .g{stroke:#e4e4e4;stroke-width:1}.obs{fill:none;stroke:#1f4e9c;stroke-width:1.6}.dot{fill:#1f4e9c}
        .fit{fill:none;stroke:#c0392b;stroke-width:2}.band{fill:#c0392b;fill-opacity:.15;stroke:none}
        .ph{fill:#888;fill-opacity:.08}.ph-ok{fill:#2e8b57;fill-opacity:.12}.ph-no{fill:#e67e22;fill-opacity:.12}.pl{font:10px sans-serif;fill:#333}
        .p05{fill:#1f4e9c;fill-opacity:.18}.p25{fill:#1f4e9c;fill-opacity:.3}.med{fill:none;stroke:#1f4e9c;stroke-width:2}
        .mean{fill:none;stroke:#1f4e9c;stroke-width:1.2;stroke-dasharray:4 3}.adv{fill:none;stroke:#c0392b;stroke-width:1.8}
        </style>
        """;

    public static string Render(BufferValueFit fit, string id = "model-fit")
    {
        Check.NotNull(fit);
        var inv = CultureInfo.InvariantCulture;
        var patrons = fit.Case.PatronActors;
        var height = Top + (patrons.Count * (PanelHeight + Gap)) + Bottom - Gap;
        var years = fit.Points.Select(p => p.Year).ToList();
        var (y0, y1) = (years.Min(), years.Max());
        var hi = fit.Points.SelectMany(p => new[] { p.Observed ?? 0, p.Upper, p.Fitted }).Where(double.IsFinite).DefaultIfEmpty(1).Max() * 1.08;
        hi = hi <= 0 ? 1 : hi;
        double X(double year) => Left + ((Width - Left - Right) * (y1 == y0 ? 0.5 : (year - y0) / (y1 - y0)));
        var title = $"{fit.Case.Title}: {fit.Outcome.Name} support by patron, observed and fitted";
        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{id}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(Style);
        sb.Append(inv, $"<title id=\"{id}-title\">{Html.Escape(title)}</title>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"20\" class=\"t\">{Html.Escape(title)}</text>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"38\" class=\"s\">{Html.Escape($"y = ln(1 + {fit.Outcome.Indicator}){(fit.Outcome.Unit.Length > 0 ? $", {fit.Outcome.Unit}" : "")}; blue: observed; red: model E[y] with 90% bootstrap band (lag {fit.Lag}, η {fit.Eta}); shaded: the commentary's phases (green reproduced, orange not)")}</text>");
        for (var pi = 0; pi < patrons.Count; pi++)
        {
            var top = Top + (pi * (PanelHeight + Gap));
            double Y(double v) => top + (PanelHeight * (hi - v) / hi);
            sb.Append(inv, $"<text x=\"{Left}\" y=\"{top - 6}\" class=\"s\">{Html.Escape(patrons[pi])}</text>");
            foreach (var t in Ticks(0, hi))
            {
                sb.Append(inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" class=\"g\"/><text x=\"{Left - 6}\" y=\"{Y(t) + 4:0.#}\" class=\"a\" text-anchor=\"end\">{t:0.#}</text>");
            }
            foreach (var ph in fit.Phases)
            {
                var cls = ph.Verdict == PhaseVerdict.Reproduced ? "ph-ok" : ph.Verdict is PhaseVerdict.ModelMisses or PhaseVerdict.ModelOnly ? "ph-no" : "ph";
                var a = X(Math.Max(y0, ph.Phase.Years.From) - 0.5);
                var b = X(Math.Min(y1, ph.Phase.Years.To) + 0.5);
                sb.Append(inv, $"<g><title>{Html.Escape($"{ph.Phase.Title} ({ph.Phase.Years}): {Describe(ph.Verdict)}; reproduced in {ph.ModelShare:P0} of bootstrap replicates. Source: {ph.Phase.Source}")}</title>");
                sb.Append(inv, $"<rect x=\"{a:0.#}\" y=\"{top}\" width=\"{Math.Max(1, b - a):0.#}\" height=\"{PanelHeight}\" class=\"{cls}\"/>");
                if (pi == 0)
                {
                    sb.Append(inv, $"<text x=\"{a + 2:0.#}\" y=\"{top + 11}\" class=\"pl\">{Html.Escape(ph.Phase.Id)}</text>");
                }
                sb.Append("</g>");
            }
            var points = fit.Points.Where(p => p.Patron == patrons[pi]).OrderBy(p => p.Year).ToList();
            var upper = points.Select(p => $"{X(p.Year):0.#},{Y(p.Upper):0.#}");
            var lower = points.AsEnumerable().Reverse().Select(p => $"{X(p.Year):0.#},{Y(p.Lower):0.#}");
            sb.Append(inv, $"<polygon class=\"band\" points=\"{string.Join(' ', upper.Concat(lower))}\"/>");
            sb.Append(inv, $"<polyline class=\"fit\" points=\"{string.Join(' ', points.Select(p => $"{X(p.Year):0.#},{Y(p.Fitted):0.#}"))}\"/>");
            var observed = points.Where(p => p.Observed is not null).ToList();
            sb.Append(inv, $"<polyline class=\"obs\" points=\"{string.Join(' ', observed.Select(p => $"{X(p.Year):0.#},{Y(p.Observed!.Value):0.#}"))}\"/>");
            foreach (var p in observed)
            {
                sb.Append(inv, $"<circle cx=\"{X(p.Year):0.#}\" cy=\"{Y(p.Observed!.Value):0.#}\" r=\"2\" class=\"dot\"><title>{p.Patron} {p.Year}: observed {p.Observed:0.##}, fitted {p.Fitted:0.##} [{p.Lower:0.##}, {p.Upper:0.##}], threat {p.Threat:0.##}, value {p.Value:0.##}</title></circle>");
            }
            for (var year = (int)Math.Ceiling(y0 / 10.0) * 10; year <= y1; year += 10)
            {
                sb.Append(inv, $"<text x=\"{X(year):0.#}\" y=\"{top + PanelHeight + 14}\" class=\"a\" text-anchor=\"middle\">{year}</text>");
            }
        }
        sb.Append(inv, $"<text x=\"{Left}\" y=\"{height - 12}\" class=\"a\">{Html.Escape(Sources(fit.Case, fit.Outcome))}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>A verdict in words.</summary>
    public static string Describe(PhaseVerdict v) => v switch
    {
        PhaseVerdict.Reproduced => "the data show it and the model reproduces it",
        PhaseVerdict.ModelMisses => "the data show it; the model does not reproduce it",
        PhaseVerdict.DataDisagree => "the data do not show it (the data disagree with the commentary)",
        PhaseVerdict.ModelOnly => "the data do not show it, though the model does",
        _ => "no data in these years",
    };

    internal static string Sources(BufferCase c, OutcomeSpec o) =>
        $"Sources: {o.Indicator} ({(o.Indicator.StartsWith("arms.", StringComparison.Ordinal) ? "SIPRI Arms Transfers Database" : "the stored events")}); rivalries: Thompson & Dreyer (2012), Thompson, Sakuwa & Suhas (2021); capability: COW NMC v7.0; alliances: COW Formal Alliances v4.1; phases: Jun (2025). Case: {c.Id}.";

    internal static IEnumerable<double> Ticks(double lo, double hi)
    {
        var span = hi - lo;
        var step = Math.Pow(10, Math.Floor(Math.Log10(span / 4)));
        if (span / step > 8)
        {
            step *= 2;
        }
        for (var t = Math.Ceiling(lo / step) * step; t <= hi; t += step)
        {
            yield return t;
        }
    }
}
