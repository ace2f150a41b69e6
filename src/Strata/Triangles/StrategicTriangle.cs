namespace Strata.Triangles;

/// <summary>
/// The state of one tie of a triangle in one period: the sign of its score against a neutral zone, or missing when
/// the period holds no event between the two actors. Missing is kept apart from neutral: a neutral tie was observed
/// and is balanced, a missing one was not observed at all.
/// </summary>
public enum TieSign
{
    Negative,
    Neutral,
    Positive,
    Missing,
}

/// <summary>Dittmer's four configurations of a triangle of signed ties.</summary>
public enum TriangleKind
{
    /// <summary>All three ties positive.</summary>
    MenageATrois,

    /// <summary>Two ties positive, one negative: the actor in both positive ties is the pivot, the other two are wings.</summary>
    RomanticTriangle,

    /// <summary>One tie positive, two negative: the two linked actors are partners, the third is the outcast.</summary>
    StableMarriage,

    /// <summary>All three ties negative.</summary>
    UnitVeto,
}

/// <summary>
/// An actor's position in a configuration. Pivot, wing, partner and outcast are Dittmer's; <see cref="Friend"/>
/// (every position of a ménage à trois) and <see cref="Foe"/> (every position of a unit veto) are Strata's names
/// for the symmetric positions, where no actor is placed differently from the others.
/// </summary>
public enum TriangleRole
{
    Friend,
    Pivot,
    Wing,
    Partner,
    Outcast,
    Foe,
}

/// <summary>Three distinct actors, in the order the analyst named them. Ties are indexed AB = 0, AC = 1, BC = 2.</summary>
public sealed record Triad
{
    public Triad(string a, string b, string c)
    {
        A = Check.NotBlank(a);
        B = Check.NotBlank(b);
        C = Check.NotBlank(c);
        Check.That(a != b && a != c && b != c, $"must name three different actors, got {a}, {b}, {c}", "actors");
    }

    public string A { get; }

    public string B { get; }

    public string C { get; }

    /// <summary>The actor at position 0, 1 or 2.</summary>
    public string this[int index] => index switch
    {
        0 => A,
        1 => B,
        2 => C,
        _ => ThrowHelper.Format<string>($"actor index {index} is not 0, 1 or 2"),
    };

    public IReadOnlyList<string> Actors => [A, B, C];

    /// <summary>The two actor positions of tie 0 (AB), 1 (AC) or 2 (BC).</summary>
    public static (int First, int Second) Ends(int tie) => tie switch
    {
        0 => (0, 1),
        1 => (0, 2),
        2 => (1, 2),
        _ => ThrowHelper.Format<(int, int)>($"tie index {tie} is not 0, 1 or 2"),
    };

    /// <summary>The index of the tie between two actor positions (in either order).</summary>
    public static int Tie(int i, int j) => (Math.Min(i, j), Math.Max(i, j)) switch
    {
        (0, 1) => 0,
        (0, 2) => 1,
        (1, 2) => 2,
        _ => ThrowHelper.Format<int>($"positions {i} and {j} do not make a tie"),
    };

    /// <summary>"A–B" for tie 0, and so on.</summary>
    public string TieLabel(int tie)
    {
        var (i, j) = Ends(tie);
        return $"{this[i]}–{this[j]}";
    }

    public override string ToString() => $"{A}–{B}–{C}";
}

/// <summary>A determined configuration: its kind and the role of each of the three actors (by position).</summary>
public sealed record TriangleConfiguration(TriangleKind Kind, TriangleRole RoleA, TriangleRole RoleB, TriangleRole RoleC)
{
    public TriangleRole RoleOf(int position) => position switch
    {
        0 => RoleA,
        1 => RoleB,
        2 => RoleC,
        _ => ThrowHelper.Format<TriangleRole>($"actor index {position} is not 0, 1 or 2"),
    };

    /// <summary>The position of the pivot (romantic triangle) or the outcast (stable marriage); null otherwise.</summary>
    public int? Distinguished => Kind switch
    {
        TriangleKind.RomanticTriangle => Position(TriangleRole.Pivot),
        TriangleKind.StableMarriage => Position(TriangleRole.Outcast),
        _ => null,
    };

    private int Position(TriangleRole role) => RoleA == role ? 0 : RoleB == role ? 1 : 2;

    /// <summary>"romantic triangle: USA pivot; CHN, RUS wings" and the like.</summary>
    public string Describe(Triad actors)
    {
        Check.NotNull(actors);
        return Kind switch
        {
            TriangleKind.MenageATrois => "ménage à trois",
            TriangleKind.UnitVeto => "unit veto",
            TriangleKind.RomanticTriangle => $"romantic triangle: {actors[Distinguished!.Value]} pivot; {Others(actors)} wings",
            _ => $"stable marriage: {Others(actors)} partners; {actors[Distinguished!.Value]} outcast",
        };
    }

    /// <summary>"romantic triangle (USA pivot)", "stable marriage (USA outcast)", "ménage à trois".</summary>
    public string Brief(Triad actors)
    {
        Check.NotNull(actors);
        return Kind switch
        {
            TriangleKind.MenageATrois => "ménage à trois",
            TriangleKind.UnitVeto => "unit veto",
            TriangleKind.RomanticTriangle => $"romantic triangle ({actors[Distinguished!.Value]} pivot)",
            _ => $"stable marriage ({actors[Distinguished!.Value]} outcast)",
        };
    }

    private string Others(Triad actors)
    {
        var d = Distinguished!.Value;
        return string.Join(", ", Enumerable.Range(0, 3).Where(i => i != d).Select(i => actors[i]));
    }
}

/// <summary>
/// The classification of one period: one configuration when all three ties are signed, otherwise every
/// configuration compatible with the signed ties (each neutral or missing tie could be either sign), with the reason.
/// </summary>
public sealed record TriangleClassification(IReadOnlyList<TriangleConfiguration> Candidates, IReadOnlyList<TieSign> Signs, string? Reason)
{
    /// <summary>True when all three ties are signed and there is exactly one configuration.</summary>
    public bool IsDetermined => Candidates.Count == 1;

    /// <summary>The configuration when determined, else null.</summary>
    public TriangleConfiguration? Configuration => IsDetermined ? Candidates[0] : null;

    /// <summary>The roles the actor at <paramref name="position"/> holds in at least one candidate, in enum order.</summary>
    public IReadOnlyList<TriangleRole> PossibleRoles(int position) =>
        Candidates.Select(c => c.RoleOf(position)).Distinct().Order().ToList();

    /// <summary>The determined configuration, or "undetermined: a or b" listing the candidates.</summary>
    public string Describe(Triad actors)
    {
        Check.NotNull(actors);
        return IsDetermined ? Candidates[0].Describe(actors) : "undetermined: " + string.Join(" or ", Candidates.Select(c => c.Brief(actors)));
    }
}

/// <summary>
/// Dittmer's strategic triangle (World Politics 33(4), 1981) from the signs of the three ties. See docs/triangles.md.
/// </summary>
public static class StrategicTriangle
{
    private static readonly bool[] OnlyPositive = [true];
    private static readonly bool[] OnlyNegative = [false];
    private static readonly bool[] Either = [true, false];

    /// <summary>The configuration of three signed ties (true = positive) for AB, AC and BC.</summary>
    public static TriangleConfiguration Configuration(bool ab, bool ac, bool bc)
    {
        bool[] positive = [ab, ac, bc];
        var count = positive.Count(p => p);
        switch (count)
        {
            case 3:
                return new(TriangleKind.MenageATrois, TriangleRole.Friend, TriangleRole.Friend, TriangleRole.Friend);
            case 0:
                return new(TriangleKind.UnitVeto, TriangleRole.Foe, TriangleRole.Foe, TriangleRole.Foe);
            case 2:
                {
                    // The actor not in the one negative tie is in both positive ties: the pivot.
                    var (i, j) = Triad.Ends(Array.IndexOf(positive, false));
                    var roles = new TriangleRole[3];
                    roles[i] = roles[j] = TriangleRole.Wing;
                    roles[3 - i - j] = TriangleRole.Pivot;
                    return new(TriangleKind.RomanticTriangle, roles[0], roles[1], roles[2]);
                }
            default:
                {
                    var (i, j) = Triad.Ends(Array.IndexOf(positive, true));
                    var roles = new TriangleRole[3];
                    roles[i] = roles[j] = TriangleRole.Partner;
                    roles[3 - i - j] = TriangleRole.Outcast;
                    return new(TriangleKind.StableMarriage, roles[0], roles[1], roles[2]);
                }
        }
    }

    /// <summary>
    /// Classifies a period from the states of its ties AB, AC and BC. A neutral or missing tie is not given a sign:
    /// the result lists the configurations that each way of signing it would give, and says why.
    /// </summary>
    public static TriangleClassification Classify(Triad actors, TieSign ab, TieSign ac, TieSign bc)
    {
        Check.NotNull(actors);
        TieSign[] signs = [ab, ac, bc];
        var options = signs.Select(s => s switch
        {
            TieSign.Positive => OnlyPositive,
            TieSign.Negative => OnlyNegative,
            _ => Either,
        }).ToArray();
        var candidates = new List<TriangleConfiguration>();
        foreach (var x in options[0])
        {
            foreach (var y in options[1])
            {
                foreach (var z in options[2])
                {
                    var c = Configuration(x, y, z);
                    if (!candidates.Contains(c))
                    {
                        candidates.Add(c);
                    }
                }
            }
        }
        var unknown = Enumerable.Range(0, 3)
            .Where(t => signs[t] is TieSign.Neutral or TieSign.Missing)
            .Select(t => $"{actors.TieLabel(t)} is {(signs[t] == TieSign.Neutral ? "neutral" : "missing (no events)")}")
            .ToList();
        var reason = unknown.Count == 0 ? null : string.Join("; ", unknown);
        var ordered = candidates.OrderBy(c => c.Kind).ThenBy(c => c.Distinguished ?? -1).ToList();
        return new TriangleClassification(ordered, signs, reason);
    }
}
