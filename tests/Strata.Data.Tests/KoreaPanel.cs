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
/// store as a user would with <c>strata import</c>.
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
                new ImportOptions { QuarantineFolder = tmp.File("quarantine") });
        }
        var panel = StorePanel.Load(store, bufferCase);
        if (!panel.Names.Contains(CombatAircraft))
        {
            panel = panel.With(CombatAircraftDeliveries());
        }
        return (bufferCase, panel);
    }

    public const string CombatAircraft = "arms.delivered_units.combat-aircraft";

    /// <summary>
    /// Combat aircraft delivered per supplier and year, from the register's rows whose weapon description names
    /// aircraft with a combat role, each deal's number spread equally over its delivery years. Used only while the
    /// SIPRI importer on this branch lacks the unit counts by category (another branch adds them under the same
    /// name); then the imported values are used and this is skipped.
    /// </summary>
    private static List<IndicatorValue> CombatAircraftDeliveries()
    {
        var sums = new Dictionary<(string, int), double>();
        var lines = File.ReadAllLines(TestPaths.SharedData("structural", "sipri_trade_register_prk_imports.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            if (f.Length != header.Length)
            {
                continue;
            }
            var description = f[Col("Weapon description")];
            string[] roles = ["fighter", "FGA", "bomber", "ground attack"];
            if (!description.Contains("aircraft", StringComparison.Ordinal) || !roles.Any(r => description.Contains(r, StringComparison.Ordinal)))
            {
                continue;
            }
            var supplier = f[Col("Supplier")] switch { "Soviet Union" or "Russia" => "RUS", "China" => "CHN", _ => null };
            var years = f[Col("Year(s) of delivery")].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(y => int.Parse(y.TrimEnd('?'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
            if (supplier is null || years.Count == 0 || !double.TryParse(f[Col("Number delivered")].Trim('(', ')', '?'), System.Globalization.CultureInfo.InvariantCulture, out var n))
            {
                continue;
            }
            foreach (var y in years)
            {
                sums[(supplier, y)] = sums.GetValueOrDefault((supplier, y)) + (n / years.Count);
            }
        }
        return sums.Select(s => new IndicatorValue(CombatAircraft, s.Key.Item1, "PRK", s.Key.Item2, s.Value, "test: SIPRI register, combat aircraft")).ToList();
    }
}
