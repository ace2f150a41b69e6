using System.Xml.Linq;
using Strata.Ach;
using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Testing;

namespace Strata.Reports.Tests;

/// <summary>The shipped ACH case run through the library as the report would run it, and its renderings.</summary>
public sealed class AchOutputTests : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();

    public void Dispose() => _tmp.Dispose();

    private (AchResult Result, ReportModel Report) RunBundled()
    {
        var folder = new DataFolder(TestPaths.DataRoot);
        var reference = CuratedData.RequireReference(folder);
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, folder, reference);
        var events = CuratedData.ReadChronology(reference, folder.ChronologyPath, "bundled").Events.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var read = new AchReader(reference.Actors, id => events.GetValueOrDefault(id)).Read(Path.Combine(folder.Root, "ach", "strain-2023-2025.yaml"));
        Assert.True(read.IsValid, string.Join("\n", read.Issues));
        var result = AchAnalysis.Run(read.Case!, new StoreSeriesSource(store, []));
        return (result, ReportBuilder.Build(store, reference, ReportCaseReader.Require(folder.ReportCasePath, reference.Actors), ["test"]));
    }

    [Fact]
    public void The_treaty_timing_row_uses_the_same_onset_as_the_reports_timing_claim()
    {
        var (result, report) = RunBundled();
        var claim = Assert.Single(report.Timing);
        var row = result.Timing.Single(t => t.LinkId == "t-h2-treaty");
        Assert.Equal(claim.Onset.IntervalStart, row.Onset.IntervalStart);
        Assert.Equal(claim.Onset.IntervalEnd, row.Onset.IntervalEnd);
        Assert.Equal(claim.Onset.Method, row.Onset.Method);
        // The report's verdict "before the reference" and the ACH rule's II say the same thing about the same dates.
        Assert.Equal(claim.Onset.Timing == Analysis.OnsetTiming.Before, row.Verdict.Rating == Rating.II);
    }

    [Fact]
    public void The_matrix_chart_is_well_formed_self_contained_svg_with_a_cell_per_rating()
    {
        var (result, _) = RunBundled();
        var svg = AchMatrixChart.Render(result);
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", doc.Root!.Name);
        Assert.StartsWith("Competing hypotheses: ", doc.Root.Element(ns + "title")!.Value, StringComparison.Ordinal);
        var cells = doc.Descendants(ns + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("cell ", StringComparison.Ordinal) == true).ToList();
        Assert.Equal(result.Rows.Count * result.Matrix.Hypotheses.Count, cells.Count);
        // Computed cells say so in their tooltip; overridden ones give the reason.
        var computed = result.Rows.Sum(r => r.Item.Cells.Values.Count(c => c.IsComputed));
        Assert.Equal(computed, cells.Count(g => g.Element(ns + "title")!.Value.Contains("computed", StringComparison.Ordinal)));
        Assert.Contains(cells, g => g.Element(ns + "title")!.Value.Contains("overridden because", StringComparison.Ordinal));
        Assert.Equal(result.Matrix.Hypotheses.Count, doc.Descendants(ns + "g").Count(g => (string?)g.Attribute("class") == "score"));
        // Nothing outside the file is referenced: no links, no images, no stylesheets.
        Assert.DoesNotContain("href", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<image", svg, StringComparison.Ordinal);
        Assert.DoesNotContain("<style", svg, StringComparison.Ordinal);
        Assert.Contains("Source: ", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void The_markdown_matrix_has_a_row_per_item_and_marks_computed_cells()
    {
        var (result, _) = RunBundled();
        var matrix = AchMarkdown.Matrix(result).Split('\n').Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToList();
        Assert.Equal(result.Rows.Count, matrix.Count);
        var treaty = matrix.Single(l => l.StartsWith("| `t-h2-treaty`", StringComparison.Ordinal));
        Assert.Contains(RatingScale.Label(result.Timing.Single(t => t.LinkId == "t-h2-treaty").Cell.Rating) + "\\*", treaty, StringComparison.Ordinal);
        var overridden = result.Rows.SelectMany(r => r.Item.Cells.Values).First(c => c.IsOverridden);
        Assert.Contains($"{RatingScale.Label(overridden.Rating)}† ({RatingScale.Label(overridden.Computed!.Value)}\\*)", AchMarkdown.Matrix(result), StringComparison.Ordinal);
        var ranking = AchMarkdown.Ranking(result);
        Assert.Contains($"| 1 | **{result.Scores.Top[0]}**", ranking, StringComparison.Ordinal);
    }
}
