using System.ComponentModel;
using Spectre.Console.Cli;
using Strata.Reports;

namespace Strata.Cli.Commands;

public sealed class ReportCommand : Command<ReportCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("-o|--out <PATH>")]
        [Description("Where to write the HTML report. Default: strata-report.html in the current folder.")]
        [DefaultValue("strata-report.html")]
        public string Out { get; init; } = "strata-report.html";

        [CommandOption("--title <TEXT>")]
        [Description("The report's title.")]
        [DefaultValue("North Korea, China and Russia, 1945–2025: structure and episode")]
        public string Title { get; init; } = "North Korea, China and Russia, 1945–2025: structure and episode";
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
        var model = ReportBuilder.Build(workspace.Store, workspace.Reference, ReportCase.Bundled with { Title = settings.Title }, provenance);
        var output = Path.GetFullPath(settings.Out);
        var dir = Path.GetDirectoryName(output);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        File.WriteAllText(output, HtmlReport.Render(model));
        Console.WriteLine(output);
        return ExitCode.Ok;
    }
}
