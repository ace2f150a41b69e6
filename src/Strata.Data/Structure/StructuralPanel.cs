using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Series;
using Strata.Structure;

namespace Strata.Data.Structure;

/// <summary>
/// Builds the structural indicator panel from its sources: the project's indicator files, the indicators
/// imported into the store, and the store's events (yearly series, as <c>strata series</c> computes them);
/// the merging itself is <see cref="PanelBuilder"/>'s. The command line and later the web call this.
/// </summary>
public static class StructuralPanel
{
    /// <summary>
    /// The default panel of a data folder, from its <c>indicators/</c> files' <c>case</c>. Throws a
    /// <see cref="DataException"/> with every issue when those files do not validate or name no case.
    /// </summary>
    public static PanelSpec DefaultSpec(DataFolder folder, ReferenceData reference)
    {
        var read = ReadBundled(folder, reference);
        var c = read.Case ?? throw new DataException($"the indicator files in {folder.IndicatorsPath} name no case (actors, from, to) for the default panel");
        return new PanelSpec(c.Actors, c.From, c.To) { CapabilityAmong = c.CapabilityAmong };
    }

    /// <summary>The data folder's indicator files, read and validated; throws with every issue when they are not valid.</summary>
    public static IndicatorFileReadResult ReadBundled(DataFolder folder, ReferenceData reference)
    {
        Check.NotNull(folder);
        Check.NotNull(reference);
        if (!Directory.Exists(folder.IndicatorsPath))
        {
            return new IndicatorFileReadResult([], null, [], []);
        }
        var read = CuratedData.ReadIndicators(reference, folder.IndicatorsPath);
        return read.IsValid ? read
            : throw new DataException($"the indicator files in {folder.IndicatorsPath} have {read.Issues.Count} problem(s)", read.Issues);
    }

    /// <summary>Builds the panel of <paramref name="spec"/> from the data folder's indicator files and the store.</summary>
    public static PanelBuild Build(DuckDbEventStore store, ReferenceData reference, DataFolder folder, PanelSpec spec) =>
        Build(store, ReadBundled(folder, reference), spec);

    /// <summary>Builds the panel of <paramref name="spec"/> from already read indicator files and the store.</summary>
    public static PanelBuild Build(DuckDbEventStore store, IndicatorFileReadResult bundled, PanelSpec spec)
    {
        Check.NotNull(store);
        Check.NotNull(bundled);
        Check.NotNull(spec);
        var bundledValues = bundled.Values.ToList();
        var spans = new Dictionary<(string, string), (int, int)>();
        foreach (var g in bundledValues.GroupBy(v => v.Name))
        {
            spans[(PanelBuilder.BundledOrigin, g.Key)] = (g.Min(v => v.Year), g.Max(v => v.Year));
        }
        foreach (var (key, span) in store.IndicatorSpans())
        {
            spans[key] = span;
        }
        var inputs = new PanelInputs
        {
            Bundled = bundledValues.Select(v => new SourcedValue(v, PanelBuilder.BundledOrigin, 0)).ToList(),
            Imported = store.ImportedIndicators(spec.Actors, spec.From, spec.To),
            Spans = spans,
            EventScores = EventScoresOf(store, spec),
        };
        return PanelBuilder.Build(spec, inputs);
    }

    /// <summary>The panel last built and stored, or null.</summary>
    public static StoredPanel? Load(DuckDbEventStore store) => Check.NotNull(store).LoadPanel();

    /// <summary>
    /// <c>events.count</c> and <c>events.netcoop</c> for every unordered pair and <c>events.support</c> for every
    /// ordered pair of the spec's actors, yearly, over the coverage of the spec's event data sets, with the
    /// default weighting (curated events by level 3/2/1, imported ones by mentions).
    /// </summary>
    public static IReadOnlyList<IndicatorValue> EventScoresOf(DuckDbEventStore store, PanelSpec spec)
    {
        Check.NotNull(store);
        Check.NotNull(spec);
        var datasets = spec.EventDatasets;
        var coverage = store.Coverage(datasets);
        if (coverage is not { } c)
        {
            return [];
        }
        var label = datasets.Count == 0 ? "all data sets" : string.Join(", ", datasets);
        var weighting = new SeriesWeighting();
        var values = new List<IndicatorValue>();
        foreach (var (a, b) in spec.Pairs)
        {
            var dyad = new Dyad(a, b);
            var series = SeriesBuilder.Build(dyad, store.Atoms(dyad, weighting, datasets), Granularity.Year, Measure.NetCoop, c.From, c.To);
            values.AddRange(EventScores.Undirected(series, spec.From, spec.To, label));
            foreach (var directed in new[] { new Dyad(a, b, Directed: true), new Dyad(b, a, Directed: true) })
            {
                var filter = new EventFilter { Dyad = directed, CodePrefixes = IndicatorNames.SupportRoots };
                var support = SeriesBuilder.Build(directed, store.Atoms(filter, weighting, datasets), Granularity.Year, Measure.Count, c.From, c.To);
                values.AddRange(EventScores.Support(support, spec.From, spec.To, label));
            }
        }
        return values;
    }
}
