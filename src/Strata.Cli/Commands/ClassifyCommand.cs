using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Analysis;
using Strata.Domain;
using Strata.Series;

namespace Strata.Cli.Commands;

public sealed class ClassifyCommand : Command<ClassifyCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-e|--event <ID>")]
        [Description("Classify this event: its dyad's series is analysed and the event's period judged.")]
        public string? Event { get; init; }

        [CommandOption("-d|--dyad <PAIR>")]
        [Description("Classify periods of this dyad's series (with --at, or --from/--to for a window).")]
        public string? Dyad { get; init; }

        [CommandOption("--at <DATE>")]
        [Description("The period to judge (2024, 2024-Q3, 2024-07 …).")]
        public string? At { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("First period of a window to judge.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last period of a window to judge.")]
        public string? To { get; init; }

        [CommandOption("--as-of <DATE>")]
        [Description("Use only data up to this date, to replay a judgement as it could have been made then.")]
        public string? AsOf { get; init; }

        [CommandOption("-b|--by <PERIOD>")]
        [Description("month, quarter or year (default: year, which suits the curated chronology; month suits GDELT).")]
        [DefaultValue(Granularity.Year)]
        public Granularity By { get; init; } = Granularity.Year;

        [CommandOption("-m|--measure <MEASURE>")]
        [Description("The series judged: goldstein (default), netcoop or count.")]
        [DefaultValue(Measure.Goldstein)]
        public Measure Measure { get; init; } = Measure.Goldstein;

        [CommandOption("--dataset <NAME>")]
        [Description("Data sets the series is built from (repeat). Default: all.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var workspace = Workspace.Open(settings);
        Dyad dyad;
        Event? ev = null;
        if (settings.Event is not null)
        {
            var found = workspace.Store.Query(new EventFilter { Ids = [settings.Event] });
            ev = found.Count > 0 ? found[0] : throw new UsageException($"--event: no event with id '{settings.Event}' (list ids with 'strata events')");
            dyad = new Dyad(ev.Source, ev.Target);
        }
        else if (settings.Dyad is not null)
        {
            dyad = Domain.Dyad.TryParse(settings.Dyad, out var d, out var error) ? d : throw new UsageException($"--dyad: {error}");
        }
        else
        {
            throw new UsageException("say what to classify: --event ID, or --dyad PAIR with --at DATE or --from/--to");
        }
        var seriesSettings = new SeriesCommand.Settings { Db = settings.Db, By = settings.By, Measure = settings.Measure, Datasets = settings.Datasets, To = settings.AsOf };
        var series = SeriesCommand.Compute(workspace, dyad, seriesSettings);
        if (series.Points.Count == 0)
        {
            throw new UsageException("the series is empty");
        }
        var options = ClassifierOptions.For(settings.By);
        var analysis = SeriesAnalysis.Run(series.Values(), options);
        var indices = Targets(settings, series, ev);
        var results = indices.Select(i => (Period: series.Points[i].Period, Result: analysis.Classify(i))).ToList();
        if (settings.Format == OutputFormat.Json)
        {
            WriteJson(series, analysis, results, ev);
        }
        else
        {
            WriteTable(series, analysis, results, ev);
        }
        return ExitCode.Ok;
    }

    private static List<int> Targets(Settings s, RelationSeries series, Event? ev)
    {
        int IndexOf(DateOnly day, string what)
        {
            var i = series.Points.ToList().FindIndex(p => p.Period.Start <= day && day <= p.Period.End);
            return i >= 0 ? i : throw new UsageException($"{what}: {day:yyyy-MM-dd} is outside the series ({series.Points[0].Period.Label} to {series.Points[^1].Period.Label}; see --as-of)");
        }
        PartialDate Date(string option, string text) =>
            PartialDate.TryParse(text, out var d, out var e) ? d : throw new UsageException($"{option}: {e}");
        if (ev is not null)
        {
            return [IndexOf(ev.Date.Midpoint, "the event's date")];
        }
        if (s.At is not null)
        {
            return [IndexOf(Date("--at", s.At).Midpoint, "--at")];
        }
        if (s.From is not null || s.To is not null)
        {
            var from = s.From is null ? 0 : IndexOf(Date("--from", s.From).Start, "--from");
            var to = s.To is null ? series.Points.Count - 1 : IndexOf(Date("--to", s.To).End, "--to");
            return Enumerable.Range(from, Math.Max(0, to - from + 1)).ToList();
        }
        throw new UsageException("with --dyad, give --at DATE or --from/--to");
    }

    private static string Label(EpisodeLabel l) => l switch
    {
        EpisodeLabel.Noise => "noise",
        EpisodeLabel.EpisodicDeviation => "episodic deviation",
        EpisodeLabel.StructuralShift => "structural shift",
        _ => "structural reversion",
    };

    private static string F(double? v) => v?.ToString("0.##", CultureInfo.InvariantCulture) ?? "–";

    private static void WriteTable(RelationSeries series, SeriesAnalysis analysis, List<(Period Period, Classification Result)> results, Event? ev)
    {
        if (ev is not null)
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(ev.Id)}[/] ({Markup.Escape(ev.Date.Text)}): {Markup.Escape(ev.Description)}");
        }
        AnsiConsole.MarkupLine($"Series: {series.Dyad}, {series.Measure.ToString().ToLowerInvariant()} by {series.Granularity.ToString().ToLowerInvariant()}, {series.Points[0].Period.Label}–{series.Points[^1].Period.Label}; breaks at " +
            (analysis.Breaks.Count == 0 ? "none" : string.Join(", ", analysis.Breaks.Select(b => $"{series.Points[b.FirstIndexAfter].Period.Label} (strength {b.Strength:0.00})"))));
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 160;
        }
        var table = new Table().Border(TableBorder.Simple);
        foreach (var c in new[] { "Period", "Label", "Confidence", "Value", "Baseline", "Band", "Break" })
        {
            table.AddColumn(new TableColumn(c).NoWrap());
        }
        table.AddColumn("Why");
        foreach (var (period, r) in results)
        {
            var band = r.Baseline is null ? "–" : $"{F(r.Baseline.Lower)} … {F(r.Baseline.Upper)}";
            var brk = r.Break is null ? "–" : $"{series.Points[r.Break.FirstIndexAfter].Period.Label}: {F(r.Break.LevelBefore)} → {F(r.Break.LevelAfter)}";
            table.AddRow(period.Label, r.IsJudgement ? Label(r.Label) : "no judgement", r.Confidence.ToString("0.00", CultureInfo.InvariantCulture), F(r.Value), F(r.Baseline?.Level), band, Markup.Escape(brk), Markup.Escape(r.Rule));
        }
        AnsiConsole.Write(table);
    }

    private static void WriteJson(RelationSeries series, SeriesAnalysis analysis, List<(Period Period, Classification Result)> results, Event? ev)
    {
        using var stdout = Console.OpenStandardOutput();
        using var w = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        if (ev is not null)
        {
            w.WriteString("event", ev.Id);
        }
        w.WriteString("dyad", series.Dyad.ToString());
        w.WriteString("measure", series.Measure.ToString().ToLowerInvariant());
        w.WriteString("granularity", series.Granularity.ToString().ToLowerInvariant());
        w.WriteStartArray("breaks");
        foreach (var b in analysis.Breaks)
        {
            w.WriteStartObject();
            w.WriteString("period", series.Points[b.FirstIndexAfter].Period.Label);
            w.WriteString("interval", $"{series.Points[b.Lower].Period.Label}/{series.Points[b.Upper].Period.Label}");
            W(w, "strength", b.Strength);
            W(w, "level_before", b.LevelBefore);
            W(w, "level_after", b.LevelAfter);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("judgements");
        foreach (var (period, r) in results)
        {
            w.WriteStartObject();
            w.WriteString("period", period.Label);
            w.WriteString("label", r.IsJudgement ? Label(r.Label) : "no judgement");
            W(w, "confidence", r.Confidence);
            W(w, "value", r.Value);
            if (r.Baseline is not null)
            {
                W(w, "baseline", r.Baseline.Level);
                W(w, "band_lower", r.Baseline.Lower);
                W(w, "band_upper", r.Baseline.Upper);
            }
            W(w, "deviation_z", r.Deviation);
            w.WriteNumber("deviation_periods", r.DeviationDuration);
            if (r.Break is not null)
            {
                w.WriteString("break_period", series.Points[r.Break.FirstIndexAfter].Period.Label);
                W(w, "break_strength", r.Break.Strength);
            }
            w.WriteString("rule", r.Rule);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        stdout.Write("\n"u8);
    }

    private static void W(Utf8JsonWriter w, string name, double? v)
    {
        if (v is { } x && double.IsFinite(x))
        {
            w.WriteNumber(name, x);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}
