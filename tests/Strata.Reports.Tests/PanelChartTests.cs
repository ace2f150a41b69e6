using System.Xml.Linq;
using Strata.Reports;
using Strata.Structure;

namespace Strata.Reports.Tests;

public sealed class PanelChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void The_heat_strip_is_well_formed_self_contained_svg_with_a_cell_per_pair_and_year()
    {
        var values = new List<IndicatorValue>
        {
            new("rivalry.any", "CHN", "PRK", 1960, 0, "derived"),
            new("rivalry.any", "CHN", "PRK", 1961, 0, "derived"),
            new("alliance.defense", "PRK", "CHN", 1961, 1, "treaty"),
            new("rivalry.any", "CHN", "RUS", 1960, 1, "derived"),
            new("events.netcoop", "CHN", "PRK", 1960, 0.5, "events"),
            new("events.netcoop", "CHN", "PRK", 1961, -0.25, "events"),
        };
        var svg = PanelChart.Render("panel-chart", "Rivalry & alliance by pair", IndicatorPanel.Create(values),
            [("CHN", "PRK"), ("CHN", "RUS")], 1960, 1962, "test values");
        var doc = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", doc.Root!.Name);
        Assert.Equal("Rivalry & alliance by pair", doc.Root.Element(Svg + "title")!.Value);
        var cells = doc.Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        Assert.Equal(6, cells.Count);
        string Tip(int i) => cells[i].Element(Svg + "title")!.Value;
        Assert.StartsWith("CHN–PRK 1960: neither rivalry nor defence alliance", Tip(0), StringComparison.Ordinal);
        Assert.StartsWith("CHN–PRK 1961: defence alliance;", Tip(1), StringComparison.Ordinal);
        Assert.Contains("net cooperation -0.25", Tip(1), StringComparison.Ordinal);
        Assert.StartsWith("CHN–PRK 1962: no data", Tip(2), StringComparison.Ordinal);
        Assert.StartsWith("CHN–RUS 1960: rivalry;", Tip(3), StringComparison.Ordinal);
        Assert.Single(doc.Descendants(Svg + "polyline")); // the CHN–PRK net cooperation line over two years
        Assert.Contains(doc.Descendants(Svg + "text"), t => t.Value == "Sources: test values");
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", svg, StringComparison.Ordinal);
    }
}
