namespace Strata.Model;

/// <summary>Options of a fit.</summary>
public sealed record FitOptions
{
    /// <summary>The outcome to fit; null: the first of the case's outcomes that the panel records.</summary>
    public string? Outcome { get; init; }

    /// <summary>Bootstrap replicates (moving blocks of years).</summary>
    public int Bootstrap { get; init; } = 500;

    public int BlockLength { get; init; } = 5;

    public int Seed { get; init; } = 1;

    /// <summary>Scale s of the weak Gaussian penalty ½(b/s)² on the non-intercept coefficients (in units of σ).</summary>
    public double PriorScale { get; init; } = 10;

    /// <summary>Leave-one-decade-out validation and the choice of lag and η by it; off: the first lag and η.</summary>
    public bool Validate { get; init; } = true;
}

/// <summary>One estimated parameter: the estimate, its asymptotic standard error and its 95% bootstrap interval.</summary>
public sealed record ParameterEstimate(string Name, string Meaning, double Estimate, double StandardError, double Lower, double Upper);

/// <summary>Out-of-sample (or in-sample) error of one model for one patron, or for all ("all").</summary>
public sealed record ModelScore(string Model, string Patron, int N, double Rmse, double Mae);

/// <summary>The leave-one-decade-out error of the structural model at one lag and hostility weight.</summary>
public sealed record LagChoice(int Lag, double Eta, double Rmse, bool Chosen);

/// <summary>In-sample fit of one model: log-likelihood, AIC, and R² of E[y] against y.</summary>
public sealed record InSampleFit(string Model, int Parameters, double LogLikelihood, double Aic, double RSquared);

/// <summary>
/// One patron-year of the fit: the transformed support observed (null when not recorded), the model's E[y] with
/// its 90% bootstrap band, the threat and value, the advanced-technology signal and the model's probability of it.
/// </summary>
public sealed record FittedPoint(
    string Patron, int Year, double? Observed, double Fitted, double Lower, double Upper, double Threat, double Value,
    bool? Advanced, double? AdvancedProbability);

/// <summary>The advanced-technology threshold model P = logistic(κ(V − τ) + Σδ·c), fitted on the same rows.</summary>
public sealed record AdvancedFit(string Indicator, int Events, int Rows, IReadOnlyList<ParameterEstimate> Parameters, double LogLikelihood, double BaseRateLogLikelihood);

/// <summary>One parameter vector (a bootstrap replicate, or the point estimate): Tobit coefficients and σ, logit coefficients.</summary>
public sealed record ParameterDraw(double[] Coefficients, double Sigma, double[]? Logit);

/// <summary>What a phase check found for one condition.</summary>
public sealed record ConditionCheck(string Condition, bool? Observed, bool Model, double ModelShare, string Detail);

/// <summary>How the model and the data stand against one phase of the commentary.</summary>
public enum PhaseVerdict
{
    /// <summary>The data show the phase and the model reproduces it.</summary>
    Reproduced,

    /// <summary>The data show the phase; the model does not reproduce it.</summary>
    ModelMisses,

    /// <summary>The data do not show the phase (the data disagree with the commentary); the model does not either.</summary>
    DataDisagree,

    /// <summary>The data do not show the phase, yet the model does.</summary>
    ModelOnly,

    /// <summary>The outcome has no data in the phase's years.</summary>
    NoData,
}

/// <summary>
/// A phase of the commentary checked twice: on the observed support and on the fitted model (and in what share
/// of bootstrap replicates the model reproduces it).
/// </summary>
public sealed record PhaseCheck(PhaseExpectation Phase, bool? Observed, bool Model, double ModelShare, PhaseVerdict Verdict, IReadOnlyList<ConditionCheck> Conditions);

/// <summary>The client's balance between patrons in one year.</summary>
public sealed record HedgingYear(int Year, IReadOnlyDictionary<string, double> Shares, double Index, string? Lesser, double? LesserRelations);

/// <summary>
/// The client's hedging: per year the normalised entropy of support shares (1 = equal support from every patron,
/// 0 = one patron only), and whether the client kept non-negative relations with the less-supportive patron.
/// </summary>
public sealed record HedgingResult(IReadOnlyList<HedgingYear> Years, double MeanIndex, int YearsWithRelations, int YearsHedged)
{
    /// <summary>Share of years with relations data in which relations with the less-supportive patron were non-negative.</summary>
    public double? HedgedShare => YearsWithRelations == 0 ? null : (double)YearsHedged / YearsWithRelations;
}

/// <summary>
/// Why and how a fit fell back to the reduced form: the panel had no value of the case's capability indicator for
/// any of its actors, so every capability and bloc weight is 1 (the threat is the count of active rivalries
/// weighted by hostility, T = Σ r · exp(η·h)), the ln-capability term γ is dropped, and the models listed in
/// <see cref="NotComputable"/> (the capability-only baseline) could not be computed.
/// </summary>
public sealed record ReducedForm(string Indicator, IReadOnlyList<string> NotComputable)
{
    /// <summary>One plain sentence for every output.</summary>
    public string Explanation =>
        $"Capability was not available: the panel has no {Indicator} value for any of the case's actors. Reduced form fitted: "
        + "capability and bloc weights set to 1, so the threat is the count of active rivalries weighted by hostility, T = Σ r·exp(η·h); "
        + $"no ln-capability term (γ); not computable: {string.Join(", ", NotComputable.Select(m => m + " baseline"))}.";
}

/// <summary>The buffer-value model fitted to one outcome of a case, with its uncertainty, validation and phase checks.</summary>
public sealed record BufferValueFit
{
    public required BufferCase Case { get; init; }

    public required OutcomeSpec Outcome { get; init; }

    public required ModelDesign Design { get; init; }

    public required int Lag { get; init; }

    public required double Eta { get; init; }

    public required IReadOnlyList<ParameterEstimate> Parameters { get; init; }

    public required AdvancedFit? Advanced { get; init; }

    public required IReadOnlyList<FittedPoint> Points { get; init; }

    public required IReadOnlyList<InSampleFit> InSample { get; init; }

    public required IReadOnlyList<ModelScore> Validation { get; init; }

    public required IReadOnlyList<LagChoice> Lags { get; init; }

    public required IReadOnlyList<PhaseCheck> Phases { get; init; }

    public required HedgingResult Hedging { get; init; }

    /// <summary>The point estimate.</summary>
    public required ParameterDraw Estimate { get; init; }

    /// <summary>The bootstrap replicates (the scenarios draw from them).</summary>
    public required IReadOnlyList<ParameterDraw> Draws { get; init; }

    public required FitOptions Options { get; init; }

    /// <summary>Null when the panel had the capability input; else what the reduced form left out.</summary>
    public ReducedForm? Reduced { get; init; }

    public int Rows => Design.Rows.Count;
}
