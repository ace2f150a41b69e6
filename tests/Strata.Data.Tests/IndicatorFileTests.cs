using System.Globalization;
using Strata.Data.Curated;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The project's indicator files: the bundled ones are valid and say what the rivalry lists say; broken ones report every problem exactly.</summary>
public sealed class IndicatorFileTests
{
    private static IndicatorFileReadResult Bundled => CuratedData.ReadIndicators(Fixtures.Reference, Fixtures.Bundled.IndicatorsPath);

    public static TheoryData<string> BrokenFiles() =>
        new(Directory.GetFiles(TestPaths.Corpus("broken-indicators"), "*.yaml").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(BrokenFiles))]
    public void Every_problem_of_a_broken_indicator_file_is_reported_exactly(string name)
    {
        var path = TestPaths.Corpus("broken-indicators", name);
        var expected = File.ReadAllLines(Path.ChangeExtension(path, ".expected")).Where(l => l.Length > 0).ToList();
        var result = CuratedData.ReadIndicators(Fixtures.Reference, path);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Issues.Select(i => i.ToString()[(i.File.Length + 1)..]));
    }

    [Fact]
    public void A_folder_of_broken_files_reports_all_of_them_in_one_run()
    {
        var result = CuratedData.ReadIndicators(Fixtures.Reference, TestPaths.Corpus("broken-indicators"));
        var expected = Directory.GetFiles(TestPaths.Corpus("broken-indicators"), "*.expected").Sum(f => File.ReadAllLines(f).Count(l => l.Length > 0));
        Assert.Equal(expected, result.Issues.Count);
        // The valid facts of the broken files still come through (the overlapping ones do not).
        Assert.Equal(4, result.Facts.Count);
    }

    [Fact]
    public void The_bundled_indicator_files_are_valid_sourced_and_name_the_case()
    {
        var read = Bundled;
        Assert.True(read.IsValid, string.Join("\n", read.Issues));
        Assert.All(read.Facts, f => Assert.NotEmpty(f.Sources));
        Assert.NotNull(read.Case);
        Assert.Equal(["USA", "RUS", "CHN", "PRK", "KOR", "JPN"], read.Case!.Actors);
        Assert.Equal((1945, 2025), (read.Case.From, read.Case.To));
    }

    /// <summary>
    /// The bundled rivalry years of every pair of the case equal those of Thompson &amp; Dreyer (2012) from 1945 to
    /// 2010 and of Thompson, Sakuwa &amp; Suhas (2021) from 2011 to 2020, read here from the shared CSV files by a
    /// plain loop.
    /// </summary>
    [Fact]
    public void Bundled_rivalry_years_are_those_of_the_rivalry_lists()
    {
        var cow = new Dictionary<string, string> { ["2"] = "USA", ["365"] = "RUS", ["710"] = "CHN", ["731"] = "PRK", ["732"] = "KOR", ["740"] = "JPN" };
        var expected = new HashSet<string>();
        void Add(string file, string start, string end, int from, int to)
        {
            var lines = File.ReadAllLines(TestPaths.SharedData("structural", file));
            var header = lines[0].Split(',').Select(h => h.Trim('"')).ToList();
            foreach (var line in lines.Skip(1))
            {
                var f = SplitCsv(line);
                if (!cow.TryGetValue(f[header.IndexOf("ccode1")], out var a) || !cow.TryGetValue(f[header.IndexOf("ccode2")], out var b))
                {
                    continue;
                }
                var (x, y) = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
                for (var year = Math.Max(from, int.Parse(f[header.IndexOf(start)], CultureInfo.InvariantCulture));
                     year <= Math.Min(to, int.Parse(f[header.IndexOf(end)], CultureInfo.InvariantCulture)); year++)
                {
                    expected.Add($"{x}-{y} {year}");
                }
            }
        }
        Add("td_rivalries_thompson_dreyer2012.csv", "styear", "endyear", 1945, 2010);
        Add("tss_rivalries_thompson_sakuwa_suhas2021.csv", "start", "end", 2011, 2020);
        var bundled = Bundled.Values.Where(v => v.Name == "rivalry.active" && v.Value == 1).Select(v => $"{v.ActorA}-{v.ActorB} {v.Year}").ToHashSet();
        Assert.Equal(expected.Order(StringComparer.Ordinal), bundled.Order(StringComparer.Ordinal));
        Assert.Contains("RUS-USA 1989", bundled);
        Assert.DoesNotContain("RUS-USA 1990", bundled);
    }

    [Fact]
    public void An_undirected_alliance_is_expanded_both_ways_and_a_rivalry_once()
    {
        var values = Bundled.Values.ToList();
        Assert.Contains(values, v => v.Name == "alliance.defense" && v.ActorA == "PRK" && v.ActorB == "RUS" && v.Year == 1996 && v.Value == 1);
        Assert.Contains(values, v => v.Name == "alliance.defense" && v.ActorA == "RUS" && v.ActorB == "PRK" && v.Year == 1996 && v.Value == 1);
        Assert.Contains(values, v => v.Name == "alliance.defense" && v.ActorA == "RUS" && v.ActorB == "PRK" && v.Year == 2010 && v.Value == 0);
        Assert.DoesNotContain(values, v => v.Name == "rivalry.active" && v.ActorA == "USA");
        var source = values.First(v => v.Name == "alliance.defense" && v.ActorA == "PRK" && v.ActorB == "RUS" && v.Year == 2024).Source;
        Assert.Contains("alliances.yaml:", source, StringComparison.Ordinal);
        Assert.Contains("Treaty on Comprehensive Strategic Partnership", source, StringComparison.Ordinal);
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        foreach (var ch in line)
        {
            if (ch == '"')
            {
                quoted = !quoted;
            }
            else if (ch == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(ch);
            }
        }
        fields.Add(current.ToString());
        return [.. fields];
    }
}
