using System.Globalization;
using Strata.Data.Curated;
using Strata.Data.Import;
using Strata.Data.Structure;
using Strata.Domain;
using Strata.Series;
using Strata.Structure;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>
/// The panel built on a temporary store with the real structural files of ../shared/data/structural imported,
/// checked against values read here from the same CSV files with plain loops.
/// </summary>
public sealed class PanelBuildTests : StoreTestBase
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly string[] Case = ["USA", "RUS", "CHN", "PRK", "KOR", "JPN"];

    private static string Structural(string name) => TestPaths.SharedData("structural", name);

    private void Import(string file, IIndicatorReader reader, string? dataset = null) =>
        new IndicatorImporter(Store, Fixtures.Reference).Import(new InputFile(Structural(file), null), reader,
            new ImportOptions { Dataset = dataset, QuarantineFolder = Tmp.File("quarantine") });

    private void ImportAll()
    {
        Import("td_rivalries_thompson_dreyer2012.csv", RivalryReader.Instance);
        Import("tss_rivalries_thompson_sakuwa_suhas2021.csv", RivalryReader.Instance, "rivalries-tss");
        Import("cow_nmc_focal_1945plus.csv", CowNmcReader.Instance);
        Import("cow_alliance_v4.1_focal_dyadyears.csv", AllianceReader.Cow);
        Import("atop_alliance_focal_dyadyears.csv", AllianceReader.Atop);
        Import("cow_mid_dirdisps_focal.csv", MidReader.Instance);
        Import("unga_idealpoints_voeten_Jun2024_focal.csv", UngaReader.Instance);
        Import("sipri_trade_register_prk_imports.csv", SipriReader.Instance);
    }

    private PanelBuild BuildBundled(PanelSpec? spec = null) =>
        StructuralPanel.Build(Store, Fixtures.Reference, Fixtures.Bundled, spec ?? new PanelSpec(Case, 1945, 2025));

    /// <summary>Rows of a shared CSV file as column → text (quotes stripped; these files quote no commas).</summary>
    private static List<Dictionary<string, string>> Csv(string file)
    {
        var lines = File.ReadAllLines(Structural(file));
        var header = lines[0].Split(',').Select(h => h.Trim('"')).ToArray();
        return lines.Skip(1).Where(l => l.Length > 0).Select(l =>
        {
            var f = l.Split(',').Select(x => x.Trim('"')).ToArray();
            return header.Select((h, i) => (h, f[i])).ToDictionary(p => p.h, p => p.Item2, StringComparer.Ordinal);
        }).ToList();
    }

    [Fact]
    public void Us_russia_rivalry_years_are_those_of_the_imported_lists_with_their_file_and_line()
    {
        ImportAll();
        var panel = BuildBundled().Panel;
        var expected = new SortedSet<int>();
        foreach (var file in new[] { ("td_rivalries_thompson_dreyer2012.csv", "styear", "endyear"), ("tss_rivalries_thompson_sakuwa_suhas2021.csv", "start", "end") })
        {
            foreach (var r in Csv(file.Item1).Where(r => (r["ccode1"], r["ccode2"]) is ("2", "365") or ("365", "2")))
            {
                for (var y = Math.Max(1945, int.Parse(r[file.Item2], Inv)); y <= Math.Min(2025, int.Parse(r[file.Item3], Inv)); y++)
                {
                    expected.Add(y);
                }
            }
        }
        var active = panel.Series("rivalry.any").Where(v => v.ActorA == "RUS" && v.ActorB == "USA" && v.Value == 1).Select(v => v.Year).ToList();
        Assert.Equal(expected, active);
        Assert.Equal(0, panel.Get("rivalry.any", "RUS", "USA", 1995));
        Assert.Null(panel.Get("rivalry.any", "RUS", "USA", 2021)); // no list covers 2021
        Assert.Equal(0, panel.Get("rivalry.any", "CHN", "PRK", 1970)); // no patron-client rivalry in either list
        var source = panel.Find("rivalry.active", "RUS", "USA", 1950)!.Source;
        Assert.Matches(@"tss_rivalries_thompson_sakuwa_suhas2021\.csv:\d+ \[rivalries-tss\]: United States-USSR 2", source);
    }

    [Fact]
    public void China_cinc_in_1960_and_its_share_among_the_great_powers_match_the_cow_file()
    {
        ImportAll();
        var nmc = Csv("cow_nmc_focal_1945plus.csv");
        double Cinc(string ccode, int year) => double.Parse(nmc.Single(r => r["ccode"] == ccode && r["year"] == year.ToString(Inv))["cinc"], Inv);
        var spec = new PanelSpec(Case, 1945, 2025) { CapabilityAmong = ["USA", "RUS", "CHN"] };
        var panel = BuildBundled(spec).Panel;
        Assert.Equal(Cinc("710", 1960), panel.Get("nmc.cinc", "CHN", null, 1960)!.Value, 12);
        Assert.Equal(0.11927237, panel.Get("nmc.cinc", "CHN", null, 1960)!.Value, 8);
        var share = Cinc("710", 1960) / (Cinc("2", 1960) + Cinc("365", 1960) + Cinc("710", 1960));
        Assert.Equal(share, panel.Get("cap.share", "CHN", null, 1960)!.Value, 12);
        Assert.Null(panel.Get("cap.share", "PRK", null, 1960)); // PRK is not in the share set
        Assert.Equal(1, new[] { "USA", "RUS", "CHN" }.Sum(a => panel.Get("cap.share", a, null, 1990)!.Value), 12);
        var line = nmc.FindIndex(r => r["ccode"] == "710" && r["year"] == "1960") + 2;
        Assert.EndsWith($"cow_nmc_focal_1945plus.csv:{line} [cow-nmc]", panel.Find("nmc.cinc", "CHN", null, 1960)!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void North_korea_china_un_agreement_starts_in_1991_as_in_the_voting_file()
    {
        ImportAll();
        var panel = BuildBundled().Panel;
        var rows = Csv("unga_idealpoints_voeten_Jun2024_focal.csv").Where(r => r["ccode"] == "731").ToList();
        Assert.Equal(1991, rows.Min(r => int.Parse(r["year"], Inv)));
        foreach (var r in rows)
        {
            Assert.Equal(double.Parse(r["ChinaAgree"], Inv), panel.Get("unga.agree", "PRK", "CHN", int.Parse(r["year"], Inv))!.Value, 12);
        }
        Assert.Null(panel.Get("unga.agree", "PRK", "CHN", 1990)); // both Koreas joined the UN in 1991
    }

    [Fact]
    public void Bundled_treaty_facts_are_confirmed_by_the_imports_and_their_silences_are_listed()
    {
        ImportAll();
        var build = BuildBundled();
        var panel = build.Panel;
        Assert.True(build.Summary.Confirmed > 0);
        Assert.Equal(0, build.Summary.Overridden);
        // ATOP states the 1961 Soviet-DPRK alliance in 1996, so the import's value is kept; COW's alliance file,
        // whose defence values run to 2012, does not list it: a disagreement, listed.
        Assert.Equal("atop", build.OriginOf(panel.Find("alliance.defense", "RUS", "PRK", 1996)!));
        Assert.Contains(build.Summary.Disagreements, d => d.Kind == DisagreementKind.AbsentFromImport && d.Kept.Name == "alliance.defense"
            && d.Kept.ActorA == "RUS" && d.Kept.ActorB == "PRK" && d.Kept.Year == 1996 && d.OtherOrigin == "cow-alliances");
        // Beyond the imports' years the bundled treaty facts stand alone.
        Assert.Equal(PanelBuilder.BundledOrigin, build.OriginOf(panel.Find("alliance.defense", "PRK", "RUS", 2024)!));
        Assert.Equal(0, panel.Get("alliance.defense", "PRK", "RUS", 2020));
        // The TSS list, imported last, states the 2020 US-China rivalry the bundled file also states.
        Assert.Equal("rivalries-tss", build.OriginOf(panel.Find("rivalry.active", "CHN", "USA", 2020)!));
    }

    [Fact]
    public void Imported_data_wins_over_a_planted_bundled_value_and_the_disagreement_is_listed()
    {
        ImportAll();
        var folder = Tmp.File("indicators");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "planted.yaml"), """
            indicators:
              - indicator: nmc.cinc
                actor: CHN
                from: 1960
                value: 0.5
                sources:
                  - { author: Nobody, title: A planted value, date: "2000" }
              - indicator: nmc.cinc
                actor: CHN
                from: 2024
                value: 0.2
                sources:
                  - { author: Nobody, title: A value no import states, date: "2000" }
            """);
        var bundled = CuratedData.ReadIndicators(Fixtures.Reference, folder);
        Assert.True(bundled.IsValid, string.Join("\n", bundled.Issues));
        var build = StructuralPanel.Build(Store, bundled, new PanelSpec(Case, 1945, 2025));
        Assert.Equal(0.11927237, build.Panel.Get("nmc.cinc", "CHN", null, 1960)!.Value, 8);
        Assert.Equal("cow-nmc", build.OriginOf(build.Panel.Find("nmc.cinc", "CHN", null, 1960)!));
        var d = Assert.Single(build.Summary.Disagreements, d => d.Kind == DisagreementKind.BundledVsImported);
        Assert.Equal(("nmc.cinc", "CHN", 1960, 0.5, PanelBuilder.BundledOrigin), (d.Kept.Name, d.Kept.ActorA, d.Kept.Year, d.Other!.Value, d.OtherOrigin));
        Assert.Contains("planted.yaml:2", d.OtherSource, StringComparison.Ordinal);
        Assert.Equal(1, build.Summary.Overridden);
        Assert.Equal(0.2, build.Panel.Get("nmc.cinc", "CHN", null, 2024)); // no import states 2024: the bundled value stands
    }

    [Fact]
    public void Event_scores_equal_the_yearly_series_of_the_stored_events()
    {
        var folder = Fixtures.Bundled;
        CuratedLoader.EnsureBundled(Store, folder, Fixtures.Reference);
        var build = BuildBundled();
        var coverage = Store.Coverage([])!.Value;
        var series = SeriesBuilder.Build(new Dyad("PRK", "CHN"), Store.Atoms(new Dyad("PRK", "CHN"), new SeriesWeighting(), []), Granularity.Year, Measure.NetCoop, coverage.From, coverage.To);
        var compared = 0;
        foreach (var p in series.Points.Where(p => p.Period.Start.Year is >= 1945 and <= 2025))
        {
            Assert.Equal(p.Value, build.Panel.Get("events.netcoop", "CHN", "PRK", p.Period.Start.Year));
            Assert.Equal(p.Weight, build.Panel.Get("events.count", "CHN", "PRK", p.Period.Start.Year));
            compared++;
        }
        Assert.True(compared > 70);
        // Support counts only roots 06 and 07, one direction: checked against the stored events with a plain loop.
        var events = Store.Query(new EventFilter { Dyad = new Dyad("CHN", "PRK", Directed: true), CodePrefixes = ["06", "07"] });
        var weighting = new SeriesWeighting();
        foreach (var year in new[] { 1953, 1955, 1958, 1995, 2019 })
        {
            var first = new DateOnly(year, 1, 1).DayNumber;
            var last = new DateOnly(year, 12, 31).DayNumber;
            // An event dated only as a span of years counts in each year by the share of its days that fall in it.
            var expected = events.Sum(e =>
            {
                var overlap = Math.Min(last, e.Date.End.DayNumber) - Math.Max(first, e.Date.Start.DayNumber) + 1;
                return overlap <= 0 ? 0 : weighting.Of(e.Level) * overlap / (e.Date.End.DayNumber - e.Date.Start.DayNumber + 1);
            });
            Assert.Equal(expected, build.Panel.Get("events.support", "CHN", "PRK", year)!.Value, 9);
        }
        Assert.True(build.Panel.Series("events.support").Where(v => v.ActorA == "CHN" && v.ActorB == "PRK").Sum(v => v.Value) > 0);
    }

    [Fact]
    public void The_stored_panel_reads_back_with_values_origins_and_sources()
    {
        ImportAll();
        var build = BuildBundled(new PanelSpec(["USA", "RUS", "CHN"], 1950, 1960));
        Store.SavePanel(build);
        var stored = StructuralPanel.Load(Store)!;
        Assert.Equal(build.Panel.Count, stored.Panel.Count);
        foreach (var v in build.Panel.Values)
        {
            var back = stored.Panel.Find(v.Name, v.ActorA, v.ActorB, v.Year)!;
            Assert.Equal((v.Value, v.Source), (back.Value, back.Source));
            Assert.Equal(build.OriginOf(v), stored.Origins[(v.Name, v.ActorA, v.ActorB, v.Year)]);
        }
        Assert.Equal(["USA", "RUS", "CHN"], stored.Build.Actors);
        Assert.Equal((1950, 1960), (stored.Build.From, stored.Build.To));
        Assert.DoesNotContain(stored.Panel.Values, v => v.ActorA is "PRK" or "KOR" or "JPN" || v.ActorB is "PRK" or "KOR" or "JPN");
    }
}
