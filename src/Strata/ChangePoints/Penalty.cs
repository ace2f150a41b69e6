namespace Strata.ChangePoints;

/// <summary>The penalty families of R's changepoint package.</summary>
public enum PenaltyKind
{
    /// <summary>Schwarz information criterion: (p+1)·log n.</summary>
    Sic,

    /// <summary>Bayesian information criterion: the same value as SIC.</summary>
    Bic,

    /// <summary>Modified BIC (Zhang &amp; Siegmund 2007): (p+2)·log n, plus log(segment length) added to every segment's cost.</summary>
    Mbic,

    /// <summary>Akaike information criterion: 2(p+1).</summary>
    Aic,

    /// <summary>Hannan–Quinn: 2(p+1)·log log n.</summary>
    HannanQuinn,

    /// <summary>A value given by the analyst.</summary>
    Manual,
}

/// <summary>
/// The price of one more change point. <see cref="Value"/> gives the number for a series of length n and a cost
/// with p changing parameters, exactly as R's <c>penalty_decision</c>; MBIC also asks the search to add
/// log(segment length) to each segment's cost (<see cref="AddsLengthTerm"/>).
/// </summary>
public sealed record Penalty
{
    private Penalty(PenaltyKind kind, double manualValue)
    {
        Kind = kind;
        ManualValue = manualValue;
    }

    public PenaltyKind Kind { get; }

    /// <summary>The value of a manual penalty; 0 for the others.</summary>
    public double ManualValue { get; }

    public static Penalty Sic { get; } = new(PenaltyKind.Sic, 0);

    public static Penalty Bic { get; } = new(PenaltyKind.Bic, 0);

    public static Penalty Mbic { get; } = new(PenaltyKind.Mbic, 0);

    public static Penalty Aic { get; } = new(PenaltyKind.Aic, 0);

    public static Penalty HannanQuinn { get; } = new(PenaltyKind.HannanQuinn, 0);

    public static Penalty Manual(double value) => new(PenaltyKind.Manual, Check.NonNegative(value));

    public bool AddsLengthTerm => Kind == PenaltyKind.Mbic;

    /// <summary>The penalty for a series of <paramref name="n"/> points and <paramref name="parameters"/> changing parameters.</summary>
    public double Value(int n, int parameters)
    {
        Check.AtLeast(n, 1);
        Check.AtLeast(parameters, 1);
        var p = (double)parameters;
        return Kind switch
        {
            PenaltyKind.Sic or PenaltyKind.Bic => (p + 1) * Math.Log(n),
            PenaltyKind.Mbic => (p + 2) * Math.Log(n),
            PenaltyKind.Aic => 2 * (p + 1),
            PenaltyKind.HannanQuinn => 2 * (p + 1) * Math.Log(Math.Log(n)),
            _ => ManualValue,
        };
    }

    /// <summary>Parses <c>sic</c>, <c>bic</c>, <c>mbic</c>, <c>aic</c>, <c>hq</c> (or <c>hannan-quinn</c>) and <c>manual</c> (which needs <paramref name="manualValue"/>).</summary>
    public static bool TryParse(string? name, double? manualValue, out Penalty penalty, out string error)
    {
        penalty = Sic;
        error = "";
        switch ((name ?? "").Trim().ToLowerInvariant())
        {
            case "sic":
                penalty = Sic;
                return true;
            case "bic":
                penalty = Bic;
                return true;
            case "mbic":
                penalty = Mbic;
                return true;
            case "aic":
                penalty = Aic;
                return true;
            case "hq" or "hannan-quinn":
                penalty = HannanQuinn;
                return true;
            case "manual":
                if (manualValue is not { } v || !double.IsFinite(v) || v < 0)
                {
                    error = "a manual penalty needs a non-negative value (--pen-value)";
                    return false;
                }
                penalty = Manual(v);
                return true;
            default:
                error = $"unknown penalty '{name}': expected sic, bic, mbic, aic, hq or manual";
                return false;
        }
    }

    /// <summary>The short name used in outputs: sic, bic, mbic, aic, hq, manual.</summary>
    public string Name => Kind switch
    {
        PenaltyKind.Sic => "sic",
        PenaltyKind.Bic => "bic",
        PenaltyKind.Mbic => "mbic",
        PenaltyKind.Aic => "aic",
        PenaltyKind.HannanQuinn => "hq",
        _ => "manual",
    };

    public override string ToString() => Kind == PenaltyKind.Manual ? $"manual({ManualValue})" : Name;
}
