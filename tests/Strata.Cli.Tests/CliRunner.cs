using System.Diagnostics;
using Strata.Testing;

namespace Strata.Cli.Tests;

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Runs the real strata program (built beside the tests) as a separate process, with its own store.</summary>
internal sealed class CliRunner : IDisposable
{
    private readonly TempFolder _tmp = TestPaths.NewTempFolder();

    public string WorkDir => _tmp.Path;

    public string Db => _tmp.File("store.duckdb");

    public string File(string name) => _tmp.File(name);

    public CliResult Run(params string[] args) => RunIn(WorkDir, args);

    public CliResult RunIn(string workDir, params string[] args)
    {
        using var p = Start(workDir, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("strata " + string.Join(' ', args) + " did not finish in 120 s");
        }
        return new CliResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts strata without waiting for it, for tests that interrupt it.</summary>
    public Process Start(string workDir, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Strata.Cli.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["STRATA_DB"] = Db;
        psi.Environment.Remove("STRATA_DATA");
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["COLUMNS"] = "200";
        return Process.Start(psi)!;
    }

    public void Dispose() => _tmp.Dispose();
}
