using System.Globalization;
using System.Text.Json;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>'strata claims check' run as a process on the shipped claims file, before and after importing SIPRI.</summary>
public sealed class ClaimsCliTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(TestPaths.DataRoot, "claims", "jun-2025.yaml");
    private static readonly string Register = TestPaths.SharedData("structural", "sipri_trade_register_prk_imports.csv");
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Dictionary<string, JsonElement> Claims(CliResult r)
    {
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        return doc.RootElement.GetProperty("claims").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.Clone());
    }

    /// <summary>Aircraft of every kind China delivered in 1958-64, by a plain loop over the register.</summary>
    private static double ChineseAircraft1958To1964()
    {
        var lines = File.ReadAllLines(Register);
        var h = lines[0].Split(',');
        var total = 0.0;
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            var d = f[Array.IndexOf(h, "Weapon description")];
            if (f[Array.IndexOf(h, "Supplier")] != "China" || !(d.EndsWith("aircraft", StringComparison.Ordinal) || d.EndsWith("helicopter", StringComparison.Ordinal)))
            {
                continue;
            }
            var years = f[Array.IndexOf(h, "Year(s) of delivery")].Split(';', StringSplitOptions.TrimEntries).Select(int.Parse).ToList();
            total += years.Count(y => y is >= 1958 and <= 1964) * double.Parse(f[Array.IndexOf(h, "Number delivered")], CultureInfo.InvariantCulture) / years.Count;
        }
        return total;
    }

    [Fact]
    public void The_shipped_claims_are_checked_against_the_chronology_and_the_imported_register()
    {
        var before = Claims(_cli.Run("claims", "check", Shipped, "--format", "json"));
        Assert.Equal("not_testable", before["aircraft-from-china-1958-1964"].GetProperty("verdict").GetString());
        Assert.Contains("strata import sipri FILE", before["aircraft-from-china-1958-1964"].GetProperty("finding").GetString(), StringComparison.Ordinal);

        Assert.Equal(0, _cli.Run("import", "sipri", Register).ExitCode);
        var after = Claims(_cli.Run("claims", "check", Shipped, "--format", "json"));
        string Verdict(string id) => after[id].GetProperty("verdict").GetString()!;
        Assert.Equal("supported", Verdict("treaty-signed-june-2024"));
        Assert.Equal("contradicted", Verdict("treaty-signed-july-2024"));
        Assert.Equal("supported", Verdict("ambassador-absent-after-treaty"));
        Assert.Equal("not_testable", Verdict("rodong-page-january-2025"));
        Assert.Equal("not_testable", Verdict("aid-1954-1956-exceeds-soviet"));
        Assert.True(after["aid-1954-1956-exceeds-soviet"].GetProperty("sources_disagree").GetBoolean());

        // The aircraft count is the register's, and the verdict follows from it and the default ±10 %.
        var china = after["aircraft-from-china-1958-1964"];
        var measured = china.GetProperty("numbers").EnumerateArray().Single(n => n.GetProperty("label").GetString()!.StartsWith("measured: total", StringComparison.Ordinal)).GetProperty("value").GetDouble();
        var expected = ChineseAircraft1958To1964();
        Assert.Equal(expected, measured, 9);
        Assert.Equal(Math.Abs(expected - 460) <= 46 ? "supported" : "contradicted", Verdict("aircraft-from-china-1958-1964"));
        Assert.All(china.GetProperty("indicators").EnumerateArray(), i => Assert.EndsWith("sipri_trade_register_prk_imports.csv", i.GetProperty("file").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_goes_to_a_file_and_contradictions_can_fail_the_run()
    {
        var md = _cli.File("out/claims.md");
        var r = _cli.Run("claims", "check", Shipped, "--format", "markdown", "--out", md);
        Assert.Equal(0, r.ExitCode);
        var text = File.ReadAllText(md);
        Assert.Contains("| claim | made in | kind | verdict | finding |", text, StringComparison.Ordinal);
        Assert.Contains("**treaty-signed-july-2024**", text, StringComparison.Ordinal);
        Assert.Contains("Sources disagree", text, StringComparison.Ordinal);
        Assert.Contains("claim(s):", r.Stderr, StringComparison.Ordinal);

        var table = _cli.Run("claims", "check", Shipped);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("treaty-signed-july-2024", table.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, _cli.Run("claims", "check", Shipped, "--fail-on-contradicted").ExitCode);
    }

    [Fact]
    public void Bad_input_gives_clear_messages_and_the_help_teaches()
    {
        var missing = _cli.Run("claims", "check", "no-such.yaml");
        Assert.Equal(2, missing.ExitCode);
        Assert.StartsWith("strata: error: no such claims file", missing.StderrLines.Single(), StringComparison.Ordinal);

        var broken = _cli.Run("claims", "check", TestPaths.Corpus("claims", "broken.yaml"));
        Assert.Equal(1, broken.ExitCode);
        Assert.Contains("broken.yaml:17:72: measured.pair: expected an ordered pair", broken.Stderr, StringComparison.Ordinal);
        Assert.Contains("broken.yaml:29:5: id: duplicate id 'no-kind'", broken.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", broken.Stderr, StringComparison.Ordinal);

        var help = _cli.Run("claims", "check", "--help");
        Assert.Equal(0, help.ExitCode);
        foreach (var word in new[] { "--format", "--out", "--fail-on-contradicted", "jun-2025.yaml", "markdown" })
        {
            Assert.Contains(word, help.Stdout, StringComparison.Ordinal);
        }
    }
}
