using Strata.Analysis;
using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Series;

namespace Strata.Reports;

/// <summary>
/// Gathers a report's content from the store with the library's analyses. The command line and (later) the web
/// call this one function, so both show the same numbers.
/// </summary>
public static class ReportBuilder
{
    public static ReportModel Build(DuckDbEventStore store, ReferenceData reference, ReportCase reportCase, IReadOnlyList<string> provenance, DataFolder? folder = null)
    {
        Check.NotNull(store);
        Check.NotNull(reference);
        Check.NotNull(reportCase);
        var events = store.Query(new EventFilter());
        var weighting = new SeriesWeighting();
        var coverage = store.Coverage([]) ?? (new DateOnly(1945, 1, 1), new DateOnly(2025, 12, 31));
        var cache = new Dictionary<(Dyad, Granularity), (RelationSeries Series, SeriesAnalysis Analysis)>();
        (RelationSeries Series, SeriesAnalysis Analysis) Analyse(Dyad dyad, Granularity granularity)
        {
            var key = (new Dyad(dyad.First, dyad.Second), granularity);
            if (!cache.TryGetValue(key, out var result))
            {
                var series = SeriesBuilder.Build(dyad, store.Atoms(dyad, weighting, []), granularity, Measure.Goldstein, coverage.From, coverage.To);
                cache[key] = result = (series, SeriesAnalysis.Run(series.Values(), ClassifierOptions.For(granularity)));
            }
            return result;
        }

        var structure = reportCase.StructuralDyads.Select(d =>
        {
            var (series, analysis) = Analyse(d, Granularity.Year);
            var title = $"{Name(reference, d.First)} – {Name(reference, d.Second)}: weighted mean Goldstein score by year";
            return new DyadStructure(title, series, analysis, analysis.Baselines());
        }).ToList();

        var judgements = events
            .Where(e => reportCase.JudgeFrom is { } from && reportCase.JudgeTo is { } to && e.Date.Overlaps(from, to))
            .Where(e => reportCase.JudgeCitingAuthor is null || e.Sources.Any(s => s.Author?.Contains(reportCase.JudgeCitingAuthor, StringComparison.Ordinal) == true))
            .Select(e =>
            {
                var (series, analysis) = Analyse(new Dyad(e.Source, e.Target), Granularity.Year);
                var index = IndexOf(series, e.Date.Midpoint);
                return new EventJudgement(e, $"{series.Dyad} by year", series.Points[index].Period.Label, analysis.Classify(index));
            })
            .ToList();

        var timing = reportCase.TimingClaims.Select(c =>
        {
            var (series, analysis) = Analyse(c.Dyad, c.Granularity);
            var starts = series.Points.Select(p => p.Period.Start).ToList();
            var ends = series.Points.Select(p => p.Period.End).ToList();
            var onset = OnsetFinder.Find(analysis, starts, ends, series.Values(), IndexOf(series, c.WindowFrom), IndexOf(series, c.WindowTo), c.Downward, c.Reference);
            return new TimingFinding(c.Claim, $"{c.Dyad} weighted mean Goldstein by {c.Granularity.ToString().ToLowerInvariant()}", c.Reference, c.ReferenceLabel, onset);
        }).ToList();

        var triangles = reportCase.Triangles
            .Select(t => Data.Triangles.TriangleAnalysis.Analyse(store, t.Actors, t.Granularity, new Triangles.TriangleOptions { Window = t.Window }))
            .ToList();

        var claims = reportCase.ClaimsPath is { } claimsPath ? Data.Claims.ClaimsCheck.Run(store, reference, claimsPath) : null;

        var ach = reportCase.AchPath is { } achPath ? AchFiles.Run(store, reference, achPath) : null;

        var structural = reportCase.Model is { } m
            ? Data.Model.ModelReport.Run(store, reference, folder ?? DataFolder.Bundled(), m.Case, m.Scenarios, m.Bootstrap, m.Draws, m.Seed, m.Outcome)
            : null;

        var model = new ReportModel
        {
            Title = reportCase.Title,
            Events = events,
            Actors = reference.Actors,
            Codebook = reference.Codebook,
            GeneratedAt = DateTimeOffset.UtcNow,
            Provenance = provenance,
            Structure = structure,
            Judgements = judgements,
            Timing = timing,
            Triangles = triangles,
            Claims = claims,
            Ach = ach,
            Model = structural,
        };
        return model with { KeyJudgements = AssessmentWriter.Write(model) };
    }

    private static int IndexOf(RelationSeries series, DateOnly day)
    {
        for (var i = 0; i < series.Points.Count; i++)
        {
            if (series.Points[i].Period.Start <= day && day <= series.Points[i].Period.End)
            {
                return i;
            }
        }
        return day < series.Points[0].Period.Start ? 0 : series.Points.Count - 1;
    }

    private static string Name(ReferenceData reference, string code) => reference.Actors.Find(code)?.Name ?? code;
}
