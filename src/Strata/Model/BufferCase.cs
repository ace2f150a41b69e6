namespace Strata.Model;

/// <summary>An inclusive span of years; <see cref="To"/> may equal <see cref="From"/>.</summary>
public readonly record struct YearSpan
{
    public YearSpan(int from, int to)
    {
        Check.That(to >= from, $"the span ends ({to}) before it starts ({from})");
        From = from;
        To = to;
    }

    public int From { get; }

    public int To { get; }

    public int Length => To - From + 1;

    public bool Contains(int year) => year >= From && year <= To;

    public IEnumerable<int> Years() => Enumerable.Range(From, Length);

    public override string ToString() => From == To ? $"{From}" : $"{From}–{To}";
}

/// <summary>
/// A patron of the client, and the rivals whose threat to the patron raises the client's value to it (for
/// North Korea's patrons: the United States, and the other patron during the Sino-Soviet split).
/// </summary>
public sealed record PatronSpec
{
    public PatronSpec(string actor, IReadOnlyList<string> rivals)
    {
        Actor = Check.NotBlank(actor);
        Check.NotNull(rivals);
        Check.That(rivals.Count > 0, "a patron needs at least one rival");
        Check.That(!rivals.Contains(actor), "a patron cannot be its own rival");
        Rivals = rivals;
    }

    public string Actor { get; }

    public IReadOnlyList<string> Rivals { get; }
}

/// <summary>How a support indicator is transformed before it is modelled.</summary>
public enum SupportTransform
{
    /// <summary>y = ln(1 + S): compresses the large deliveries, keeps zero at zero.</summary>
    Log1p,

    /// <summary>y = S.</summary>
    None,
}

/// <summary>
/// One measure of a patron's support to the client: the indicator that records it (patron → client pairs in the
/// panel), its transform, the delivery lags to try, and what it measures (arms, aid).
/// </summary>
public sealed record OutcomeSpec
{
    public OutcomeSpec(string name, string indicator, SupportTransform transform, IReadOnlyList<int> lags, string description, string unit, int? observedTo = null)
    {
        Name = Check.NotBlank(name);
        Indicator = Check.NotBlank(indicator);
        Transform = transform;
        Check.NotNull(lags);
        Check.That(lags.Count > 0 && lags.All(l => l is >= 0 and <= 10), "lags must be a non-empty list of years from 0 to 10");
        Lags = lags;
        Description = description ?? "";
        Unit = unit ?? "";
        ObservedTo = observedTo;
    }

    /// <summary>The last year the source records; later years are missing, not zero. Null: the case's last year.</summary>
    public int? ObservedTo { get; }

    public string Name { get; }

    public string Indicator { get; }

    public SupportTransform Transform { get; }

    public IReadOnlyList<int> Lags { get; }

    public string Description { get; }

    public string Unit { get; }

    public double Apply(double support) => Transform == SupportTransform.Log1p ? Math.Log(1 + Math.Max(0, support)) : support;

    public double Invert(double y) => Transform == SupportTransform.Log1p ? Math.Exp(Math.Max(0, y)) - 1 : Math.Max(0, y);
}

/// <summary>
/// The signal of an advanced-technology transfer: the patron → client value of <see cref="Indicator"/> above
/// <see cref="Above"/> in a year (for example combat aircraft delivered &gt; 0).
/// </summary>
public sealed record AdvancedSpec(string Indicator, double Above, string Description);

/// <summary>
/// The structural inputs and how missing values are read. Rivalry and alliance lists record only the years a
/// tie exists, so a missing value inside the source's coverage is 0; after the last year a source covers,
/// the last observed value is carried forward (the sources end before the present).
/// </summary>
public sealed record InputSpec
{
    public string Rivalry { get; init; } = "rivalry.active";

    public int RivalryObservedTo { get; init; } = 2020;

    public string Capability { get; init; } = "nmc.cinc";

    public string Alliance { get; init; } = "alliance.defense";

    public int AllianceObservedTo { get; init; } = 2012;

    /// <summary>Undirected yearly net cooperation between patron and rival; its negative, standardised, is hostility. Optional.</summary>
    public string? Hostility { get; init; } = "events.netcoop";

    /// <summary>The weights η of hostility to try (chosen with the lag by out-of-sample error); [0] switches hostility off.</summary>
    public IReadOnlyList<double> HostilityWeights { get; init; } = [0];
}

/// <summary>Whether a patron's support went up or down between a reference span and a phase.</summary>
public enum Direction
{
    Up,
    Down,
}

/// <summary>
/// One testable statement about a phase: either <see cref="Leader"/> out-supported every other patron over the
/// phase's years (mean of the transformed support), or <see cref="Patron"/>'s mean support over the phase moved
/// in <see cref="Change"/> relative to its mean over <see cref="Reference"/>.
/// </summary>
public sealed record PhaseCondition
{
    private PhaseCondition(string? leader, string? patron, Direction? change, YearSpan? reference)
    {
        Leader = leader;
        Patron = patron;
        Change = change;
        Reference = reference;
    }

    public static PhaseCondition Leads(string leader) => new(Check.NotBlank(leader), null, null, null);

    public static PhaseCondition Moves(string patron, Direction change, YearSpan reference) => new(null, Check.NotBlank(patron), change, reference);

    public string? Leader { get; }

    public string? Patron { get; }

    public Direction? Change { get; }

    public YearSpan? Reference { get; }

    public override string ToString() => Leader is not null
        ? $"{Leader} leads"
        : $"{Patron} {(Change == Direction.Up ? "up" : "down")} from {Reference}";
}

/// <summary>
/// A phase of the relationship as the commentary (or another source) describes it, written as conditions the
/// data and the model can be checked against.
/// </summary>
public sealed record PhaseExpectation(string Id, string Title, YearSpan Years, string Outcome, IReadOnlyList<PhaseCondition> Conditions, string Source);

/// <summary>
/// A known constraint on support in some years (for example the UN arms embargo on North Korea from 2006),
/// entered as a 0/1 covariate of the outcomes it names (all when empty) and of the advanced-technology signal,
/// with its own estimated coefficient. In the panel of inputs it is the indicator <c>constraint.&lt;id&gt;</c> of
/// the client, so scenarios can change it like any other input.
/// </summary>
public sealed record CaseConstraint(string Id, string Title, YearSpan Years, IReadOnlyList<string> Outcomes, string Source)
{
    public string Indicator => "constraint." + Id;

    public bool Applies(string outcome) => Outcomes.Count == 0 || Outcomes.Contains(outcome);
}

/// <summary>
/// A client–patron case: the client, its patrons and their rivals, the rival blocs (allies whose capability
/// counts towards a rival's, weighted by the bloc's cohesion), the years to estimate on, the outcomes, the
/// advanced-technology signal and the phases to check. Data, not code: read from <c>data/cases/*.yaml</c>.
/// </summary>
public sealed record BufferCase
{
    public BufferCase(
        string id, string title, string client, string principalRival, IReadOnlyList<PatronSpec> patrons,
        IReadOnlyDictionary<string, IReadOnlyList<string>> blocs, YearSpan years, IReadOnlyList<OutcomeSpec> outcomes,
        AdvancedSpec? advanced, IReadOnlyList<PhaseExpectation> phases, InputSpec? inputs = null, IReadOnlyList<CaseConstraint>? constraints = null)
    {
        Id = Check.NotBlank(id);
        Title = title ?? id;
        Client = Check.NotBlank(client);
        PrincipalRival = Check.NotBlank(principalRival);
        Check.NotNull(patrons);
        Check.That(patrons.Count >= 1, "a case needs at least one patron");
        Check.That(patrons.Select(p => p.Actor).Distinct().Count() == patrons.Count, "patrons must differ");
        Check.That(patrons.All(p => p.Actor != client), "the client cannot be its own patron");
        Patrons = patrons;
        Blocs = Check.NotNull(blocs);
        Years = years;
        Check.NotNull(outcomes);
        Check.That(outcomes.Count >= 1, "a case needs at least one outcome");
        Outcomes = outcomes;
        Advanced = advanced;
        Phases = Check.NotNull(phases);
        Inputs = inputs ?? new InputSpec();
        Constraints = constraints ?? [];
    }

    public string Id { get; }

    public string Title { get; }

    public string Client { get; }

    public string PrincipalRival { get; }

    public IReadOnlyList<PatronSpec> Patrons { get; }

    /// <summary>For a rival, the allies whose capability may count towards its bloc.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Blocs { get; }

    public YearSpan Years { get; }

    public IReadOnlyList<OutcomeSpec> Outcomes { get; }

    public AdvancedSpec? Advanced { get; }

    public IReadOnlyList<PhaseExpectation> Phases { get; }

    public InputSpec Inputs { get; }

    public IReadOnlyList<CaseConstraint> Constraints { get; }

    public OutcomeSpec? Outcome(string name) => Outcomes.FirstOrDefault(o => o.Name == name);

    public IReadOnlyList<string> PatronActors => Patrons.Select(p => p.Actor).ToList();
}
