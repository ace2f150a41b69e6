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
    config.AddCommand<SeriesCommand>("series")
        .WithDescription("A relationship series for a dyad: weighted event counts, mean Goldstein, net cooperation or quad classes by month, quarter or year.")
        .WithExample("series", "--dyad", "PRK-CHN", "--by", "year", "--measure", "netcoop")
        .WithExample("series", "--dyad", "USA-CHN", "--by", "month", "--dataset", "gdelt2", "--out", "usa-chn.parquet");
    config.AddCommand<TriangleCommand>("triangle")
        .WithDescription("Dittmer's strategic triangle of three actors by period: each tie's sign against a neutral zone derived from the data, the configuration (ménage à trois, romantic triangle, stable marriage, unit veto) and roles (pivot, wing, partner, outcast), the probability of each configuration, and the fissure between the two patrons as seen by the client.")
        .WithExample("triangle", "PRK", "CHN", "RUS", "--by", "year")
        .WithExample("triangle", "USA", "CHN", "RUS", "--by", "year", "--window", "5", "--chart", "usa-chn-rus.svg")
        .WithExample("triangle", "PRK", "CHN", "RUS", "--from", "2015", "--to", "2025", "--neutral", "0.3", "--format", "csv")
        .WithExample("triangle", "PRK", "CHN", "RUS", "--by", "quarter", "--dataset", "gdelt2", "--neutral", "0.2:0.6", "--out", "prk-chn-rus.json");
    config.AddCommand<ClassifyCommand>("classify")
        .WithDescription("Label an event or period noise, episodic deviation, structural shift or structural reversion, with its evidence.")
        .WithExample("classify", "--event", "e4-chn-prk-2024-ambassador-absent-victory-day")
        .WithExample("classify", "--dyad", "PRK-CHN", "--from", "2015", "--to", "2025")
        .WithExample("classify", "--dyad", "PRK-CHN", "--at", "2024", "--as-of", "2024-06-18");
    config.AddBranch("export", export =>
    {
        export.SetDescription("Write stored data in formats other tools read: CSV, JSON lines, Parquet.");
        export.AddCommand<ExportEventsCommand>("events")
            .WithDescription("Export curated and imported events, filtered as in 'strata events'.")
            .WithExample("export", "events", "--dataset", "gdelt2", "--out", "gdelt.parquet")
            .WithExample("export", "events", "--dyad", "PRK-CHN", "--out", "prk-chn.csv");
    });
    config.AddBranch("indicators", indicators =>
    {
        indicators.SetDescription("The yearly structural panel: rivalry, alliances, capabilities, disputes, UN voting, arms and event-based scores per actor or pair, each value with its source.");
        indicators.AddCommand<IndicatorsBuildCommand>("build")
            .WithDescription("Build the panel from the bundled indicator files (data/indicators), the structural files imported with 'strata import' and the store's events; store it and print a summary: values per indicator and source, coverage by year, disagreements between sources.")
            .WithExample("indicators", "build")
            .WithExample("indicators", "build", "--actors", "USA,RUS,CHN", "--from", "1950", "--to", "2020", "--out", "panel.parquet")
            .WithExample("indicators", "build", "--format", "json", "--no-store");
        indicators.AddCommand<IndicatorsShowCommand>("show")
            .WithDescription("Print one indicator of the stored panel, year by year, with each value's origin and source.")
            .WithExample("indicators", "show", "rivalry.any", "--pair", "USA-RUS")
            .WithExample("indicators", "show", "cap.share", "--actor", "CHN", "--format", "csv")
            .WithExample("indicators", "show", "events.support", "--pair", "CHN>PRK");
    });
    config.AddCommand<ActorsCommand>("actors")
        .WithDescription("List the actors Strata knows: codes, names over time, and codes in other systems.")
        .WithExample("actors")
        .WithExample("actors", "--format", "json");
    config.AddCommand<ReportCommand>("report")
        .WithDescription("Write the assessment of a case (default: the bundled one, data/report.yaml) as self-contained HTML, Markdown or JSON; loads the bundled chronology into the store first if needed.")
        .WithExample("report")
        .WithExample("report", "--format", "all", "--out", "out/assessment.html")
        .WithExample("report", "--case", "my-case.yaml", "--db", "team.duckdb");
    config.AddBranch("ach", ach =>
    {
        ach.SetDescription("Analysis of competing hypotheses (Heuer): a hypotheses × evidence matrix with weighted inconsistency, diagnosticity, sensitivity, and timing checks computed from the data.");
        ach.AddCommand<AchRunCommand>("run")
            .WithDescription("Score an ACH case file: rank the hypotheses by weighted inconsistency, rate each stated cause → effect link by comparing the cause's date with the detected onset of the effect, and list the items the conclusion hangs on. Exits 1 with every problem of an invalid file.")
            .WithExample("ach", "run", "strain-2023-2025")
            .WithExample("ach", "run", "data/ach/strain-2023-2025.yaml")
            .WithExample("ach", "run", "data/ach/strain-2023-2025.yaml", "--format", "markdown", "--out", "ach.md")
            .WithExample("ach", "run", "strain-2023-2025", "--format", "svg", "--out", "ach-matrix.svg")
            .WithExample("ach", "run", "my-case.yaml", "--format", "json", "--dataset", "bundled");
    });
    config.AddBranch("claims", claims =>
    {
        claims.SetDescription("Audit the checkable factual claims of an analysis (dates, sequences, quantities, onsets) against the chronology, imported indicators and series.");
        claims.AddCommand<ClaimsCheckCommand>("check")
            .WithDescription("Check every claim of a claims file and report each as supported, contradicted or not testable, with its evidence. Import SIPRI first for arms claims ('strata import sipri FILE'); the bundled chronology is loaded automatically.")
            .WithExample("claims", "check", "data/claims/jun-2025.yaml")
            .WithExample("claims", "check", "data/claims/jun-2025.yaml", "--format", "markdown", "--out", "claims.md")
            .WithExample("claims", "check", "my-claims.yaml", "--format", "json", "--fail-on-contradicted");
    });
    config.AddBranch("model", model =>
    {
        model.SetDescription("The buffer-value model: rivalry and capability → the client's value to each patron → that patron's support (docs/models/buffer-value.md).");
        model.AddCommand<ModelFitCommand>("fit")
            .WithDescription("Estimate the model on the case's panel (the bundled rivalries and treaties, imported indicators, event scores; without an imported nmc.cinc, a reduced form without capability, said in every output; import COW NMC, SIPRI and rivalry files for the full model): parameters with bootstrap intervals, the lag chosen out of sample, validation against persistence, capability-only and intercept-only baselines, the commentary's phases checked on data and model, and the client's hedging.")
            .WithExample("model", "fit")
            .WithExample("model", "fit", "--outcome", "aid", "--bootstrap", "1000", "--seed", "7")
            .WithExample("model", "fit", "--case", "my-case.yaml", "--format", "json", "--out", "fit.json", "--chart", "fit.svg");
    });
    config.AddBranch("scenario", scenario =>
    {
        scenario.SetDescription("Scenarios: declarative changes of the structural inputs over future years, projected by Monte Carlo over the model's uncertainty (docs/scenarios.md).");
        scenario.AddCommand<ScenarioRunCommand>("run")
            .WithDescription("Run a scenario file: per year and patron, support (mean, median, 5–95% band), the probability of an advanced-technology transfer, and the probabilities of the triangle's configurations.")
            .WithExample("scenario", "run", "status-quo")
            .WithExample("scenario", "run", "data/scenarios/us-decline.yaml", "--draws", "100000", "--seed", "3", "--chart", "us-decline.svg")
            .WithExample("scenario", "run", "my-scenario.yaml", "--format", "csv", "--out", "projection.csv");
    });
    config.AddBranch("cpd", cpd =>
    {
        cpd.SetDescription("Change-point detection on any numeric series (PELT, binary segmentation, optimal partitioning, BOCPD).");
        cpd.AddCommand<CpdDetectCommand>("detect")
            .WithDescription("Find the change points of a series: one number per line, or a CSV column. Prints R's convention: the last index of each segment, 1-based.")
            .WithExample("cpd", "detect", "series.txt")
            .WithExample("cpd", "detect", "monthly.csv", "--column", "goldstein", "--cost", "normal-meanvar", "--penalty", "mbic", "--format", "json")
            .WithExample("cpd", "detect", "series.txt", "--penalty", "manual", "--pen-value", "10", "--bootstrap", "200");
        cpd.AddCommand<CpdEvalCommand>("eval")
            .WithDescription("Detect the change points of a series and score them against annotated ones: TCPDBench's F1 (margin 5) and covering.")
            .WithExample("cpd", "eval", "series.txt", "--annotations", "annotations.json")
            .WithExample("cpd", "eval", "series.txt", "--annotations", "analyst1.txt", "--annotations", "analyst2.txt", "--method", "binseg", "--format", "json");
    });
});
return CliErrors.Run(app, args);
