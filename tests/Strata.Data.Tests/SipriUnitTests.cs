using System.Globalization;
using System.Text;
using Strata.Data.Import;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// Units by weapon category from the real SIPRI register, checked against counts made here by a plain loop with
/// the category of every description in the file written out by hand.
/// </summary>
public sealed class SipriUnitTests : StoreTestBase
{
    private static readonly string Register = TestPaths.SharedData("structural", "sipri_trade_register_prk_imports.csv");

    /// <summary>Every weapon description in the register and the category docs/import-formats.md gives it.</summary>
    public static TheoryData<string, string> Descriptions => new()
    {
        { "fighter aircraft", "combat-aircraft" }, { "FGA aircraft", "combat-aircraft" }, { "bomber aircraft", "combat-aircraft" },
        { "ground attack aircraft", "combat-aircraft" }, { "anti-ship aircraft", "combat-aircraft" },
        { "trainer aircraft", "aircraft" }, { "light transport aircraft", "aircraft" }, { "transport aircraft", "aircraft" },
        { "transport helicopter", "aircraft" }, { "light helicopter", "aircraft" }, { "helicopter", "aircraft" }, { "ASW helicopter", "aircraft" },
        { "combat helicopter", "aircraft" },
        { "tank", "armour" }, { "light tank", "armour" }, { "APC", "armour" }, { "IFV", "armour" }, { "reconnaissance AV", "armour" },
        { "tank destroyer", "armour" },
        { "towed gun", "artillery" }, { "self-propelled gun", "artillery" }, { "self-propelled MRL", "artillery" }, { "towed MRL", "artillery" },
        { "mortar", "artillery" },
        { "SAM system", "air-defence" }, { "AA gun", "air-defence" }, { "self-propelled AA gun", "air-defence" },
        { "self-propelled AA gun turret", "air-defence" },
        { "SAM", "missiles" }, { "portable SAM", "missiles" }, { "SRAAM", "missiles" }, { "BVRAAM", "missiles" }, { "anti-ship missile", "missiles" },
        { "anti-tank missile", "missiles" },
        { "FAC", "ships" }, { "patrol craft", "ships" }, { "submarine", "ships" }, { "minesweeper", "ships" }, { "aircraft carrier", "ships" },
        { "air search radar", "other" }, { "fire control radar", "other" }, { "SSM launcher", "other" }, { "coastal defence system", "other" },
        { "", "other" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void Each_description_maps_to_its_documented_category(string description, string category) =>
        Assert.Equal(category, SipriWeaponCategories.Of(description));

    [Fact]
    public void Every_description_in_the_register_is_in_the_table_above()
    {
        var known = Descriptions.Select(d => (string)d[0]).ToHashSet();
        var header = File.ReadLines(Register).First().Split(',');
        var col = Array.IndexOf(header, "Weapon description");
        var unknown = File.ReadLines(Register).Skip(1).Select(l => l.Split(',')[col]).Where(d => !known.Contains(d)).Distinct().ToList();
        Assert.Empty(unknown);
    }

    [Fact]
    public void Units_ordered_and_delivered_by_category_match_a_plain_loop()
    {
        var category = Descriptions.ToDictionary(d => (string)d[0], d => (string)d[1]);
        var summary = new IndicatorImporter(Store, Fixtures.Reference).Import(new InputFile(Register, null), SipriReader.Instance,
            new ImportOptions { QuarantineFolder = Tmp.File("q") });
        Assert.Equal(0, summary.Quarantined);

        var expected = new Dictionary<string, double>(StringComparer.Ordinal);
        void Put(string key, double v) => expected[key] = expected.GetValueOrDefault(key) + v;
        var lines = File.ReadAllLines(Register, Encoding.UTF8);
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        var rows = 0;
        foreach (var line in lines.Skip(1))
        {
            // A plain split: the register's quoted fields (comments) come after the columns read here, so the
            // first fields are in place even where a comment holds a comma.
            var f = line.Split(',');
            var supplier = f[Col("Supplier")] switch { "Soviet Union" or "Russia" => "RUS", "China" => "CHN", "Kazakhstan" => "KAZ", var s => s };
            var c = category[f[Col("Weapon description")]];
            Put($"arms.ordered_units.{c}|{supplier}|{f[Col("Year of order")]}", double.Parse(f[Col("Number ordered")], CultureInfo.InvariantCulture));
            var years = f[Col("Year(s) of delivery")].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var y in years)
            {
                Put($"arms.delivered_units.{c}|{supplier}|{y}", double.Parse(f[Col("Number delivered")], CultureInfo.InvariantCulture) / years.Length);
            }
            rows++;
        }
        Assert.Equal(159, rows);

        var stored = Store.Rows("""
            SELECT name || '|' || actor_a || '|' || year, value FROM indicators
            WHERE name LIKE 'arms.ordered_units.%' OR name LIKE 'arms.delivered_units.%'
            """).ToDictionary(r => (string)r[0]!, r => (double)r[1]!);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), stored.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in expected)
        {
            Assert.True(Math.Abs(value - stored[key]) < 1e-9, $"{key}: expected {value}, stored {stored[key]}");
        }
        // Fractions are kept: the An-2 deal of 1956 spreads 100 aircraft over 23 years.
        Assert.Equal(100.0 / 23, stored["arms.delivered_units.aircraft|CHN|1970"], 9);
        var note = (string)Store.Rows("SELECT note FROM indicators WHERE name = 'arms.delivered_units.aircraft' AND actor_a = 'CHN' AND year = 1970")[0][0]!;
        Assert.Contains("fractional values kept", note, StringComparison.Ordinal);
    }
}
