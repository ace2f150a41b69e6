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
    config.AddCommand<ImportCommand>("import")
        .WithDescription("Import event data (GDELT 1.0/2.0 events and mentions, ICEWS, any CSV through a mapping) and structural files as yearly indicators (SIPRI, rivalries, COW, ATOP, UN votes) into the store: filtered while parsed, bad rows quarantined, each file all or nothing.")
        .WithExample("import", "gdelt2", "20250807233000.export.CSV", "--actors", "PRK,CHN,RUS,USA,KOR,JPN")
        .WithExample("import", "downloads/*.export.CSV.zip", "--from", "2024-01", "--max-bad", "0.1%")
        .WithExample("import", "sipri", "sipri_trade_register_prk_imports.csv");
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
});
return CliErrors.Run(app, args);
