namespace Strata.Model;

/// <summary>One patron-year of an outcome: the transformed support and the inputs that explain it.</summary>
public sealed record DesignRow(int Patron, int Year, double Y, double Value, double LogCapability, double[] Constraints, bool? Advanced, double? PreviousY)
{
    /// <summary>The values of the constraints of the advanced-technology part (every constraint of the case that varies).</summary>
    public double[] LogitConstraints { get; init; } = [];
}

/// <summary>
/// The regression layout of the buffer-value model for one outcome, delivery lag L and hostility weight η:
/// columns α_p (one intercept per patron), β (value V_{p,t−L}), γ (ln capability_{p,t−L}) and δ_c (one per
/// constraint that applies to the outcome), and the rows with observed support. In the reduced form (no
/// capability in the panel, <see cref="CaseInputs.HasCapability"/> false) there is no γ column.
/// </summary>
public sealed class ModelDesign
{
    private ModelDesign(CaseInputs inputs, OutcomeSpec outcome, int lag, double eta, IReadOnlyList<CaseConstraint> constraints, IReadOnlyList<CaseConstraint> logitConstraints, IReadOnlyList<DesignRow> rows)
    {
        LogitConstraints = logitConstraints;
        Inputs = inputs;
        Outcome = outcome;
        Lag = lag;
        Eta = eta;
        Constraints = constraints;
        Rows = rows;
    }

    public CaseInputs Inputs { get; }

    public BufferCase Case => Inputs.Case;

    public OutcomeSpec Outcome { get; }

    public int Lag { get; }

    public double Eta { get; }

    public IReadOnlyList<CaseConstraint> Constraints { get; }

    /// <summary>The constraints in the advanced-technology logit: all of the case's that vary over the rows.</summary>
    public IReadOnlyList<CaseConstraint> LogitConstraints { get; }

    public IReadOnlyList<DesignRow> Rows { get; }

    public int PatronCount => Case.Patrons.Count;

    /// <summary>False in the reduced form: no capability in the panel, no γ column.</summary>
    public bool HasCapability => Inputs.HasCapability;

    /// <summary>Columns: patron intercepts, β, γ (when <see cref="HasCapability"/>), then one δ per constraint.</summary>
    public int Columns => ConstraintColumn + Constraints.Count;

    public int BetaColumn => PatronCount;

    /// <summary>The γ column, or −1 in the reduced form.</summary>
    public int GammaColumn => HasCapability ? PatronCount + 1 : -1;

    /// <summary>The first δ column.</summary>
    public int ConstraintColumn => PatronCount + (HasCapability ? 2 : 1);

    /// <summary>The names of the columns, as the fit reports them.</summary>
    public IReadOnlyList<string> ColumnNames =>
        [.. Case.Patrons.Select(p => $"alpha[{p.Actor}]"), "beta", .. HasCapability ? new[] { "gamma" } : [], .. Constraints.Select(c => $"delta[{c.Id}]")];

    /// <summary>True when the row x (from <see cref="Fill(int, int, Span{double})"/>) has every structural input.</summary>
    public bool IsComplete(ReadOnlySpan<double> x) => double.IsFinite(x[BetaColumn]) && (!HasCapability || double.IsFinite(x[GammaColumn]));

    /// <summary>The same layout and rows over other inputs (a scenario's).</summary>
    public ModelDesign WithInputs(CaseInputs inputs) => new(Check.NotNull(inputs), Outcome, Lag, Eta, Constraints, LogitConstraints, Rows);

    public static ModelDesign Build(CaseInputs inputs, OutcomeSpec outcome, int lag, double eta)
    {
        Check.NotNull(inputs);
        Check.NotNull(outcome);
        var c = inputs.Case;
        var constraints = c.Constraints.Where(x => x.Applies(outcome.Name)).ToList();
        var hasAdvanced = c.Advanced is { } a && inputs.HasPatronIndicator(a.Indicator);
        var rows = new List<DesignRow>();
        for (var p = 0; p < c.Patrons.Count; p++)
        {
            var patron = c.Patrons[p];
            double? previous = null;
            foreach (var year in c.Years.Years())
            {
                var s = inputs.Support(outcome, patron.Actor, year);
                var v = inputs.Value(patron, year - lag, eta);
                var cap = inputs.LogCapability(patron.Actor, year - lag);
                var y = s is { } sv ? outcome.Apply(sv) : (double?)null;
                if (y is { } yv && double.IsFinite(v) && double.IsFinite(cap))
                {
                    rows.Add(new DesignRow(p, year, yv, v, cap, constraints.Select(x => inputs.Constraint(x, year)).ToArray(),
                        hasAdvanced ? inputs.Advanced(patron.Actor, year) : null, previous)
                    {
                        LogitConstraints = c.Constraints.Select(x => inputs.Constraint(x, year)).ToArray(),
                    });
                }
                previous = y;
            }
        }
        // A constraint that never varies over the rows cannot be estimated: leave it out.
        var kept = constraints.Where((x, i) => rows.Select(r => r.Constraints[i]).Distinct().Count() > 1).ToList();
        var keptLogit = c.Constraints.Where((x, i) => rows.Select(r => r.LogitConstraints[i]).Distinct().Count() > 1).ToList();
        var index = kept.Select(k => constraints.IndexOf(k)).ToArray();
        var logitIndex = keptLogit.Select(k => c.Constraints.ToList().IndexOf(k)).ToArray();
        rows = rows.Select(r => r with
        {
            Constraints = index.Select(i => r.Constraints[i]).ToArray(),
            LogitConstraints = logitIndex.Select(i => r.LogitConstraints[i]).ToArray(),
        }).ToList();
        return new ModelDesign(inputs, outcome, lag, eta, kept, keptLogit, rows);
    }

    /// <summary>The design row x of patron <paramref name="patron"/> in a year, from the inputs (NaN inputs stay NaN).</summary>
    public void Fill(int patron, int year, Span<double> x)
    {
        var spec = Case.Patrons[patron];
        Fill(patron, Inputs.Value(spec, year - Lag, Eta), Inputs.LogCapability(spec.Actor, year - Lag),
            Constraints.Select(c => Inputs.Constraint(c, year)).ToArray(), x);
    }

    public void Fill(DesignRow row, Span<double> x) => Fill(row.Patron, row.Value, row.LogCapability, row.Constraints, x);

    public void Fill(int patron, double value, double logCapability, ReadOnlySpan<double> constraints, Span<double> x)
    {
        x[..Columns].Clear();
        x[patron] = 1;
        x[BetaColumn] = value;
        if (HasCapability)
        {
            x[GammaColumn] = logCapability;
        }
        for (var i = 0; i < Constraints.Count; i++)
        {
            x[ConstraintColumn + i] = constraints[i];
        }
    }

    /// <summary>Columns of the advanced-technology logit: intercept, V, then one per logit constraint.</summary>
    public int LogitColumns => 2 + LogitConstraints.Count;

    public void FillLogit(double value, ReadOnlySpan<double> constraints, Span<double> x)
    {
        x[0] = 1;
        x[1] = value;
        for (var i = 0; i < LogitConstraints.Count; i++)
        {
            x[2 + i] = constraints[i];
        }
    }

    /// <summary>The logit row of patron <paramref name="patron"/> in a year, from the inputs.</summary>
    public void FillLogit(int patron, int year, Span<double> x) =>
        FillLogit(Inputs.Value(Case.Patrons[patron], year - Lag, Eta), LogitConstraints.Select(c => Inputs.Constraint(c, year)).ToArray(), x);
}
