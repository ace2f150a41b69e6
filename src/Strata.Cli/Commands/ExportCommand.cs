using System.ComponentModel;
using Spectre.Console.Cli;

namespace Strata.Cli.Commands;

/// <summary>Export formats that other tools read.</summary>
public enum ExportFormat
{
    Csv,
    Jsonl,
    Parquet,
}

public sealed class ExportEventsCommand : Command<ExportEventsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--out <FILE>")]
        [Description("The file to write.")]
        public string? Out { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("csv (with a header), jsonl (one JSON object per line) or parquet. Default: from the file's extension, else csv.")]
        public ExportFormat? Format { get; init; }

        [CommandOption("-a|--actor <CODE>")]
        [Description("Events in which this actor is source or target. Repeat or comma-separate.")]
        public string[] Actors { get; init; } = [];

        [CommandOption("-d|--dyad <PAIR>")]
        [Description("PRK-CHN: either direction; PRK>CHN: PRK acting on CHN.")]
        public string? Dyad { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("Events whose date overlaps the span from the start of this date ...")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("... to the end of this date.")]
        public string? To { get; init; }

        [CommandOption("-c|--code <CAMEO>")]
        [Description("A CAMEO code and the codes below it. Repeat or comma-separate.")]
        public string[] Codes { get; init; } = [];

        [CommandOption("-q|--quad <CLASS>")]
        [Description("Quad classes 1-4.")]
        public string[] Quads { get; init; } = [];

        [CommandOption("--dataset <NAME>")]
        [Description("Only this data set: 'bundled', a loaded chronology, or an import (gdelt2, icews, ...).")]
        public string? Dataset { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Out is null)
        {
            throw new UsageException("--out: say where to write, e.g. --out events.parquet");
        }
        var format = settings.Format ?? Path.GetExtension(settings.Out).ToLowerInvariant() switch
        {
            ".parquet" => ExportFormat.Parquet,
            ".jsonl" or ".ndjson" => ExportFormat.Jsonl,
            _ => ExportFormat.Csv,
        };
        var filter = EventsCommand.FilterFrom(new EventsCommand.Settings
        {
            Actors = settings.Actors,
            Dyad = settings.Dyad,
            From = settings.From,
            To = settings.To,
            Codes = settings.Codes,
            Quads = settings.Quads,
            Dataset = settings.Dataset,
        });
        using var workspace = Workspace.Open(settings);
        var dir = Path.GetDirectoryName(Path.GetFullPath(settings.Out));
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        var rows = workspace.Store.ExportEvents(filter, settings.Out, format.ToString().ToLowerInvariant());
        Console.WriteLine($"{rows:N0} events written to {Path.GetFullPath(settings.Out)} ({format.ToString().ToLowerInvariant()})");
        return ExitCode.Ok;
    }
}
