using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data.Export;
using Strata.Domain;

namespace Strata.Cli.Commands;

public sealed class EventsCommand : Command<EventsCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-a|--actor <CODE>")]
        [Description("Events in which this actor is source or target. Repeat or comma-separate for any of several.")]
        public string[] Actors { get; init; } = [];

        [CommandOption("-d|--dyad <PAIR>")]
        [Description("PRK-CHN: either acting on the other; PRK>CHN: PRK acting on CHN.")]
        public string? Dyad { get; init; }

        [CommandOption("--from <DATE>")]
        [Description("Keep events whose date overlaps the span from the start of this date (2023, 2023-07, 2023-07-27, 'early 2024').")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("... to the end of this date.")]
        public string? To { get; init; }

        [CommandOption("-l|--level <LEVEL>")]
        [Description("structural, conjunctural or episodic. Repeat or comma-separate.")]
        public string[] Levels { get; init; } = [];

        [CommandOption("-c|--code <CAMEO>")]
        [Description("A CAMEO code; matches it and the codes below it (08 matches 0871). Repeat or comma-separate.")]
        public string[] Codes { get; init; } = [];

        [CommandOption("-q|--quad <CLASS>")]
        [Description("Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.")]
        public string[] Quads { get; init; } = [];

        [CommandOption("-t|--text <WORDS>")]
        [Description("Words that must all appear in the description, id or tags (case-insensitive).")]
        public string? Text { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Only events of this data set (the bundled chronology is 'bundled').")]
        public string? Dataset { get; init; }

        [CommandOption("-n|--limit <N>")]
        [Description("At most N events, earliest first.")]
        public int? Limit { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default), csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var filter = FilterFrom(settings);
        using var workspace = Workspace.Open(settings);
        var events = workspace.Store.Query(filter);
        switch (settings.Format)
        {
            case OutputFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    EventWriter.WriteJson(events, stdout);
                }
                Console.WriteLine();
                break;
            case OutputFormat.Csv:
                EventWriter.WriteCsv(events, Console.Out);
                break;
            default:
                WriteTable(events);
                break;
        }
        return ExitCode.Ok;
    }

    internal static EventFilter FilterFrom(Settings s)
    {
        Dyad? dyad = null;
        if (s.Dyad is not null)
        {
            if (!Domain.Dyad.TryParse(s.Dyad, out var d, out var error))
            {
                throw new UsageException($"--dyad: {error}");
            }
            dyad = d;
        }
        if (s.Limit is <= 0)
        {
            throw new UsageException($"--limit: expected a positive number, got {s.Limit}");
        }
        return new EventFilter
        {
            Actors = Split(s.Actors).Select(a => a.ToUpperInvariant()).ToList(),
            Dyad = dyad,
            From = ParseDate("--from", s.From),
            To = ParseDate("--to", s.To),
            Levels = Split(s.Levels).Select(l => Enum.TryParse<EventLevel>(l, true, out var v) && !int.TryParse(l, out _)
                ? v : throw new UsageException($"--level: expected structural, conjunctural or episodic, got '{l}'")).ToList(),
            CodePrefixes = Split(s.Codes).Select(c => c.Length is >= 2 and <= 4 && c.All(char.IsAsciiDigit)
                ? c : throw new UsageException($"--code: expected a CAMEO code of 2 to 4 digits such as 08 or 0871, got '{c}'")).ToList(),
            QuadClasses = Split(s.Quads).Select(ParseQuad).ToList(),
            Text = s.Text,
            Dataset = s.Dataset,
            Limit = s.Limit,
        };
    }

    private static QuadClass ParseQuad(string q)
    {
        if (int.TryParse(q, out var n) && n is >= 1 and <= 4)
        {
            return (QuadClass)n;
        }
        if (Enum.TryParse<QuadClass>(q.Replace("-", "", StringComparison.Ordinal), true, out var v) && !int.TryParse(q, out _))
        {
            return v;
        }
        throw new UsageException($"--quad: expected 1-4 or verbal-cooperation, material-cooperation, verbal-conflict, material-conflict; got '{q}'");
    }

    private static PartialDate? ParseDate(string option, string? text)
    {
        if (text is null)
        {
            return null;
        }
        return PartialDate.TryParse(text, out var date, out var error) ? date : throw new UsageException($"{option}: {error}");
    }

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static void WriteTable(IReadOnlyList<Event> events)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe has no width; give the descriptions room rather than Spectre's 80 columns.
            AnsiConsole.Profile.Width = 160;
        }
        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(new TableColumn("Date").NoWrap());
        table.AddColumn(new TableColumn("Source → target").NoWrap());
        table.AddColumn(new TableColumn("Level").NoWrap());
        table.AddColumn(new TableColumn("Event"));
        foreach (var e in events)
        {
            var who = $"{e.Source} → {e.Target}" + (e.Witnesses.Count > 0 ? $"\n[grey](+{string.Join(",", e.Witnesses)})[/]" : "");
            table.AddRow(
                new Markup(Markup.Escape(e.Date.Text.Replace("/", "/\n", StringComparison.Ordinal))),
                new Markup(who),
                new Markup(e.Level.ToString().ToLowerInvariant()),
                new Markup($"{Markup.Escape(e.Description)}\n[grey]{Markup.Escape(e.Id)} · CAMEO {e.Code} · {e.Sources.Count} source(s)[/]"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{events.Count} event(s)[/]");
    }
}
