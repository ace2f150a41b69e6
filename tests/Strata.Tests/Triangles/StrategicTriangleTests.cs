using Strata.Triangles;

namespace Strata.Tests.Triangles;

/// <summary>The triangle rules on every sign pattern, and the same roles whatever order the actors are named in.</summary>
public class StrategicTriangleTests
{
    private static readonly Triad Abc = new("A", "B", "C");

    /// <summary>
    /// Every one of the 27 patterns of (AB, AC, BC) over +, 0 (neutral) and −, with the configurations written out by
    /// hand: M ménage à trois, R:X romantic triangle with X the pivot, S:X stable marriage with X the outcast, U unit veto.
    /// </summary>
    public static TheoryData<string, string> AllPatterns => new()
    {
        { "+++", "M" },
        { "++-", "R:A" },
        { "+-+", "R:B" },
        { "-++", "R:C" },
        { "+--", "S:C" },
        { "-+-", "S:B" },
        { "--+", "S:A" },
        { "---", "U" },
        { "0++", "M R:C" },
        { "0+-", "R:A S:B" },
        { "0-+", "R:B S:A" },
        { "0--", "S:C U" },
        { "+0+", "M R:B" },
        { "+0-", "R:A S:C" },
        { "-0+", "R:C S:A" },
        { "-0-", "S:B U" },
        { "++0", "M R:A" },
        { "+-0", "R:B S:C" },
        { "-+0", "R:C S:B" },
        { "--0", "S:A U" },
        { "00+", "M R:B R:C S:A" },
        { "00-", "R:A S:B S:C U" },
        { "0+0", "M R:A R:C S:B" },
        { "0-0", "R:B S:A S:C U" },
        { "+00", "M R:A R:B S:C" },
        { "-00", "R:C S:A S:B U" },
        { "000", "M R:A R:B R:C S:A S:B S:C U" },
    };

    [Theory]
    [MemberData(nameof(AllPatterns))]
    public void Each_sign_pattern_gives_the_configurations_written_by_hand(string pattern, string expected)
    {
        var signs = pattern.Select(Sign).ToArray();
        var c = StrategicTriangle.Classify(Abc, signs[0], signs[1], signs[2]);
        var codes = expected.Split(' ');
        Assert.Equal(codes.Order(StringComparer.Ordinal), c.Candidates.Select(Code).Order(StringComparer.Ordinal));
        Assert.Equal(codes.Length == 1, c.IsDetermined);
        Assert.Equal(!pattern.Contains('0', StringComparison.Ordinal), c.Reason is null);
        foreach (var candidate in c.Candidates)
        {
            AssertRolesMatch(candidate);
        }
    }

    [Fact]
    public void The_27_patterns_are_all_distinct_and_complete()
    {
        var patterns = AllPatterns.Select(row => (string)row[0]).ToList();
        Assert.Equal(27, patterns.Distinct().Count());
        Assert.All(patterns, p => Assert.Matches("^[+0-]{3}$", p));
    }

    /// <summary>The same ties named in any of the six orders give every actor the same possible roles.</summary>
    [Theory]
    [MemberData(nameof(AllPatterns))]
    public void Roles_do_not_depend_on_the_order_the_actors_are_named_in(string pattern, string expected)
    {
        _ = expected;
        var signs = pattern.Select(Sign).ToArray();
        var reference = StrategicTriangle.Classify(Abc, signs[0], signs[1], signs[2]);
        int[][] orders = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
        foreach (var order in orders)
        {
            var triad = new Triad(Abc[order[0]], Abc[order[1]], Abc[order[2]]);
            // The tie between new positions i and j is the tie between the old positions order[i] and order[j].
            TieSign Tie(int i, int j) => signs[Triad.Tie(order[i], order[j])];
            var c = StrategicTriangle.Classify(triad, Tie(0, 1), Tie(0, 2), Tie(1, 2));
            Assert.Equal(reference.Candidates.Count, c.Candidates.Count);
            Assert.Equal(
                reference.Candidates.Select(x => x.Brief(Abc)).Order(StringComparer.Ordinal),
                c.Candidates.Select(x => x.Brief(triad)).Order(StringComparer.Ordinal));
            for (var position = 0; position < 3; position++)
            {
                Assert.Equal(reference.PossibleRoles(order[position]), c.PossibleRoles(position));
            }
            if (reference.IsDetermined)
            {
                Assert.Equal(reference.Configuration!.Describe(Abc).Split(':')[0], c.Configuration!.Describe(triad).Split(':')[0]);
            }
        }
    }

    [Fact]
    public void Determined_configurations_name_pivot_wings_partners_and_outcast()
    {
        var rt = StrategicTriangle.Configuration(ab: true, ac: true, bc: false);
        Assert.Equal((TriangleRole.Pivot, TriangleRole.Wing, TriangleRole.Wing), (rt.RoleA, rt.RoleB, rt.RoleC));
        Assert.Equal("romantic triangle: A pivot; B, C wings", rt.Describe(Abc));
        var sm = StrategicTriangle.Configuration(ab: false, ac: true, bc: false);
        Assert.Equal((TriangleRole.Partner, TriangleRole.Outcast, TriangleRole.Partner), (sm.RoleA, sm.RoleB, sm.RoleC));
        Assert.Equal("stable marriage: A, C partners; B outcast", sm.Describe(Abc));
        Assert.Equal("ménage à trois", StrategicTriangle.Configuration(true, true, true).Describe(Abc));
        Assert.Equal(TriangleRole.Foe, StrategicTriangle.Configuration(false, false, false).RoleB);
    }

    [Fact]
    public void A_missing_tie_is_undetermined_like_a_neutral_one_but_says_it_was_not_observed()
    {
        var missing = StrategicTriangle.Classify(new Triad("USA", "CHN", "RUS"), TieSign.Positive, TieSign.Missing, TieSign.Negative);
        var neutral = StrategicTriangle.Classify(new Triad("USA", "CHN", "RUS"), TieSign.Positive, TieSign.Neutral, TieSign.Negative);
        Assert.Equal(neutral.Candidates, missing.Candidates);
        Assert.Equal("USA–RUS is missing (no events)", missing.Reason);
        Assert.Equal("USA–RUS is neutral", neutral.Reason);
        Assert.Equal("undetermined: romantic triangle (USA pivot) or stable marriage (RUS outcast)", neutral.Describe(new Triad("USA", "CHN", "RUS")));
        Assert.Equal([TriangleRole.Pivot, TriangleRole.Partner], neutral.PossibleRoles(0));
        Assert.Equal([TriangleRole.Wing, TriangleRole.Partner], neutral.PossibleRoles(1));
        Assert.Equal([TriangleRole.Wing, TriangleRole.Outcast], neutral.PossibleRoles(2));
    }

    [Fact]
    public void A_triad_needs_three_different_actors()
    {
        Assert.Throws<ArgumentException>(() => new Triad("PRK", "CHN", "PRK"));
        Assert.Throws<ArgumentException>(() => new Triad("PRK", " ", "RUS"));
        Assert.Equal("PRK–RUS", new Triad("PRK", "CHN", "RUS").TieLabel(1));
    }

    private static TieSign Sign(char c) => c switch
    {
        '+' => TieSign.Positive,
        '-' => TieSign.Negative,
        _ => TieSign.Neutral,
    };

    private static string Code(TriangleConfiguration c) => c.Kind switch
    {
        TriangleKind.MenageATrois => "M",
        TriangleKind.UnitVeto => "U",
        TriangleKind.RomanticTriangle => "R:" + Abc[c.Distinguished!.Value],
        _ => "S:" + Abc[c.Distinguished!.Value],
    };

    /// <summary>Checks the roles against the ties themselves: a pivot has two positive ties, a wing one, and so on.</summary>
    private static void AssertRolesMatch(TriangleConfiguration c)
    {
        // Recover the ties from the kind and distinguished actor, then count each actor's positive ties.
        bool[] positive = c.Kind switch
        {
            TriangleKind.MenageATrois => [true, true, true],
            TriangleKind.UnitVeto => [false, false, false],
            TriangleKind.RomanticTriangle => [.. Enumerable.Range(0, 3).Select(t => Triad.Ends(t) is var (i, j) && (i == c.Distinguished || j == c.Distinguished))],
            _ => [.. Enumerable.Range(0, 3).Select(t => Triad.Ends(t) is var (i, j) && i != c.Distinguished && j != c.Distinguished)],
        };
        Assert.Equal(c, StrategicTriangle.Configuration(positive[0], positive[1], positive[2]));
        for (var a = 0; a < 3; a++)
        {
            var friends = Enumerable.Range(0, 3).Count(t => positive[t] && Triad.Ends(t) is var (i, j) && (i == a || j == a));
            var expected = (c.Kind, friends) switch
            {
                (TriangleKind.MenageATrois, 2) => TriangleRole.Friend,
                (TriangleKind.RomanticTriangle, 2) => TriangleRole.Pivot,
                (TriangleKind.RomanticTriangle, 1) => TriangleRole.Wing,
                (TriangleKind.StableMarriage, 1) => TriangleRole.Partner,
                (TriangleKind.StableMarriage, 0) => TriangleRole.Outcast,
                (TriangleKind.UnitVeto, 0) => TriangleRole.Foe,
                _ => throw new InvalidOperationException($"{c.Kind} with an actor in {friends} positive ties"),
            };
            Assert.Equal(expected, c.RoleOf(a));
        }
    }
}
