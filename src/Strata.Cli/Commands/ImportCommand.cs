using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data;
using Strata.Data.Curated;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;

namespace Strata.Cli.Commands;

public sealed class ImportCommand : Command<ImportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<INPUTS>")]
        [Description("[[FORMAT]] PATH...: files, folders, globs (data/*.CSV.zip); plain, .gz or .zip. FORMAT is detected when left out. Events: gdelt1, gdelt2, icews, polecat; GDELT 2.0 mentions: gdelt2-mentions. Yearly indicators (docs/import-formats.md): sipri, rivalries, cow-nmc, cow-alliances, atop, cow-mid, unga. Any other CSV/TSV of events: generic with --mapping.")]
        public string[] Inputs { get; init; } = [];

        [CommandOption("-a|--actors <CODES>")]
        [Description("Keep only events involving these actors (Strata codes, comma-separated): PRK,CHN,RUS,USA,KOR,JPN.")]
        public string? Actors { get; init; }

        [CommandOption("--match <ANY|BOTH>")]
        [Description("any (default): source or target is one of --actors; both: source and target are.")]
        [DefaultValue(ActorMatch.Any)]
        public ActorMatch Match { get; init; } = ActorMatch.Any;

        [CommandOption("--from <DATE>")]
        [Description("Keep events on or after the start of this date (2023, 2023-07, 2023-07-27).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Keep events on or before the end of this date.")]
        public string? To { get; init; }

        [CommandOption("--root <CODES>")]
        [Description("Keep only these CAMEO root codes, comma-separated (01-20).")]
        public string? Roots { get; init; }

        [CommandOption("-q|--quad <CLASSES>")]
        [Description("Keep only these quad classes, comma-separated (1-4).")]
        public string? Quads { get; init; }

        [CommandOption("--mapping <FILE>")]
        [Description("The column mapping (YAML) of a generic CSV/TSV file of events; implies the format 'generic'. Example: data/mappings/gdelt1-csv.yaml.")]
        public string? Mapping { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("The data set the rows go into. Default: the format's name (gdelt2, icews, ...).")]
        public string? Dataset { get; init; }

        [CommandOption("--max-bad <N|P%>")]
        [Description("Fail a file (importing none of it) when more than N rows, or more than P% of its rows, are bad. Default: no limit.")]
        public string? MaxBad { get; init; }

        [CommandOption("--quarantine <DIR>")]
        [Description("Where rejected rows are kept, one .quarantine.tsv per input. Default: a 'quarantine' folder beside the store.")]
        public string? Quarantine { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var (format, paths) = SplitFormat(settings.Inputs);
        if (paths.Count == 0)
        {
            throw new UsageException("no input given; usage: strata import [FORMAT] PATH...");
        }
        var generic = format == ImportFormats.Generic || settings.Mapping is not null;
        if (generic && settings.Mapping is null)
        {
            throw new UsageException("the generic format needs a column mapping: strata import generic PATH --mapping map.yaml (see data/mappings/)");
        }
        if (settings.Mapping is not null && format is not null && format != ImportFormats.Generic)
        {
            throw new UsageException($"--mapping goes with the generic format, not with {format}");
        }
        var reader = generic ? new GenericReader(GenericMapping.Load(settings.Mapping!)) : format is null ? null : ImportFormats.Find(format);
        var options = new ImportOptions
        {
            Dataset = settings.Dataset ?? (reader as GenericReader)?.Mapping.Dataset,
            Filter = FilterFrom(settings),
            MaxBad = ParseMaxBad(settings.MaxBad),
            QuarantineFolder = settings.Quarantine ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.StorePath))!, "quarantine"),
        };
        var inputs = InputFile.Expand(paths);
        var reference = CuratedData.RequireReference(DataFolder.Bundled());
        using var store = DuckDbEventStore.Open(settings.StorePath);
        var importer = new Importer(store, reference);
        var progress = new ProgressLine();
        var summaries = new List<ImportSummary>();
        var failures = new List<string>();
        foreach (var input in inputs)
        {
            var found = reader ?? ImportFormats.Detect(input);
            if (found is null)
            {
                failures.Add($"{input.Name}: cannot tell the format; name it: strata import {string.Join('|', ImportFormats.Names)} PATH");
                Console.Error.WriteLine("strata: " + failures[^1]);
                continue;
            }
            try
            {
                var summary = importer.Import(input, found, options, progress.Report, cancellationToken);
                progress.Done();
                summaries.Add(summary);
                Console.Error.WriteLine(Describe(summary));
            }
            catch (DataException e)
            {
                progress.Done();
                failures.Add(e.Message);
                Console.Error.WriteLine("strata: error: " + e.Message);
            }
        }
        WriteTotals(summaries, options);
        if (failures.Count > 0)
        {
            Console.Error.WriteLine($"strata: {failures.Count} of {inputs.Count} input(s) failed and were not imported; the store holds everything else.");
            return ExitCode.DataError;
        }
        return ExitCode.Ok;
    }

    private static (string? Format, List<string> Paths) SplitFormat(string[] inputs)
    {
        if (inputs.Length > 0 && !File.Exists(inputs[0]) && !Directory.Exists(inputs[0]))
        {
            var name = ImportFormats.Names.FirstOrDefault(n => string.Equals(n, inputs[0], StringComparison.OrdinalIgnoreCase));
            if (name is not null)
            {
                return (name, inputs[1..].ToList());
            }
            if (inputs[0].IndexOfAny(['/', '\\', '.', '*']) < 0)
            {
                throw new UsageException($"unknown format '{inputs[0]}'; expected one of {string.Join(", ", ImportFormats.Names)}");
            }
        }
        return (null, inputs.ToList());
    }

    private static ImportFilter FilterFrom(Settings s)
    {
        var actors = Split(s.Actors).Select(a => a.ToUpperInvariant()).ToHashSet(StringComparer.Ordinal);
        var roots = Split(s.Roots).Select(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 20
            ? n : throw new UsageException($"--root: expected root codes from 01 to 20, got '{r}'")).ToHashSet();
        var quads = Split(s.Quads).Select(q => int.TryParse(q, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 4
            ? (QuadClass)n : throw new UsageException($"--quad: expected quad classes from 1 to 4, got '{q}'")).ToHashSet();
        return new ImportFilter
        {
            Actors = actors,
            Match = s.Match,
            From = Date("--from", s.From)?.Start,
            To = Date("--to", s.To)?.End,
            Roots = roots,
            QuadClasses = quads,
        };
    }

    private static PartialDate? Date(string option, string? text) =>
        text is null ? null : PartialDate.TryParse(text, out var d, out var error) ? d : throw new UsageException($"{option}: {error}");

    private static MaxBad ParseMaxBad(string? text) =>
        text is null ? MaxBad.Unlimited : MaxBad.TryParse(text, out var m) ? m : throw new UsageException($"--max-bad: expected a number of rows (100) or a percentage (0.5%), got '{text}'");

    private static string[] Split(string? s) =>
        (s ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Describe(ImportSummary s)
    {
        if (s.Skipped)
        {
            return $"{s.File}: already imported with the same filter; skipped";
        }
        var rate = s.Elapsed.TotalSeconds > 0 ? s.Bytes / 1e6 / s.Elapsed.TotalSeconds : 0;
        var replaced = s.Replaced > 0 ? $" ({s.Replaced:N0} stored values replaced)" : "";
        var text = $"{s.File} ({s.Format}): {s.RowsRead:N0} rows read, {s.Imported:N0} {(s.Stored == "rows" ? "" : s.Stored + " ")}imported{replaced}, {s.Filtered:N0} filtered out, " +
            $"{s.Duplicates:N0} duplicates, {s.Quarantined:N0} quarantined in {s.Elapsed.TotalSeconds:0.0} s ({rate:0} MB/s; reading {s.ReadElapsed.TotalSeconds:0.0} s, storing {(s.Elapsed - s.ReadElapsed).TotalSeconds:0.0} s)";
        foreach (var (reason, n) in s.QuarantinedByReason.OrderByDescending(p => p.Value))
        {
            text += $"\n  quarantined, {reason}: {n:N0}";
        }
        foreach (var (what, n) in s.Notes.OrderByDescending(p => p.Value))
        {
            text += $"\n  kept, {what}: {n:N0}";
        }
        if (s.QuarantinePath is not null)
        {
            text += $"\n  rejected rows kept in {s.QuarantinePath}";
        }
        return text;
    }

    private static void WriteTotals(List<ImportSummary> summaries, ImportOptions options)
    {
        var done = summaries.Where(s => !s.Skipped).ToList();
        Console.WriteLine(
            $"imported {Counts(done)} from {done.Count} file(s) ({summaries.Count - done.Count} skipped as already imported): " +
            $"{done.Sum(s => s.RowsRead):N0} read, {done.Sum(s => s.Filtered):N0} filtered out ({options.Filter.Describe()}), " +
            $"{done.Sum(s => s.Duplicates):N0} duplicates, {done.Sum(s => s.Quarantined):N0} quarantined");
    }

    private static string Counts(List<ImportSummary> done)
    {
        var parts = done.GroupBy(s => s.Stored).Select(g => $"{g.Sum(s => s.Imported):N0} {g.Key}").ToList();
        return parts.Count == 0 ? "0 rows" : string.Join(" and ", parts);
    }

    /// <summary>Progress on stderr: one line rewritten in place on a terminal, a plain line every 5 s otherwise.</summary>
    private sealed class ProgressLine
    {
        private readonly bool _terminal = !Console.IsErrorRedirected;
        private DateTime _last = DateTime.MinValue;
        private bool _open;

        public void Report(ImportProgress p)
        {
            var now = DateTime.UtcNow;
            if (!_terminal && now - _last < TimeSpan.FromSeconds(5))
            {
                return;
            }
            _last = now;
            var seconds = Math.Max(p.Elapsed.TotalSeconds, 1e-3);
            var mbps = p.BytesRead / 1e6 / seconds;
            var rows = p.RowsRead / seconds;
            var share = p.TotalBytes is > 0 ? $" of {p.TotalBytes.Value / 1e6:N0} MB ({100.0 * p.BytesRead / p.TotalBytes.Value:0}%)" : "";
            var eta = p.TotalBytes is > 0 && p.BytesRead > 0 ? $", ETA {Math.Max(0, (p.TotalBytes.Value - p.BytesRead) / (p.BytesRead / seconds)):0} s" : "";
            var line = $"{Path.GetFileName(p.File)}: {p.BytesRead / 1e6:N0} MB{share}, {mbps:0} MB/s, {rows:N0} rows/s, {p.Accepted:N0} kept{eta}";
            if (_terminal)
            {
                Console.Error.Write("\r" + line.PadRight(Math.Max(0, Console.WindowWidth - 1))[..Math.Max(1, Math.Min(line.Length + 10, Console.WindowWidth - 1))]);
                _open = true;
            }
            else
            {
                Console.Error.WriteLine("progress: " + line);
            }
        }

        public void Done()
        {
            if (_open)
            {
                Console.Error.WriteLine();
                _open = false;
            }
        }
    }
}
