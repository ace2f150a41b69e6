using System.Globalization;
using System.Text;
using Strata.Structure;

namespace Strata.Reports;

/// <summary>
/// The structural panel of a set of pairs as an SVG heat strip: one row per pair, one cell per year, coloured
/// by the pair's state that year (a strategic rivalry, a defence alliance, both, neither, or no data), with
/// the pair's yearly net cooperation from events drawn over its row. Self-contained: colours are inline, so
/// the SVG renders alone as well as inside the report; every cell has a tooltip with its values.
/// </summary>
public static class PanelChart
{
    private const int Width = 1100;
    private const int Left = 90;
    private const int Right = 16;
    private const int Top = 40;
    private const int RowHeight = 26;
    private const int Legend = 64;

    private const string RivalryColour = "#c0392b";
    private const string AllianceColour = "#2e6da4";
    private const string BothColour = "#8e44ad";
    private const string NeitherColour = "#e8e8e8";
    private const string MissingColour = "#ffffff";

    /// <param name="id">The SVG element id.</param>
    /// <param name="title">The chart's title.</param>
    /// <param name="panel">The panel: <c>rivalry.any</c>, <c>alliance.defense</c> (either direction) and <c>events.netcoop</c> are drawn.</param>
    /// <param name="pairs">The rows, in order.</param>
    /// <param name="from">First year.</param>
    /// <param name="to">Last year.</param>
    /// <param name="sources">The sources line printed under the chart.</param>
    public static string Render(string id, string title, IndicatorPanel panel, IReadOnlyList<(string A, string B)> pairs, int from, int to, string sources)
    {
        Check.NotBlank(id);
        Check.NotNull(panel);
        Check.NotNull(pairs);
        Check.That(from <= to, "the span must not end before it starts");
        var inv = CultureInfo.InvariantCulture;
        var years = to - from + 1;
        var cell = (double)(Width - Left - Right) / years;
        var height = Top + (pairs.Count * RowHeight) + Legend;
        double X(int year) => Left + ((year - from) * cell);

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{Html.Escape(id)}\" class=\"chart panel\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"{Html.Escape(id)}-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"11\">");
        sb.Append(inv, $"<title id=\"{Html.Escape(id)}-title\">{Html.Escape(title)}</title>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{Html.Escape(title)}</text>");
        for (var year = from; year <= to; year++)
        {
            if (year % 10 == 0)
            {
                sb.Append(inv, $"<text x=\"{X(year) + (cell / 2):0.#}\" y=\"{Top - 6}\" text-anchor=\"middle\" fill=\"#555\">{year}</text>");
                sb.Append(inv, $"<line x1=\"{X(year):0.#}\" x2=\"{X(year):0.#}\" y1=\"{Top - 2}\" y2=\"{Top + (pairs.Count * RowHeight)}\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            }
        }
        for (var row = 0; row < pairs.Count; row++)
        {
            var (a, b) = pairs[row];
            var y0 = Top + (row * RowHeight);
            sb.Append(inv, $"<text x=\"{Left - 8}\" y=\"{y0 + (RowHeight / 2) + 4}\" text-anchor=\"end\">{Html.Escape(a)}–{Html.Escape(b)}</text>");
            var line = new List<string>();
            for (var year = from; year <= to; year++)
            {
                var rivalry = panel.GetEither(IndicatorNames.RivalryAny, a, b, year);
                var alliance = panel.GetEither("alliance.defense", a, b, year);
                var netcoop = panel.GetEither(IndicatorNames.EventsNetCoop, a, b, year);
                var (state, colour) = (rivalry, alliance) switch
                {
                    ( > 0, > 0) => ("rivalry and defence alliance", BothColour),
                    ( > 0, _) => ("rivalry", RivalryColour),
                    (_, > 0) => ("defence alliance", AllianceColour),
                    (null, null) => ("no data", MissingColour),
                    _ => ("neither rivalry nor defence alliance", NeitherColour),
                };
                var tip = $"{a}–{b} {year}: {state}; rivalry {Text(rivalry)}, defence alliance {Text(alliance)}, net cooperation {Text(netcoop)}";
                sb.Append(inv, $"<rect x=\"{X(year):0.##}\" y=\"{y0 + 2}\" width=\"{cell:0.##}\" height=\"{RowHeight - 4}\" fill=\"{colour}\" stroke=\"#ccc\" stroke-width=\"0.3\"><title>{Html.Escape(tip)}</title></rect>");
                if (netcoop is { } n)
                {
                    line.Add(string.Create(inv, $"{X(year) + (cell / 2):0.#},{y0 + (RowHeight / 2.0) - (n * ((RowHeight / 2.0) - 3)):0.#}"));
                }
                else if (line.Count > 0)
                {
                    Polyline(sb, line);
                    line.Clear();
                }
            }
            Polyline(sb, line);
        }
        var ly = Top + (pairs.Count * RowHeight) + 20;
        var lx = (double)Left;
        foreach (var (label, colour) in new[] { ("rivalry", RivalryColour), ("defence alliance", AllianceColour), ("both", BothColour), ("neither", NeitherColour), ("no data", MissingColour) })
        {
            sb.Append(inv, $"<rect x=\"{lx:0.#}\" y=\"{ly - 10}\" width=\"12\" height=\"12\" fill=\"{colour}\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            sb.Append(inv, $"<text x=\"{lx + 16:0.#}\" y=\"{ly}\">{label}</text>");
            lx += 20 + (label.Length * 6.5);
        }
        sb.Append(inv, $"<line x1=\"{lx:0.#}\" x2=\"{lx + 20:0.#}\" y1=\"{ly - 4}\" y2=\"{ly - 4}\" stroke=\"#222\" stroke-width=\"1.2\"/>");
        sb.Append(inv, $"<text x=\"{lx + 24:0.#}\" y=\"{ly}\">net cooperation from events, −1 (row bottom) to +1 (row top)</text>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"{ly + 22}\" fill=\"#555\">Sources: {Html.Escape(sources)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static void Polyline(StringBuilder sb, List<string> points)
    {
        if (points.Count > 1)
        {
            sb.Append("<polyline fill=\"none\" stroke=\"#222\" stroke-width=\"1.2\" points=\"").Append(string.Join(' ', points)).Append("\"/>");
        }
        else if (points.Count == 1)
        {
            var xy = points[0].Split(',');
            sb.Append("<circle r=\"1.6\" fill=\"#222\" cx=\"").Append(xy[0]).Append("\" cy=\"").Append(xy[1]).Append("\"/>");
        }
    }

    private static string Text(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "no data";
}
