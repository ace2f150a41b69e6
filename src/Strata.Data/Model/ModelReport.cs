using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Data.Structure;
using Strata.Model;
using Strata.Structure;

namespace Strata.Data.Model;

/// <summary>One scenario of a <see cref="ModelReport.Run"/>: its result, or why it could not be run.</summary>
/// <param name="Reference">The id or path the caller gave.</param>
public sealed record ScenarioRun(string Reference, ScenarioResult? Result, string? NotRun);

/// <summary>
/// What <see cref="ModelReport.Run"/> produced: the fit (or <see cref="NotFitted"/>, the reason it could not be
/// fitted), the scenarios' results, and the summary of the panel both were built on.
/// </summary>
public sealed record ModelReportResult(
    BufferCase? Case, BufferValueFit? Fit, string? NotFitted, IReadOnlyList<ScenarioRun> Scenarios, PanelSummary? Panel)
{
    /// <summary>Plain sentences every output of the fit must carry: the reduced form and how to lift it.</summary>
    public IReadOnlyList<string> Notes => Fit?.Reduced is { } r ? [r.Explanation, ModelReport.Remedy(r)] : [];
}

/// <summary>
/// The buffer-value model run from a store, as the command line (<c>strata model fit</c>, <c>strata scenario
/// run</c>) and the report use it: one way to build the model's panel (<see cref="StructuralPanel.Build(DuckDbEventStore, ReferenceData, DataFolder, PanelSpec)"/>
/// over the case's actors and years: the bundled cited indicator files, the imported indicators and the event
/// scores), one way to fit and to run scenarios.
/// </summary>
public static class ModelReport
{
    /// <summary>
    /// The panel a case needs: its client, patrons, rivals and bloc members, over its years from the largest lag
    /// of its outcomes before its first year (a lagged input of the first year) to its last.
    /// </summary>
    public static PanelSpec SpecOf(BufferCase bufferCase)
    {
        Check.NotNull(bufferCase);
        var actors = new List<string> { bufferCase.Client };
        foreach (var p in bufferCase.Patrons)
        {
            actors.Add(p.Actor);
            actors.AddRange(p.Rivals);
        }
        foreach (var (rival, allies) in bufferCase.Blocs)
        {
            actors.Add(rival);
            actors.AddRange(allies);
        }
        var lag = bufferCase.Outcomes.Max(o => o.Lags.Max());
        return new PanelSpec(actors.Distinct(StringComparer.Ordinal).ToList(), Math.Max(1, bufferCase.Years.From - lag), bufferCase.Years.To);
    }

    /// <summary>Builds the case's panel from the data folder's indicator files and the store.</summary>
    public static PanelBuild BuildPanel(DuckDbEventStore store, ReferenceData reference, DataFolder folder, BufferCase bufferCase) =>
        StructuralPanel.Build(store, reference, folder, SpecOf(bufferCase));

    /// <summary>Reads a case given as a bundled id (<c>data/cases/ID.yaml</c>) or a path.</summary>
    public static BufferCase ReadCase(string pathOrId, DataFolder folder) => CaseReader.Read(CaseReader.Resolve(pathOrId, folder));

    /// <summary>The path of a scenario given as a file or the id of a bundled one (<c>data/scenarios/ID.yaml</c>); throws when neither exists.</summary>
    public static string ResolveScenario(string pathOrId, DataFolder folder)
    {
        Check.NotBlank(pathOrId);
        Check.NotNull(folder);
        if (File.Exists(pathOrId))
        {
            return pathOrId;
        }
        var bundled = Path.Combine(folder.Root, "scenarios", pathOrId + ".yaml");
        return File.Exists(bundled) ? bundled
            : throw new DataException($"no scenario file '{pathOrId}' (neither a file nor a bundled scenario in {CuratedData.Display(Path.Combine(folder.Root, "scenarios"))})");
    }

    /// <summary>Fits the model on a built panel; a panel that cannot support the fit is a <see cref="DataException"/> saying what is missing.</summary>
    public static BufferValueFit Fit(BufferCase bufferCase, IndicatorPanel panel, FitOptions options)
    {
        try
        {
            return BufferValueModel.Fit(bufferCase, panel, options);
        }
        catch (ModelInputException e)
        {
            throw new DataException(e.Message + " (see 'strata import --help' for SIPRI, rivalry and COW files)");
        }
    }

    /// <summary>Runs a scenario on a fit; a scenario the fit cannot project is a <see cref="DataException"/> naming the file.</summary>
    public static ScenarioResult RunScenario(Scenario scenario, string path, BufferValueFit fit, int? draws, int? seed)
    {
        try
        {
            return ScenarioRunner.Run(scenario, fit, draws, seed);
        }
        catch (ModelInputException e)
        {
            throw new DataException($"{CuratedData.Display(path)}: {e.Message}");
        }
    }

    /// <summary>How to give the model its capability input: the import that adds the missing indicator.</summary>
    public static string Remedy(ReducedForm reduced)
    {
        Check.NotNull(reduced);
        return reduced.Indicator.StartsWith("nmc.", StringComparison.Ordinal)
            ? $"To add {reduced.Indicator}, import the Correlates of War National Material Capabilities file (v7.0 CSV): strata import cow-nmc FILE; then fit again."
            : $"To add {reduced.Indicator}, import a file that provides it (see 'strata import --help'); then fit again.";
    }

    /// <summary>
    /// Fits the case and runs the scenarios on one panel, for the report: the fit of <paramref name="outcome"/>
    /// (null: the first outcome the panel records), then each scenario on the fit of its own outcome (fitted once
    /// per outcome, with <paramref name="bootstrap"/> replicates and <paramref name="seed"/>), with
    /// <paramref name="draws"/> Monte Carlo draws per year and the same seed. Data problems do not throw: they
    /// become <see cref="ModelReportResult.NotFitted"/> or <see cref="ScenarioRun.NotRun"/>.
    /// </summary>
    public static ModelReportResult Run(
        DuckDbEventStore store, ReferenceData reference, DataFolder folder, string caseId, IReadOnlyList<string> scenarioPaths,
        int bootstrap = 200, int draws = 20_000, int seed = 1, string? outcome = null)
    {
        Check.NotNull(store);
        Check.NotNull(reference);
        Check.NotNull(folder);
        Check.NotBlank(caseId);
        Check.NotNull(scenarioPaths);
        Check.AtLeast(bootstrap, 0);
        Check.AtLeast(draws, 1);
        BufferCase bufferCase;
        PanelBuild build;
        try
        {
            bufferCase = ReadCase(caseId, folder);
            build = BuildPanel(store, reference, folder, bufferCase);
        }
        catch (DataException e)
        {
            return new ModelReportResult(null, null, Reason(e), [], null);
        }
        var fits = new Dictionary<string, (BufferValueFit? Fit, string? Problem)>(StringComparer.Ordinal);
        (BufferValueFit? Fit, string? Problem) FitOf(string? name)
        {
            var key = name ?? "";
            if (!fits.TryGetValue(key, out var f))
            {
                try
                {
                    f = (Fit(bufferCase, build.Panel, new FitOptions { Outcome = name, Bootstrap = bootstrap, Seed = seed }), null);
                }
                catch (DataException e)
                {
                    f = (null, Reason(e));
                }
                fits[key] = f;
            }
            return f;
        }
        var main = FitOf(outcome);
        var runs = new List<ScenarioRun>();
        foreach (var given in scenarioPaths)
        {
            try
            {
                var path = ResolveScenario(given, folder);
                var (scenario, scenarioCase) = ScenarioReader.Read(path, id => ReadCase(id, folder));
                if (scenarioCase.Id != bufferCase.Id)
                {
                    runs.Add(new ScenarioRun(given, null, $"the scenario is of case '{scenarioCase.Id}', not '{bufferCase.Id}'"));
                    continue;
                }
                var (fit, problem) = FitOf(scenario.Outcome ?? main.Fit?.Outcome.Name ?? outcome);
                runs.Add(fit is null ? new ScenarioRun(given, null, problem) : new ScenarioRun(given, RunScenario(scenario, path, fit, draws, seed), null));
            }
            catch (DataException e)
            {
                runs.Add(new ScenarioRun(given, null, Reason(e)));
            }
        }
        return new ModelReportResult(bufferCase, main.Fit, main.Problem, runs, build.Summary);
    }

    private static string Reason(DataException e) =>
        e.Issues.Count == 0 ? e.Message : e.Message + ": " + string.Join("; ", e.Issues.Select(i => i.ToString()));
}
