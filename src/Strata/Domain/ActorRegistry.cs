namespace Strata.Domain;

/// <summary>All known actors, looked up by their Strata code or by a code in another system.</summary>
public sealed class ActorRegistry
{
    private readonly Dictionary<string, Actor> _byCode;
    private readonly Dictionary<(CodeSystem, string), List<(ActorAlias Alias, Actor Actor)>> _byAlias = [];

    public ActorRegistry(IEnumerable<Actor> actors)
    {
        Check.NotNull(actors);
        _byCode = new Dictionary<string, Actor>(StringComparer.Ordinal);
        foreach (var actor in actors)
        {
            Check.That(_byCode.TryAdd(actor.Code, actor), $"holds actor code '{actor.Code}' twice");
            foreach (var alias in actor.Aliases)
            {
                var key = (alias.System, Normalise(alias.System, alias.Code));
                if (!_byAlias.TryGetValue(key, out var list))
                {
                    _byAlias[key] = list = [];
                }
                list.Add((alias, actor));
            }
        }
    }

    public IReadOnlyCollection<Actor> All => _byCode.Values;

    public bool Contains(string code) => _byCode.ContainsKey(code);

    public Actor? Find(string code) => _byCode.GetValueOrDefault(code);

    public Actor Get(string code) => Find(code) ?? throw new KeyNotFoundException($"unknown actor code '{code}'");

    /// <summary>
    /// The actor that <paramref name="code"/> names in <paramref name="system"/> on <paramref name="day"/>
    /// (any day when null); null when no actor has that code.
    /// </summary>
    public Actor? Resolve(CodeSystem system, string code, DateOnly? day = null)
    {
        if (!_byAlias.TryGetValue((system, Normalise(system, code)), out var list))
        {
            return null;
        }
        foreach (var (alias, actor) in list)
        {
            if (day is null || alias.ValidOn(day.Value))
            {
                return actor;
            }
        }
        return null;
    }

    private static string Normalise(CodeSystem system, string code) =>
        system == CodeSystem.Icews ? code.Trim().ToUpperInvariant() : code.Trim();
}
