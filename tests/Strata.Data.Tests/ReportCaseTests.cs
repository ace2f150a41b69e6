using Strata.Data.Curated;
using Strata.Series;
using Strata.Testing;

namespace Strata.Data.Tests;

public sealed class ReportCaseTests : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();
    private static readonly Lazy<ReferenceData> Reference = new(() => CuratedData.RequireReference(new DataFolder(TestPaths.DataRoot)));

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void The_bundled_case_reads_with_its_dyads_span_and_timing_claim()
    {
        var c = ReportCaseReader.Require(new DataFolder(TestPaths.DataRoot).ReportCasePath, Reference.Value.Actors);
        Assert.Equal(5, c.StructuralDyads.Count);
        Assert.Equal(new DateOnly(2023, 1, 1), c.JudgeFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), c.JudgeTo);
        var claim = Assert.Single(c.TimingClaims);
        Assert.Equal(Granularity.Quarter, claim.Granularity);
        Assert.True(claim.Downward);
        Assert.Equal(new DateOnly(2024, 6, 19), claim.Reference);
        Assert.Equal(new DateOnly(2022, 1, 1), claim.WindowFrom);
        Assert.Equal(new DateOnly(2025, 12, 31), claim.WindowTo);
        Assert.Equal(["PRK–CHN–RUS", "USA–CHN–RUS"], c.Triangles.Select(t => t.Actors.ToString()));
        Assert.All(c.Triangles, t => Assert.Equal(5, t.Window));
        Assert.EndsWith(Path.Combine("claims", "jun-2025.yaml"), c.ClaimsPath, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_of_a_broken_case_is_reported_with_its_line_and_field()
    {
        var path = _tmp.File("case.yaml");
        File.WriteAllText(path, """
            title: A case
            structural-dyads: [USA-CHN, USA-XXX, PRK]
            judge:
              from: 2023-13
              to: 2025
            timing-claims:
              - claim: Something began before something else.
                dyad: USA-CHN
                granularity: fortnight
                from: 2020
                to: 2019
                direction: sideways
                reference: 2024-06
                reference-label: a date
            triangles:
              - actors: [PRK, CHN]
                window: 2.5
            claims: nowhere.yaml
            colour: blue
            """);
        var (c, issues) = ReportCaseReader.Read(path, Reference.Value.Actors, "case.yaml");
        Assert.Null(c);
        var text = issues.Select(i => i.ToString()).ToList();
        Assert.Contains(text, t => t.StartsWith("case.yaml:2:", StringComparison.Ordinal) && t.Contains("unknown actor 'XXX'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:2:", StringComparison.Ordinal) && t.Contains("expected a dyad such as PRK-CHN", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:4:", StringComparison.Ordinal) && t.Contains("judge.from", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:9:", StringComparison.Ordinal) && t.Contains("granularity", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:11:", StringComparison.Ordinal) && t.Contains("the window ends", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:12:", StringComparison.Ordinal) && t.Contains("expected down or up, got 'sideways'", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:13:", StringComparison.Ordinal) && t.Contains("expected a single day", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:16:", StringComparison.Ordinal) && t.Contains("expected three different actors, got 2", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:17:", StringComparison.Ordinal) && t.Contains("expected a whole number of periods", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:18:", StringComparison.Ordinal) && t.Contains("no such file: nowhere.yaml", StringComparison.Ordinal));
        Assert.Contains(text, t => t.StartsWith("case.yaml:19:", StringComparison.Ordinal) && t.Contains("colour", StringComparison.Ordinal));
    }
}
