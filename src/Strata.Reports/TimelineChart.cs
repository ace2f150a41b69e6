using System.Globalization;
using System.Text;
using Strata.Domain;

namespace Strata.Reports;

/// <summary>
/// The chronology as an SVG timeline: one row per dyad, events placed by date, marked by level. Every mark
/// links to its row in the event table and carries its date and description as a tooltip.
/// </summary>
public static class TimelineChart
{
    private const int Left = 190;
    private const int Right = 20;
    private const int Top = 34;
    private const int RowHeight = 30;
    private const int Width = 1100;

    public static string Render(IReadOnlyList<Event> events, ActorRegistry actors)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = events
            .GroupBy(e => DyadKey(e))
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();
        var firstYear = events.Count == 0 ? 1945 : events.Min(e => e.Date.Start.Year) / 5 * 5;
        var lastYear = events.Count == 0 ? 2025 : ((events.Max(e => e.Date.End.Year) / 5) + 1) * 5;
        var x0 = new DateOnly(firstYear, 1, 1).DayNumber;
        var x1 = new DateOnly(lastYear, 1, 1).DayNumber;
        double X(DateOnly d) => Left + ((Width - Left - Right) * (double)(d.DayNumber - x0) / (x1 - x0));
        var height = Top + (rows.Count * RowHeight) + 40;

        var sb = new StringBuilder();
        sb.Append(inv, $"<svg id=\"timeline\" class=\"chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-labelledby=\"timeline-title\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append("<title id=\"timeline-title\">Timeline of the chronology by dyad and level</title>");
        for (var year = firstYear; year <= lastYear; year += 5)
        {
            var x = X(new DateOnly(year, 1, 1));
            var major = year % 10 == 0;
            sb.Append(inv, $"<line x1=\"{x:0.#}\" y1=\"{Top - 6}\" x2=\"{x:0.#}\" y2=\"{height - 34}\" class=\"{(major ? "grid-major" : "grid-minor")}\"/>");
            if (major)
            {
                sb.Append(inv, $"<text x=\"{x:0.#}\" y=\"{height - 18}\" class=\"axis\" text-anchor=\"middle\">{year}</text>");
                sb.Append(inv, $"<text x=\"{x:0.#}\" y=\"{Top - 12}\" class=\"axis\" text-anchor=\"middle\">{year}</text>");
            }
        }
        for (var i = 0; i < rows.Count; i++)
        {
            var y = Top + (i * RowHeight) + (RowHeight / 2);
            if (i % 2 == 0)
            {
                sb.Append(inv, $"<rect x=\"0\" y=\"{Top + (i * RowHeight)}\" width=\"{Width}\" height=\"{RowHeight}\" class=\"band\"/>");
            }
            sb.Append(inv, $"<text x=\"{Left - 10}\" y=\"{y + 4}\" class=\"row-label\" text-anchor=\"end\">{Html.Escape(DyadLabel(rows[i], actors))}</text>");
        }
        var rowIndex = rows.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => p.i, StringComparer.Ordinal);
        // Structural marks first so that the smaller episodic marks stay visible on top.
        foreach (var e in events.OrderBy(e => e.Level).ThenBy(e => e.Date))
        {
            var y = Top + (rowIndex[DyadKey(e)] * RowHeight) + (RowHeight / 2);
            var level = e.Level.ToString().ToLowerInvariant();
            var tip = Html.Escape($"{e.Date.Text} · {e.Source}→{e.Target} · {level}: {e.Description}");
            sb.Append(inv, $"<a href=\"#ev-{e.Id}\" class=\"mark {level}\" data-event=\"{e.Id}\"><title>{tip}</title>");
            if (e.Date.LengthInDays > 92)
            {
                var xa = X(e.Date.Start);
                var xb = Math.Max(X(e.Date.End.AddDays(1)), xa + 3);
                sb.Append(inv, $"<rect x=\"{xa:0.#}\" y=\"{y - 3}\" width=\"{xb - xa:0.#}\" height=\"6\" rx=\"3\"/>");
            }
            else
            {
                var x = X(e.Date.Midpoint);
                var r = e.Level switch { EventLevel.Structural => 7, EventLevel.Conjunctural => 5, _ => 3.5 };
                if (e.Level == EventLevel.Structural)
                {
                    sb.Append(inv, $"<path d=\"M{x:0.#},{y - r} L{x + r:0.#},{y} L{x:0.#},{y + r} L{x - r:0.#},{y} Z\"/>");
                }
                else
                {
                    sb.Append(inv, $"<circle cx=\"{x:0.#}\" cy=\"{y}\" r=\"{r}\"/>");
                }
            }
            sb.Append("</a>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    /// <summary>The undirected dyad of an event, in alphabetical order, as "A–B".</summary>
    public static string DyadKey(Event e) =>
        string.CompareOrdinal(e.Source, e.Target) <= 0 ? $"{e.Source}–{e.Target}" : $"{e.Target}–{e.Source}";

    private static string DyadLabel(string key, ActorRegistry actors)
    {
        var parts = key.Split('–');
        return string.Join(" – ", parts.Select(p => actors.Find(p)?.Name ?? p));
    }
}
