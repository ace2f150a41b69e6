using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data.Export;
using Strata.Data.Triangles;
using Strata.Domain;
using Strata.Reports;
using Strata.Series;
using Strata.Triangles;

namespace Strata.Cli.Commands;

/// <summary><c>strata triangle A B C</c>: Dittmer's strategic triangle by period, with its continuous version and the fissure.</summary>
public sealed class TriangleCommand : Command<TriangleCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<A>")]
        [Description("First actor (the client of the fissure unless --client says otherwise), e.g. PRK.")]
        public string A { get; init; } = "";

        [CommandArgument(1, "<B>")]
        [Description("Second actor, e.g. CHN.")]
        public string B { get; init; } = "";

        [CommandArgument(2, "<C>")]
        [Description("Third actor, e.g. RUS.")]
        public string C { get; init; } = "";

        [CommandOption("-b|--by <PERIOD>")]
        [Description("month, quarter or year (default: year).")]
        [DefaultValue(Granularity.Year)]
        public Granularity By { get; init; } = Granularity.Year;

        [CommandOption("--from <DATE>")]
        [Description("First period to show (default: the start of the data). The neutral zone is still derived from all periods.")]
        public string? From { get; init; }

        [CommandOption("--to <DATE>")]
        [Description("Last period to show (default: the end of the data).")]
        public string? To { get; init; }

        [CommandOption("--neutral <ZONE>")]
        [Description("The neutral zone of a tie's score: X for [[-X, X]], or LO:HI. Default: derived from the data as ±0.5 × the median |score| of the three ties' observed periods.")]
        public string? Neutral { get; init; }

        [CommandOption("--neutral-factor <F>")]
        [Description("When the zone is derived: the share of the median |score| (default 0.5).")]
        [DefaultValue(NeutralZone.DefaultFactor)]
        public double NeutralFactor { get; init; } = NeutralZone.DefaultFactor;

        [CommandOption("--window <N>")]
        [Description("Pool each tie's events over the N periods ending with each period (default 1: the period alone).")]
        [DefaultValue(1)]
        public int Window { get; init; } = 1;

        [CommandOption("--client <ACTOR>")]
        [Description("The client for the fissure; the other two are its patrons (default: the first actor).")]
        public string? Client { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Data sets to use (repeat): 'bundled', a loaded chronology, an import such as gdelt2. Default: all.")]
        public string[] Datasets { get; init; } = [];

        [CommandOption("--unweighted")]
        [Description("Count every event once (no weighting by level or mentions).")]
        public bool Unweighted { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default), csv or json; with --out, the file's extension decides (.csv or .json).")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the periods to a file instead of the screen: .csv or .json.")]
        public string? Out { get; init; }

        [CommandOption("--chart <FILE>")]
        [Description("Also write the timeline chart as a self-contained SVG file.")]
        public string? Chart { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var codes = new[] { settings.A, settings.B, settings.C }.Select(a => a.Trim().ToUpperInvariant()).ToArray();
        if (codes.Any(c => c.Length == 0))
        {
            throw new UsageException("name three actors, e.g. strata triangle PRK CHN RUS");
        }
        if (codes.Distinct().Count() != 3)
        {
            throw new UsageException($"a triangle needs three different actors, got {string.Join(' ', codes)}");
        }
        var actors = new Triad(codes[0], codes[1], codes[2]);
        var client = 0;
        if (settings.Client is not null)
        {
            client = Array.IndexOf(codes, settings.Client.Trim().ToUpperInvariant());
            if (client < 0)
            {
                throw new UsageException($"--client: {settings.Client} is not one of {string.Join(", ", codes)}");
            }
        }
        if (settings.Window < 1)
        {
            throw new UsageException($"--window must be at least 1, was {settings.Window}");
        }
        if (!(settings.NeutralFactor >= 0) || double.IsInfinity(settings.NeutralFactor))
        {
            throw new UsageException($"--neutral-factor must be a non-negative number, was {settings.NeutralFactor}");
        }
        var zone = settings.Neutral is null ? null : ParseZone(settings.Neutral);
        var from = settings.From is null ? (DateOnly?)null : Date("--from", settings.From).Start;
        var to = settings.To is null ? (DateOnly?)null : Date("--to", settings.To).End;
        if (from > to)
        {
            throw new UsageException("--from is after --to");
        }
        var outExt = settings.Out is null ? null : Path.GetExtension(settings.Out).ToLowerInvariant();
        if (outExt is not (null or ".csv" or ".json"))
        {
            throw new UsageException($"--out: write .csv or .json, not '{outExt}'");
        }

        using var workspace = Workspace.Open(settings);
        foreach (var code in codes.Where(c => !workspace.Reference.Actors.Contains(c)))
        {
            Console.Error.WriteLine($"strata: warning: {code} is not a known actor ('strata actors' lists them); looking for events with that code anyway");
        }
        if (workspace.Store.Coverage(settings.Datasets) is null)
        {
            throw new UsageException($"no events in {(settings.Datasets.Length == 0 ? "the store" : string.Join(", ", settings.Datasets))}");
        }
        var weighting = settings.Unweighted
            ? new SeriesWeighting { Structural = 1, Conjunctural = 1, Episodic = 1, ByMentions = false }
            : new SeriesWeighting();
        var options = new TriangleOptions { Neutral = zone, NeutralFactor = settings.NeutralFactor, Window = settings.Window, Client = client, From = from, To = to };
        var result = TriangleAnalysis.Analyse(workspace.Store, actors, settings.By, options, weighting, settings.Datasets);

        if (settings.Chart is not null)
        {
            var source = settings.Datasets.Length == 0 ? "all data sets in the store" : "data sets " + string.Join(", ", settings.Datasets);
            File.WriteAllText(settings.Chart, TriangleChart.Render(result, source: source + (settings.Unweighted ? ", unweighted" : ", weighted as in 'strata series'")));
            Console.Error.WriteLine($"strata: chart written to {Path.GetFullPath(settings.Chart)}");
        }
        if (settings.Out is not null)
        {
            if (outExt == ".json")
            {
                using var f = File.Create(settings.Out);
                TriangleWriter.WriteJson(result, f);
            }
            else
            {
                using var f = new StreamWriter(settings.Out);
                TriangleWriter.WriteCsv(result, f);
            }
            Console.WriteLine($"{result.Periods.Count} periods written to {Path.GetFullPath(settings.Out)}");
            return ExitCode.Ok;
        }
        switch (settings.Format)
        {
            case OutputFormat.Csv:
                TriangleWriter.WriteCsv(result, Console.Out);
                break;
            case OutputFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    TriangleWriter.WriteJson(result, stdout);
                }
                Console.WriteLine();
                break;
            default:
                WriteTable(result);
                break;
        }
        return ExitCode.Ok;
    }

    private static void WriteTable(TriangleResult result)
    {
        if (Console.IsOutputRedirected)
        {
            // A pipe has no width; give the configurations room rather than Spectre's 80 columns.
            AnsiConsole.Profile.Width = 160;
        }
        var inv = CultureInfo.InvariantCulture;
        var actors = result.Actors;
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn(new TableColumn("Period").NoWrap());
        for (var t = 0; t < 3; t++)
        {
            table.AddColumn(new TableColumn(Markup.Escape(actors.TieLabel(t))).RightAligned().NoWrap());
        }
        table.AddColumn("configuration");
        table.AddColumn(new TableColumn("P: MàT / RT / SM / UV").RightAligned().NoWrap());
        table.AddColumn(new TableColumn($"P({Markup.Escape(result.ClientCode)} pivot)").RightAligned());
        table.AddColumn(new TableColumn($"fissure").RightAligned());
        var hidden = 0;
        foreach (var p in result.Periods)
        {
            if (p.Ties.All(t => t.Sign == TieSign.Missing))
            {
                hidden++;
                continue;
            }
            var cells = new List<string> { p.Period.Label };
            cells.AddRange(p.Ties.Select(t => t.Score is { } s
                ? $"{s.ToString("+0.00;-0.00;0.00", inv)} {Mark(t.Sign)} [grey]({t.Events.ToString("0.#", inv)})[/]"
                : "[grey]–[/]"));
            var c = p.Classification;
            cells.Add(Markup.Escape(ConfigurationCell(c, actors)));
            cells.Add(p.Probabilities is { } pr
                ? string.Join(" / ", new[] { pr.MenageATrois, pr.RomanticTriangle, pr.StableMarriage, pr.UnitVeto }.Select(x => x.ToString("0.00", inv)))
                : "[grey]–[/]");
            cells.Add(p.ClientPivotProbability?.ToString("0.00", inv) ?? "[grey]–[/]");
            cells.Add(p.Fissure?.ToString("0.00", inv) ?? "[grey]–[/]");
            table.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(table);
        var (pp, pq) = result.Patrons;
        // Plain lines, not Spectre markup: a pipe gets them whole rather than wrapped at the console width.
        Console.WriteLine(
            $"{actors}, by {result.Granularity.ToString().ToLowerInvariant()}{(result.Window > 1 ? $", ties pooled over {result.Window} periods" : "")}. " +
            $"Tie = net cooperation (−1..1), sign + / 0 / − against the neutral zone [{result.Zone.Lower.ToString("0.###", inv)}, {result.Zone.Upper.ToString("0.###", inv)}] " +
            $"({result.Zone.Derivation}); (n) = events; – = no events.");
        Console.WriteLine(
            $"P = probabilities of ménage à trois / romantic triangle / stable marriage / unit veto from each tie's posterior, ties independent; " +
            $"fissure = hostility {actors[pp]}–{actors[pq]} × {result.ClientCode}'s room with both (docs/triangles.md). " +
            "? = undetermined: a tie is neutral or missing, and the configurations it allows are listed (all of them in --format csv|json).");
        var tally = result.Tally();
        var summary = tally.Count == 0 ? "no period with all three ties signed" : string.Join("; ", tally.Select(x => $"{x.Configuration.Brief(actors)} {x.Periods}"));
        Console.WriteLine(
            $"{result.Periods.Count} {(result.Periods.Count == 1 ? "period" : "periods")}, {result.ObservedPeriods} with all three ties observed, {result.Periods.Count(p => p.Classification.IsDetermined)} determined: {summary}." +
            (hidden > 0 ? $" {hidden} {(hidden == 1 ? "period" : "periods")} with no event on any tie {(hidden == 1 ? "is" : "are")} not shown." : ""));
    }

    /// <summary>"romantic triangle (USA pivot)"; "? ménage à trois or romantic triangle (CHN pivot)" with one unknown tie;
    /// "? 2 ties missing" with more (the full list is in the CSV and JSON).</summary>
    private static string ConfigurationCell(TriangleClassification c, Triad actors)
    {
        if (c.IsDetermined)
        {
            return c.Configuration!.Brief(actors);
        }
        if (c.Candidates.Count <= 2)
        {
            return "? " + string.Join(" or ", c.Candidates.Select(x => x.Brief(actors)));
        }
        var neutral = c.Signs.Count(s => s == TieSign.Neutral);
        var missing = c.Signs.Count(s => s == TieSign.Missing);
        var parts = new List<string>();
        if (neutral > 0)
        {
            parts.Add($"{neutral} neutral");
        }
        if (missing > 0)
        {
            parts.Add($"{missing} missing");
        }
        return $"? {string.Join(", ", parts)} ({c.Candidates.Count} candidates)";
    }

    private static string Mark(TieSign sign) => sign switch
    {
        TieSign.Positive => "+",
        TieSign.Negative => "−",
        _ => "0",
    };

    private static NeutralZone ParseZone(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        var parts = text.Split(':');
        bool Parse(string s, out double v) => double.TryParse(s.Trim(), NumberStyles.Float, inv, out v) && double.IsFinite(v);
        if (parts.Length == 1 && Parse(parts[0], out var half) && half is >= 0 and < 1)
        {
            return NeutralZone.Symmetric(half);
        }
        if (parts.Length == 2 && Parse(parts[0], out var lo) && Parse(parts[1], out var hi) && lo <= hi && lo >= -1 && hi <= 1)
        {
            return NeutralZone.Between(lo, hi);
        }
        throw new UsageException($"--neutral: expected a half-width X in [0, 1) or LO:HI with -1 <= LO <= HI <= 1, got '{text}'");
    }

    private static PartialDate Date(string option, string text) =>
        PartialDate.TryParse(text, out var d, out var e) ? d : throw new UsageException($"{option}: {e}");
}
