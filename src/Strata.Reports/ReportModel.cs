using Strata.Domain;

namespace Strata.Reports;

/// <summary>Everything the report shows, gathered by the caller (the CLI or the web) from the library.</summary>
public sealed record ReportModel
{
    public required string Title { get; init; }

    public required IReadOnlyList<Event> Events { get; init; }

    public required ActorRegistry Actors { get; init; }

    public required CameoCodebook Codebook { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Where the data came from, one line each (store path, data sets and their hashes).</summary>
    public IReadOnlyList<string> Provenance { get; init; } = [];

    /// <summary>Series with baseline, band and breaks for the structural dyads.</summary>
    public IReadOnlyList<DyadStructure> Structure { get; init; } = [];

    /// <summary>Events judged against their dyad's series.</summary>
    public IReadOnlyList<EventJudgement> Judgements { get; init; } = [];

    /// <summary>Timing claims tested against the data.</summary>
    public IReadOnlyList<TimingFinding> Timing { get; init; } = [];

    /// <summary>Strategic triangles over time.</summary>
    public IReadOnlyList<Triangles.TriangleResult> Triangles { get; init; } = [];

    /// <summary>The claims audit, when the case names a claims file.</summary>
    public Claims.ClaimsAuditResult? Claims { get; init; }

    /// <summary>The competing-hypotheses analysis, when the case names an ACH file.</summary>
    public Ach.AchResult? Ach { get; init; }

    /// <summary>The structural model's fit and scenarios, when the case names a model.</summary>
    public Data.Model.ModelReportResult? Model { get; init; }

    /// <summary>The assessment's key judgements, written from the results above by <see cref="AssessmentWriter"/>.</summary>
    public IReadOnlyList<KeyJudgement> KeyJudgements { get; init; } = [];
}

/// <summary>One dyad's series, its analysis and the baselines drawn in the chart.</summary>
public sealed record DyadStructure(string Title, Series.RelationSeries Series, Analysis.SeriesAnalysis Analysis, IReadOnlyList<Analysis.BaselinePoint?> Baselines);

/// <summary>An event with the label its period receives in its dyad's series.</summary>
public sealed record EventJudgement(Event Event, string Series, string Period, Analysis.Classification Result);

/// <summary>A claim about timing, the onset found in the data and the verdict.</summary>
public sealed record TimingFinding(string Claim, string SeriesDescription, DateOnly Reference, string ReferenceLabel, Analysis.Onset Onset);
