using Strata.Data.Curated;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

public class BundledChronologyTests
{
    private static readonly Lazy<ChronologyReadResult> Bundled = new(() =>
        CuratedData.ReadChronology(Fixtures.Reference, Fixtures.Bundled.ChronologyPath, "bundled"));

    [Fact]
    public void The_bundled_chronology_validates_without_a_single_issue()
    {
        var result = Bundled.Value;
        Assert.True(result.IsValid, string.Join("\n", result.Issues.Take(30)));
        Assert.NotEmpty(result.Files);
    }

    [Fact]
    public void It_holds_at_least_250_events_from_1945_to_2025_each_with_a_source()
    {
        var events = Bundled.Value.Events;
        Assert.True(events.Count >= 250, $"only {events.Count} events");
        Assert.All(events, e => Assert.NotEmpty(e.Sources));
        Assert.Equal(1945, events.Min(e => e.Date.Start.Year));
        Assert.True(events.Max(e => e.Date.End.Year) >= 2025);
    }

    [Theory]
    [InlineData("PRK", "CHN", 40)]
    [InlineData("PRK", "RUS", 40)]
    [InlineData("USA", "RUS", 10)]
    [InlineData("USA", "CHN", 10)]
    [InlineData("CHN", "RUS", 10)]
    public void Each_dyad_the_story_needs_is_covered(string a, string b, int atLeast)
    {
        var dyad = new Dyad(a, b);
        var n = Bundled.Value.Events.Count(e => dyad.Matches(e.Source, e.Target));
        Assert.True(n >= atLeast, $"{a}-{b}: {n} events, expected at least {atLeast}");
    }

    [Fact]
    public void Every_level_and_every_decade_is_represented()
    {
        var events = Bundled.Value.Events;
        foreach (var level in Enum.GetValues<EventLevel>())
        {
            Assert.Contains(events, e => e.Level == level);
        }
        for (var decade = 1940; decade <= 2020; decade += 10)
        {
            Assert.Contains(events, e => e.Date.Start.Year / 10 * 10 == decade);
        }
    }

    [Fact]
    public void Sources_disagreements_are_recorded_for_the_sipri_aircraft_dates()
    {
        var disputed = Bundled.Value.Events.Where(e => e.Disputes.Count > 0).ToList();
        Assert.True(disputed.Count >= 5, $"only {disputed.Count} disputed events");
        Assert.Contains(disputed, e => e.Disputes.Any(d => d.Note.Contains("MiG-29", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_commentary_events_of_2023_to_2025_are_there_with_their_dates()
    {
        var events = Bundled.Value.Events;
        bool Has(string source, string target, string from, string to, params string[] words) =>
            events.Any(e => new Dyad(source, target).Matches(e.Source, e.Target)
                && e.Date.Overlaps(PartialDate.Parse(from).Start, PartialDate.Parse(to).End)
                && words.All(w => e.Description.Contains(w, StringComparison.OrdinalIgnoreCase)));

        Assert.True(Has("CHN", "PRK", "2023-07", "2023-07", "letter"), "July 2023 Victory Day letter");
        Assert.True(Has("RUS", "PRK", "2023-09", "2023-09", "priority"), "September 2023 top-priority remark");
        Assert.True(Has("RUS", "PRK", "2024-06-19", "2024-06-19", "treaty"), "June 2024 treaty");
        Assert.True(Has("CHN", "PRK", "2024", "2024", "plaque"), "removed stroll plaque");
        Assert.True(Has("CHN", "PRK", "2024-07", "2024-07", "ambassador"), "ambassador's absence");
        Assert.True(Has("KOR", "CHN", "2024-05-27", "2024-05-27", "denuclear"), "the ROK-China-Japan statement");
        Assert.Contains(events, e => e.Source == "PRK" && (e.Target == "CHN" || e.Witnesses.Contains("CHN"))
            && e.Date.Overlaps(new DateOnly(2024, 5, 1), new DateOnly(2024, 6, 30)) && e.Description.Contains("denuclear", StringComparison.OrdinalIgnoreCase));
        Assert.True(Has("CHN", "PRK", "2025-01", "2025-01", "page"), "January 2025 page placement");
    }
}

public class BrokenCorpusTests
{
    public static TheoryData<string> Files() =>
        new(Directory.GetFiles(TestPaths.Corpus("broken"), "*.yaml").Select(Path.GetFileName).Order()!);

    /// <summary>
    /// Each broken file comes with the exact messages it must produce (file prefix removed): every problem,
    /// in file order, with line, column, field and what was expected.
    /// </summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void Every_problem_of_a_broken_file_is_reported_exactly(string name)
    {
        var path = TestPaths.Corpus("broken", name);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected")).Where(l => l.Length > 0).ToList();
        var result = CuratedData.ReadChronology(Fixtures.Reference, path, "test");
        Assert.NotEmpty(expected);
        Assert.All(result.Issues, i => Assert.EndsWith(name, i.File, StringComparison.Ordinal));
        Assert.Equal(expected, result.Issues.Select(i => i.ToString()[(i.File.Length + 1)..]));
    }

    [Fact]
    public void All_broken_files_of_a_folder_are_reported_in_one_run()
    {
        var result = CuratedData.ReadChronology(Fixtures.Reference, TestPaths.Corpus("broken"), "test");
        var expectedCount = Directory.GetFiles(TestPaths.Corpus("broken"), "*.expected")
            .Sum(f => File.ReadAllLines(f).Count(l => l.Length > 0));
        Assert.Equal(expectedCount, result.Issues.Count);
        Assert.Equal(Directory.GetFiles(TestPaths.Corpus("broken"), "*.yaml").Length, result.Issues.Select(i => i.File).Distinct().Count());
    }

    [Fact]
    public void Duplicate_ids_across_files_name_the_first_definition()
    {
        using var tmp = TestPaths.NewTempFolder();
        var ev = """
            events:
              - id: same-id-twice
                date: 1961-07-11
                source: CHN
                target: PRK
                cameo: "057"
                level: structural
                confidence: high
                description: An event defined in two files of one folder.
                sources:
                  - { publisher: Test, title: Test, date: 1961 }
            """;
        File.WriteAllText(tmp.File("a.yaml"), ev);
        File.WriteAllText(tmp.File("b.yaml"), ev);
        var result = CuratedData.ReadChronology(Fixtures.Reference, tmp.Path, "test");
        var issue = Assert.Single(result.Issues);
        Assert.EndsWith("b.yaml", issue.File, StringComparison.Ordinal);
        Assert.Equal(2, issue.Line);
        Assert.Contains("duplicate id 'same-id-twice'; first defined at ", issue.Message, StringComparison.Ordinal);
        Assert.EndsWith("a.yaml:2", issue.Message, StringComparison.Ordinal);
        Assert.Single(result.Events);
    }
}
