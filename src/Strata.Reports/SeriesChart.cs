using System.Globalization;
using System.Text;
using Strata.Analysis;
using Strata.Series;

namespace Strata.Reports;

/// <summary>
/// A relationship series as an SVG chart: the values, the long-run baseline with its fluctuation band, and the
/// structural breaks with their bootstrap intervals. Every point and break carries a tooltip.
/// </summary>
public static class SeriesChart
{
    private const int Width = 1100;
    private const int Height = 250;
    private const int Left = 56;
    private const int Right = 16;
    private const int Top = 28;
    private const int Bottom = 30;

    public static string Render(string id, string title, RelationSeries series, SeriesAnalysis analysis, IReadOnlyList<BaselinePoint?> baselines)
    {
        Check.NotNull(series);
        Check.NotNull(analysis);
        var inv = CultureInfo.InvariantCulture;
        var values = series.Values();
        var n = values.Length;
        var all = values.Where(double.IsFinite)
            .Concat(baselines.Where(b => b is not null).SelectMany(b => new[] { b!.Lower, b.Upper }))
            .ToList();
        var lo = all.Count == 0 ? -1 : all.Min();
        var hi = all.Count == 0 ? 1 : all.Max();
        if (hi - lo < 1e-9)
        {
            hi += 1;
            lo -= 1;
        }
        var pad = (hi - lo) * 0.06;
        lo -= pad;
        hi += pad;
        double X(double i) => Left + ((Width - Left - Right) * (n <= 1 ? 0.5 : i / (n - 1)));
        double Y(double v) => Top + ((Height - Top - Bottom) * (hi - v) / (hi - lo));

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{id}\" class=\"chart series\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(inv, $"<title id=\"{id}-title\">{Html.Escape(title)}</title>");
        foreach (var t in Ticks(lo, hi))
        {
            sb.Append(inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" class=\"grid-minor\"/>");
            sb.Append(inv, $"<text x=\"{Left - 6}\" y=\"{Y(t) + 4:0.#}\" class=\"axis\" text-anchor=\"end\">{t:0.##}</text>");
        }
        var step = Math.Max(1, (int)Math.Ceiling(n / 16.0));
        for (var i = 0; i < n; i += step)
        {
            sb.Append(inv, $"<text x=\"{X(i):0.#}\" y=\"{Height - 10}\" class=\"axis\" text-anchor=\"middle\">{series.Points[i].Period.Label}</text>");
        }

        // The band, as one polygon per run of periods that have a baseline.
        foreach (var run in Runs(Enumerable.Range(0, n).Where(i => baselines[i] is not null).ToList()))
        {
            var upper = run.Select(i => $"{X(i):0.#},{Y(baselines[i]!.Upper):0.#}");
            var lower = run.AsEnumerable().Reverse().Select(i => $"{X(i):0.#},{Y(baselines[i]!.Lower):0.#}");
            sb.Append(inv, $"<polygon class=\"band-area\" points=\"{string.Join(' ', upper.Concat(lower))}\"><title>fluctuation band: baseline ± 2 robust SD</title></polygon>");
            sb.Append(inv, $"<polyline class=\"baseline\" points=\"{string.Join(' ', run.Select(i => $"{X(i):0.#},{Y(baselines[i]!.Level):0.#}"))}\"/>");
        }
        foreach (var b in analysis.Breaks)
        {
            var x0 = X(b.Lower - 0.5);
            var x1 = X(b.Upper + 0.5);
            var x = X(b.FirstIndexAfter - 0.5);
            var label = series.Points[b.FirstIndexAfter].Period.Label;
            sb.Append(inv, $"<g class=\"break\"><title>structural break at {label}: level {b.LevelBefore:0.##} → {b.LevelAfter:0.##}; found in {b.Strength * 100:0}% of bootstrap replicates; 95% interval {series.Points[b.Lower].Period.Label} to {series.Points[b.Upper].Period.Label}</title>");
            sb.Append(inv, $"<rect x=\"{Math.Max(Left, x0):0.#}\" y=\"{Top}\" width=\"{Math.Max(2, Math.Min(x1, Width - Right) - Math.Max(Left, x0)):0.#}\" height=\"{Height - Top - Bottom}\" class=\"break-interval\"/>");
            sb.Append(inv, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" class=\"break-line\"/>");
            sb.Append(inv, $"<text x=\"{x + 3:0.#}\" y=\"{Top - 6}\" class=\"break-label\">{label}</text></g>");
        }
        foreach (var run in Runs(Enumerable.Range(0, n).Where(i => double.IsFinite(values[i])).ToList()))
        {
            sb.Append(inv, $"<polyline class=\"values\" points=\"{string.Join(' ', run.Select(i => $"{X(i):0.#},{Y(values[i]):0.#}"))}\"/>");
        }
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(values[i]))
            {
                var p = series.Points[i];
                sb.Append(inv, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(values[i]):0.#}\" r=\"2.6\" class=\"value-point\"><title>{p.Period.Label}: {values[i]:0.##} (weight {p.Weight:0.#}, {p.Events:0.#} events)</title></circle>");
            }
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static List<List<int>> Runs(List<int> indices)
    {
        var runs = new List<List<int>>();
        foreach (var i in indices)
        {
            if (runs.Count == 0 || runs[^1][^1] != i - 1)
            {
                runs.Add([]);
            }
            runs[^1].Add(i);
        }
        return runs;
    }

    private static IEnumerable<double> Ticks(double lo, double hi)
    {
        var raw = (hi - lo) / 5;
        var mag = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * mag).First(s => s >= raw);
        for (var t = Math.Ceiling(lo / step) * step; t <= hi; t += step)
        {
            yield return Math.Round(t, 10);
        }
    }
}
