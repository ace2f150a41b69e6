using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data.Export;
using Strata.Domain;
using Strata.Series;

namespace Strata.Cli.Commands;

public sealed class SeriesCommand : Command<SeriesCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-d|--dyad <PAIR>")]
        [Description("PRK-CHN: events either way; PRK>CHN: PRK acting on CHN.")]
        public string? Dyad { get; init; }

        [CommandOption("-b|--by <PERIOD>")]
        [Description("month, quarter or year.")]
        [DefaultValue(Granularity.Year)]
        public Granularity By { get; init; } = Granularity.Year;

        [CommandOption("-m|--measure <MEASURE>")]
        [Description("count (weighted events), goldstein (weighted mean), netcoop (cooperation minus conflict share, -1..1) or quad (weighted events per quad class).")]
        [DefaultValue(Measure.Goldstein)]
        public Measure Measure { get; init; } = Measure.Goldstein;

        [CommandOption("--dataset <NAME>")]
        [Description("Data sets to use (repeat): 'bundled', a loaded chronology, an import such as gdelt2. Default: all.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--from <DATE>")]
        [Description("First period (default: the start of the data).")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last period (default: the end of the data).")]
        public string? To { get; init; }

        [CommandOption("--unweighted")]
        [Description("Count every event once (no weighting by level or mentions).")]
        public bool Unweighted { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default), csv or json; with --out, the file's extension decides (.csv, .json, .parquet).")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("-o|--out <FILE>")]
        [Description("Write to a file instead of the screen: .csv, .json, .jsonl (JSON lines) or .parquet.")]
        public string? Out { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Dyad is null)
        {
            throw new UsageException("--dyad: name the pair, e.g. --dyad PRK-CHN");
        }
        if (!Domain.Dyad.TryParse(settings.Dyad, out var dyad, out var error))
        {
            throw new UsageException($"--dyad: {error}");
        }
        using var workspace = Workspace.Open(settings);
        var series = Compute(workspace, dyad, settings);
        if (settings.Out is not null)
        {
            var ext = Path.GetExtension(settings.Out).ToLowerInvariant();
            if (ext == ".parquet")
            {
                SeriesWriter.WriteParquet(series, settings.Out);
            }
            else if (ext is ".jsonl" or ".ndjson")
            {
                using var f = File.Create(settings.Out);
                SeriesWriter.WriteJsonLines(series, f);
            }
            else if (ext == ".json")
            {
                using var f = File.Create(settings.Out);
                SeriesWriter.WriteJson(series, f);
            }
            else
            {
                using var f = new StreamWriter(settings.Out);
                SeriesWriter.WriteCsv(series, f);
            }
            Console.WriteLine($"{series.Points.Count} periods written to {Path.GetFullPath(settings.Out)}");
            return ExitCode.Ok;
        }
        switch (settings.Format)
        {
            case OutputFormat.Csv:
                SeriesWriter.WriteCsv(series, Console.Out);
                break;
            case OutputFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    SeriesWriter.WriteJson(series, stdout);
                }
                Console.WriteLine();
                break;
            default:
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumns("Period", series.Measure.ToString().ToLowerInvariant(), "weight", "events");
                foreach (var p in series.Points)
                {
                    var value = series.Measure == Measure.Quad && p.QuadWeights is { } q
                        ? string.Join(" / ", q.Select(x => x.ToString("0.#", CultureInfo.InvariantCulture)))
                        : p.Value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "[grey]–[/]";
                    table.AddRow(p.Period.Label, value, p.Weight.ToString("0.##", CultureInfo.InvariantCulture), p.Events.ToString("0.##", CultureInfo.InvariantCulture));
                }
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"[grey]{series.Dyad}, {series.Measure.ToString().ToLowerInvariant()} by {series.Granularity.ToString().ToLowerInvariant()}; – marks a period with no data[/]");
                break;
        }
        return ExitCode.Ok;
    }

    internal static RelationSeries Compute(Workspace workspace, Dyad dyad, Settings settings)
    {
        var weighting = settings.Unweighted
            ? new SeriesWeighting { Structural = 1, Conjunctural = 1, Episodic = 1, ByMentions = false }
            : new SeriesWeighting();
        var coverage = workspace.Store.Coverage(settings.Datasets)
            ?? throw new UsageException($"no events in {(settings.Datasets.Length == 0 ? "the store" : string.Join(", ", settings.Datasets))}");
        var from = settings.From is null ? coverage.From : Date("--from", settings.From).Start;
        var to = settings.To is null ? coverage.To : Date("--to", settings.To).End;
        if (from > to)
        {
            throw new UsageException("--from is after --to");
        }
        var atoms = workspace.Store.Atoms(dyad, weighting, settings.Datasets);
        return SeriesBuilder.Build(dyad, atoms, settings.By, settings.Measure,
            from < coverage.From ? coverage.From : from, to > coverage.To ? coverage.To : to);
    }

    private static PartialDate Date(string option, string text) =>
        PartialDate.TryParse(text, out var d, out var e) ? d : throw new UsageException($"{option}: {e}");
}
