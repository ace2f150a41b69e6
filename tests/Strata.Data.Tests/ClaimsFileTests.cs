using System.Globalization;
using System.Text;
using Strata.Claims;
using Strata.Data.Claims;
using Strata.Data.Curated;
using Strata.Data.Import;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// Claims files read and checked against a temporary store holding the bundled chronology and (where said) the real
/// SIPRI register: planted true, false and untestable claims of every kind, and a broken file's messages.
/// </summary>
public sealed class ClaimsFileTests : StoreTestBase
{
    private static readonly string Register = TestPaths.SharedData("structural", "sipri_trade_register_prk_imports.csv");

    public ClaimsFileTests()
    {
        CuratedLoader.EnsureBundled(Store, Fixtures.Bundled, Fixtures.Reference);
    }

    private void ImportSipri() =>
        new IndicatorImporter(Store, Fixtures.Reference).Import(new InputFile(Register, null), SipriReader.Instance, new ImportOptions { QuarantineFolder = Tmp.File("q") });

    private ClaimsAuditResult Planted() => ClaimsCheck.Run(Store, Fixtures.Reference, TestPaths.Corpus("claims", "planted.yaml"));

    private static readonly Dictionary<string, ClaimVerdict> Expected = new()
    {
        ["p-date-true"] = ClaimVerdict.Supported,
        ["p-date-false"] = ClaimVerdict.Contradicted,
        ["p-date-imprecise"] = ClaimVerdict.NotTestable,
        ["p-date-overlaps"] = ClaimVerdict.Supported,
        ["p-date-no-match"] = ClaimVerdict.NotTestable,
        ["p-date-circular"] = ClaimVerdict.NotTestable,
        ["p-seq-true"] = ClaimVerdict.Supported,
        ["p-seq-false"] = ClaimVerdict.Contradicted,
        ["p-seq-gap-false"] = ClaimVerdict.Contradicted,
        ["p-seq-date-point"] = ClaimVerdict.Supported,
        ["p-onset-after-date"] = ClaimVerdict.Supported,
        ["p-sipri-true"] = ClaimVerdict.Supported,
        ["p-sipri-false"] = ClaimVerdict.Contradicted,
        ["p-sipri-about-default"] = ClaimVerdict.Contradicted,
        ["p-sipri-about-15"] = ClaimVerdict.Supported,
        ["p-sipri-over-within-tolerance"] = ClaimVerdict.Supported,
        ["p-sipri-comparison"] = ClaimVerdict.Supported,
        ["p-magnitude-false"] = ClaimVerdict.Contradicted,
        ["p-units-differ"] = ClaimVerdict.NotTestable,
    };

    [Fact]
    public void Planted_claims_get_the_verdicts_the_data_give()
    {
        ImportSipri();
        var audit = Planted();
        Assert.Equal(Expected.Keys.Order(StringComparer.Ordinal), audit.Results.Select(r => r.Claim.Id).Order(StringComparer.Ordinal));
        foreach (var r in audit.Results)
        {
            Assert.True(Expected[r.Claim.Id] == r.Verdict, $"{r.Claim.Id}: expected {Expected[r.Claim.Id]}, got {r.Verdict}: {r.Finding}");
        }
        Assert.True(audit.Results.Single(r => r.Claim.Id == "p-sipri-over-within-tolerance").OnlyWithinTolerance);
        Assert.False(audit.Results.Single(r => r.Claim.Id == "p-sipri-about-15").OnlyWithinTolerance);
        Assert.Equal("section I", audit.Results.Single(r => r.Claim.Id == "p-date-circular").Claim.MadeIn.Page);
    }

    /// <summary>Aircraft delivered per year by a plain loop over the register, with the category table written out here.</summary>
    private static double Delivered(string supplier, int from, int to, bool combatOnly)
    {
        var combat = new HashSet<string> { "fighter aircraft", "FGA aircraft", "bomber aircraft", "ground attack aircraft" };
        var other = new HashSet<string> { "trainer aircraft", "light transport aircraft", "transport aircraft", "transport helicopter", "light helicopter", "helicopter", "ASW helicopter", "combat helicopter" };
        var lines = File.ReadAllLines(Register, Encoding.UTF8);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var total = 0.0;
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != header.Length)
            {
                continue; // the aircraft rows have no commas inside their fields
            }
            var supplierName = f[Col("Supplier")] is "Soviet Union" or "Russia" ? "RUS" : f[Col("Supplier")] == "China" ? "CHN" : "?";
            var description = f[Col("Weapon description")];
            if (supplierName != supplier || !(combat.Contains(description) || (!combatOnly && other.Contains(description))))
            {
                continue;
            }
            var years = f[Col("Year(s) of delivery")].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            var n = double.Parse(f[Col("Number delivered")], CultureInfo.InvariantCulture);
            total += years.Count(y => y >= from && y <= to) * n / years.Count;
        }
        return total;
    }

    [Fact]
    public void Sipri_based_claims_sum_the_registers_deliveries_as_a_plain_loop_does()
    {
        ImportSipri();
        var audit = Planted();
        double Total(string id, string role = "measured") =>
            audit.Results.Single(r => r.Claim.Id == id).Evidence.Numbers.Single(n => n.Label.StartsWith(role + ": total", StringComparison.Ordinal)).Value;
        Assert.Equal(Delivered("CHN", 1958, 1964, combatOnly: false), Total("p-sipri-about-default"), 9);
        Assert.Equal(Delivered("RUS", 1950, 1950, combatOnly: true), Total("p-sipri-true"), 9);
        Assert.Equal(0, Total("p-sipri-false"));
        Assert.Equal(Delivered("RUS", 1950, 1953, combatOnly: true), Total("p-sipri-comparison"), 9);
        Assert.Equal(Delivered("CHN", 1958, 1964, combatOnly: true), Total("p-sipri-comparison", "than"), 9);
        var china = audit.Results.Single(r => r.Claim.Id == "p-sipri-about-default");
        Assert.All(china.Evidence.Indicators, i => Assert.EndsWith("sipri_trade_register_prk_imports.csv", i.File, StringComparison.Ordinal));
        Assert.Contains(china.Evidence.Indicators, i => i.Note!.Contains("uncertain (?)", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_register_the_sipri_claims_are_not_testable_and_say_how_to_import_it()
    {
        var audit = Planted();
        var sipri = audit.Results.Where(r => r.Claim.Id.StartsWith("p-sipri-", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, sipri.Count);
        Assert.All(sipri, r =>
        {
            Assert.Equal(ClaimVerdict.NotTestable, r.Verdict);
            Assert.Contains("import the SIPRI trade register with 'strata import sipri FILE'", r.Finding, StringComparison.Ordinal);
        });
        Assert.Equal(ClaimVerdict.Supported, audit.Results.Single(r => r.Claim.Id == "p-date-true").Verdict);
    }

    [Fact]
    public void A_broken_claims_file_reports_every_problem_with_line_column_and_field()
    {
        var path = TestPaths.Corpus("claims", "broken.yaml");
        var ids = new StoreClaimData(Store).EventIds;
        var result = new ClaimsReader(Fixtures.Reference.Actors).Read(path, ids);
        Assert.Empty(result.Claims);
        var expected = File.ReadAllLines(TestPaths.Corpus("claims", "broken.expected")).Where(l => l.Length > 0).ToList();
        Assert.Equal(expected, result.Issues.Select(i => $"{i.Line}:{i.Column}: {(i.Field.Length > 0 ? i.Field + ": " : "")}{i.Message}").ToList());
        var e = Assert.Throws<DataException>(() => ClaimsCheck.Run(Store, Fixtures.Reference, path));
        Assert.Equal(expected.Count, e.Issues.Count);
    }

    [Fact]
    public void The_shipped_claims_file_reads_without_an_issue()
    {
        var result = new ClaimsReader(Fixtures.Reference.Actors).Read(Path.Combine(TestPaths.DataRoot, "claims", "jun-2025.yaml"), new StoreClaimData(Store).EventIds);
        Assert.True(result.IsValid, string.Join("\n", result.Issues));
        Assert.True(result.Claims.Count >= 20);
        Assert.All(result.Claims, c => Assert.Equal("Jaewoo Jun", c.MadeIn.Author));
        Assert.Equal(["date", "onset", "quantity", "sequence"], result.Claims.Select(c => c.Test.Kind).Distinct().Order(StringComparer.Ordinal));
    }
}
