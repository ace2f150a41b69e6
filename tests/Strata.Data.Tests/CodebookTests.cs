using System.Globalization;
using Strata.Data.Curated;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The project's CAMEO codebook, checked code by code against GDELT's official tables in ../shared/data/cameo.</summary>
public class CodebookTests
{
    private static Dictionary<string, string> Official(string file) =>
        File.ReadLines(TestPaths.SharedData("cameo", file)).Skip(1)
            .Select(l => l.Split('\t'))
            .ToDictionary(c => c[0], c => c[1].Trim(), StringComparer.Ordinal);

    [Fact]
    public void Every_official_code_is_in_the_codebook_with_its_name_and_goldstein_score()
    {
        var (codebook, issues) = CodebookReader.Read(Fixtures.Bundled.CodebookPath, "test");
        Assert.Empty(issues);
        var names = Official("CAMEO.eventcodes.txt");
        var scores = Official("CAMEO.goldsteinscale.txt");
        Assert.Equal(names.Count, codebook.Count);
        foreach (var (code, name) in names)
        {
            var entry = codebook.Find(code);
            Assert.True(entry is not null, $"code {code} missing from the codebook");
            Assert.Equal(name, entry.Name);
            Assert.Equal(double.Parse(scores[code], CultureInfo.InvariantCulture), entry.Goldstein);
            Assert.Equal(code[..2], entry.Code.Root);
        }
    }

    [Fact]
    public void Quad_classes_follow_the_root_code_rule()
    {
        var (codebook, _) = CodebookReader.Read(Fixtures.Bundled.CodebookPath, "test");
        var lines = File.ReadLines(Fixtures.Bundled.CodebookPath).Skip(1).Select(l => l.Split('\t')).ToList();
        Assert.Equal(codebook.Count, lines.Count);
        foreach (var c in lines)
        {
            var root = int.Parse(c[1], CultureInfo.InvariantCulture);
            var expected = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), c[2]);
            Assert.Equal((QuadClass)expected, codebook.Find(c[0])!.Code.QuadClass);
        }
    }

    [Fact]
    public void A_codebook_with_a_wrong_quad_class_and_a_bad_score_is_reported_line_by_line()
    {
        using var tmp = TestPaths.NewTempFolder();
        var path = tmp.File("cameo.tsv");
        File.WriteAllLines(path, ["code\troot\tquad_class\tgoldstein\tname", "057\t05\t2\t8\tSign formal agreement", "190\t19\t4\tbig\tUse force", "19x\t19\t4\t-10\tBad"]);
        var (codebook, issues) = CodebookReader.Read(path, "test", "cameo.tsv");
        Assert.Equal(
            ["cameo.tsv:2:1: quad_class: expected 1 for code 057, got '2'", "cameo.tsv:3:1: goldstein: expected a number from -10 to 10, got 'big'", "cameo.tsv:4:1: code: expected a CAMEO code of 2 to 4 digits, got '19x'"],
            issues.Select(i => i.ToString()));
        Assert.Equal(1, codebook.Count);
    }
}
