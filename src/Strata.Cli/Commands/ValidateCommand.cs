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
        [Description("A data folder (with actors.yaml; its ach/*.yaml case files are checked too), a chronology file or folder, or an ACH case file, checked against the bundled actors, codebook and chronology. Default: the bundled data.")]
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
        string chronology;
        string? achFolder = null;
        if (Directory.Exists(path) && DataFolder.IsDataFolder(path))
        {
            var folder = new DataFolder(path);
            achFolder = Path.Combine(folder.Root, "ach");
            var (r, referenceIssues) = CuratedData.ReadReference(folder);
            issues.AddRange(referenceIssues);
            reference = r;
            chronology = folder.ChronologyPath;
        }
        else if (File.Exists(path) && AchReader.IsCaseFile(path))
        {
            // An ACH case file: checked against the bundled reference data and chronology.
            reference = CuratedData.RequireReference(bundled);
            chronology = bundled.ChronologyPath;
        }
        else
        {
            reference = CuratedData.RequireReference(bundled);
            chronology = path;
        }

        var read = Directory.Exists(chronology) || File.Exists(chronology)
            ? CuratedData.ReadChronology(reference, chronology, "validate")
            : new ChronologyReadResult([], [], []);
        issues.AddRange(read.Issues);

        // ACH case files of a data folder are checked against its own chronology (docs/ach.md).
        var achFiles = achFolder is not null && Directory.Exists(achFolder)
            ? Directory.EnumerateFiles(achFolder, "*.y*ml").Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) && AchReader.IsCaseFile(path) ? [path] : [];
        if (achFiles.Count > 0)
        {
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
        if (issues.Count > 0)
        {
            Console.Error.WriteLine($"strata: {issues.Count} problem(s) in {read.Files.Count + achFiles.Count} file(s); {read.Events.Count} event(s) passed.");
            return ExitCode.DataError;
        }
        Console.WriteLine($"ok: {read.Events.Count} events in {read.Files.Count} file(s), all sourced ({sourced}); {reference.Actors.All.Count} actors; {reference.Codebook.Count} CAMEO codes{(achFiles.Count > 0 ? $"; {achFiles.Count} ACH case file(s)" : "")}.");
        return ExitCode.Ok;
    }
}
