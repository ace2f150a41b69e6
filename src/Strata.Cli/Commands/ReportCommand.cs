using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Strata.Data.Curated;
using Strata.Reports;

namespace Strata.Cli.Commands;

public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--out <PATH>")]
        [Description("Where to write the report. Default: strata-report.html (or .md / .json for those formats) in the current folder. With --format all, the path's extension is replaced for each format.")]
        public string? Out { get; init; }

        [CommandOption("-f|--format <FORMAT>")]
        [Description("html (self-contained, offline, printable; the default), markdown, json, or all three.")]
        [DefaultValue("html")]
        public string Format { get; init; } = "html";

        public override ValidationResult Validate() =>
            Format is "html" or "markdown" or "md" or "json" or "all"
                ? base.Validate()
                : ValidationResult.Error($"--format must be html, markdown, json or all, not '{Format}'");

        [CommandOption("--case <FILE>")]
        [Description("The case to report on: a YAML file naming the dyads, the events to judge and the timing claims to test. Default: the bundled case, data/report.yaml.")]
        public string? Case { get; init; }

        [CommandOption("--title <TEXT>")]
        [Description("The report's title. Default: the case's title.")]
        public string? Title { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var workspace = Workspace.Open(settings);
        var datasets = workspace.Store.Datasets();
        var provenance = new List<string>
        {
            $"Store: {workspace.Store.Path} (schema version {workspace.Store.SchemaVersion})",
        };
        provenance.AddRange(datasets.Select(d => $"Data set '{d.Name}' ({d.Kind}): {d.EventCount} events from {d.Path}, content SHA-256 {d.ContentHash[..12]}…, loaded {d.LoadedAt:yyyy-MM-dd HH:mm} UTC"));
        provenance.AddRange(workspace.Store.ImportedCounts().Select(p => $"Imported data set '{p.Key}': {p.Value:N0} events"));
        var casePath = settings.Case ?? workspace.Folder.ReportCasePath;
        var reportCase = ReportCaseReader.Require(casePath, workspace.Reference.Actors);
        provenance.Insert(0, $"Case: {Path.GetFullPath(casePath)}");
        var model = ReportBuilder.Build(workspace.Store, workspace.Reference, settings.Title is null ? reportCase : reportCase with { Title = settings.Title }, provenance, workspace.Folder);
        string[] formats = settings.Format switch
        {
            "all" => ["html", "markdown", "json"],
            "md" => ["markdown"],
            var f => [f],
        };
        foreach (var format in formats)
        {
            var extension = format switch { "markdown" => ".md", "json" => ".json", _ => ".html" };
            var output = Path.GetFullPath(settings.Out is null ? "strata-report" + extension
                : formats.Length > 1 ? Path.ChangeExtension(settings.Out, extension) : settings.Out);
            var dir = Path.GetDirectoryName(output);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
            File.WriteAllText(output, format switch
            {
                "markdown" => MarkdownReport.Render(model),
                "json" => JsonReport.Render(model),
                _ => HtmlReport.Render(model),
            });
            Console.WriteLine(output);
        }
        return ExitCode.Ok;
    }
}
