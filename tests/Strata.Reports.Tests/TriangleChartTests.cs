using System.Xml.Linq;
using Strata.Domain;
using Strata.Reports;
using Strata.Series;
using Strata.Triangles;

namespace Strata.Reports.Tests;

public class TriangleChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static TriangleResult Sample()
    {
        var from = new DateOnly(1969, 1, 1);
        var to = new DateOnly(1973, 12, 31);
        EventAtom A(int year, QuadClass q, double events = 1) => new(new DateOnly(year, 3, 1), new DateOnly(year, 3, 1), q, events, 0, events);
        RelationSeries S(string a, string b, params EventAtom[] atoms) => SeriesBuilder.Build(new Dyad(a, b), atoms, Granularity.Year, Measure.Quad, from, to);
        // 1969: unit veto; 1970: nothing; 1971: USA–RUS missing; 1972 and 1973: romantic triangle, USA pivot.
        var usaChn = S("USA", "CHN", A(1969, QuadClass.VerbalConflict), A(1971, QuadClass.VerbalCooperation), A(1972, QuadClass.VerbalCooperation, 2), A(1973, QuadClass.MaterialCooperation));
        var usaRus = S("USA", "RUS", A(1969, QuadClass.VerbalConflict), A(1972, QuadClass.VerbalCooperation), A(1973, QuadClass.VerbalCooperation));
        var chnRus = S("CHN", "RUS", A(1969, QuadClass.MaterialConflict, 3), A(1971, QuadClass.VerbalConflict), A(1972, QuadClass.VerbalConflict), A(1973, QuadClass.VerbalConflict));
        return TriangleSeries.Build(new Triad("USA", "CHN", "RUS"), usaChn, usaRus, chnRus, new TriangleOptions());
    }

    [Fact]
    public void The_chart_is_standalone_svg_with_title_legend_source_and_a_cell_per_period()
    {
        var result = Sample();
        var svg = TriangleChart.Render(result, source: "test events");
        var doc = XDocument.Parse(svg);
        var root = doc.Root!;
        Assert.Equal(Svg + "svg", root.Name);
        Assert.Equal("Strategic triangle USA–CHN–RUS by year", root.Element(Svg + "title")!.Value);
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains("ménage à trois", texts);
        Assert.Contains("romantic triangle", texts);
        Assert.Contains("stable marriage", texts);
        Assert.Contains("unit veto", texts);
        Assert.Contains("P pivot", texts);
        Assert.Contains("O outcast", texts);
        Assert.Contains(texts, t => t.StartsWith("Source: test events.", StringComparison.Ordinal) && t.Contains(result.Zone.Derivation, StringComparison.Ordinal));
        Assert.Contains("role of USA", texts);
        Assert.Equal(["1969", "1970", "1971", "1972", "1973"], texts.Where(t => t.Length == 4 && t.StartsWith("19", StringComparison.Ordinal)));

        // Nothing outside the file: no links, images, scripts or style sheets.
        Assert.DoesNotContain("http://", svg.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("url(", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_period_is_coloured_by_its_configuration_and_tells_its_numbers()
    {
        var svg = XDocument.Parse(TriangleChart.Render(Sample()));
        var tips = svg.Descendants(Svg + "rect")
            .Select(r => (Fill: (string?)r.Attribute("fill"), Tip: r.Element(Svg + "title")?.Value))
            .Where(x => x.Tip is not null)
            .ToList();
        var config1969 = tips.Single(t => t.Tip!.StartsWith("1969: unit veto", StringComparison.Ordinal));
        Assert.Equal(TriangleChart.Colour(TriangleKind.UnitVeto), config1969.Fill);
        var config1972 = tips.Single(t => t.Tip!.StartsWith("1972: romantic triangle: USA pivot", StringComparison.Ordinal));
        Assert.Equal(TriangleChart.Colour(TriangleKind.RomanticTriangle), config1972.Fill);
        Assert.Equal(TriangleChart.Colour(TriangleRole.Pivot), tips.Single(t => t.Tip == "1972: USA pivot").Fill);
        Assert.Equal(TriangleChart.Colour(TriangleRole.Wing), tips.Single(t => t.Tip == "1972: RUS wing").Fill);
        // 1971 is undetermined (USA–RUS missing) and says why; 1970 has no cell at all.
        Assert.Contains(tips, t => t.Tip!.StartsWith("1971: undetermined", StringComparison.Ordinal) && t.Tip.Contains("USA–RUS is missing", StringComparison.Ordinal));
        Assert.DoesNotContain(tips, t => t.Tip!.StartsWith("1970", StringComparison.Ordinal));
        Assert.Contains(tips, t => t.Tip!.StartsWith("1972: fissure 1; P(USA pivot) 0.", StringComparison.Ordinal));
        Assert.Contains(tips, t => t.Tip!.StartsWith("1969: fissure 0; P(USA pivot) 0.", StringComparison.Ordinal));
        // The probability bars carry the four probabilities in their group's tooltip.
        var groups = svg.Descendants(Svg + "g").Select(g => g.Element(Svg + "title")!.Value).ToList();
        Assert.Equal(3, groups.Count);
        Assert.All(groups, g => Assert.Contains("most likely", g, StringComparison.Ordinal));
    }
}
