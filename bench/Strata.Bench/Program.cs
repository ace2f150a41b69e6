using System.Diagnostics;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using DuckDB.NET.Data;

// Strata benchmark tool. Commands:
//   make-gdelt SOURCE OUT SIZE_MB [SEED]   write a GDELT 2.0-format file of SIZE_MB by resampling the rows of SOURCE
//   duckdb-import FILE DB ACTORS           the same filter-and-insert as 'strata import', done by DuckDB's read_csv
//   bdn [BenchmarkDotNet arguments]        the BenchmarkDotNet suites (e.g. bdn --filter '*Pelt*' --job short)
//   pelt-work N                            candidate evaluations of PELT normal-mean MBIC per point (for docs/benchmarks.md)
//   scenario-time RUNS                     wall-clock and CPU time of ScenarioBenchmarks.Run (10^5 draws x 30 years), per run
return args.FirstOrDefault() switch
{
    "bdn" => BdnExit(BenchmarkSwitcher.FromAssembly(typeof(Strata.Bench.PeltBenchmarks).Assembly).Run(args[1..])),
    "pelt-work" => Strata.Bench.PeltWork.Run(int.Parse(args[1], CultureInfo.InvariantCulture)),
    "scenario-time" => ScenarioTime(int.Parse(args[1], CultureInfo.InvariantCulture)),
    "make-gdelt" => MakeGdelt(args[1], args[2], long.Parse(args[3], CultureInfo.InvariantCulture), args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 1),
    "duckdb-import" => DuckDbImport(args[1], args[2], args[3]),
    "sql" => Sql(args[1], args[2..]),
    _ => Usage(),
};

// Runs SQL statements against a DuckDB file and prints each one's time: for exploring where time goes.
static int Sql(string db, string[] statements)
{
    using var connection = new DuckDBConnection($"Data Source={db}");
    connection.Open();
    foreach (var sql in statements)
    {
        var clock = Stopwatch.StartNew();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        var result = cmd.ExecuteScalar();
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:0.000} s  {result}  <- {sql}");
    }
    return 0;
}

// Wall-clock and CPU time of the scenario Monte Carlo, run after run: on a shared machine the CPU time says how much
// work a run is, the wall-clock time how long it took with the load there was.
static int ScenarioTime(int runs)
{
    var bench = new Strata.Bench.ScenarioBenchmarks { Draws = 100_000 };
    bench.Setup();
    bench.Run();
    var process = Process.GetCurrentProcess();
    for (var i = 0; i < runs; i++)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        bench.Run();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        Console.WriteLine(FormattableString.Invariant($"run {i + 1}: wall {wall:0.000} s, CPU {(process.TotalProcessorTime - cpu).TotalSeconds:0.000} s"));
    }
    return 0;
}

static int Usage()
{
    Console.Error.WriteLine("usage: Strata.Bench make-gdelt SOURCE OUT SIZE_MB [SEED] | duckdb-import FILE DB ACTORS | bdn [ARGS] | pelt-work N");
    return 2;
}

// BenchmarkDotNet reports failures in its summaries; a non-zero exit when any benchmark failed to run.
static int BdnExit(IEnumerable<BenchmarkDotNet.Reports.Summary> summaries) =>
    summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

// Resamples real rows with replacement. Each written row gets a fresh GLOBALEVENTID (a running number), so rows
// stay distinct as in a real file and no importer can shortcut them as duplicates.
static int MakeGdelt(string source, string output, long sizeMb, int seed)
{
    var rows = File.ReadAllLines(source).Where(l => l.Length > 0).Select(l => l[l.IndexOf('\t')..]).ToArray();
    var random = new Random(seed);
    var target = sizeMb * 1024 * 1024;
    long written = 0;
    long id = 1_000_000_000;
    using var writer = new StreamWriter(output, false, new UTF8Encoding(false), 1 << 20);
    while (written < target)
    {
        var row = rows[random.Next(rows.Length)];
        var line = (id++).ToString(CultureInfo.InvariantCulture) + row;
        writer.Write(line);
        writer.Write('\n');
        written += Encoding.UTF8.GetByteCount(line) + 1;
    }
    Console.WriteLine($"{output}: {written / 1e6:N0} MB, {id - 1_000_000_000:N0} rows from {rows.Length} distinct source rows (seed {seed})");
    return 0;
}

// The DuckDB baseline: read_csv over the same file (DuckDB parallelises it over every core), the same actor filter
// on the two country-code columns, and an insert of the same columns into a table.
static int DuckDbImport(string file, string db, string actors)
{
    var list = string.Join(", ", actors.Split(',').Select(a => $"'{a.Trim()}'"));
    var columns = string.Join(", ", Enumerable.Range(0, 61).Select(i => $"'c{i}': 'VARCHAR'"));
    var clock = Stopwatch.StartNew();
    using var connection = new DuckDBConnection($"Data Source={db}");
    connection.Open();
    using var cmd = connection.CreateCommand();
    cmd.CommandText = $$"""
        CREATE OR REPLACE TABLE events AS
        SELECT c0 AS source_id, strptime(c1, '%Y%m%d')::DATE AS event_date, c7 AS source, c17 AS target, c26 AS cameo,
               c29::TINYINT AS quad_class, c30::DOUBLE AS goldstein, c31::INTEGER AS mentions, c32::INTEGER AS sources,
               c33::INTEGER AS articles, c34::DOUBLE AS tone
        FROM read_csv('{{file.Replace("'", "''")}}', delim = '\t', header = false, quote = '', escape = '', columns = {{{columns}}})
        WHERE c7 IN ({{list}}) OR c17 IN ({{list}})
        """;
    cmd.ExecuteNonQuery();
    cmd.CommandText = "SELECT count(*) FROM events";
    var n = Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    var seconds = clock.Elapsed.TotalSeconds;
    var mb = new FileInfo(file).Length / 1e6;
    Console.WriteLine($"duckdb read_csv: {n:N0} rows kept of {mb:N0} MB in {seconds:0.00} s ({mb / seconds:0} MB/s)");
    return 0;
}
