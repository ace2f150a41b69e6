namespace Strata.Domain;

/// <summary>What kind of actor a code stands for.</summary>
public enum ActorKind
{
    State,
    Organisation,
}

/// <summary>A code system in which data sets name actors.</summary>
public enum CodeSystem
{
    /// <summary>ISO 3166-1 alpha-3, with withdrawn ISO 3166-3 codes of predecessor states.</summary>
    Iso3,

    /// <summary>CAMEO and Phoenix country codes (SUN for the Soviet Union).</summary>
    Cameo,

    /// <summary>Correlates of War state numbers.</summary>
    Cow,

    /// <summary>Country names as ICEWS writes them.</summary>
    Icews,
}

/// <summary>A name an actor bore, in force from <see cref="From"/> to <see cref="To"/> (inclusive, either open).</summary>
public sealed record ActorName(string Name, string? Formal, DateOnly? From, DateOnly? To)
{
    public bool InForceOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>A code of an actor in one code system, optionally valid only for a span of days.</summary>
public sealed record ActorAlias(CodeSystem System, string Code, DateOnly? From = null, DateOnly? To = null)
{
    public bool ValidOn(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>
/// A state or organisation with one stable code (ISO 3166 alpha-3 where there is one) across its history:
/// the Soviet Union and Russia are one actor, RUS, whose name changes on 1991-12-26.
/// </summary>
public sealed class Actor
{
    public Actor(string code, ActorKind kind, IReadOnlyList<ActorName> names, IReadOnlyList<ActorAlias> aliases)
    {
        Code = Check.NotBlank(code);
        Kind = kind;
        Check.That(Check.NotNull(names).Count > 0, "must hold at least one name");
        Names = names;
        Aliases = Check.NotNull(aliases);
    }

    public string Code { get; }

    public ActorKind Kind { get; }

    /// <summary>The names the actor bore, oldest first.</summary>
    public IReadOnlyList<ActorName> Names { get; }

    public IReadOnlyList<ActorAlias> Aliases { get; }

    /// <summary>The current (latest) short name.</summary>
    public string Name => Names[^1].Name;

    /// <summary>The short name in force on <paramref name="day"/>; the nearest name when none was.</summary>
    public string NameOn(DateOnly day)
    {
        foreach (var n in Names)
        {
            if (n.InForceOn(day))
            {
                return n.Name;
            }
        }
        return day < (Names[0].From ?? DateOnly.MinValue) ? Names[0].Name : Name;
    }

    public IEnumerable<string> CodesIn(CodeSystem system) => Aliases.Where(a => a.System == system).Select(a => a.Code);

    public override string ToString() => $"{Code} ({Name})";
}
