using System.Text.Json;
using AngleSharp.Html.Parser;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>The strata command run end to end as a process, as a user runs it.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static void AssertCleanError(CliResult r, int exitCode, string startsWith)
    {
        Assert.Equal(exitCode, r.ExitCode);
        var lines = r.StderrLines;
        Assert.Single(lines);
        Assert.StartsWith("strata: error: " + startsWith, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_command_and_each_command_has_its_own_help()
    {
        var r = _cli.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var command in new[] { "validate", "load", "events", "actors", "report" })
        {
            Assert.Contains(command, r.Stdout, StringComparison.Ordinal);
            var h = _cli.Run(command, "--help");
            Assert.Equal(0, h.ExitCode);
            Assert.Contains("USAGE", h.Stdout, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains("--dyad", _cli.Run("events", "--help").Stdout, StringComparison.Ordinal);
        Assert.Contains("--db", _cli.Run("report", "--help").Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_detects_structural_files_reads_generic_csv_through_a_mapping_and_says_what_it_did()
    {
        var sipri = TestPaths.SharedData("structural", "sipri_trade_register_prk_imports.csv");
        var r = _cli.Run("import", sipri);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("(sipri): 159 rows read, 819 indicator values imported", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("imported 819 indicator values from 1 file(s)", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("skipped", _cli.Run("import", sipri).Stderr, StringComparison.Ordinal);

        var mapping = Path.Combine(TestPaths.DataRoot, "mappings", "gdelt1-csv.yaml");
        var g = _cli.Run("import", "generic", TestPaths.SharedData("gdelt", "gdelt1-aug2012-rewritten-by-R.csv"), "--mapping", mapping);
        Assert.Equal(0, g.ExitCode);
        Assert.Contains("(generic): 1,255 rows read, 1,255 imported", g.Stderr, StringComparison.Ordinal);

        AssertCleanError(_cli.Run("import", "generic", sipri), 2, "the generic format needs a column mapping");
        var help = _cli.Run("import", "--help").Stdout;
        foreach (var format in new[] { "gdelt1", "icews", "sipri", "rivalries", "cow-nmc", "cow-alliances", "atop", "cow-mid", "unga", "generic", "--mapping" })
        {
            Assert.Contains(format, help, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Validate_passes_on_the_bundled_data()
    {
        var r = _cli.Run("validate");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^ok: \d{3} events in \d+ file\(s\), all sourced", r.Stdout);
    }

    [Fact]
    public void Validate_reports_every_problem_of_every_file_with_file_line_and_field()
    {
        var broken = TestPaths.Corpus("broken");
        var r = _cli.Run("validate", broken);
        Assert.Equal(1, r.ExitCode);
        var expected = Directory.GetFiles(broken, "*.expected").Order(StringComparer.Ordinal)
            .SelectMany(f => System.IO.File.ReadAllLines(f).Where(l => l.Length > 0).Select(l => Path.ChangeExtension(f, ".yaml") + ":" + l))
            .ToList();
        var lines = r.StderrLines;
        Assert.Equal(expected, lines[..^1]);
        Assert.StartsWith($"strata: {expected.Count} problem(s) in {Directory.GetFiles(broken, "*.yaml").Length} file(s)", lines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Usage_mistakes_get_one_clear_line_and_exit_code_2()
    {
        AssertCleanError(_cli.Run("validate", "no/such/file.yaml"), 2, "no such file or directory: no/such/file.yaml");
        AssertCleanError(_cli.Run("events", "--dyad", "PRK"), 2, "--dyad: expected a dyad such as PRK-CHN");
        AssertCleanError(_cli.Run("events", "--from", "2024-13"), 2, "--from: expected a date such as");
        AssertCleanError(_cli.Run("events", "--level", "loud"), 2, "--level: expected structural, conjunctural or episodic");
        AssertCleanError(_cli.Run("events", "--quad", "7"), 2, "--quad: expected 1-4");
        AssertCleanError(_cli.Run("events", "--code", "8x"), 2, "--code: expected a CAMEO code");
        AssertCleanError(_cli.Run("events", "--format", "xml"), 2, "");
        AssertCleanError(_cli.Run("frobnicate"), 2, "");
    }

    [Fact]
    public void An_unusable_store_is_a_clear_error()
    {
        System.IO.File.WriteAllText(_cli.File("not-a-db.duckdb"), "this is not a DuckDB file");
        AssertCleanError(_cli.Run("events", "--db", _cli.File("not-a-db.duckdb")), 1, "cannot open the store");
    }

    [Fact]
    public void Events_for_the_north_korea_china_dyad_2023_to_2025_come_with_sources_as_json()
    {
        var r = _cli.Run("events", "--dyad", "PRK-CHN", "--from", "2023-01", "--to", "2025-12", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(r.Stdout);
        var events = json.RootElement.EnumerateArray().ToList();
        Assert.True(events.Count >= 8, $"only {events.Count} events");
        foreach (var e in events)
        {
            var pair = new[] { e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()! }.Order().ToArray();
            Assert.Equal(["CHN", "PRK"], pair);
            Assert.True(string.CompareOrdinal(e.GetProperty("date").GetProperty("end").GetString(), "2023-01-01") >= 0);
            Assert.True(string.CompareOrdinal(e.GetProperty("date").GetProperty("start").GetString(), "2025-12-31") <= 0);
            Assert.NotEmpty(e.GetProperty("sources").EnumerateArray());
            Assert.False(string.IsNullOrEmpty(e.GetProperty("sources")[0].GetProperty("title").GetString()));
        }
        var text = string.Join("\n", events.Select(e => e.GetProperty("description").GetString()));
        foreach (var word in new[] { "letter", "plaque", "ambassador", "page" })
        {
            Assert.Contains(word, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Events_as_csv_and_table()
    {
        var csv = _cli.Run("events", "--actor", "PRK", "--level", "structural", "--format", "csv");
        Assert.Equal(0, csv.ExitCode);
        var lines = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,date,date_start,date_end,precision,source,target", lines[0], StringComparison.Ordinal);
        Assert.True(lines.Length > 10);
        Assert.All(lines[1..], l => Assert.Contains(",structural,", l, StringComparison.Ordinal));

        var table = _cli.Run("events", "--code", "057", "--limit", "5");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("5 event(s)", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_is_idempotent_and_rejects_invalid_files()
    {
        var file = _cli.File("mine.yaml");
        System.IO.File.WriteAllText(file, """
            events:
              - id: mine-2024-test-event
                date: mid 2024
                source: PRK
                target: RUS
                cameo: "036"
                level: episodic
                confidence: low
                description: An analyst's own event, loaded beside the bundled chronology.
                sources:
                  - { publisher: Analyst notes, title: Field notes, date: 2024-07 }
            """);
        var first = _cli.Run("load", file, "--dataset", "mine");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("mine: 1 events loaded", first.Stdout, StringComparison.Ordinal);
        var second = _cli.Run("load", file, "--dataset", "mine");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("mine: unchanged, 1 events", second.Stdout, StringComparison.Ordinal);
        var listed = _cli.Run("events", "--dataset", "mine", "--format", "json");
        Assert.Single(JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray());

        var bad = _cli.Run("load", TestPaths.Corpus("broken", "fields.yaml"));
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("fields.yaml:3:9: id:", bad.Stderr, StringComparison.Ordinal);
        Assert.Contains("nothing was loaded", bad.StderrLines[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Actors_lists_historical_names_and_aliases()
    {
        var r = _cli.Run("actors", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        var rus = JsonDocument.Parse(r.Stdout).RootElement.EnumerateArray().Single(a => a.GetProperty("code").GetString() == "RUS");
        Assert.Equal("Soviet Union", rus.GetProperty("names")[0].GetProperty("name").GetString());
        Assert.Equal("1991-12-25", rus.GetProperty("names")[0].GetProperty("to").GetString());
        Assert.Contains(rus.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("code").GetString() == "SUN");
    }

    [Fact]
    public void Report_works_with_no_prior_setup_and_holds_every_event()
    {
        Assert.False(System.IO.File.Exists(_cli.Db));
        var r = _cli.Run("report");
        Assert.Equal(0, r.ExitCode);
        var path = r.Stdout.Trim();
        Assert.Equal(_cli.File("strata-report.html"), path);
        Assert.True(System.IO.File.Exists(_cli.Db), "the default store is created on first use");
        Assert.Contains("loaded the bundled chronology", r.Stderr, StringComparison.Ordinal);

        var doc = new HtmlParser().ParseDocument(System.IO.File.ReadAllText(path));
        Assert.NotNull(doc.QuerySelector("svg#timeline"));
        var ids = JsonDocument.Parse(_cli.Run("events", "--format", "json").Stdout).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("id").GetString()).ToList();
        Assert.True(ids.Count >= 250);
        Assert.All(ids, id => Assert.NotNull(doc.GetElementById("ev-" + id)));

        var again = _cli.Run("report", "--out", "out/second.html");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("loaded the bundled chronology", again.Stderr, StringComparison.Ordinal);
        Assert.True(System.IO.File.Exists(_cli.File("out/second.html")));
    }

    [Fact]
    public void Report_writes_html_markdown_and_json_and_refuses_an_unknown_format()
    {
        var r = _cli.Run("report", "--format", "all", "--out", "out/assessment.html");
        Assert.Equal(0, r.ExitCode);
        foreach (var ext in new[] { ".html", ".md", ".json" })
        {
            Assert.True(System.IO.File.Exists(_cli.File("out/assessment" + ext)), ext);
        }
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(_cli.File("out/assessment.json")));
        Assert.True(json.RootElement.GetProperty("keyJudgements").GetArrayLength() > 0);
        Assert.Contains("## Key judgements", System.IO.File.ReadAllText(_cli.File("out/assessment.md")), StringComparison.Ordinal);

        var bad = _cli.Run("report", "--format", "pdf");
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("--format must be html, markdown, json or all", bad.Stderr + bad.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Report_covers_another_case_given_as_a_file_and_rejects_a_broken_one()
    {
        System.IO.File.WriteAllText(_cli.File("case.yaml"), """
            title: Washington and Moscow
            structural-dyads: [USA-RUS]
            timing-claims:
              - claim: Relations between the superpowers improved before the 1987 INF Treaty.
                dyad: USA-RUS
                granularity: year
                from: 1980
                to: 1995
                direction: up
                reference: 1987-12-08
                reference-label: the INF Treaty (1987-12-08)
            """);
        var r = _cli.Run("report", "--case", "case.yaml", "--format", "json", "--out", "case.json");
        Assert.Equal(0, r.ExitCode);
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(_cli.File("case.json")));
        Assert.Equal("Washington and Moscow", json.RootElement.GetProperty("title").GetString());
        Assert.Equal("USA-RUS", json.RootElement.GetProperty("structure")[0].GetProperty("dyad").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("structure").GetArrayLength());
        Assert.Equal("the INF Treaty (1987-12-08)", json.RootElement.GetProperty("timing")[0].GetProperty("referenceLabel").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("judgements").GetArrayLength());

        System.IO.File.WriteAllText(_cli.File("bad.yaml"), "title: x\nstructural-dyads: [USA-ZZZ]\n");
        var bad = _cli.Run("report", "--case", "bad.yaml");
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("unknown actor 'ZZZ'", bad.Stderr, StringComparison.Ordinal);
    }
}
