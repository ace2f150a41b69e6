using BenchmarkDotNet.Attributes;
using Strata.Model;
using Strata.Structure;

namespace Strata.Bench;

/// <summary>
/// <c>ScenarioRunner.Run</c>: 10⁵ Monte Carlo draws × 30 years × 2 patrons, over 500 bootstrap parameter vectors of a
/// model fitted to a simulated two-patron case (the Monte Carlo does not depend on the data, only on the sizes).
/// </summary>
[MemoryDiagnoser]
public class ScenarioBenchmarks
{
    private BufferValueFit _fit = null!;
    private Scenario _scenario = null!;

    [Params(100_000)]
    public int Draws { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var years = new YearSpan(1950, 2025);
        var c = new BufferCase("bench", "bench", "CUB", "USA",
            [new PatronSpec("RUS", ["USA", "CHN"]), new PatronSpec("CHN", ["USA", "RUS"])],
            new Dictionary<string, IReadOnlyList<string>> { ["USA"] = ["JPN"] }, years,
            [new OutcomeSpec("arms", "arms.tiv_delivered", SupportTransform.Log1p, [1], "", "")],
            new AdvancedSpec("adv", 0, ""), [], new InputSpec { Hostility = null, RivalryObservedTo = 2025, AllianceObservedTo = 2025 });
        var rng = new SeededRandom(1);
        var values = new List<IndicatorValue>();
        for (var y = years.From - 3; y <= years.To; y++)
        {
            foreach (var (a, cap) in new[] { ("USA", 0.25), ("RUS", 0.12), ("CHN", 0.1), ("JPN", 0.03) })
            {
                values.Add(new IndicatorValue("nmc.cinc", a, null, y, cap * Math.Exp(0.2 * rng.NextNormal()), "bench"));
            }
            values.Add(new IndicatorValue("rivalry.active", "RUS", "USA", y, 1, "bench"));
            if (y % 20 < 10)
            {
                values.Add(new IndicatorValue("rivalry.active", "CHN", "RUS", y, 1, "bench"));
            }
            values.Add(new IndicatorValue("alliance.defense", "JPN", "USA", y, 1, "bench"));
            foreach (var p in new[] { "RUS", "CHN" })
            {
                values.Add(new IndicatorValue("arms.tiv_delivered", p, "CUB", y, Math.Exp(Math.Max(0, 2 + rng.NextNormal())) - 1, "bench"));
                if (rng.NextDouble() < 0.3)
                {
                    values.Add(new IndicatorValue("adv", p, "CUB", y, 1, "bench"));
                }
            }
        }
        _fit = BufferValueModel.Fit(c, IndicatorPanel.Create(values), new FitOptions { Bootstrap = 500, Validate = false });
        _scenario = new Scenario("bench", "bench", "", "bench", null, new YearSpan(2026, 2055),
            [new ScenarioChange("nmc.cinc", "USA", null, new YearSpan(2026, 2045), ChangeKind.RampScale, 0.7)], Draws, 1);
    }

    [Benchmark]
    public ScenarioResult Run() => ScenarioRunner.Run(_scenario, _fit, Draws);
}
