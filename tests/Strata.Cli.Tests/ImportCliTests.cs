using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using Strata.Testing;

namespace Strata.Cli.Tests;

/// <summary>The import command end to end, including an import killed half-way.</summary>
public sealed class ImportCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private long Count(string sql)
    {
        using var c = new DuckDBConnection($"Data Source={_cli.Db}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>A GDELT 2.0 file of about <paramref name="megabytes"/> MB made of the real rows with fresh ids.</summary>
    private string MakeGdelt(int megabytes, out long rows)
    {
        var source = File.ReadAllLines(TestPaths.SharedData("gdelt", "20250807233000.export.CSV")).Where(l => l.Length > 0)
            .Select(l => l[l.IndexOf('\t', StringComparison.Ordinal)..]).ToArray();
        var path = _cli.File("big.export.CSV");
        rows = 0;
        long size = 0;
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        while (size < megabytes * 1_000_000L)
        {
            var line = (2_000_000_000 + rows).ToString(CultureInfo.InvariantCulture) + source[rows % source.Length];
            w.Write(line);
            w.Write('\n');
            size += line.Length + 1;
            rows++;
        }
        return path;
    }

    [Fact]
    public void Import_detects_formats_filters_and_reports_a_summary()
    {
        var r = _cli.Run("import", TestPaths.SharedData("gdelt", "20250807233000.export.CSV"), TestPaths.SharedData("icews", "events.2018.sample.tab"),
            "--actors", "PRK,CHN,RUS,USA,KOR,JPN");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("(gdelt2): 835 rows read", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("(icews): 3,705 rows read", r.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("imported ", r.Stdout, StringComparison.Ordinal);
        var again = _cli.Run("import", TestPaths.SharedData("gdelt", "20250807233000.export.CSV"), "--actors", "PRK,CHN,RUS,USA,KOR,JPN");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("already imported with the same filter; skipped", again.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_usage_errors_are_one_line()
    {
        var r = _cli.Run("import", "gdelt3", "x.csv");
        Assert.Equal(2, r.ExitCode);
        var line = r.StderrLines.Single();
        Assert.StartsWith("strata: error: unknown format 'gdelt3'; expected one of gdelt1, gdelt2, ", line, StringComparison.Ordinal);
        foreach (var format in new[] { "icews", "sipri", "rivalries", "cow-nmc", "unga", "generic" })
        {
            Assert.Contains(format, line, StringComparison.Ordinal);
        }
        var m = _cli.Run("import", TestPaths.SharedData("gdelt", "20250807233000.export.CSV"), "--max-bad", "lots");
        Assert.Equal(2, m.ExitCode);
        Assert.StartsWith("strata: error: --max-bad: expected", m.StderrLines.Single(), StringComparison.Ordinal);
        var unknown = _cli.Run("import", TestPaths.SharedData("structural", "cow_majors.csv"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("cannot tell the format", unknown.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_is_printed_as_plain_lines_when_stderr_is_not_a_terminal()
    {
        var path = MakeGdelt(150, out _);
        var r = _cli.Run("import", "gdelt2", path);
        Assert.Equal(0, r.ExitCode);
        // Imports shorter than the 5 s interval print no progress line; the summary always comes.
        Assert.All(r.StderrLines.Where(l => l.StartsWith("progress:", StringComparison.Ordinal)), l => Assert.Contains("MB/s", l, StringComparison.Ordinal));
        Assert.Contains("big.export.CSV (gdelt2)", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_killed_half_way_leaves_the_store_as_it_was_and_a_rerun_completes_it()
    {
        var first = _cli.Run("import", TestPaths.SharedData("gdelt", "20250807233000.export.CSV"));
        Assert.Equal(0, first.ExitCode);
        var before = Count("SELECT count(*) FROM imported_events");
        var path = MakeGdelt(400, out var rows);

        var sizeBefore = new FileInfo(_cli.Db).Length;
        using (var p = _cli.Start(_cli.WorkDir, "import", "gdelt2", path))
        {
            // Kill once the import is under way: DuckDB has begun writing the file's row groups into the store
            // file (not yet part of any table), so the file has grown.
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(60) && new FileInfo(_cli.Db).Length < sizeBefore + 4_000_000)
            {
                Thread.Sleep(5);
            }
            Assert.False(p.HasExited, "the import finished before it could be interrupted");
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
        Assert.Equal(before, Count("SELECT count(*) FROM imported_events"));
        Assert.Equal(1, Count("SELECT count(*) FROM import_files"));

        var rerun = _cli.Run("import", "gdelt2", path);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Equal(before + rows, Count("SELECT count(*) FROM imported_events"));
    }
}

/// <summary>Exports read back by DuckDB itself, so that the files are what other tools will see.</summary>
public sealed class ExportCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    private static long CountIn(string sql)
    {
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("events.csv", "read_csv")]
    [InlineData("events.jsonl", "read_json")]
    [InlineData("events.parquet", "read_parquet")]
    public void Events_export_in_each_format_holds_curated_and_imported_rows(string file, string readFunction)
    {
        Assert.Equal(0, _cli.Run("import", TestPaths.SharedData("gdelt", "20250807233000.export.CSV")).ExitCode);
        var curated = System.Text.Json.JsonDocument.Parse(_cli.Run("events", "--format", "json").Stdout).RootElement.GetArrayLength();
        var r = _cli.Run("export", "events", "--out", file);
        Assert.Equal(0, r.ExitCode);
        var path = _cli.File(file);
        Assert.Contains($"{curated + 835:N0} events written to {path}", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(curated + 835, CountIn($"SELECT count(*) FROM {readFunction}('{path}')"));
        Assert.Equal(835, CountIn($"SELECT count(*) FROM {readFunction}('{path}') WHERE kind = 'imported'"));
        Assert.Equal(curated, CountIn($"SELECT count(*) FROM {readFunction}('{path}') WHERE kind = 'curated'"));
    }

    [Fact]
    public void Filters_apply_to_exports_and_codes_keep_their_leading_zeros()
    {
        var r = _cli.Run("export", "events", "--dyad", "PRK-CHN", "--from", "2023", "--out", "pc.csv");
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(_cli.File("pc.csv"));
        Assert.True(lines.Length > 5);
        Assert.Contains(lines, l => l.Contains(",051,", StringComparison.Ordinal) || l.Contains(",030,", StringComparison.Ordinal) || l.Contains(",042,", StringComparison.Ordinal));
        Assert.Equal(2, _cli.Run("export", "events").ExitCode);
    }
}

/// <summary>Series and classification from the command line.</summary>
public sealed class AnalysisCliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void Series_as_json_keeps_empty_years_empty_and_writes_parquet()
    {
        var r = _cli.Run("series", "--dyad", "PRK-CHN", "--by", "year", "--measure", "goldstein", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var points = doc.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal("1945", points[0].GetProperty("period").GetString());
        Assert.Contains(points, p => p.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Contains(points, p => p.GetProperty("value").ValueKind == System.Text.Json.JsonValueKind.Number);
        var pq = _cli.Run("series", "--dyad", "USA-RUS", "--by", "quarter", "--measure", "quad", "--out", "s.parquet");
        Assert.Equal(0, pq.ExitCode);
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT count(*) FROM read_parquet('{_cli.File("s.parquet")}') WHERE q1 IS NOT NULL";
        Assert.True(Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 100);
        Assert.Equal(0, _cli.Run("series", "--dyad", "USA-RUS", "--by", "year", "--out", "s.jsonl").ExitCode);
        var lines = File.ReadAllLines(_cli.File("s.jsonl"));
        Assert.Equal(81, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"dyad\":\"USA-RUS\"", l, StringComparison.Ordinal));
        Assert.Equal(2, _cli.Run("series").ExitCode);
    }

    [Fact]
    public void Classify_an_event_and_a_window_with_evidence()
    {
        var r = _cli.Run("classify", "--event", "e4-chn-prk-2024-ambassador-absent-victory-day", "--format", "json");
        Assert.Equal(0, r.ExitCode);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Stdout);
        var j = Assert.Single(doc.RootElement.GetProperty("judgements").EnumerateArray());
        Assert.Equal("2024", j.GetProperty("period").GetString());
        Assert.Contains(j.GetProperty("label").GetString(), new[] { "noise", "episodic deviation", "structural shift", "structural reversion", "no judgement" });
        Assert.True(j.TryGetProperty("baseline", out _));
        Assert.False(string.IsNullOrEmpty(j.GetProperty("rule").GetString()));

        var w = _cli.Run("classify", "--dyad", "PRK-RUS", "--from", "1980", "--to", "1995", "--format", "json");
        Assert.Equal(16, System.Text.Json.JsonDocument.Parse(w.Stdout).RootElement.GetProperty("judgements").GetArrayLength());

        var asOf = _cli.Run("classify", "--dyad", "PRK-CHN", "--at", "2024", "--as-of", "2024-06-18", "--format", "json");
        Assert.Equal(0, asOf.ExitCode);
        Assert.Equal(2, _cli.Run("classify", "--event", "no-such-event").ExitCode);
        Assert.Equal(2, _cli.Run("classify", "--dyad", "PRK-CHN").ExitCode);

        // A quarterly series has regimes without observed values (NaN levels): JSON writes null, never fails.
        var quarterly = _cli.Run("classify", "--dyad", "PRK-CHN", "--by", "quarter", "--from", "2020", "--to", "2025", "--format", "json");
        Assert.Equal(0, quarterly.ExitCode);
        using var q = System.Text.Json.JsonDocument.Parse(quarterly.Stdout);
        Assert.Equal(24, q.RootElement.GetProperty("judgements").GetArrayLength());
    }
}
