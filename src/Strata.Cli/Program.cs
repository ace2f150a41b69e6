using Spectre.Console.Cli;
using Strata.Cli;
using Strata.Cli.Commands;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("strata");
    config.PropagateExceptions();
    config.AddExample("report");
    config.AddExample("events", "--dyad", "PRK-CHN", "--from", "2023-01", "--to", "2025-12");
    config.AddCommand<ValidateCommand>("validate")
        .WithDescription("Check curated data (actors, codebook, chronology): every problem with file, line and field.")
        .WithExample("validate")
        .WithExample("validate", "my-events.yaml");
    config.AddCommand<LoadCommand>("load")
        .WithDescription("Validate a chronology file or folder and load it into the store. Loading again replaces, never duplicates.")
        .WithExample("load", "my-events.yaml", "--dataset", "mine");
    config.AddCommand<EventsCommand>("events")
        .WithDescription("List stored events, filtered by actor, dyad, dates, level, code or text; as a table, CSV or JSON.")
        .WithExample("events", "--dyad", "PRK-CHN", "--from", "2023-01", "--to", "2025-12", "--format", "json")
        .WithExample("events", "--actor", "PRK", "--level", "structural")
        .WithExample("events", "--quad", "4", "--text", "aircraft");
    config.AddCommand<ActorsCommand>("actors")
        .WithDescription("List the actors Strata knows: codes, names over time, and codes in other systems.")
        .WithExample("actors")
        .WithExample("actors", "--format", "json");
    config.AddCommand<ReportCommand>("report")
        .WithDescription("Write the self-contained HTML report of the bundled case (loads it into the store first if needed).")
        .WithExample("report")
        .WithExample("report", "--out", "out/report.html", "--db", "team.duckdb");
    config.AddBranch("cpd", cpd =>
    {
        cpd.SetDescription("Change-point detection on any numeric series (PELT, binary segmentation, optimal partitioning, BOCPD).");
        cpd.AddCommand<CpdDetectCommand>("detect")
            .WithDescription("Find the change points of a series: one number per line, or a CSV column. Prints R's convention: the last index of each segment, 1-based.")
            .WithExample("cpd", "detect", "series.txt")
            .WithExample("cpd", "detect", "monthly.csv", "--column", "goldstein", "--cost", "normal-meanvar", "--penalty", "mbic", "--format", "json")
            .WithExample("cpd", "detect", "series.txt", "--penalty", "manual", "--pen-value", "10", "--bootstrap", "200");
    });
});
return CliErrors.Run(app, args);
