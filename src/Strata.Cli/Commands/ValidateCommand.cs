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
        [Description("A data folder (with actors.yaml: its chronology and indicator files), a chronology file or folder, an indicator file or folder (top-level 'indicators:' or 'case:'), or an ACH case file (top-level 'hypotheses:'), checked against the bundled actors and codebook (and an ACH file against the bundled chronology). A data folder's ach/*.yaml case files are checked too. Default: the bundled data.")]
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
        var achFiles = new List<string>();
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
            var ach = Path.Combine(folder.Root, "ach");
            if (Directory.Exists(ach))
            {
                achFiles.AddRange(Directory.EnumerateFiles(ach, "*.y*ml").Order(StringComparer.Ordinal));
            }
        }
        else if (File.Exists(path) && AchReader.IsCaseFile(path))
        {
            // An ACH case file: its event ids are checked against the bundled chronology.
            reference = CuratedData.RequireReference(bundled);
            chronology = bundled.ChronologyPath;
            indicators = null;
            achFiles.Add(path);
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
        if (achFiles.Count > 0)
        {
            // ACH case files are checked against the chronology read above (docs/ach.md).
            var events = read.Events.GroupBy(e => e.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            var achReader = new AchReader(reference.Actors, id => events.GetValueOrDefault(id));
            foreach (var file in achFiles)
            {
                issues.AddRange(achReader.Read(file).Issues);
            }
        }
        foreach (var issue in issues)
        {
            Console.Error.WriteLine(issue.ToString());
        }
        var sourced = read.Events.Count(e => e.Sources.Count > 0);
        var files = read.Files.Count + (facts?.Files.Count ?? 0) + achFiles.Count;
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
        if (achFiles.Count > 0)
        {
            parts.Add($"{achFiles.Count} ACH case file(s)");
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
