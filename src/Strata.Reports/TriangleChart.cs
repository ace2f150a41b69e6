using System.Globalization;
using System.Text;
using Strata.Triangles;

namespace Strata.Reports;

/// <summary>
/// A strategic triangle over time as a self-contained SVG: the three ties' scores with the neutral zone, the
/// configuration of each period, each actor's role, the probabilities of the four configurations (continuous
/// version) and the fissure between the patrons as seen by the client. Colours are inline, so the file stands alone;
/// every cell carries a tooltip with its numbers.
/// </summary>
public static class TriangleChart
{
    private const int Width = 1100;
    private const int Left = 190;
    private const int Right = 20;
    private const int Top = 52;
    private const int TieRow = 40;
    private const int BandRow = 24;
    private const int ProbabilityRow = 64;
    private const int FissureRow = 40;
    private const int Gap = 8;

    /// <summary>Colours of the configurations (and of the probability bands).</summary>
    public static string Colour(TriangleKind kind) => kind switch
    {
        TriangleKind.MenageATrois => "#1b9e77",
        TriangleKind.RomanticTriangle => "#3b6fb6",
        TriangleKind.StableMarriage => "#e08a1e",
        _ => "#c0392b",
    };

    public static string Colour(TriangleRole role) => role switch
    {
        TriangleRole.Friend => "#1b9e77",
        TriangleRole.Pivot => "#1f3f7a",
        TriangleRole.Wing => "#8fb3e3",
        TriangleRole.Partner => "#e08a1e",
        TriangleRole.Outcast => "#7b241c",
        _ => "#c0392b",
    };

    private const string Undetermined = "#c8c8c8";

    /// <param name="result">The triangle series.</param>
    /// <param name="title">The chart's title; null for "Strategic triangle A–B–C by year".</param>
    /// <param name="source">The data behind it, for the source line (e.g. "bundled chronology (352 events)").</param>
    /// <param name="id">The SVG element id (unique within a page).</param>
    public static string Render(TriangleResult result, string? title = null, string? source = null, string id = "triangle")
    {
        Check.NotNull(result);
        var inv = CultureInfo.InvariantCulture;
        var actors = result.Actors;
        var periods = result.Periods;
        var n = Math.Max(1, periods.Count);
        var cell = (double)(Width - Left - Right) / n;
        double X(int i) => Left + (i * cell);
        title ??= $"Strategic triangle {actors} by {result.Granularity.ToString().ToLowerInvariant()}";

        // Row positions.
        var y = Top;
        var tieTop = new int[3];
        for (var t = 0; t < 3; t++)
        {
            tieTop[t] = y;
            y += TieRow;
        }
        y += Gap;
        var configTop = y;
        y += BandRow;
        var roleTop = new int[3];
        for (var a = 0; a < 3; a++)
        {
            roleTop[a] = y;
            y += BandRow;
        }
        y += Gap;
        var probTop = y;
        y += ProbabilityRow + Gap;
        var fissureTop = y;
        y += FissureRow;
        var axisY = y + 16;
        var legendY = axisY + 22;
        var sourceY = legendY + 42;
        var height = sourceY + 14;

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"{Html.Escape(id)}\" class=\"chart triangle\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{Html.Escape(id)}-title\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"11\">");
        sb.Append(inv, $"<title id=\"{Html.Escape(id)}-title\">{Html.Escape(title)}</title>");
        sb.Append(inv, $"<rect x=\"0\" y=\"0\" width=\"{Width}\" height=\"{height}\" fill=\"#ffffff\"/>");
        sb.Append(inv, $"<text x=\"{Left}\" y=\"20\" font-size=\"15\" font-weight=\"bold\" fill=\"#222\">{Html.Escape(title)}</text>");
        var clientLabel = $"{result.ClientCode} as client of {actors[result.Patrons.First]} and {actors[result.Patrons.Second]}";
        sb.Append(inv, $"<text x=\"{Left}\" y=\"38\" fill=\"#555\">Ties: net cooperation of events (−1 to 1){(result.Window > 1 ? $", pooled over {result.Window} periods" : "")}; neutral zone [{result.Zone.Lower:0.###}, {result.Zone.Upper:0.###}] shaded; fissure for {Html.Escape(clientLabel)}</text>");

        // Tie rows: a bar per period from 0 to the score, the neutral zone shaded, a cross where the tie is missing.
        for (var t = 0; t < 3; t++)
        {
            var top = tieTop[t];
            var mid = top + (TieRow / 2.0);
            var half = (TieRow / 2.0) - 3;
            double Ys(double s) => mid - (s * half);
            sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{mid + 4:0.#}\" text-anchor=\"end\" fill=\"#222\">{Html.Escape(actors.TieLabel(t))}</text>");
            sb.Append(inv, $"<rect x=\"{Left}\" y=\"{Ys(result.Zone.Upper):0.#}\" width=\"{Width - Left - Right}\" height=\"{Math.Max(0.5, Ys(result.Zone.Lower) - Ys(result.Zone.Upper)):0.#}\" fill=\"#eeeeee\"/>");
            sb.Append(inv, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{mid:0.#}\" y2=\"{mid:0.#}\" stroke=\"#999\" stroke-width=\"0.5\"/>");
            sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{top + 9}\" text-anchor=\"end\" fill=\"#888\" font-size=\"8\">+1</text>");
            sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{top + TieRow - 2}\" text-anchor=\"end\" fill=\"#888\" font-size=\"8\">−1</text>");
            for (var i = 0; i < periods.Count; i++)
            {
                var tie = periods[i].Ties[t];
                var x = X(i);
                var w = Math.Max(1, cell - 1);
                if (tie.Score is not { } s)
                {
                    continue;
                }
                var colour = tie.Sign switch { TieSign.Positive => "#1b9e77", TieSign.Negative => "#c0392b", _ => "#999999" };
                var y0 = Math.Min(Ys(s), mid);
                var h = Math.Max(1, Math.Abs(Ys(s) - mid));
                var tip = $"{periods[i].Period.Label} · {tie.Label}: {s:0.###} ({Key(tie.Sign)}), {tie.Events:0.##} events" +
                    (tie.Posterior is { } post ? $", P(positive) {post.ProbabilityPositive:0.00}" : "");
                sb.Append(inv, $"<rect x=\"{x:0.##}\" y=\"{y0:0.#}\" width=\"{w:0.##}\" height=\"{h:0.#}\" fill=\"{colour}\"><title>{Html.Escape(tip)}</title></rect>");
            }
        }

        // Configuration band and roles.
        sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{configTop + 16}\" text-anchor=\"end\" fill=\"#222\" font-weight=\"bold\">configuration</text>");
        for (var a = 0; a < 3; a++)
        {
            sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{roleTop[a] + 16}\" text-anchor=\"end\" fill=\"#222\">role of {Html.Escape(actors[a])}</text>");
        }
        for (var i = 0; i < periods.Count; i++)
        {
            var p = periods[i];
            if (p.Ties.All(t => t.Sign == TieSign.Missing))
            {
                continue;
            }
            var x = X(i);
            var w = Math.Max(1, cell - 1);
            var c = p.Classification;
            var fill = c.IsDetermined ? Colour(c.Configuration!.Kind) : Undetermined;
            var tip = $"{p.Period.Label}: {c.Describe(actors)}{(c.Reason is null ? "" : $" ({c.Reason})")}";
            sb.Append(inv, $"<rect x=\"{x:0.##}\" y=\"{configTop + 2}\" width=\"{w:0.##}\" height=\"{BandRow - 4}\" fill=\"{fill}\"><title>{Html.Escape(tip)}</title></rect>");
            for (var a = 0; a < 3; a++)
            {
                var roles = c.PossibleRoles(a);
                var roleFill = roles.Count == 1 ? Colour(roles[0]) : Undetermined;
                var roleTip = $"{p.Period.Label}: {actors[a]} {string.Join(" or ", roles.Select(Key))}";
                sb.Append(inv, $"<rect x=\"{x:0.##}\" y=\"{roleTop[a] + 2}\" width=\"{w:0.##}\" height=\"{BandRow - 4}\" fill=\"{roleFill}\"><title>{Html.Escape(roleTip)}</title></rect>");
                if (roles.Count == 1 && cell >= 9)
                {
                    sb.Append(inv, $"<text x=\"{x + (w / 2):0.##}\" y=\"{roleTop[a] + 16}\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"9\" pointer-events=\"none\">{Letter(roles[0])}</text>");
                }
            }
        }

        // Continuous version: stacked probabilities of the four configurations.
        sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{probTop + 28}\" text-anchor=\"end\" fill=\"#222\" font-weight=\"bold\">P(configuration)</text>");
        sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{probTop + 42}\" text-anchor=\"end\" fill=\"#888\" font-size=\"9\">stacked, 0 to 1</text>");
        sb.Append(inv, $"<rect x=\"{Left}\" y=\"{probTop}\" width=\"{Width - Left - Right}\" height=\"{ProbabilityRow}\" fill=\"none\" stroke=\"#ddd\"/>");
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Probabilities is not { } pr)
            {
                continue;
            }
            var x = X(i);
            var w = Math.Max(1, cell - 1);
            var bottom = (double)(probTop + ProbabilityRow);
            var tip = $"{periods[i].Period.Label}: ménage à trois {pr.MenageATrois:0.00}, romantic triangle {pr.RomanticTriangle:0.00}, stable marriage {pr.StableMarriage:0.00}, unit veto {pr.UnitVeto:0.00}; most likely {pr.MostLikely.Configuration.Brief(actors)} ({pr.MostLikely.Probability:0.00})";
            sb.Append(inv, $"<g><title>{Html.Escape(tip)}</title>");
            foreach (var kind in Enum.GetValues<TriangleKind>())
            {
                var h = pr.Of(kind) * ProbabilityRow;
                if (h <= 0)
                {
                    continue;
                }
                sb.Append(inv, $"<rect x=\"{x:0.##}\" y=\"{bottom - h:0.##}\" width=\"{w:0.##}\" height=\"{h:0.##}\" fill=\"{Colour(kind)}\"/>");
                bottom -= h;
            }
            sb.Append("</g>");
        }

        // Fissure.
        sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{fissureTop + 18}\" text-anchor=\"end\" fill=\"#222\" font-weight=\"bold\">fissure</text>");
        sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{fissureTop + 31}\" text-anchor=\"end\" fill=\"#888\" font-size=\"9\">{Html.Escape(actors[result.Patrons.First])}–{Html.Escape(actors[result.Patrons.Second])} for {Html.Escape(result.ClientCode)}, 0 to 1</text>");
        sb.Append(inv, $"<rect x=\"{Left}\" y=\"{fissureTop}\" width=\"{Width - Left - Right}\" height=\"{FissureRow}\" fill=\"none\" stroke=\"#ddd\"/>");
        for (var i = 0; i < periods.Count; i++)
        {
            if (periods[i].Fissure is not { } f)
            {
                continue;
            }
            var h = Math.Max(f > 0 ? 1 : 0.5, f * FissureRow);
            var tip = $"{periods[i].Period.Label}: fissure {f:0.###}" + (periods[i].ClientPivotProbability is { } pp ? $"; P({result.ClientCode} pivot) {pp:0.00}" : "");
            sb.Append(inv, $"<rect x=\"{X(i):0.##}\" y=\"{fissureTop + FissureRow - h:0.##}\" width=\"{Math.Max(1, cell - 1):0.##}\" height=\"{h:0.##}\" fill=\"#6a3d9a\"><title>{Html.Escape(tip)}</title></rect>");
        }

        // Period axis.
        var step = Math.Max(1, (int)Math.Ceiling(periods.Count / 16.0));
        for (var i = 0; i < periods.Count; i += step)
        {
            sb.Append(inv, $"<line x1=\"{X(i) + (cell / 2):0.##}\" x2=\"{X(i) + (cell / 2):0.##}\" y1=\"{Top}\" y2=\"{axisY - 12}\" stroke=\"#000\" stroke-opacity=\"0.06\"/>");
            sb.Append(inv, $"<text x=\"{X(i) + (cell / 2):0.##}\" y=\"{axisY}\" text-anchor=\"middle\" fill=\"#444\">{Html.Escape(periods[i].Period.Label)}</text>");
        }

        // Legend.
        var lx = (double)Left;
        void Item(string colour, string label)
        {
            sb.Append(inv, $"<rect x=\"{lx:0.#}\" y=\"{legendY - 9}\" width=\"12\" height=\"12\" fill=\"{colour}\"/>");
            sb.Append(inv, $"<text x=\"{lx + 16:0.#}\" y=\"{legendY + 1}\" fill=\"#222\">{Html.Escape(label)}</text>");
            lx += 24 + (label.Length * 6.2);
        }
        Item(Colour(TriangleKind.MenageATrois), "ménage à trois");
        Item(Colour(TriangleKind.RomanticTriangle), "romantic triangle");
        Item(Colour(TriangleKind.StableMarriage), "stable marriage");
        Item(Colour(TriangleKind.UnitVeto), "unit veto");
        Item(Undetermined, "undetermined (neutral or missing tie)");
        lx = Left;
        legendY += 18;
        foreach (var role in Enum.GetValues<TriangleRole>())
        {
            Item(Colour(role), $"{Letter(role)} {Key(role)}");
        }
        Item("#6a3d9a", "fissure");

        var sourceText = $"Source: {source ?? "Strata event store"}. Ties are missing (no bar) in periods without events. " +
            $"Neutral zone {result.Zone.Derivation}. P from Jeffreys posteriors, ties independent. See docs/triangles.md.";
        sb.Append(inv, $"<text x=\"{Left}\" y=\"{sourceY}\" fill=\"#666\" font-size=\"10\">{Html.Escape(sourceText)}</text>");
        sb.Append("</svg>");
        return sb.ToString();
    }

    private static string Key(TieSign sign) => sign.ToString().ToLowerInvariant();

    private static string Key(TriangleRole role) => role.ToString().ToLowerInvariant();

    private static string Letter(TriangleRole role) => role switch
    {
        TriangleRole.Friend => "F",
        TriangleRole.Pivot => "P",
        TriangleRole.Wing => "W",
        TriangleRole.Partner => "M",
        TriangleRole.Outcast => "O",
        _ => "X",
    };
}
