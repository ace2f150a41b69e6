using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console.Cli;
using Strata.Data;
using Strata.Data.Curated;
using Strata.Data.Model;
using Strata.Model;
using Strata.Reports;

namespace Strata.Cli.Commands;

/// <summary>
/// What <c>model fit</c> and <c>scenario run</c> share beyond <see cref="ModelReport"/> (which reads the case,
/// builds the panel and fits, for the report too): output helpers.
/// </summary>
internal static class ModelRun
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
    };

    /// <summary>Builds the case's panel (bundled indicator files, imports, events) and fits the model on it.</summary>
    public static BufferValueFit Fit(Workspace workspace, BufferCase bufferCase, FitOptions options)
    {
        var build = ModelReport.BuildPanel(workspace.Store, workspace.Reference, workspace.Folder, bufferCase);
        return ModelReport.Fit(bufferCase, build.Panel, options);
    }

    /// <summary>Says on standard error that the fit is the reduced form (for outputs other than the table, which says it itself).</summary>
    public static void NoteReduced(ReducedForm? reduced, OutputFormat format)
    {
        if (reduced is not null && format != OutputFormat.Table)
        {
            Console.Error.WriteLine($"strata: note: {reduced.Explanation} {ModelReport.Remedy(reduced)}");
        }
    }

    /// <summary>The reduced form for JSON output: null when the fit had capability.</summary>
    public static object? ReducedJson(ReducedForm? reduced) => reduced is null ? null : new
    {
        CapabilityAvailable = false,
        reduced.Indicator,
        reduced.NotComputable,
        reduced.Explanation,
        Remedy = ModelReport.Remedy(reduced),
    };

    /// <summary>The reduced form's lines for a table, each starting with "Note:"; nothing when the fit had capability.</summary>
    public static void AppendReduced(StringBuilder sb, ReducedForm? reduced)
    {
        if (reduced is not null)
        {
            sb.AppendLine("Note: " + reduced.Explanation);
            sb.AppendLine("Note: " + ModelReport.Remedy(reduced));
        }
    }

    public static void Write(string? path, string text)
    {
        if (path is null)
        {
            Console.Write(text);
            return;
        }
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }
        File.WriteAllText(full, text);
        Console.Error.WriteLine($"strata: wrote {full}");
    }

    public static string F(double v, string format = "0.000") => double.IsFinite(v) ? v.ToString(format, CultureInfo.InvariantCulture) : "n/a";
}

/// <summary><c>strata model fit</c>: the buffer-value model estimated on the store's indicators.</summary>
public sealed class ModelFitCommand : Command<ModelFitCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandOption("--case <CASE>")]
        [Description("A bundled case id (data/cases/ID.yaml) or a case file. Default: korea.")]
        [DefaultValue("korea")]
        public string Case { get; init; } = "korea";

        [CommandOption("--outcome <NAME>")]
        [Description("The case's outcome to fit (for korea: arms, from imported SIPRI data; aid, from the events). Default: the first the store has.")]
        public string? Outcome { get; init; }

        [CommandOption("--bootstrap <N>")]
        [Description("Moving-block bootstrap replicates for the intervals (default 500; 0 for none).")]
        [DefaultValue(500)]
        public int Bootstrap { get; init; } = 500;

        [CommandOption("--seed <S>")]
        [Description("Seed of the bootstrap (default 1): the same seed gives the same answer.")]
        [DefaultValue(1)]
        public int Seed { get; init; } = 1;

        [CommandOption("--format <FORMAT>")]
        [Description("table (default) or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the output to FILE instead of the terminal.")]
        public string? Out { get; init; }

        [CommandOption("--chart <FILE.svg>")]
        [Description("Also write the observed-versus-fitted chart, with the phases shaded, as a standalone SVG.")]
        public string? Chart { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Bootstrap < 0 || settings.Format == OutputFormat.Csv)
        {
            throw new UsageException(settings.Bootstrap < 0 ? "--bootstrap must be 0 or more" : "model fit writes --format table or json");
        }
        using var workspace = Workspace.Open(settings);
        var bufferCase = ModelReport.ReadCase(settings.Case, workspace.Folder);
        var fit = ModelRun.Fit(workspace, bufferCase, new FitOptions { Outcome = settings.Outcome, Bootstrap = settings.Bootstrap, Seed = settings.Seed });
        ModelRun.NoteReduced(fit.Reduced, settings.Format);
        ModelRun.Write(settings.Out, settings.Format == OutputFormat.Json ? JsonSerializer.Serialize(ToJson(fit), ModelRun.Json) + "\n" : Table(fit));
        if (settings.Chart is { } chart)
        {
            ModelRun.Write(chart, ModelFitChart.Render(fit));
        }
        return ExitCode.Ok;
    }

    private static object ToJson(BufferValueFit fit) => new
    {
        Case = fit.Case.Id,
        Outcome = fit.Outcome.Name,
        fit.Outcome.Indicator,
        fit.Lag,
        fit.Eta,
        fit.Rows,
        CapabilityAvailable = fit.Reduced is null,
        ReducedForm = ModelRun.ReducedJson(fit.Reduced),
        Bootstrap = fit.Options.Bootstrap,
        fit.Options.Seed,
        fit.Parameters,
        Advanced = fit.Advanced is { } a ? new { a.Indicator, a.Events, a.Rows, a.Parameters, a.LogLikelihood, a.BaseRateLogLikelihood } : null,
        LagChoices = fit.Lags,
        fit.InSample,
        Validation = fit.Validation,
        Phases = fit.Phases.Select(p => new
        {
            p.Phase.Id,
            p.Phase.Title,
            Years = p.Phase.Years.ToString(),
            p.Phase.Source,
            p.Observed,
            p.Model,
            p.ModelShare,
            p.Verdict,
            Conditions = p.Conditions,
        }),
        Hedging = new { fit.Hedging.MeanIndex, fit.Hedging.YearsWithRelations, fit.Hedging.YearsHedged, fit.Hedging.HedgedShare },
        Points = fit.Points,
    };

    private static string Table(BufferValueFit fit)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Buffer-value model: case {fit.Case.Id}, outcome {fit.Outcome.Name} ({fit.Outcome.Indicator}, {fit.Outcome.Transform.ToString().ToLowerInvariant()})");
        sb.AppendLine(inv, $"{fit.Rows} patron-years; lag {fit.Lag} and hostility weight η {fit.Eta} chosen by leave-one-decade-out error; {fit.Options.Bootstrap} bootstrap replicates (blocks of {fit.Options.BlockLength} years), seed {fit.Options.Seed}");
        ModelRun.AppendReduced(sb, fit.Reduced);
        sb.AppendLine();
        sb.AppendLine("Parameters (estimate, standard error, 95% bootstrap interval)");
        foreach (var p in fit.Parameters.Concat(fit.Advanced?.Parameters ?? []))
        {
            sb.AppendLine(inv, $"  {p.Name,-28} {ModelRun.F(p.Estimate),9} {ModelRun.F(p.StandardError),8}  [{ModelRun.F(p.Lower)}, {ModelRun.F(p.Upper)}]  {p.Meaning}");
        }
        if (fit.Advanced is null)
        {
            sb.AppendLine(inv, $"  (no advanced-technology part: the store has no {fit.Case.Advanced?.Indicator ?? "advanced-technology indicator"} from a patron to {fit.Case.Client})");
        }
        sb.AppendLine();
        sb.AppendLine("Lag and η (leave-one-decade-out RMSE of the structural model)");
        foreach (var l in fit.Lags)
        {
            sb.AppendLine(inv, $"  lag {l.Lag}  η {l.Eta,-4} {ModelRun.F(l.Rmse)}{(l.Chosen ? "  chosen" : "")}");
        }
        sb.AppendLine();
        sb.AppendLine("Out-of-sample error, leaving one decade out (y scale)");
        sb.AppendLine("  model        patron    n     RMSE     MAE");
        foreach (var v in fit.Validation)
        {
            sb.AppendLine(inv, $"  {v.Model,-12} {v.Patron,-6} {v.N,4} {ModelRun.F(v.Rmse),8} {ModelRun.F(v.Mae),7}");
        }
        foreach (var m in fit.Reduced?.NotComputable ?? [])
        {
            sb.AppendLine(inv, $"  {m,-12} not computable: no {fit.Reduced!.Indicator} in the panel");
        }
        sb.AppendLine();
        sb.AppendLine("In-sample fit");
        foreach (var f in fit.InSample)
        {
            sb.AppendLine(inv, $"  {f.Model,-12} parameters {f.Parameters}  log-likelihood {ModelRun.F(f.LogLikelihood, "0.0")}  AIC {ModelRun.F(f.Aic, "0.0")}  R² {ModelRun.F(f.RSquared)}");
        }
        sb.AppendLine();
        sb.AppendLine("The commentary's phases (observed: the data; model: fitted E[y], reproduced in ≥ half of the bootstrap replicates)");
        foreach (var p in fit.Phases)
        {
            sb.AppendLine(inv, $"  {p.Phase.Years,-10} {p.Phase.Title}: {ModelFitChart.Describe(p.Verdict)} (model in {p.ModelShare:P0} of replicates)");
            foreach (var c in p.Conditions)
            {
                sb.AppendLine(inv, $"             {c.Condition}: {c.Detail}");
            }
        }
        var skipped = fit.Case.Phases.Count(p => p.Outcome != fit.Outcome.Name);
        if (skipped > 0)
        {
            sb.AppendLine(inv, $"  ({skipped} phase(s) concern other outcomes; fit them with --outcome)");
        }
        sb.AppendLine();
        var h = fit.Hedging;
        var relations = h.HedgedShare is { } share
            ? $"relations with the less-supportive patron non-negative in {h.YearsHedged} of {h.YearsWithRelations} years with event data ({share:P0})"
            : "no event data on the client's relations with its patrons";
        sb.AppendLine(inv, $"Hedging: mean balance of support between patrons {ModelRun.F(h.MeanIndex, "0.00")} (1 = equal, 0 = one patron) over {h.Years.Count} years with support; {relations}");
        return sb.ToString();
    }
}

/// <summary><c>strata scenario run</c>: Monte Carlo projection of a scenario file.</summary>
public sealed class ScenarioRunCommand : Command<ScenarioRunCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("A scenario file, or the id of a bundled one (data/scenarios/ID.yaml: status-quo, alignment-tipping-point, us-decline, armenia-path).")]
        public string File { get; init; } = "";

        [CommandOption("--draws <N>")]
        [Description("Monte Carlo draws per year. Default: the file's (100000 for the bundled scenarios).")]
        public int? Draws { get; init; }

        [CommandOption("--seed <S>")]
        [Description("Seed of the Monte Carlo draws. Default: the file's. The same seed gives the same output.")]
        public int? Seed { get; init; }

        [CommandOption("--outcome <NAME>")]
        [Description("Project this outcome of the case instead of the file's.")]
        public string? Outcome { get; init; }

        [CommandOption("--bootstrap <N>")]
        [Description("Bootstrap replicates of the fit the draws take their parameters from (default 500).")]
        [DefaultValue(500)]
        public int Bootstrap { get; init; } = 500;

        [CommandOption("--format <FORMAT>")]
        [Description("table (default), csv or json.")]
        [DefaultValue(OutputFormat.Table)]
        public OutputFormat Format { get; init; } = OutputFormat.Table;

        [CommandOption("-o|--out <FILE>")]
        [Description("Write the output to FILE instead of the terminal.")]
        public string? Out { get; init; }

        [CommandOption("--chart <FILE.svg>")]
        [Description("Also write the fan chart of support and P(advanced) as a standalone SVG.")]
        public string? Chart { get; init; }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (settings.Draws is < 1 || settings.Bootstrap < 0)
        {
            throw new UsageException("--draws must be at least 1 and --bootstrap 0 or more");
        }
        using var workspace = Workspace.Open(settings);
        var path = ModelReport.ResolveScenario(settings.File, workspace.Folder);
        var (scenario, bufferCase) = ScenarioReader.Read(path, id => ModelReport.ReadCase(id, workspace.Folder));
        var outcome = settings.Outcome ?? scenario.Outcome;
        var fit = ModelRun.Fit(workspace, bufferCase, new FitOptions { Outcome = outcome, Bootstrap = settings.Bootstrap, Seed = scenario.Seed });
        var result = ModelReport.RunScenario(scenario, path, fit, settings.Draws, settings.Seed);
        ModelRun.NoteReduced(result.Reduced, settings.Format);
        foreach (var c in result.Ignored)
        {
            Console.Error.WriteLine($"strata: note: change '{c}' has no effect: the model was fitted without {c.Indicator}");
        }
        var text = settings.Format switch
        {
            OutputFormat.Json => JsonSerializer.Serialize(ToJson(result), ModelRun.Json) + "\n",
            OutputFormat.Csv => Csv(result),
            _ => Table(result),
        };
        ModelRun.Write(settings.Out, text);
        if (settings.Chart is { } chart)
        {
            ModelRun.Write(chart, ScenarioChart.Render(result));
        }
        return ExitCode.Ok;
    }

    private static object ToJson(ScenarioResult r) => new
    {
        Scenario = r.Scenario.Id,
        r.Scenario.Title,
        Case = r.Case.Id,
        Outcome = r.Outcome.Name,
        r.Outcome.Indicator,
        Horizon = r.Scenario.Horizon.ToString(),
        r.Draws,
        r.Seed,
        r.ParameterDraws,
        CapabilityAvailable = r.Reduced is null,
        ReducedForm = ModelRun.ReducedJson(r.Reduced),
        Changes = r.Scenario.Changes.Select(c => c.ToString()),
        IgnoredChanges = r.Ignored.Select(c => c.ToString()),
        Triangle = r.Triangle,
        Years = r.Years.Select(y => new
        {
            y.Year,
            Patrons = y.Patrons,
            Configurations = y.Configurations.ToDictionary(c => ConfigName(c.Key), c => c.Value),
        }),
    };

    private static string ConfigName(TriangleConfiguration c) => c switch
    {
        TriangleConfiguration.MenageATrois => "menage-a-trois",
        TriangleConfiguration.RomanticTriangle => "romantic-triangle",
        TriangleConfiguration.StableMarriage => "stable-marriage",
        _ => "unit-veto",
    };

    private static string Csv(ScenarioResult r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine("scenario,year,patron,mean,median,p05,p95,p_support,p_advanced,value,threat,p_menage_a_trois,p_romantic_triangle,p_stable_marriage,p_unit_veto");
        foreach (var y in r.Years)
        {
            foreach (var p in y.Patrons)
            {
                double C(TriangleConfiguration c) => y.Configurations.GetValueOrDefault(c, double.NaN);
                sb.AppendLine(string.Join(',', r.Scenario.Id, y.Year.ToString(inv), p.Patron, R(p.Mean), R(p.Median), R(p.P05), R(p.P95), R(p.ProbabilitySupport),
                    p.ProbabilityAdvanced is { } a ? R(a) : "", R(p.Value), R(p.Threat), R(C(TriangleConfiguration.MenageATrois)), R(C(TriangleConfiguration.RomanticTriangle)),
                    R(C(TriangleConfiguration.StableMarriage)), R(C(TriangleConfiguration.UnitVeto))));
            }
        }
        return sb.ToString();
    }

    private static string R(double v) => double.IsFinite(v) ? v.ToString("R", CultureInfo.InvariantCulture) : "";

    private static string Table(ScenarioResult r)
    {
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"Scenario {r.Scenario.Id}: {r.Scenario.Title}");
        sb.AppendLine(inv, $"Case {r.Case.Id}, outcome {r.Outcome.Name} ({r.Outcome.Indicator}{(r.Outcome.Unit.Length > 0 ? $", {r.Outcome.Unit}" : "")}), {r.Scenario.Horizon}; {r.Draws:N0} draws over {r.ParameterDraws} bootstrap parameter vectors, seed {r.Seed}");
        foreach (var c in r.Scenario.Changes)
        {
            sb.AppendLine(inv, $"  change: {c}{(r.Ignored.Contains(c) ? $" (no effect: the model was fitted without {c.Indicator})" : "")}");
        }
        ModelRun.AppendReduced(sb, r.Reduced);
        if (r.Scenario.Changes.Count == 0)
        {
            sb.AppendLine("  no changes: every input carried forward from the last observed year");
        }
        sb.AppendLine();
        var patrons = r.Case.PatronActors;
        sb.Append("year ");
        foreach (var p in patrons)
        {
            sb.Append(inv, $"| {p + ": mean  P(>0)  median [5%, 95%]",-40} {"P(adv)",7} ");
        }
        sb.AppendLine(r.Triangle.Count == 3 ? $"| P(ménage, romantic, marriage, veto) of {string.Join("–", r.Triangle)}" : "");
        foreach (var y in r.Years)
        {
            sb.Append(inv, $"{y.Year} ");
            foreach (var p in y.Patrons)
            {
                var cell = $"{ModelRun.F(p.Mean, "0.00"),9} {ModelRun.F(p.ProbabilitySupport, "0.00"),5}  {ModelRun.F(p.Median, "0.##")} [{ModelRun.F(p.P05, "0.##")}, {ModelRun.F(p.P95, "0.##")}]";
                sb.Append(inv, $"| {cell,-40} {(p.ProbabilityAdvanced is { } a ? ModelRun.F(a, "0.000") : "n/a"),7} ");
            }
            if (y.Configurations.Count == 4)
            {
                sb.Append(inv, $"| {ModelRun.F(y.Configurations[TriangleConfiguration.MenageATrois], "0.00")} {ModelRun.F(y.Configurations[TriangleConfiguration.RomanticTriangle], "0.00")} {ModelRun.F(y.Configurations[TriangleConfiguration.StableMarriage], "0.00")} {ModelRun.F(y.Configurations[TriangleConfiguration.UnitVeto], "0.00")}");
            }
            sb.AppendLine();
        }
        return sb.ToString();
    }
}
