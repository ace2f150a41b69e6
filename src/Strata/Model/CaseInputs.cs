using Strata.Structure;

namespace Strata.Model;

/// <summary>The input an override replaces: an indicator of an actor (<see cref="B"/> null) or an unordered pair, in a year.</summary>
public readonly record struct InputKey(string Name, string A, string? B, int Year)
{
    /// <summary>The key with the pair in ordinal order, so (USA, CHN) and (CHN, USA) are one key.</summary>
    public static InputKey Of(string name, string a, string? b, int year) =>
        b is null || string.CompareOrdinal(a, b) <= 0 ? new InputKey(name, a, b, year) : new InputKey(name, b, a, year);
}

/// <summary>
/// The structural inputs of a case read from a panel, with the rules for missing values, and the threat and
/// value they give (docs/models/buffer-value.md, section "Threat and value"):
/// <list type="bullet">
/// <item>rivalry and alliance: a missing year within the source's coverage is 0; after it, the last covered year carries forward;</item>
/// <item>capability: the last earlier value carries forward (up to 30 years); none is missing; when the panel has
/// no value of the capability indicator for any of the case's actors, the inputs are in the <b>reduced form</b>
/// (<see cref="HasCapability"/> false): every capability and bloc weight is 1, so the threat is the count of
/// active rivalries weighted by hostility;</item>
/// <item>hostility: missing is neutral (z = 0);</item>
/// <item>constraints: 1 in their years;</item>
/// <item>after the case's last year every input is carried forward from that year (the scenarios' baseline),
/// and <see cref="Overrides"/> then replace any value.</item>
/// </list>
/// </summary>
public sealed class CaseInputs
{
    private readonly IndicatorPanel _panel;
    private readonly IReadOnlyDictionary<InputKey, double> _overrides;
    private readonly double _hostilityMean;
    private readonly double _hostilitySd;
    private readonly bool _hasCapability;

    public CaseInputs(BufferCase bufferCase, IndicatorPanel panel, IReadOnlyDictionary<InputKey, double>? overrides = null)
    {
        Case = Check.NotNull(bufferCase);
        _panel = Check.NotNull(panel);
        _overrides = overrides ?? new Dictionary<InputKey, double>();
        (_hostilityMean, _hostilitySd) = HostilityScale(bufferCase, panel);
        _hasCapability = CapabilityRecorded(bufferCase, panel);
    }

    private CaseInputs(CaseInputs basis, IReadOnlyDictionary<InputKey, double> overrides)
    {
        Case = basis.Case;
        _panel = basis._panel;
        _overrides = overrides;
        (_hostilityMean, _hostilitySd) = (basis._hostilityMean, basis._hostilitySd);
        _hasCapability = basis._hasCapability;
    }

    public BufferCase Case { get; }

    public IReadOnlyDictionary<InputKey, double> Overrides => _overrides;

    /// <summary>These inputs with other overrides (the hostility scale stays that of history).</summary>
    public CaseInputs WithOverrides(IReadOnlyDictionary<InputKey, double> overrides) => new(this, overrides);

    /// <summary>
    /// True when the panel has some value of the capability indicator for one of the case's actors; false puts the
    /// model in the reduced form (threat = Σ rivalry · exp(η·h), no capability term). Overrides do not change it:
    /// a scenario cannot give capability to a model fitted without it.
    /// </summary>
    public bool HasCapability => _hasCapability;

    /// <summary>True when the hostility indicator has values for some patron–rival pair.</summary>
    public bool HasHostility => _hostilitySd > 0;

    /// <summary>The input's value: an override if there is one, else <see cref="Base"/>.</summary>
    public double Value(string name, string a, string? b, int year) =>
        _overrides.TryGetValue(InputKey.Of(name, a, b, year), out var v) ? v : Base(name, a, b, year);

    /// <summary>The input's value from the panel and the missing-value rules, without overrides; NaN when unknown.</summary>
    public double Base(string name, string a, string? b, int year)
    {
        var inputs = Case.Inputs;
        var t = Math.Min(year, Case.Years.To);
        if (name == inputs.Rivalry && b is not null)
        {
            return _panel.GetEither(name, a, b, Math.Min(t, inputs.RivalryObservedTo)) ?? 0;
        }
        if (name == inputs.Alliance && b is not null)
        {
            return _panel.GetEither(name, a, b, Math.Min(t, inputs.AllianceObservedTo)) ?? 0;
        }
        if (name == inputs.Hostility && b is not null)
        {
            var back = year > Case.Years.To ? 10 : 0;
            for (var y = t; y >= t - back; y--)
            {
                if (_panel.GetEither(name, a, b, y) is { } h)
                {
                    return h;
                }
            }
            return double.NaN;
        }
        if (name.StartsWith("constraint.", StringComparison.Ordinal))
        {
            var c = Case.Constraints.FirstOrDefault(x => x.Indicator == name);
            return c is not null && c.Years.Contains(t) ? 1 : 0;
        }
        for (var y = t; y >= t - 30; y--)
        {
            if ((b is null ? _panel.Get(name, a, null, y) : _panel.GetEither(name, a, b, y)) is { } v)
            {
                return v;
            }
        }
        return double.NaN;
    }

    public double Capability(string actor, int year) => Value(Case.Inputs.Capability, actor, null, year);

    public double Rivalry(string a, string b, int year) => Value(Case.Inputs.Rivalry, a, b, year);

    public double Alliance(string a, string b, int year) => Value(Case.Inputs.Alliance, a, b, year);

    /// <summary>Standardised hostility −(netcoop − mean)/sd over the case's patron–rival history; 0 when missing.</summary>
    public double Hostility(string a, string b, int year)
    {
        if (Case.Inputs.Hostility is not { } name || _hostilitySd <= 0)
        {
            return 0;
        }
        var v = Value(name, a, b, year);
        return double.IsNaN(v) ? 0 : -(v - _hostilityMean) / _hostilitySd;
    }

    public double Constraint(CaseConstraint constraint, int year) => Value(constraint.Indicator, Case.Client, null, year);

    /// <summary>
    /// The capability of <paramref name="rival"/>'s bloc as it faces <paramref name="patron"/>: the rival's own
    /// capability plus each listed ally's, weighted by the ally's cohesion with the bloc (the mean of its defence
    /// ties with the bloc's other members). NaN when the rival's capability is unknown.
    /// </summary>
    public double BlocCapability(string rival, string patron, int year)
    {
        var total = Capability(rival, year);
        if (double.IsNaN(total) || !Case.Blocs.TryGetValue(rival, out var allies))
        {
            return total;
        }
        var members = new List<string> { rival };
        members.AddRange(allies.Where(a => a != patron && a != Case.Client && a != rival));
        foreach (var ally in members.Skip(1))
        {
            var cap = Capability(ally, year);
            if (double.IsNaN(cap))
            {
                continue;
            }
            var ties = 0.0;
            foreach (var other in members)
            {
                if (other != ally)
                {
                    ties += Alliance(ally, other, year);
                }
            }
            total += cap * ties / (members.Count - 1);
        }
        return total;
    }

    /// <summary>
    /// The threat to <paramref name="patron"/>: T = Σ_q r_pq · (B_q / cap_p) · exp(η·h_pq) over its rivals q, with
    /// r the rivalry, B the rival bloc's capability and h the standardised hostility. NaN when the patron's
    /// capability is unknown.
    /// </summary>
    public double Threat(PatronSpec patron, int year, double eta)
    {
        if (!_hasCapability)
        {
            return ReducedThreat(patron, year, eta);
        }
        var own = Capability(patron.Actor, year);
        if (double.IsNaN(own) || own <= 0)
        {
            return double.NaN;
        }
        var threat = 0.0;
        foreach (var rival in patron.Rivals)
        {
            var r = Rivalry(patron.Actor, rival, year);
            if (r == 0)
            {
                continue;
            }
            var bloc = BlocCapability(rival, patron.Actor, year);
            if (double.IsNaN(bloc))
            {
                return double.NaN;
            }
            threat += r * (bloc / own) * Math.Exp(eta * Hostility(patron.Actor, rival, year));
        }
        return threat;
    }

    /// <summary>The reduced form's threat: T = Σ_q r_pq · exp(η·h_pq), every capability and bloc weight 1.</summary>
    private double ReducedThreat(PatronSpec patron, int year, double eta)
    {
        var threat = 0.0;
        foreach (var rival in patron.Rivals)
        {
            var r = Rivalry(patron.Actor, rival, year);
            if (r != 0)
            {
                threat += r * Math.Exp(eta * Hostility(patron.Actor, rival, year));
            }
        }
        return threat;
    }

    /// <summary>The client's value to the patron, V = ln(1 + T).</summary>
    public double Value(PatronSpec patron, int year, double eta) => Math.Log(1 + Threat(patron, year, eta));

    /// <summary>ln of the patron's capability (its capacity to give); NaN when unknown; 0 (capability 1) in the reduced form.</summary>
    public double LogCapability(string patron, int year)
    {
        if (!_hasCapability)
        {
            return 0;
        }
        var c = Capability(patron, year);
        return c > 0 ? Math.Log(c) : double.NaN;
    }

    /// <summary>The support the panel records from patron to client in a year; null after the outcome's last observed year.</summary>
    public double? Support(OutcomeSpec outcome, string patron, int year)
    {
        if (year > (outcome.ObservedTo ?? Case.Years.To))
        {
            return null;
        }
        return _panel.Get(outcome.Indicator, patron, Case.Client, year) ?? 0;
    }

    /// <summary>True when the panel has any value of <paramref name="indicator"/> from a patron to the client.</summary>
    public bool HasPatronIndicator(string indicator) =>
        _panel.Series(indicator).Any(v => v.ActorB == Case.Client && Case.PatronActors.Contains(v.ActorA));

    /// <summary>Whether the advanced-technology signal fired from patron to client in a year; null when the case has none.</summary>
    public bool? Advanced(string patron, int year)
    {
        if (Case.Advanced is not { } adv)
        {
            return null;
        }
        return (_panel.Get(adv.Indicator, patron, Case.Client, year) ?? 0) > adv.Above;
    }

    /// <summary>The client's relations with a patron (the hostility indicator, raw net cooperation), or null.</summary>
    public double? Relations(string patron, int year) =>
        Case.Inputs.Hostility is { } name ? _panel.GetEither(name, Case.Client, patron, year) : null;

    /// <summary>Every input key the case reads for one year (for projecting a baseline forward).</summary>
    public IEnumerable<(string Name, string A, string? B)> InputSeries()
    {
        var inputs = Case.Inputs;
        var actors = new HashSet<string>(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        void Pair(string a, string b) => pairs.Add(string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a));
        foreach (var p in Case.Patrons)
        {
            actors.Add(p.Actor);
            foreach (var q in p.Rivals)
            {
                actors.Add(q);
                Pair(p.Actor, q);
            }
        }
        for (var i = 0; i < Case.Patrons.Count; i++)
        {
            for (var j = i + 1; j < Case.Patrons.Count; j++)
            {
                Pair(Case.Patrons[i].Actor, Case.Patrons[j].Actor);
            }
        }
        foreach (var (rival, allies) in Case.Blocs)
        {
            var members = new[] { rival }.Concat(allies).Distinct().ToList();
            foreach (var a in members)
            {
                actors.Add(a);
                foreach (var b in members.Where(b => b != a))
                {
                    yield return InputKeyPair(inputs.Alliance, a, b);
                }
            }
        }
        foreach (var a in actors.Order(StringComparer.Ordinal))
        {
            yield return (inputs.Capability, a, null);
        }
        foreach (var (a, b) in pairs)
        {
            yield return (inputs.Rivalry, a, b);
            if (inputs.Hostility is { } h)
            {
                yield return (h, a, b);
            }
        }
        foreach (var c in Case.Constraints)
        {
            yield return (c.Indicator, Case.Client, null);
        }
    }

    private static (string, string, string?) InputKeyPair(string name, string a, string b) =>
        string.CompareOrdinal(a, b) <= 0 ? (name, a, b) : (name, b, a);

    /// <summary>True when the panel has any value of the capability indicator for a patron, rival or bloc member of the case.</summary>
    private static bool CapabilityRecorded(BufferCase c, IndicatorPanel panel)
    {
        var actors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var p in c.Patrons)
        {
            actors.Add(p.Actor);
            actors.UnionWith(p.Rivals);
        }
        foreach (var (rival, allies) in c.Blocs)
        {
            actors.Add(rival);
            actors.UnionWith(allies);
        }
        return panel.Series(c.Inputs.Capability).Any(v => v.ActorB is null && actors.Contains(v.ActorA));
    }

    private static (double Mean, double Sd) HostilityScale(BufferCase c, IndicatorPanel panel)
    {
        if (c.Inputs.Hostility is not { } name)
        {
            return (0, 0);
        }
        var values = new List<double>();
        foreach (var p in c.Patrons)
        {
            foreach (var q in p.Rivals)
            {
                foreach (var year in c.Years.Years())
                {
                    if (panel.GetEither(name, p.Actor, q, year) is { } v)
                    {
                        values.Add(v);
                    }
                }
            }
        }
        if (values.Count < 2)
        {
            return (0, 0);
        }
        var mean = values.Average();
        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return (mean, sd);
    }
}
