using Strata.Model;
using Strata.Structure;

namespace Strata.Tests.Model;

/// <summary>The true parameters a panel is simulated from.</summary>
internal sealed record TrueParameters(double[] Alpha, double Beta, double Gamma, double Sigma, int Lag, double Kappa, double Tau);

/// <summary>
/// A synthetic case with actor codes the project has never modelled (client EGY; patrons RUS and USA; ISR in the US
/// bloc; CHN a second rival of Russia), and panels simulated from the buffer-value model with known parameters.
/// </summary>
internal static class Simulated
{
    public const string Outcome = "arms.tiv_delivered";
    public const string Advanced = "arms.delivered_units.combat-aircraft";

    public static TrueParameters Truth { get; } = new([1.0, 0.5], 1.5, 0.3, 0.8, 1, 3.0, 1.2);

    public static BufferCase Case(YearSpan years, IReadOnlyList<int>? lags = null, IReadOnlyList<PhaseExpectation>? phases = null) => new(
        "egypt-sim", "Simulated: Egypt between the Soviet Union and the United States", "EGY", "ISR",
        [new PatronSpec("RUS", ["USA", "CHN"]), new PatronSpec("USA", ["RUS"])],
        new Dictionary<string, IReadOnlyList<string>> { ["USA"] = ["ISR"] },
        years,
        [new OutcomeSpec("arms", Outcome, SupportTransform.Log1p, lags ?? [0, 1, 2], "simulated", "TIV")],
        new AdvancedSpec(Advanced, 0, "simulated"),
        phases ?? [],
        new InputSpec { RivalryObservedTo = years.To, AllianceObservedTo = years.To, Hostility = null });

    /// <summary>Structural inputs: two-state rivalries, log-random-walk capabilities, an alliance that comes and goes.</summary>
    public static IndicatorPanel Inputs(YearSpan years, int seed)
    {
        var rng = new SeededRandom((ulong)seed);
        var values = new List<IndicatorValue>();
        var cap = new Dictionary<string, double> { ["RUS"] = 0.15, ["USA"] = 0.25, ["CHN"] = 0.08, ["ISR"] = 0.02 };
        var rivalryUsa = true;
        var rivalryChn = false;
        var alliance = true;
        for (var year = years.From - 5; year <= years.To; year++)
        {
            foreach (var actor in cap.Keys.ToList())
            {
                cap[actor] = Math.Clamp(cap[actor] * Math.Exp(0.08 * rng.NextNormal()), 0.005, 0.6);
                values.Add(new IndicatorValue("nmc.cinc", actor, null, year, cap[actor], "sim"));
            }
            rivalryUsa = rng.NextDouble() < 0.08 ? !rivalryUsa : rivalryUsa;
            rivalryChn = rng.NextDouble() < 0.06 ? !rivalryChn : rivalryChn;
            alliance = rng.NextDouble() < 0.05 ? !alliance : alliance;
            if (rivalryUsa)
            {
                values.Add(new IndicatorValue("rivalry.active", "RUS", "USA", year, 1, "sim"));
            }
            if (rivalryChn)
            {
                values.Add(new IndicatorValue("rivalry.active", "CHN", "RUS", year, 1, "sim"));
            }
            if (alliance)
            {
                values.Add(new IndicatorValue("alliance.defense", "ISR", "USA", year, 1, "sim"));
            }
        }
        return IndicatorPanel.Create(values);
    }

    /// <summary>The inputs plus support and advanced-technology deliveries drawn from the model with <paramref name="truth"/>.</summary>
    public static IndicatorPanel Panel(BufferCase c, TrueParameters truth, int seed)
    {
        var inputs = Inputs(c.Years, seed);
        var ci = new CaseInputs(c, inputs);
        var rng = new SeededRandom((ulong)seed + 1000);
        var values = new List<IndicatorValue>();
        for (var p = 0; p < c.Patrons.Count; p++)
        {
            var patron = c.Patrons[p];
            foreach (var year in c.Years.Years())
            {
                var v = ci.Value(patron, year - truth.Lag, 0);
                var mu = truth.Alpha[p] + (truth.Beta * v) + (truth.Gamma * ci.LogCapability(patron.Actor, year - truth.Lag));
                var y = Math.Max(0, mu + (truth.Sigma * rng.NextNormal()));
                if (y > 0)
                {
                    values.Add(new IndicatorValue(Outcome, patron.Actor, c.Client, year, Math.Exp(y) - 1, "sim"));
                }
                if (rng.NextDouble() < Logit.Logistic(truth.Kappa * (v - truth.Tau)))
                {
                    values.Add(new IndicatorValue(Advanced, patron.Actor, c.Client, year, 10, "sim"));
                }
            }
        }
        return inputs.With(values);
    }
}
