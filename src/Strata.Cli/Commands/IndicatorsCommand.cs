using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data;
using Strata.Data.Export;
using Strata.Data.Structure;
using Strata.Domain;
using Strata.Structure;

namespace Strata.Cli.Commands;

/// <summary><c>strata indicators build</c>: the yearly structural panel from bundled facts, imports and events.</summary>
public sealed class IndicatorsBuildCommand : Command<IndicatorsBuildCommand.Settings>
{
    private const int DisagreementsShown = 40;

    public sealed class Settings : StoreSettings
    {
        [CommandOption("--actors <CODES>")]
        [Description("The panel's actors, comma-separated (USA,RUS,CHN). Default: the case in data/indicators/case.yaml (USA,RUS,CHN,PRK,KOR,JPN).")]
        public string? Actors { get; init; }

        [CommandOption("--from <YEAR>")]
        [Description("First year. Default: the case's (1945).")]
        public int? From { get; init; }

        [CommandOption("--to <YEAR>")]
        [Description("Last year. Default: the case's (2025).")]
        public int? To { get; init; }

        [CommandOption("--share-among <CODES>")]
        [Description("The actors over whose summed CINC cap.share is computed, comma-separated; all among --actors. Default: the case's, else the panel's actors.")]
        public string? ShareAmong { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Event data sets the event scores read (repeat): 'bundled', a loaded chronology, an import such as gdelt2. Default: all.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("-o|--out <FILE>")]
        [Description("Also write the panel to a file: .csv, .json, .jsonl (JSON lines) or .parquet.")]
        public string? Out { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default): the build summary; json: the summary as JSON; csv: the panel itself as CSV on stdout.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("--no-store")]
        [Description("Do not replace the panel stored in the store (by default the build is stored for 'indicators show' and the structural model).")]
        public bool NoStore { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var outExt = settings.Out is null ? null : Path.GetExtension(settings.Out).ToLowerInvariant();
        if (outExt is not (null or ".csv" or ".json" or ".jsonl" or ".ndjson" or ".parquet"))
        {
            throw new UsageException($"--out: expected a .csv, .json, .jsonl or .parquet file, got '{settings.Out}'");
        }
        using var workspace = Workspace.Open(settings);
        var spec = Spec(workspace, settings);
        var build = StructuralPanel.Build(workspace.Store, workspace.Reference, workspace.Folder, spec);
        if (!settings.NoStore)
        {
            workspace.Store.SavePanel(build);
        }
        if (settings.Out is not null)
        {
            var values = PanelWriter.Ordered(build.Panel);
            switch (outExt)
            {
                case ".parquet":
                    PanelWriter.WriteParquet(values, build.OriginOf, settings.Out);
                    break;
                case ".json" or ".jsonl" or ".ndjson":
                    using (var f = File.Create(settings.Out))
                    {
                        PanelWriter.WriteJson(values, build.OriginOf, f, lines: outExt != ".json");
                    }
                    break;
                default:
                    using (var f = new StreamWriter(settings.Out))
                    {
                        PanelWriter.WriteCsv(values, build.OriginOf, f);
                    }
                    break;
            }
        }
        switch (settings.Format)
        {
            case OutputFormat.Csv:
                PanelWriter.WriteCsv(PanelWriter.Ordered(build.Panel), build.OriginOf, Console.Out);
                break;
            case OutputFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    WriteSummaryJson(build.Summary, stdout);
                }
                Console.WriteLine();
                break;
            default:
                WriteSummaryTable(build.Summary, build.Panel.Count);
                break;
        }
        var where = new List<string>();
        if (!settings.NoStore)
        {
            where.Add($"stored in {workspace.Store.Path}");
        }
        if (settings.Out is not null)
        {
            where.Add($"written to {Path.GetFullPath(settings.Out)}");
        }
        Console.Error.WriteLine($"strata: panel of {build.Panel.Count} values, {string.Join(",", spec.Actors)} {spec.From}-{spec.To}{(where.Count > 0 ? "; " + string.Join("; ", where) : "")}");
        return ExitCode.Ok;
    }

    private static PanelSpec Spec(Workspace workspace, Settings settings)
    {
        var defaults = StructuralPanel.DefaultSpec(workspace.Folder, workspace.Reference);
        var actors = settings.Actors is null ? defaults.Actors : Codes(workspace, "--actors", settings.Actors);
        if (actors.Count < 2)
        {
            throw new UsageException("--actors: name at least two actors, e.g. --actors USA,RUS,CHN");
        }
        var from = settings.From ?? defaults.From;
        var to = settings.To ?? defaults.To;
        if (from is < 1800 or > 2100 || to is < 1800 or > 2100)
        {
            throw new UsageException("--from/--to: expected years from 1800 to 2100");
        }
        if (from > to)
        {
            throw new UsageException($"--from ({from}) is after --to ({to})");
        }
        var among = settings.ShareAmong is not null ? Codes(workspace, "--share-among", settings.ShareAmong)
            : settings.Actors is null ? defaults.CapabilityAmong
            : defaults.CapabilityAmong.Where(a => actors.Contains(a, StringComparer.Ordinal)).ToList();
        var outside = among.Where(a => !actors.Contains(a, StringComparer.Ordinal)).ToList();
        if (outside.Count > 0)
        {
            throw new UsageException($"--share-among: {string.Join(", ", outside)} not among the panel's actors ({string.Join(",", actors)})");
        }
        return new PanelSpec(actors, from, to) { CapabilityAmong = among, EventDatasets = settings.Datasets };
    }

    private static List<string> Codes(Workspace workspace, string option, string text)
    {
        var codes = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = codes.Where(c => !workspace.Reference.Actors.Contains(c)).ToList();
        return unknown.Count == 0 ? codes
            : throw new UsageException($"{option}: unknown actor(s) {string.Join(", ", unknown)}; see 'strata actors'");
    }

    private static void WriteSummaryTable(PanelSummary summary, int total)
    {
        var inv = CultureInfo.InvariantCulture;
        var spec = summary.Spec;
        AnsiConsole.MarkupLine($"Structural panel: {Markup.Escape(string.Join(", ", spec.Actors))}, {spec.From}–{spec.To}: [bold]{total}[/] values");
        var counts = new Table().Border(TableBorder.Simple).Title("values per indicator and source");
        counts.AddColumns("indicator", "source", "values", "years");
        foreach (var c in summary.Counts)
        {
            counts.AddRow(c.Name, Markup.Escape(c.Origin), c.Values.ToString(inv), $"{c.From}–{c.To}");
        }
        AnsiConsole.Write(counts);

        var years = new Table().Border(TableBorder.Simple).Title("coverage by year: values/indicators");
        years.AddColumns("decade", "per year");
        foreach (var decade in summary.Years.GroupBy(y => y.Year / 10 * 10))
        {
            years.AddRow($"{decade.Key}s", string.Join("  ", decade.Select(y => $"{y.Year} {y.Values}/{y.Indicators}")));
        }
        AnsiConsole.Write(years);

        AnsiConsole.MarkupLine($"Merge: imported data wins over the bundled files; the later import wins over an earlier one. {summary.Confirmed} bundled values confirmed by an import, {summary.Overridden} replaced.");
        var kinds = summary.Disagreements.GroupBy(d => d.Kind).Select(g => $"{g.Count()} {Kind(g.Key)}");
        AnsiConsole.MarkupLine($"Disagreements: {summary.Disagreements.Count} key(s){(summary.Disagreements.Count > 0 ? " (" + string.Join(", ", kinds) + ")" : "")}");
        var runs = summary.DisagreementRuns();
        if (runs.Count > 0)
        {
            var table = new Table().Border(TableBorder.Simple).Title("disagreements, consecutive years joined");
            table.AddColumns("indicator", "pair", "years", "kept (source)", "other (source)");
            foreach (var d in runs.Take(DisagreementsShown))
            {
                table.AddRow(d.Name, d.Pair, d.Years, Markup.Escape($"{d.Kept.ToString("0.####", inv)} ({d.KeptOrigin})"),
                    Markup.Escape($"{d.Other?.ToString("0.####", inv) ?? "none"} ({d.OtherOrigin})"));
            }
            AnsiConsole.Write(table);
            if (runs.Count > DisagreementsShown)
            {
                AnsiConsole.MarkupLine($"[grey]… {runs.Count - DisagreementsShown} more runs; every disagreement, with both sources, with --format json[/]");
            }
        }
    }

    private static string Kind(DisagreementKind kind) => kind switch
    {
        DisagreementKind.BundledVsImported => "bundled vs imported",
        DisagreementKind.ImportedVsImported => "between imports",
        _ => "absent from an import inside its years",
    };

    private static void WriteSummaryJson(PanelSummary summary, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteStartArray("actors");
        foreach (var a in summary.Spec.Actors)
        {
            w.WriteStringValue(a);
        }
        w.WriteEndArray();
        w.WriteNumber("from", summary.Spec.From);
        w.WriteNumber("to", summary.Spec.To);
        w.WriteStartArray("capability_among");
        foreach (var a in summary.Spec.ShareSet)
        {
            w.WriteStringValue(a);
        }
        w.WriteEndArray();
        w.WriteNumber("confirmed", summary.Confirmed);
        w.WriteNumber("overridden", summary.Overridden);
        w.WriteStartArray("counts");
        foreach (var c in summary.Counts)
        {
            w.WriteStartObject();
            w.WriteString("indicator", c.Name);
            w.WriteString("origin", c.Origin);
            w.WriteNumber("values", c.Values);
            w.WriteNumber("from", c.From);
            w.WriteNumber("to", c.To);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("years");
        foreach (var y in summary.Years)
        {
            w.WriteStartObject();
            w.WriteNumber("year", y.Year);
            w.WriteNumber("values", y.Values);
            w.WriteNumber("indicators", y.Indicators);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("disagreements");
        foreach (var d in summary.Disagreements)
        {
            w.WriteStartObject();
            w.WriteString("kind", d.Kind switch
            {
                DisagreementKind.BundledVsImported => "bundled-vs-imported",
                DisagreementKind.ImportedVsImported => "imported-vs-imported",
                _ => "absent-from-import",
            });
            w.WriteString("indicator", d.Kept.Name);
            w.WriteString("actor_a", d.Kept.ActorA);
            if (d.Kept.ActorB is null)
            {
                w.WriteNull("actor_b");
            }
            else
            {
                w.WriteString("actor_b", d.Kept.ActorB);
            }
            w.WriteNumber("year", d.Kept.Year);
            w.WriteNumber("kept", d.Kept.Value);
            w.WriteString("kept_origin", d.KeptOrigin);
            w.WriteString("kept_source", d.Kept.Source);
            if (d.Other is { } o)
            {
                w.WriteNumber("other", o);
            }
            else
            {
                w.WriteNull("other");
            }
            w.WriteString("other_origin", d.OtherOrigin);
            w.WriteString("other_source", d.OtherSource);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}

/// <summary><c>strata indicators show NAME</c>: one series of the stored panel, with each value's source.</summary>
public sealed class IndicatorsShowCommand : Command<IndicatorsShowCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<NAME>")]
        [Description("The indicator, e.g. rivalry.any, alliance.defense, nmc.cinc, cap.share, unga.agree, events.netcoop, events.support.")]
        public string Name { get; init; } = "";

        [CommandOption("--pair <PAIR>")]
        [Description("Only this pair: A-B in either order, A>B from A to B.")]
        public string? Pair { get; init; }

        [CommandOption("--actor <CODE>")]
        [Description("Only values of this actor (as actor A, or alone).")]
        public string? Actor { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default), csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        Dyad? pair = null;
        if (settings.Pair is not null)
        {
            if (!Dyad.TryParse(settings.Pair, out var d, out var error))
            {
                throw new UsageException($"--pair: {error}");
            }
            pair = d;
        }
        using var store = Data.Store.DuckDbEventStore.Open(settings.StorePath);
        var stored = StructuralPanel.Load(store)
            ?? throw new DataException($"no panel in the store {store.Path}; build one first with 'strata indicators build'");
        var name = settings.Name;
        if (!stored.Panel.Names.Contains(name, StringComparer.Ordinal))
        {
            throw new UsageException($"no indicator '{name}' in the stored panel; it has {string.Join(", ", stored.Panel.Names)}");
        }
        var actor = settings.Actor?.ToUpperInvariant();
        var values = stored.Panel.Series(name)
            .Where(v => pair is not { } p || (v.ActorB is not null && p.Matches(v.ActorA, v.ActorB)))
            .Where(v => actor is null || v.ActorA == actor)
            .ToList();
        string Origin(IndicatorValue v) => stored.Origins[(v.Name, v.ActorA, v.ActorB, v.Year)];
        switch (settings.Format)
        {
            case OutputFormat.Csv:
                PanelWriter.WriteCsv(values, Origin, Console.Out);
                break;
            case OutputFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    PanelWriter.WriteJson(values, Origin, stdout);
                }
                Console.WriteLine();
                break;
            default:
                var inv = CultureInfo.InvariantCulture;
                var table = new Table().Border(TableBorder.Simple);
                table.AddColumns("actor", "pair", "year", "value", "origin", "source");
                foreach (var v in values)
                {
                    table.AddRow(v.ActorA, v.ActorB ?? "", v.Year.ToString(inv), v.Value.ToString("0.######", inv), Markup.Escape(Origin(v)), Markup.Escape(v.Source));
                }
                AnsiConsole.Write(table);
                var b = stored.Build;
                AnsiConsole.MarkupLine($"[grey]{values.Count} value(s) of {Markup.Escape(name)}; panel built {b.BuiltAt.ToString("yyyy-MM-dd HH:mm", inv)} for {Markup.Escape(string.Join(",", b.Actors))} {b.From}–{b.To}; a year without a row has no value[/]");
                break;
        }
        return ExitCode.Ok;
    }
}
