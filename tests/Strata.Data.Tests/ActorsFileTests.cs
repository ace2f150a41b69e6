using Strata.Data.Curated;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

public class ActorsFileTests
{
    [Fact]
    public void The_bundled_actors_cover_the_focal_states_in_every_code_system()
    {
        var actors = Fixtures.Reference.Actors;
        foreach (var code in new[] { "PRK", "CHN", "RUS", "USA", "KOR", "JPN", "VNM" })
        {
            Assert.True(actors.Contains(code), code);
        }
        Assert.Equal("RUS", actors.Resolve(CodeSystem.Cameo, "SUN", new DateOnly(1956, 1, 1))?.Code);
        Assert.Null(actors.Resolve(CodeSystem.Cameo, "SUN", new DateOnly(1992, 1, 1)));
        Assert.Equal("RUS", actors.Resolve(CodeSystem.Cow, "365")?.Code);
        Assert.Equal("PRK", actors.Resolve(CodeSystem.Cow, "731")?.Code);
        Assert.Equal("VNM", actors.Resolve(CodeSystem.Cow, "816")?.Code);
        Assert.Equal("RUS", actors.Resolve(CodeSystem.Icews, "Russian Federation")?.Code);
        Assert.Equal("PRK", actors.Resolve(CodeSystem.Icews, "North Korea")?.Code);
        Assert.Equal("Soviet Union", actors.Get("RUS").NameOn(new DateOnly(1991, 12, 25)));
        Assert.Equal("Russia", actors.Get("RUS").NameOn(new DateOnly(1991, 12, 26)));
    }

    [Fact]
    public void Cow_codes_agree_with_the_cow_state_list()
    {
        // ../shared/data/structural/cow_states_v2016.csv: stateabb,ccode,statenme,...
        var cow = File.ReadLines(TestPaths.SharedData("structural", "cow_states_v2016.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(c => c[1].Trim('"'))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var actor in Fixtures.Reference.Actors.All)
        {
            foreach (var code in actor.CodesIn(CodeSystem.Cow))
            {
                Assert.True(cow.Contains(code), $"{actor.Code}: COW code {code} is not in the COW state list");
            }
        }
    }

    [Fact]
    public void Icews_names_of_the_bundled_actors_occur_in_real_icews_data()
    {
        var header = File.ReadLines(TestPaths.SharedData("icews", "events.2018.sample.tab")).First().Split('\t');
        var src = Array.IndexOf(header, "Source Country");
        var tgt = Array.IndexOf(header, "Target Country");
        var names = File.ReadLines(TestPaths.SharedData("icews", "events.2018.sample.tab")).Skip(1)
            .Select(l => l.Split('\t')).SelectMany(c => new[] { c[src], c[tgt] }).ToHashSet(StringComparer.Ordinal);
        foreach (var n in new[] { "North Korea", "China", "Russian Federation", "United States", "South Korea", "Japan" })
        {
            Assert.Contains(n, names);
            Assert.NotNull(Fixtures.Reference.Actors.Resolve(CodeSystem.Icews, n));
        }
    }

    [Fact]
    public void A_broken_actor_file_reports_every_problem()
    {
        using var tmp = TestPaths.NewTempFolder();
        var path = tmp.File("actors.yaml");
        File.WriteAllText(path, """
            actors:
              - code: prk
                kind: state
                names:
                  - { name: North Korea, from: 1948-9-9 }
                aliases: { cow: [seven], cameo: ["SUN@1922/1991"] }
              - code: CHN
                kind: empire
                names: []
            """);
        var (_, issues) = ActorsReader.Read(path, "actors.yaml");
        Assert.Equal(
            [
                "actors.yaml:2:11: code: expected 2 to 6 upper-case letters such as PRK, got 'prk'",
                "actors.yaml:5:36: names.from: expected a date YYYY-MM-DD, got '1948-9-9'",
                "actors.yaml:6:22: aliases.cow: expected a Correlates of War number, got 'seven'",
                "actors.yaml:6:38: aliases.cameo: expected a code, optionally with dates as CODE@YYYY-MM-DD/YYYY-MM-DD, got 'SUN@1922/1991'",
                "actors.yaml:8:11: kind: expected one of state, organisation, got 'empire'",
            ],
            issues.Select(i => i.ToString()));
    }
}
