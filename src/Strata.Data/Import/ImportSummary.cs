namespace Strata.Data.Import;

/// <summary>What happened to the rows of one input file.</summary>
public sealed record ImportSummary
{
    public required string File { get; init; }

    public required string Format { get; init; }

    public long RowsRead { get; init; }

    /// <summary>What <see cref="Imported"/> counts: "rows" of events, "indicator values", "mentions".</summary>
    public string Stored { get; init; } = "rows";

    public long Imported { get; init; }

    public long Filtered { get; init; }

    public long Duplicates { get; init; }

    /// <summary>Stored values this file restated and so replaced (indicators only).</summary>
    public long Replaced { get; init; }

    public IReadOnlyDictionary<string, long> QuarantinedByReason { get; init; } = new Dictionary<string, long>();

    public long Quarantined => QuarantinedByReason.Values.Sum();

    /// <summary>Rows kept despite something worth telling (POLECAT: a Quad Code that disagrees with the event type), by what.</summary>
    public IReadOnlyDictionary<string, long> Notes { get; init; } = new Dictionary<string, long>();

    public string? QuarantinePath { get; init; }

    /// <summary>True when this file had already been imported under the same filter and was skipped.</summary>
    public bool Skipped { get; init; }

    public long Bytes { get; init; }

    public TimeSpan Elapsed { get; init; }

    /// <summary>The part of <see cref="Elapsed"/> spent reading and parsing; the rest is storing and committing.</summary>
    public TimeSpan ReadElapsed { get; init; }
}
