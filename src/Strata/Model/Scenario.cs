namespace Strata.Model;

/// <summary>How a scenario change alters an input.</summary>
public enum ChangeKind
{
    /// <summary>The input takes the value in the change's years.</summary>
    Set,

    /// <summary>The value is added to the input in the change's years.</summary>
    Shift,

    /// <summary>The input is multiplied by the value in the change's years.</summary>
    Scale,

    /// <summary>
    /// The input moves in a straight line from its value in the year before the change's first year to the value
    /// in its last year, and stays there to the end of the horizon.
    /// </summary>
    Ramp,

    /// <summary>
    /// The input is multiplied by a factor that moves in a straight line from 1 in the year before the change's
    /// first year to the value in its last year, and stays there to the end of the horizon.
    /// </summary>
    RampScale,
}

/// <summary>
/// One change of a scenario: an input indicator of an actor (<see cref="Other"/> null) or a pair, over some
/// years, set, shifted, scaled or ramped. Changes apply in the order of the file, each to the result of the
/// ones before.
/// </summary>
public sealed record ScenarioChange(string Indicator, string Actor, string? Other, YearSpan Years, ChangeKind Kind, double Amount)
{
    public override string ToString()
    {
        var who = Other is null ? Actor : $"{Actor}–{Other}";
        var what = Kind switch
        {
            ChangeKind.Set => $"set to {Amount:0.###}",
            ChangeKind.Shift => $"shifted by {Amount:+0.###;-0.###}",
            ChangeKind.Scale => $"scaled by {Amount:0.###}",
            ChangeKind.Ramp => $"ramped to {Amount:0.###}",
            _ => $"scaled progressively to {Amount:0.###}×",
        };
        return $"{Indicator} {who} {what} in {Years}";
    }
}

/// <summary>
/// A declarative scenario (<c>data/scenarios/*.yaml</c>, format in docs/scenarios.md): which case and outcome,
/// the horizon, the changes to the inputs over future years (the baseline carries every input forward from the
/// last observed year), and the Monte Carlo settings.
/// </summary>
public sealed record Scenario
{
    public Scenario(string id, string title, string description, string caseRef, string? outcome, YearSpan horizon,
        IReadOnlyList<ScenarioChange> changes, int draws = 100_000, int seed = 1, string source = "")
    {
        Id = Check.NotBlank(id);
        Title = title ?? id;
        Description = description ?? "";
        Case = Check.NotBlank(caseRef);
        Outcome = outcome;
        Horizon = horizon;
        Changes = Check.NotNull(changes);
        Draws = Check.AtLeast(draws, 1);
        Seed = seed;
        Source = source ?? "";
    }

    public string Id { get; }

    public string Title { get; }

    public string Description { get; }

    /// <summary>The case: a bundled case id or a path.</summary>
    public string Case { get; }

    public string? Outcome { get; }

    public YearSpan Horizon { get; }

    public IReadOnlyList<ScenarioChange> Changes { get; }

    public int Draws { get; init; }

    public int Seed { get; init; }

    /// <summary>Where the scenario comes from (for the shipped ones: the commentary's section).</summary>
    public string Source { get; }
}

/// <summary>Dittmer's four configurations of a strategic triangle, by the number of positive ties among its three.</summary>
public enum TriangleConfiguration
{
    /// <summary>Three positive ties.</summary>
    MenageATrois,

    /// <summary>Two positive ties: a pivot on good terms with two wings that are not.</summary>
    RomanticTriangle,

    /// <summary>One positive tie: two partners against an outcast.</summary>
    StableMarriage,

    /// <summary>No positive tie.</summary>
    UnitVeto,
}

/// <summary>One patron's projected support in one year of a scenario.</summary>
public sealed record PatronProjection(
    string Patron, double Mean, double Median, double P05, double P95, double ProbabilitySupport, double? ProbabilityAdvanced, double Value, double Threat);

/// <summary>One year of a scenario: each patron's projection and the probabilities of the triangle configurations.</summary>
public sealed record ScenarioYear(int Year, IReadOnlyList<PatronProjection> Patrons, IReadOnlyDictionary<TriangleConfiguration, double> Configurations);

/// <summary>The result of a scenario run.</summary>
public sealed record ScenarioResult(Scenario Scenario, BufferCase Case, OutcomeSpec Outcome, int Draws, int Seed, int ParameterDraws, IReadOnlyList<ScenarioYear> Years)
{
    /// <summary>The triangle the configurations describe: the client and the first two patrons.</summary>
    public IReadOnlyList<string> Triangle => Case.Patrons.Count >= 2 ? [Case.Client, Case.Patrons[0].Actor, Case.Patrons[1].Actor] : [];

    /// <summary>The fit's reduced form, when it had no capability input (null otherwise).</summary>
    public ReducedForm? Reduced { get; init; }

    /// <summary>The scenario's changes that cannot act on the fitted model (capability changes in the reduced form).</summary>
    public IReadOnlyList<ScenarioChange> Ignored { get; init; } = [];
}
