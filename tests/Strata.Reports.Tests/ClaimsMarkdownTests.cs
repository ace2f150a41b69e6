using Strata.Claims;
using Strata.Domain;
using Strata.Reports;

namespace Strata.Reports.Tests;

public class ClaimsMarkdownTests
{
    private static readonly Citation Work = new("A. Writer", "An Essay", "An Institute", PartialDate.Parse("2025-05-22"), null, null, "section II");

    private static ClaimsAuditResult Audit()
    {
        var ev = new Event
        {
            Id = "treaty-signed",
            Date = PartialDate.Parse("2024-06-19"),
            Source = "PRK",
            Target = "RUS",
            Code = EventCode.Parse("057"),
            Goldstein = 8,
            Level = EventLevel.Structural,
            Confidence = Confidence.High,
            Description = "the treaty was signed in Pyongyang",
            Sources = [new Citation(null, "Treaty text", "A Ministry", PartialDate.Parse("2024-06-19"), null, null, null)],
            Disputes = [new Dispute("date", "one source | says July")],
        };
        var indicators = new[] { new IndicatorObservation("arms.delivered_units.aircraft", "CHN", "PRK", 1958, 12.5, "/data/register.csv", 4, "deals on lines 4") };
        var data = new InMemoryClaimData([ev], indicators);
        return ClaimsAudit.Check(
        [
            new Claim("treaty-july", "The treaty was signed in July.", Work, new DateTest(new EventSelector { Ids = ["treaty-signed"] }, PartialDate.Parse("2024-07"), DateRule.Within)),
            new Claim("aircraft", "About 12 aircraft | arrived in 1958.", Work,
                new QuantityTest(new IndicatorSum(["arms.delivered_units.aircraft"], "CHN", "PRK", 1958, 1958, "aircraft"), QuantityRelation.About, 12, null, null)),
        ], data);
    }

    [Fact]
    public void The_summary_table_has_one_row_per_claim_with_its_verdict_and_finding()
    {
        var md = ClaimsMarkdown.Render(Audit(), "Test audit");
        var lines = md.Split('\n');
        Assert.Equal("# Test audit", lines[0]);
        Assert.Contains("2 claim(s): 1 supported, 1 contradicted, 0 not testable.", md, StringComparison.Ordinal);
        var rows = lines.Where(l => l.StartsWith("| **", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains("| A. Writer, 2025-05-22, section II | date | contradicted (sources disagree) |", rows[0], StringComparison.Ordinal);
        Assert.Contains("| quantity | supported |", rows[1], StringComparison.Ordinal);
    }

    [Fact]
    public void The_evidence_names_events_values_with_file_and_line_and_escapes_table_pipes()
    {
        var md = ClaimsMarkdown.Render(Audit());
        Assert.Contains("- **Event** event: `treaty-signed` (2024-06-19)", md, StringComparison.Ordinal);
        Assert.Contains("- **Value** `arms.delivered_units.aircraft` CHN→PRK 1958 = 12.5 (register.csv:4; deals on lines 4)", md, StringComparison.Ordinal);
        Assert.Contains("- **Sources disagree** (`treaty-signed`, date): one source | says July", md, StringComparison.Ordinal);
        Assert.Contains("- **Tolerance:** ±10 % (default for 'about')", md, StringComparison.Ordinal);
        // A pipe inside a table cell would break the table: it is escaped there.
        Assert.Contains("**aircraft**: About 12 aircraft \\| arrived in 1958. |", md, StringComparison.Ordinal);
    }
}
