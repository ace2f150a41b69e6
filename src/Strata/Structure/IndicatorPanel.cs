namespace Strata.Structure;

/// <summary>
/// One yearly value of a structural indicator: <see cref="Name"/> (for example <c>rivalry.active</c>,
/// <c>nmc.cinc</c>, <c>arms.tiv_delivered</c>) for one actor (<see cref="ActorB"/> null) or an ordered pair of
/// actors, in one year, with where it came from (<see cref="Source"/>: a citation, or a file and line).
/// </summary>
public sealed record IndicatorValue
{
    public IndicatorValue(string name, string actorA, string? actorB, int year, double value, string source)
    {
        Name = Check.NotBlank(name);
        ActorA = Check.NotBlank(actorA);
        Check.That(actorB is null || actorB.Length > 0, "must be null or an actor code");
        Check.That(actorB != actorA, "a pair needs two different actors");
        ActorB = actorB;
        Year = year;
        Check.That(double.IsFinite(value), "must be a finite number");
        Value = value;
        Source = Check.NotBlank(source);
    }

    public string Name { get; }

    public string ActorA { get; }

    public string? ActorB { get; }

    public int Year { get; }

    public double Value { get; }

    public string Source { get; }
}

/// <summary>
/// A yearly panel of structural indicators: at most one value per name, actor (or ordered pair) and year.
/// Immutable; build it with <see cref="Create"/>. A missing value is missing (<c>null</c>), never zero: whether
/// "no row" means zero (no rivalry that year) or unknown is the caller's decision, made explicit at the call
/// site (for example <c>panel.Get(...) ?? 0</c>).
/// </summary>
public sealed class IndicatorPanel
{
    private readonly Dictionary<(string Name, string A, string? B, int Year), IndicatorValue> _values;

    private IndicatorPanel(Dictionary<(string, string, string?, int), IndicatorValue> values) => _values = values;

    public static IndicatorPanel Empty { get; } = new([]);

    /// <summary>
    /// The panel of these values. When two values share a key, the later one wins if <paramref name="laterWins"/>;
    /// otherwise a duplicate key is an error naming both sources.
    /// </summary>
    public static IndicatorPanel Create(IEnumerable<IndicatorValue> values, bool laterWins = false)
    {
        Check.NotNull(values);
        var map = new Dictionary<(string, string, string?, int), IndicatorValue>();
        foreach (var v in values)
        {
            var key = (v.Name, v.ActorA, v.ActorB, v.Year);
            if (!laterWins && map.TryGetValue(key, out var earlier))
            {
                ThrowHelper.Argument(nameof(values),
                    $"two values for {v.Name} {Pair(v.ActorA, v.ActorB)} {v.Year}: {earlier.Value} ({earlier.Source}) and {v.Value} ({v.Source})");
            }
            map[key] = v;
        }
        return new IndicatorPanel(map);
    }

    /// <summary>This panel with <paramref name="overrides"/> replacing values that share a key.</summary>
    public IndicatorPanel With(IEnumerable<IndicatorValue> overrides) => Create(Values.Concat(overrides), laterWins: true);

    public IReadOnlyCollection<IndicatorValue> Values => _values.Values;

    public int Count => _values.Count;

    public IReadOnlyList<string> Names => _values.Keys.Select(k => k.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>First and last year with any value, or null for an empty panel.</summary>
    public (int From, int To)? Years => _values.Count == 0 ? null : (_values.Keys.Min(k => k.Year), _values.Keys.Max(k => k.Year));

    /// <summary>The value for an actor (<paramref name="actorB"/> null) or ordered pair in a year, or null.</summary>
    public IndicatorValue? Find(string name, string actorA, string? actorB, int year) =>
        _values.GetValueOrDefault((name, actorA, actorB, year));

    public double? Get(string name, string actorA, string? actorB, int year) => Find(name, actorA, actorB, year)?.Value;

    /// <summary>
    /// The value for an unordered pair: (a, b) if present, else (b, a). For indicators that are symmetric by
    /// nature (rivalry, alliance, agreement), whichever order the source used.
    /// </summary>
    public double? GetEither(string name, string actorA, string actorB, int year) =>
        Get(name, actorA, actorB, year) ?? Get(name, actorB, actorA, year);

    /// <summary>All values of one indicator, in key order (actor A, actor B, year).</summary>
    public IReadOnlyList<IndicatorValue> Series(string name) =>
        _values.Values.Where(v => v.Name == name)
            .OrderBy(v => v.ActorA, StringComparer.Ordinal).ThenBy(v => v.ActorB, StringComparer.Ordinal).ThenBy(v => v.Year)
            .ToList();

    private static string Pair(string a, string? b) => b is null ? a : $"{a}-{b}";
}
