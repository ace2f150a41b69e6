using AngleSharp.Html.Parser;
using Strata.Data.Curated;
using Strata.Domain;
using Strata.Reports;
using Strata.Testing;

namespace Strata.Reports.Tests;

public class HtmlReportTests
{
    private static readonly Lazy<(ReportModel Model, string Html)> Bundled = new(() =>
    {
        var folder = new DataFolder(TestPaths.DataRoot);
        var reference = CuratedData.RequireReference(folder);
        var read = CuratedData.ReadChronology(reference, folder.ChronologyPath, "bundled");
        var model = new ReportModel
        {
            Title = "Test report",
            Events = read.Events.OrderBy(e => e.Date).ToList(),
            Actors = reference.Actors,
            Codebook = reference.Codebook,
            GeneratedAt = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero),
            Provenance = ["test provenance line"],
        };
        return (model, HtmlReport.Render(model));
    });

    [Fact]
    public void The_html_parses_and_holds_the_timeline_and_every_event_id()
    {
        var (model, html) = Bundled.Value;
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Test report", doc.Title);
        var svg = doc.QuerySelector("svg#timeline");
        Assert.NotNull(svg);
        foreach (var e in model.Events)
        {
            Assert.NotNull(doc.GetElementById("ev-" + e.Id));
            Assert.NotNull(svg.QuerySelector($"a[data-event='{e.Id}']"));
        }
        Assert.Equal(model.Events.Count, doc.QuerySelectorAll("#event-table tbody tr").Length);
    }

    [Fact]
    public void Every_event_row_lists_its_sources()
    {
        var (model, html) = Bundled.Value;
        var doc = new HtmlParser().ParseDocument(html);
        foreach (var e in model.Events)
        {
            var row = doc.GetElementById("ev-" + e.Id)!;
            Assert.Equal(e.Sources.Count, row.QuerySelectorAll("ol.sources li").Length);
            Assert.Contains(e.Sources[0].Title, row.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_report_is_self_contained()
    {
        var (_, html) = Bundled.Value;
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Empty(doc.QuerySelectorAll("script[src], link[rel=stylesheet], img[src^='http'], iframe"));
        Assert.DoesNotContain("@import", html, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", html, StringComparison.Ordinal);
    }

    [Fact]
    public void One_timeline_row_per_dyad_and_marks_by_level()
    {
        var (model, html) = Bundled.Value;
        var doc = new HtmlParser().ParseDocument(html);
        var dyads = model.Events.Select(TimelineChart.DyadKey).Distinct().Count();
        Assert.Equal(dyads, doc.QuerySelectorAll("svg#timeline text.row-label").Length);
        foreach (var level in Enum.GetValues<EventLevel>())
        {
            var name = level.ToString().ToLowerInvariant();
            Assert.Equal(model.Events.Count(e => e.Level == level), doc.QuerySelectorAll($"svg#timeline a.mark.{name}").Length);
        }
    }

    [Fact]
    public void Disputes_and_historical_names_are_shown()
    {
        var (model, html) = Bundled.Value;
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(model.Events.Count(e => e.Disputes.Count > 0), doc.QuerySelectorAll("#event-table tr:has(div.dispute)").Length);
        var soviet = model.Events.First(e => e.Source == "RUS" && e.Date.End.Year < 1991);
        Assert.Contains("Soviet Union", doc.GetElementById("ev-" + soviet.Id)!.TextContent, StringComparison.Ordinal);
        var russia = model.Events.Last(e => e.Source == "RUS");
        Assert.Contains("Russia", doc.GetElementById("ev-" + russia.Id)!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_from_the_data_is_escaped()
    {
        var (model, _) = Bundled.Value;
        var evil = model.Events[0] with { Id = "xss-test", Description = "<script>alert(1)</script> & more text here" };
        var html = HtmlReport.Render(model with { Events = [evil] });
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more", html, StringComparison.Ordinal);
    }
}
