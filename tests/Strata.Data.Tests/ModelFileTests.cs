using Strata.Data.Model;
using Strata.Model;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The case and scenario files: the bundled ones read, broken ones are refused with every problem named.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();

    public void Dispose() => _tmp.Dispose();

    private static BufferCase FindCase(string id) => CaseReader.Read(CaseReader.Resolve(id, Fixtures.Bundled));

    private string Write(string name, string text)
    {
        var path = _tmp.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void The_bundled_case_reads_with_its_patrons_outcomes_and_phases()
    {
        var c = CaseReader.Read(KoreaPanel.CasePath);
        Assert.Equal("PRK", c.Client);
        Assert.Equal(["RUS", "CHN"], c.PatronActors);
        Assert.Equal(["USA", "CHN"], c.Patrons[0].Rivals);
        Assert.Equal(["KOR", "JPN"], c.Blocs["USA"]);
        Assert.Equal(["arms", "aid"], c.Outcomes.Select(o => o.Name));
        Assert.Equal([0, 1, 2, 3], c.Outcomes[0].Lags);
        Assert.Equal(2024, c.Outcomes[0].ObservedTo);
        Assert.Equal(12, c.Phases.Count);
        Assert.All(c.Phases, p => Assert.StartsWith("Jun (2025)", p.Source, StringComparison.Ordinal));
        Assert.Equal(new YearSpan(2006, 9999), c.Constraints.Single().Years);
    }

    [Fact]
    public void Every_bundled_scenario_reads_against_its_case()
    {
        var files = Directory.GetFiles(Path.Combine(TestPaths.DataRoot, "scenarios"), "*.yaml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["alignment-tipping-point", "armenia-path", "status-quo", "us-decline"], files.Select(Path.GetFileNameWithoutExtension));
        foreach (var f in files)
        {
            var (s, c) = ScenarioReader.Read(f, FindCase);
            Assert.Equal(Path.GetFileNameWithoutExtension(f), s.Id);
            Assert.Equal("korea", c.Id);
            Assert.Equal(new YearSpan(2026, 2055), s.Horizon);
            Assert.Equal(100_000, s.Draws);
        }
    }

    [Fact]
    public void An_invalid_scenario_file_names_every_bad_field_with_its_line()
    {
        var path = Write("bad.yaml", """
            id: bad
            case: korea
            outcome: weapons
            horizon: 2020-2010
            draws: 2.5
            colour: blue
            changes:
              - indicator: nmc.cinc
                actor: JPN
                years: 2030-2040
                set: 0.1
                shift: 0.2
              - indicator: gdp
                actor: JPN
                years: 2030
                set: 1
              - indicator: alliance.defense
                actors: [KOR]
                years: 2030
                set: 1
              - indicator: nmc.cinc
                actor: FRA
                years: 2030
                scale: 2
              - indicator: nmc.cinc
                actor: USA
                years: 2030-
                ramp: 0.1
              - indicator: rivalry.active
                actors: [CHN, RUS]
                years: someday
                set: 1
            """);
        var e = Assert.Throws<DataException>(() => ScenarioReader.Read(path, FindCase));
        var messages = e.Issues.Select(i => $"{i.Line}: {i.Field}: {i.Message}").ToList();
        Assert.Equal(
        [
            "3: outcome: case 'korea' has no outcome 'weapons'; expected one of arms, aid",
            "4: horizon: expected years such as 1958-1964 or 1958 (first year not after the last), got '2020-2010'",
            "5: draws: expected a whole number of draws, got '2.5'",
            "6: colour: unknown field; expected one of id, title, description, case, outcome, horizon, draws, seed, source, changes",
            "8: changes[0]: expected one operation, got set and shift",
            "13: changes[1].indicator: 'gdp' is not an input of case 'korea'; expected for a pair (actors) one of rivalry.active, alliance.defense, events.netcoop; for one actor (actor) one of nmc.cinc, constraint.un-arms-embargo",
            "18: changes[2].actors: expected two different actor codes, e.g. [KOR, JPN]",
            "22: changes[3].actor: FRA plays no part in case 'korea'; expected one of CHN, JPN, KOR, PRK, RUS, USA",
            "27: changes[4].years: a ramp needs a last year (the year it reaches its value)",
            "31: changes[5].years: expected years such as 1958-1964, 1958 or 2006- (first year not after the last), got 'someday'",
        ], messages);
        Assert.All(e.Issues, i => Assert.EndsWith("bad.yaml", i.File, StringComparison.Ordinal));
    }

    [Fact]
    public void A_scenario_of_an_unknown_case_says_so()
    {
        var path = Write("nocase.yaml", "id: x\ncase: atlantis\nhorizon: 2030-2040\n");
        var e = Assert.Throws<DataException>(() => ScenarioReader.Read(path, FindCase));
        var issue = Assert.Single(e.Issues);
        Assert.Equal("case", issue.Field);
        Assert.Equal(2, issue.Line);
        Assert.StartsWith("no case file 'atlantis'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_case_file_names_every_bad_field()
    {
        var path = Write("case.yaml", """
            id: broken
            client: PRK
            principal_rival: USA
            years: 1950-1940
            patrons:
              - actor: RUS
                rivals: [RUS]
              - actor: CHN
            outcomes:
              - name: arms
                indicator: arms.tiv_delivered
                transform: sqrt
            phases:
              - id: p
                title: t
                years: 1960
                outcome: aid
                expect:
                  - leads: USA
                source: s
            """);
        var e = Assert.Throws<DataException>(() => CaseReader.Read(path));
        var messages = e.Issues.Select(i => $"{i.Line}: {i.Field}: {i.Message}").ToList();
        Assert.Equal(
        [
            "4: years: expected years such as 1958-1964 or 1958 (first year not after the last), got '1950-1940'",
            "7: patrons[].rivals: RUS cannot be its own rival",
            "8: patrons[].rivals: missing; expected a list of actor codes",
            "12: outcomes[].transform: expected one of log1p, none, got 'sqrt'",
            "17: phases[].outcome: no outcome 'aid' in this case; expected one of arms",
        ], messages.Take(5));
        Assert.Contains("19: phases[].expect[].leads: USA is not a patron of this case", messages);
    }
}
