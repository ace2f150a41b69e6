using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Ach;
using Strata.Data;
using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Reports;

namespace Strata.Cli.Commands;

/// <summary>The output formats of <c>strata ach run</c>.</summary>
public enum AchFormat
{
    Table,
    Json,
    Markdown,
    Svg,
}

public sealed class AchRunCommand : Command<AchRunCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The ACH case file (YAML; format in docs/ach.md), or the name of a bundled case such as strain-2023-2025.")]
        public string File { get; init; } = "";

        [CommandOption("-f|--format <FORMAT>")]
        [Description("table (default): the ranking, matrix, sensitivity and timing working on the terminal; json; markdown; or svg (the matrix as a self-contained chart).")]
        [DefaultValue(AchFormat.Table)]
        public AchFormat Format { get; init; } = AchFormat.Table;

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the result to this file instead of the terminal: JSON with --format json, SVG with --format svg, else Markdown.")]
        public string? Out { get; init; }

        [CommandOption("--dataset <NAME>")]
        [Description("Data sets the series of timing checks and series links are built from (repeat). Default: all in the store.")]
        public string[] Datasets { get; init; } = [];
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var path = Resolve(settings.File);
        using var workspace = Workspace.Open(settings);
        var result = AchFiles.Run(workspace.Store, workspace.Reference, path, settings.Datasets);
        if (settings.Out is not null)
        {
            using (var f = System.IO.File.Create(settings.Out))
            {
                if (settings.Format == AchFormat.Json)
                {
                    AchJson.Write(result, f);
                }
                else
                {
                    using var writer = new StreamWriter(f);
                    writer.Write(settings.Format == AchFormat.Svg ? AchMatrixChart.Render(result) : AchMarkdown.Render(result));
                }
            }
            var top = result.Scores.Top;
            Console.WriteLine($"{string.Join(" and ", top)} {(top.Count == 1 ? "ranks" : "tie")} first of {result.Matrix.Hypotheses.Count} hypotheses; written to {Path.GetFullPath(settings.Out)}");
            return ExitCode.Ok;
        }
        switch (settings.Format)
        {
            case AchFormat.Json:
                {
                    using var stdout = Console.OpenStandardOutput();
                    AchJson.Write(result, stdout);
                    stdout.Write("\n"u8);
                    break;
                }
            case AchFormat.Markdown:
                Console.Write(AchMarkdown.Render(result));
                break;
            case AchFormat.Svg:
                Console.WriteLine(AchMatrixChart.Render(result));
                break;
            default:
                WriteTable(result);
                break;
        }
        return ExitCode.Ok;
    }

    /// <summary>A file as given, or else a case shipped in the bundled data's ach folder named with or without its extension.</summary>
    private static string Resolve(string file)
    {
        if (System.IO.File.Exists(file))
        {
            return file;
        }
        var bundled = Path.Combine(DataFolder.Bundled().Root, "ach");
        foreach (var candidate in new[] { file, file + ".yaml" }.Select(f => Path.Combine(bundled, Path.GetFileName(f))))
        {
            if (System.IO.File.Exists(candidate))
            {
                return candidate;
            }
        }
        var shipped = Directory.Exists(bundled) ? Directory.EnumerateFiles(bundled, "*.yaml").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal).ToList() : [];
        throw new UsageException($"no such file: {file}{(shipped.Count > 0 ? $" (bundled cases: {string.Join(", ", shipped)})" : "")}");
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);

    private static void WriteTable(AchResult result)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = 200;
        }
        var c = result.Case;
        var hs = result.Matrix.Hypotheses;
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(c.Title)}[/]");
        AnsiConsole.WriteLine(c.Question);
        AnsiConsole.WriteLine($"Weights low/medium/high: {F(c.Weights.Low)}, {F(c.Weights.Medium)}, {F(c.Weights.High)}; an item weighs credibility × relevance.");
        AnsiConsole.WriteLine();

        var ranking = new Table().Border(TableBorder.Simple).Title("Ranking (least inconsistent first)");
        foreach (var col in new[] { "Rank", "Hypothesis", "Inconsistency", "Weighted", "Normalised", "Support", "Items" })
        {
            ranking.AddColumn(new TableColumn(col).NoWrap());
        }
        ranking.AddColumn("Title");
        foreach (var s in result.Scores.Ranking)
        {
            var h = hs.First(x => x.Id == s.HypothesisId);
            ranking.AddRow(s.Rank.ToString(CultureInfo.InvariantCulture), Markup.Escape(h.Id), s.Inconsistency.ToString(CultureInfo.InvariantCulture), F(s.Weighted),
                s.Normalised is { } n ? n.ToString("0.000", CultureInfo.InvariantCulture) : "–", F(s.Support), s.RatedItems.ToString(CultureInfo.InvariantCulture), Markup.Escape(h.Title));
        }
        AnsiConsole.Write(ranking);

        var matrix = new Table().Border(TableBorder.Simple).Title("Matrix (* computed from the data, † overridden by the analyst)");
        foreach (var col in new[] { "Evidence", "Cred.", "Rel.", "Weight", "Diag." })
        {
            matrix.AddColumn(new TableColumn(col).NoWrap());
        }
        foreach (var h in hs)
        {
            matrix.AddColumn(new TableColumn(Markup.Escape(h.Id)).Centered().NoWrap());
        }
        foreach (var row in result.Rows)
        {
            var e = row.Item;
            var d = result.DiagnosticityOf(e.Id);
            var cells = new List<string> { Markup.Escape(e.Id), RatingScale.Label(e.Credibility), RatingScale.Label(e.Relevance), F(d.Weight), d.Spread.ToString(CultureInfo.InvariantCulture) };
            cells.AddRange(hs.Select(h => Markup.Escape(AchMarkdown.CellText(e.Cells[h.Id]).Replace("\\*", "*", StringComparison.Ordinal))));
            matrix.AddRow(cells.ToArray());
        }
        AnsiConsole.Write(matrix);

        var sens = result.Sensitivity;
        AnsiConsole.MarkupLine($"[bold]Sensitivity[/] ({sens.Outcomes.Count} single changes tried): " + Markup.Escape(sens.ItemsTopHangsOn.Count == 0
            ? $"no single change alters the top-ranked hypothesis ({string.Join(", ", result.Scores.Top)})."
            : $"the top-ranked hypothesis ({string.Join(", ", result.Scores.Top)}) hangs on {string.Join(", ", sens.ItemsTopHangsOn)}."));
        foreach (var o in sens.Outcomes.Where(o => o.ChangesRanking))
        {
            var order = string.Join(", ", Enumerable.Range(0, hs.Count).OrderBy(i => o.Ranking[i]).Select(i => $"{o.Ranking[i]}. {hs[i].Id}"));
            AnsiConsole.WriteLine($"  {o.EvidenceId}: {o.Description} → {order}{(o.ChangesTop ? " (top changes)" : "")}");
        }
        AnsiConsole.WriteLine();

        foreach (var t in result.Timing)
        {
            AnsiConsole.MarkupLine($"[bold]Timing {Markup.Escape(t.LinkId)}[/] ({Markup.Escape(t.HypothesisId)}): {Markup.Escape(t.Description)}");
            foreach (var line in result.Rows.First(r => r.Item.Id == t.LinkId).Working)
            {
                AnsiConsole.WriteLine("  " + line);
            }
        }
        AnsiConsole.WriteLine();
        AnsiConsole.MarkupLine("[bold]Evidence and reasons[/]");
        foreach (var row in result.Rows.Where(r => r.Timing is null))
        {
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(row.Item.Id)}[/]: {Markup.Escape(row.Item.Description)}");
            foreach (var line in row.Working)
            {
                AnsiConsole.WriteLine("  " + line);
            }
            foreach (var h in hs)
            {
                var cell = row.Item.Cells[h.Id];
                AnsiConsole.WriteLine($"  {h.Id}: {RatingScale.Label(cell.Rating)}{(cell.Rationale.Length > 0 ? " — " + cell.Rationale : "")}");
            }
        }
    }
}
