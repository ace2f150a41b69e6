using System.Text.Json;
using AngleSharp.Html.Parser;
using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Testing;

namespace Strata.Reports.Tests;

/// <summary>The full report of the bundled case, built as the command builds it.</summary>
public sealed class ReportBuilderTests : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void The_bundled_report_draws_five_dyads_judges_the_commentary_events_and_tests_the_timing_claim()
    {
        var folder = new DataFolder(TestPaths.DataRoot);
        var reference = CuratedData.RequireReference(folder);
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, folder, reference);
        var model = ReportBuilder.Build(store, reference, ReportCaseReader.Require(folder.ReportCasePath, reference.Actors), ["test"]);

        Assert.Equal(5, model.Structure.Count);
        Assert.All(model.Structure, d => Assert.Equal(81, d.Series.Points.Count));
        var commentary = model.Events.Where(e => e.Date.Overlaps(new DateOnly(2023, 1, 1), new DateOnly(2025, 12, 31))
            && e.Sources.Any(s => s.Author == "Jaewoo Jun")).Select(e => e.Id).Order().ToList();
        Assert.True(commentary.Count >= 8);
        Assert.Equal(commentary, model.Judgements.Select(j => j.Event.Id).Order());
        var timing = Assert.Single(model.Timing);
        Assert.NotEqual(Analysis.OnsetTiming.NotFound, timing.Onset.Timing);

        var doc = new HtmlParser().ParseDocument(HtmlReport.Render(model));
        Assert.Equal(5, doc.QuerySelectorAll("svg.series").Length);
        Assert.Equal(commentary.Count, doc.QuerySelectorAll("#judgement-table tbody tr").Length);
        foreach (var link in doc.QuerySelectorAll("#judgement-table a"))
        {
            Assert.NotNull(doc.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }
        Assert.Contains("Verdict", doc.GetElementById("timing")!.TextContent, StringComparison.Ordinal);
        var breaks = model.Structure.Sum(d => d.Analysis.Breaks.Count);
        Assert.Equal(breaks, doc.QuerySelectorAll("svg.series g.break").Length);

        // Key judgements come first, and every link to their evidence lands on an element of the report.
        Assert.NotEmpty(model.KeyJudgements);
        Assert.Equal("key-judgements", doc.QuerySelector("main > section")!.Id);
        Assert.Equal(model.KeyJudgements.Count, doc.QuerySelectorAll("#key-judgements li.kj").Length);
        foreach (var link in doc.QuerySelectorAll("#key-judgements a"))
        {
            Assert.NotNull(doc.GetElementById(link.GetAttribute("href")!.TrimStart('#')));
        }
        Assert.Contains(model.KeyJudgements, k => k.Topic == "timing");

        // The case's two triangles are drawn, each judged in the key judgements.
        Assert.Equal(["PRK–CHN–RUS", "USA–CHN–RUS"], model.Triangles.Select(t => t.Actors.ToString()));
        Assert.Equal(2, doc.QuerySelectorAll("#triangles figure.triangle svg").Length);
        Assert.Equal(2, model.KeyJudgements.Count(k => k.Topic == "triangle"));

        // The case's claims file is audited: one row per claim, each claim's verdict in the row, and one key judgement.
        var audit = Assert.IsType<Claims.ClaimsAuditResult>(model.Claims);
        Assert.True(audit.Results.Count >= 10);
        Assert.Equal(audit.Results.Count, doc.QuerySelectorAll("#claims-table tbody tr").Length);
        foreach (var r in audit.Results)
        {
            Assert.Contains(r.VerdictText, doc.GetElementById("claim-" + r.Claim.Id)!.TextContent, StringComparison.Ordinal);
        }
        // The case's ACH file is run: ranking, matrix and timing checks, with a key judgement naming the first reading.
        var ach = Assert.IsType<Ach.AchResult>(model.Ach);
        Assert.Equal(ach.Scores.Ranking.Count, doc.QuerySelectorAll("#ach-ranking tbody tr").Length);
        Assert.NotNull(doc.QuerySelector("#ach svg"));
        var achJudgement = Assert.Single(model.KeyJudgements, k => k.Topic == "hypotheses");
        Assert.Contains(ach.Scores.Top[0], achJudgement.Statement, StringComparison.Ordinal);
        Assert.All(ach.Timing.Where(t => t.Cell.Rating == Ach.Rating.II), t => Assert.Contains(t.HypothesisId + " (", achJudgement.Statement, StringComparison.Ordinal));

        // The structural model is fitted on the bundled data alone (the reduced form, said so) and the four scenarios run.
        var structural = Assert.IsType<Data.Model.ModelReportResult>(model.Model);
        var fit = Assert.IsType<Strata.Model.BufferValueFit>(structural.Fit);
        Assert.NotNull(fit.Reduced);
        Assert.Equal(4, structural.Scenarios.Count(s => s.Result is not null));
        Assert.NotNull(doc.QuerySelector("#model svg"));
        Assert.Equal(fit.Phases.Count, doc.QuerySelectorAll("#model-phases tbody tr").Length);
        Assert.Equal(4, doc.QuerySelectorAll("#scenarios figure.scenario svg").Length);
        var modelJudgement = Assert.Single(model.KeyJudgements, k => k.Topic == "model");
        Assert.Contains(fit.Parameters.First(p => p.Name == "beta").Estimate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), modelJudgement.Statement, StringComparison.Ordinal);
        Assert.Contains("Capability was not available", modelJudgement.Statement, StringComparison.Ordinal);
        Assert.Single(model.KeyJudgements, k => k.Topic == "scenarios");

        var claims = Assert.Single(model.KeyJudgements, k => k.Topic == "claims");
        Assert.Contains($"Of {audit.Results.Count} checkable factual claims, the data support {audit.Count(Claims.ClaimVerdict.Supported)}", claims.Statement, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_and_json_carry_the_same_judgements_findings_and_events_as_the_html()
    {
        var folder = new DataFolder(TestPaths.DataRoot);
        var reference = CuratedData.RequireReference(folder);
        using var store = DuckDbEventStore.Open(_tmp.File("s.duckdb"));
        CuratedLoader.EnsureBundled(store, folder, reference);
        var model = ReportBuilder.Build(store, reference, ReportCaseReader.Require(folder.ReportCasePath, reference.Actors), ["test"]);

        var md = MarkdownReport.Render(model);
        Assert.StartsWith("# " + model.Title, md, StringComparison.Ordinal);
        Assert.All(model.KeyJudgements, k => Assert.Contains(k.Statement, md, StringComparison.Ordinal));
        Assert.All(model.Events, e => Assert.Contains("| " + e.Id + " |", md, StringComparison.Ordinal));
        Assert.All(model.Judgements, j => Assert.Contains(j.Event.Id + ":", md, StringComparison.Ordinal));

        using var json = System.Text.Json.JsonDocument.Parse(JsonReport.Render(model));
        var root = json.RootElement;
        Assert.Equal("strata-report/1", root.GetProperty("format").GetString());
        Assert.Equal(model.KeyJudgements.Select(k => k.Statement), root.GetProperty("keyJudgements").EnumerateArray().Select(k => k.GetProperty("statement").GetString()));
        Assert.Equal(model.KeyJudgements.Select(k => k.Confidence.ToString().ToLowerInvariant()),
            root.GetProperty("keyJudgements").EnumerateArray().Select(k => k.GetProperty("confidence").GetString()));
        Assert.Equal(model.Events.Count, root.GetProperty("events").GetArrayLength());
        Assert.Equal(model.Structure.Count, root.GetProperty("structure").GetArrayLength());
        var timing = root.GetProperty("timing")[0];
        Assert.Equal(model.Timing[0].Onset.Start?.ToString("yyyy-MM-dd"), timing.GetProperty("onset").GetString());
        Assert.Equal(model.Triangles.Count, root.GetProperty("triangles").GetArrayLength());
        Assert.Equal(model.Triangles[0].Periods.Count, root.GetProperty("triangles")[0].GetProperty("periods").GetArrayLength());
        Assert.Contains("## Strategic triangles", md, StringComparison.Ordinal);
        Assert.Contains("## Claims audit", md, StringComparison.Ordinal);
        Assert.Contains("## Competing hypotheses", md, StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Object, root.GetProperty("ach").ValueKind);
        Assert.Equal(model.Model!.Scenarios.Count, root.GetProperty("model").GetProperty("scenarios").GetArrayLength());
        Assert.Contains("## Structural model", md, StringComparison.Ordinal);
        Assert.Equal(model.Claims!.Results.Count, root.GetProperty("claims").GetProperty("summary").GetProperty("claims").GetInt32());
        var firstSeries = root.GetProperty("structure")[0].GetProperty("points");
        Assert.Equal(model.Structure[0].Series.Points.Count, firstSeries.GetArrayLength());
    }
}
