using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.Data;
using Strata.Data.Curated;

namespace Strata.Cli.Commands;

public sealed class ValidateCommand : Command<ValidateCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "[PATH]")]
        [Description("A data folder (with actors.yaml: its chronology and indicator files), a chronology file or folder, or an indicator file or folder (top-level 'indicators:' or 'case:'), checked against the bundled actors and codebook. Default: the bundled data.")]
        public string? Path { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var bundled = DataFolder.Bundled();
        var path = settings.Path ?? bundled.Root;
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new UsageException($"no such file or directory: {path}");
        }

        var issues = new List<DataIssue>();
        ReferenceData reference;
        string? chronology;
        string? indicators;
        if (Directory.Exists(path) && DataFolder.IsDataFolder(path))
        {
            var folder = new DataFolder(path);
            var (r, referenceIssues) = CuratedData.ReadReference(folder);
            issues.AddRange(referenceIssues);
            reference = r;
            chronology = folder.ChronologyPath;
            if (File.Exists(folder.ReportCasePath))
            {
                issues.AddRange(ReportCaseReader.Read(folder.ReportCasePath, reference.Actors, Path.GetRelativePath(Directory.GetCurrentDirectory(), folder.ReportCasePath)).Issues);
            }
            indicators = Directory.Exists(folder.IndicatorsPath) ? folder.IndicatorsPath : null;
        }
        else
        {
            reference = CuratedData.RequireReference(bundled);
            var isIndicators = IsIndicatorPath(path);
            chronology = isIndicators ? null : path;
            indicators = isIndicators ? path : null;
        }

        var read = chronology is not null && (Directory.Exists(chronology) || File.Exists(chronology))
            ? CuratedData.ReadChronology(reference, chronology, "validate")
            : new ChronologyReadResult([], [], []);
        issues.AddRange(read.Issues);
        var facts = indicators is null ? null : CuratedData.ReadIndicators(reference, indicators);
        issues.AddRange(facts?.Issues ?? []);
        foreach (var issue in issues)
        {
            Console.Error.WriteLine(issue.ToString());
        }
        var sourced = read.Events.Count(e => e.Sources.Count > 0);
        var files = read.Files.Count + (facts?.Files.Count ?? 0);
        if (issues.Count > 0)
        {
            Console.Error.WriteLine($"strata: {issues.Count} problem(s) in {files} file(s); {read.Events.Count} event(s) and {facts?.Facts.Count ?? 0} indicator fact(s) passed.");
            return ExitCode.DataError;
        }
        var parts = new List<string>();
        if (chronology is not null)
        {
            parts.Add($"{read.Events.Count} events in {read.Files.Count} file(s), all sourced ({sourced})");
        }
        if (facts is not null)
        {
            parts.Add($"{facts.Facts.Count} indicator facts in {facts.Files.Count} file(s) ({facts.Values.Count()} yearly values), all sourced{(facts.Case is { } c ? $"; default panel {string.Join(",", c.Actors)} {c.From}-{c.To}" : "")}");
        }
        Console.WriteLine($"ok: {string.Join("; ", parts)}; {reference.Actors.All.Count} actors; {reference.Codebook.Count} CAMEO codes.");
        return ExitCode.Ok;
    }

    /// <summary>True for an indicator file, or a folder with an indicator file and no chronology file (top-level 'events').</summary>
    private static bool IsIndicatorPath(string path)
    {
        if (File.Exists(path))
        {
            return IndicatorFileReader.IsIndicatorFile(path);
        }
        var files = Directory.EnumerateFiles(path, "*.y*ml", SearchOption.AllDirectories).ToList();
        return files.Any(IndicatorFileReader.IsIndicatorFile) && !files.Any(IndicatorFileReader.IsChronologyFile);
    }
}
