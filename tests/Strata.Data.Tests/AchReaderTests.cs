using Strata.Ach;
using Strata.Data.Curated;
using Strata.Domain;
using Strata.Series;
using Strata.Testing;

namespace Strata.Data.Tests;

public sealed class AchReaderTests
{
    private static readonly Lazy<Dictionary<string, Event>> Events = new(() =>
        CuratedData.ReadChronology(Fixtures.Reference, Fixtures.Bundled.ChronologyPath, "bundled").Events.ToDictionary(e => e.Id, StringComparer.Ordinal));

    private static AchReader Reader() => new(Fixtures.Reference.Actors, id => Events.Value.GetValueOrDefault(id));

    private static string ShippedCase => Path.Combine(TestPaths.DataRoot, "ach", "strain-2023-2025.yaml");

    [Fact]
    public void The_shipped_case_reads_cleanly_against_the_bundled_chronology()
    {
        var read = Reader().Read(ShippedCase);
        Assert.True(read.IsValid, string.Join("\n", read.Issues));
        var c = read.Case!;
        Assert.Equal(["h1-us-china", "h2-treaty", "h3-baseline"], c.Hypotheses.Select(h => h.Id));
        Assert.True(c.Evidence.Count >= 10, $"only {c.Evidence.Count} items of evidence");
        // Every rating typed by the analyst comes with its reason.
        Assert.All(c.Evidence, e => Assert.All(e.Cells.Values, cell => Assert.False(string.IsNullOrWhiteSpace(cell.Rationale), $"{e.Id} has a rating without a reason")));
        // The treaty timing is a computed row, not a typed rating: it is a cause link of h2 and no evidence item.
        var treaty = Assert.Single(c.Hypotheses.Single(h => h.Id == "h2-treaty").Causes);
        Assert.Equal("e4-prk-rus-2024-comprehensive-strategic-partnership-treaty", treaty.Cause.Event!.Id);
        Assert.Equal(PartialDate.Parse("2024-06-19"), treaty.Cause.Date);
        Assert.Null(treaty.Override);
        Assert.DoesNotContain(c.Evidence, e => e.Id.Contains("treaty-timing", StringComparison.Ordinal));
        // Series links to the yearly classification are there.
        Assert.Contains(c.Evidence, e => e.Link is SeriesLink { Series.Granularity: Granularity.Year });
    }

    [Fact]
    public void Every_problem_of_a_broken_case_file_is_reported_exactly_and_at_once()
    {
        var path = TestPaths.Corpus("ach", "broken.yaml");
        var expected = File.ReadAllLines(TestPaths.Corpus("ach", "broken.expected")).Where(l => l.Length > 0).ToList();
        var read = Reader().Read(path);
        Assert.Null(read.Case);
        Assert.Equal(expected, read.Issues.Select(i => i.ToString()[(i.File.Length + 1)..]));
    }

    [Fact]
    public void Short_and_long_ratings_dates_of_any_precision_and_an_override_are_read()
    {
        using var tmp = TestPaths.NewTempFolder();
        var path = tmp.File("case.yaml");
        File.WriteAllText(path, """
            title: "Small case"
            question: "Which?"
            weights: {low: 0.5, medium: 1, high: 2}
            hypotheses:
              - id: a
                title: "A"
                causes:
                  - id: t-a
                    description: "Something in spring 2024 caused an upturn"
                    cause: {date: spring 2024, label: "a spring event"}
                    effect: {dyad: USA-CHN, by: month, direction: up, from: 2023-06, to: 2025-Q2}
                    credibility: low
                    relevance: high
                    ratings: {b: {rating: N, why: "silent on it"}}
                    override: {rating: I, reason: "the analyst knows better"}
              - id: b
                title: "B"
            evidence:
              - id: e-1
                description: "A plain item"
                credibility: high
                relevance: low
                ratings: {a: cc, b: {rating: NA, why: "does not apply"}}
              - id: e-2
                description: "A model result"
                link: {model: {name: structural, result: "support falls as rivalry eases"}}
                credibility: medium
                relevance: medium
                ratings: {a: I, b: II}
            """);
        var read = Reader().Read(path);
        Assert.True(read.IsValid, string.Join("\n", read.Issues));
        var c = read.Case!;
        Assert.Equal(0.5, c.Weights.Low);
        Assert.Equal(2, c.Weights.High);
        var link = Assert.Single(c.Hypotheses[0].Causes);
        Assert.Equal(DatePrecision.Season, link.Cause.Date.Precision);
        Assert.Equal("a spring event", link.Cause.Label);
        Assert.False(link.Effect.Downward);
        Assert.Equal(Measure.Goldstein, link.Effect.Series.Measure);
        Assert.Equal(Granularity.Month, link.Effect.Series.Granularity);
        Assert.Equal(new DateOnly(2025, 6, 30), link.Effect.To.End);
        Assert.Equal(new RatingOverride(Rating.I, "the analyst knows better"), link.Override);
        Assert.Equal(Rating.N, link.OtherCells["b"].Rating);
        Assert.Equal(Rating.CC, c.Evidence[0].RatingFor("a"));
        Assert.Equal("does not apply", c.Evidence[0].Cells["b"].Rationale);
        Assert.IsType<TextLink>(c.Evidence[0].Link);
        Assert.Equal(new ModelLink("structural", "support falls as rivalry eases"), c.Evidence[1].Link);
    }

    [Theory]
    [InlineData("", "the file is empty; expected a mapping with title, question, hypotheses and evidence")]
    [InlineData("title: [unclosed", "not valid YAML")]
    [InlineData("title: t\nquestion: q\nhypotheses:\n  - {id: a, title: A}\nevidence: []\n", "hypotheses: ACH compares hypotheses: give at least two, got 1")]
    public void Files_that_are_not_a_case_say_why(string text, string message)
    {
        using var tmp = TestPaths.NewTempFolder();
        var path = tmp.File("case.yaml");
        File.WriteAllText(path, text);
        var read = Reader().Read(path);
        Assert.False(read.IsValid);
        Assert.Contains(read.Issues, i => i.ToString().Contains(message, StringComparison.Ordinal));
    }
}
