using System.Xml.Linq;
using Strata.Model;
using Strata.Structure;

namespace Strata.Reports.Tests;

/// <summary>The model's SVG charts: well-formed, titled, with units and sources, one panel per patron, nothing external.</summary>
public sealed class ModelChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly Lazy<BufferValueFit> Fit = new(() =>
    {
        var years = new YearSpan(1950, 2020);
        var c = new BufferCase("sim", "Simulated client", "CUB", "USA",
            [new PatronSpec("RUS", ["USA"]), new PatronSpec("CHN", ["USA", "RUS"])],
            new Dictionary<string, IReadOnlyList<string>>(), years,
            [new OutcomeSpec("arms", "arms.tiv_delivered", SupportTransform.Log1p, [0], "", "TIV")],
            new AdvancedSpec("adv", 0, ""),
            [new PhaseExpectation("early", "Early Soviet lead", new YearSpan(1960, 1970), "arms", [PhaseCondition.Leads("RUS")], "test source")],
            new InputSpec { Hostility = null, RivalryObservedTo = 2020, AllianceObservedTo = 2020 });
        var rng = new SeededRandom(4);
        var values = new List<IndicatorValue>();
        foreach (var y in years.Years())
        {
            values.Add(new IndicatorValue("nmc.cinc", "USA", null, y, 0.25, "t"));
            values.Add(new IndicatorValue("nmc.cinc", "RUS", null, y, 0.15 + (0.001 * (y - 1950)), "t"));
            values.Add(new IndicatorValue("nmc.cinc", "CHN", null, y, 0.05 + (0.002 * (y - 1950)), "t"));
            if (y < 1990)
            {
                values.Add(new IndicatorValue("rivalry.active", "RUS", "USA", y, 1, "t"));
            }
            if (y is > 1960 and < 1990)
            {
                values.Add(new IndicatorValue("rivalry.active", "CHN", "RUS", y, 1, "t"));
            }
            foreach (var p in new[] { "RUS", "CHN" })
            {
                var s = Math.Max(0, (y < 1990 ? 3 : 0.5) + rng.NextNormal());
                values.Add(new IndicatorValue("arms.tiv_delivered", p, "CUB", y, Math.Exp(s) - 1, "t"));
                if (rng.NextDouble() < (y < 1990 ? 0.5 : 0.1))
                {
                    values.Add(new IndicatorValue("adv", p, "CUB", y, 1, "t"));
                }
            }
        }
        return BufferValueModel.Fit(c, IndicatorPanel.Create(values), new FitOptions { Bootstrap = 30, Validate = false });
    });

    private static XElement Parse(string svg)
    {
        var root = XElement.Parse(svg);
        Assert.Equal(Svg + "svg", root.Name);
        Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("@import", svg, StringComparison.Ordinal);
        return root;
    }

    [Fact]
    public void The_fit_chart_has_a_title_units_sources_a_panel_per_patron_and_the_phases()
    {
        var svg = ModelFitChart.Render(Fit.Value, "fit");
        var root = Parse(svg);
        Assert.Contains("Simulated client", root.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        var texts = root.Descendants(Svg + "text").Select(t => t.Value).ToList();
        Assert.Contains(texts, t => t.Contains("ln(1 + arms.tiv_delivered), TIV", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.StartsWith("Sources:", StringComparison.Ordinal));
        Assert.Contains("RUS", texts);
        Assert.Contains("CHN", texts);
        Assert.Equal(2, root.Descendants(Svg + "polyline").Count(p => p.Attribute("class")?.Value == "fit"));
        Assert.Equal(2, root.Descendants(Svg + "polygon").Count(p => p.Attribute("class")?.Value == "band"));
        var phaseRects = root.Descendants(Svg + "rect").Where(r => r.Attribute("class")!.Value.StartsWith("ph", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, phaseRects.Count);
        Assert.Contains(root.Descendants(Svg + "title"), t => t.Value.Contains("test source", StringComparison.Ordinal));
        // Every observed patron-year has a point with its tooltip.
        Assert.Equal(Fit.Value.Points.Count(p => p.Observed is not null), root.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void The_scenario_chart_draws_bands_medians_and_the_advanced_probability()
    {
        var scenario = new Scenario("up", "Threat rises", "", "sim", null, new YearSpan(2021, 2040),
            [new ScenarioChange("rivalry.active", "RUS", "USA", new YearSpan(2025, 9999), ChangeKind.Set, 1)], draws: 2000, seed: 2, source: "test");
        var result = ScenarioRunner.Run(scenario, Fit.Value);
        var root = Parse(ScenarioChart.Render(result, "sc"));
        Assert.Contains("Threat rises", root.Element(Svg + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal(2, root.Descendants(Svg + "polygon").Count(p => p.Attribute("class")?.Value == "p05"));
        Assert.Equal(2, root.Descendants(Svg + "polyline").Count(p => p.Attribute("class")?.Value == "med"));
        Assert.Equal(2, root.Descendants(Svg + "polyline").Count(p => p.Attribute("class")?.Value == "adv"));
        Assert.Equal(2 * 20, root.Descendants(Svg + "circle").Count());
        Assert.Contains(root.Descendants(Svg + "text"), t => t.Value.Contains("2,000 draws, seed 2", StringComparison.Ordinal));
    }
}
