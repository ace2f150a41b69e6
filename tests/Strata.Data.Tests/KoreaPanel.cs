using Strata.Data.Curated;
using Strata.Data.Import;
using Strata.Data.Model;
using Strata.Data.Store;
using Strata.Model;
using Strata.Structure;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// The bundled Korea case and its panel built from the real files in ../shared/data/structural (SIPRI register,
/// both rivalry lists, COW capabilities and alliances) and the bundled chronology, imported once into a temporary
/// store as a user would with <c>strata import</c>, and merged with the bundled indicator files by the panel builder
/// as <c>strata model fit</c> does.
/// </summary>
internal static class KoreaPanel
{
    private static readonly Lazy<(BufferCase Case, IndicatorPanel Panel)> Lazy = new(Build);

    public static BufferCase Case => Lazy.Value.Case;

    public static IndicatorPanel Panel => Lazy.Value.Panel;

    public static string CasePath => Path.Combine(TestPaths.DataRoot, "cases", "korea.yaml");

    private static (BufferCase, IndicatorPanel) Build()
    {
        var bufferCase = CaseReader.Read(CasePath);
        using var tmp = TestPaths.NewTempFolder();
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        Import(store, tmp.File("quarantine"));
        return (bufferCase, ModelReport.BuildPanel(store, Fixtures.Reference, Fixtures.Bundled, bufferCase).Panel);
    }

    /// <summary>Loads the bundled data and imports the real structural files into <paramref name="store"/>.</summary>
    public static void Import(DuckDbEventStore store, string quarantine)
    {
        CuratedLoader.EnsureBundled(store, Fixtures.Bundled, Fixtures.Reference);
        var importer = new IndicatorImporter(store, Fixtures.Reference);
        foreach (var (file, reader) in new (string, IIndicatorReader)[]
        {
            ("sipri_trade_register_prk_imports.csv", SipriReader.Instance),
            ("td_rivalries_thompson_dreyer2012.csv", RivalryReader.Instance),
            ("tss_rivalries_thompson_sakuwa_suhas2021.csv", RivalryReader.Instance),
            ("cow_nmc_focal_1945plus.csv", CowNmcReader.Instance),
            ("cow_alliance_v4.1_focal_dyadyears.csv", AllianceReader.Cow),
        })
        {
            importer.Import(new InputFile(TestPaths.SharedData("structural", file), null), reader,
                new ImportOptions { QuarantineFolder = quarantine });
        }
    }
}
