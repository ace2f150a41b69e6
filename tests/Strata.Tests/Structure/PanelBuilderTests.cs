using Strata.Structure;

namespace Strata.Tests.Structure;

/// <summary>The merge rule, the listed disagreements and the derived indicators, on small planted inputs.</summary>
public sealed class PanelBuilderTests
{
    private static readonly PanelSpec Spec = new(["AAA", "BBB", "CCC"], 2000, 2005);

    private static SourcedValue Bundled(string name, string a, string? b, int year, double value) =>
        new(new IndicatorValue(name, a, b, year, value, $"file.yaml:{year}"), PanelBuilder.BundledOrigin, 0);

    private static SourcedValue Imported(string dataset, long fileId, string name, string a, string? b, int year, double value) =>
        new(new IndicatorValue(name, a, b, year, value, $"{dataset}.csv:{year}"), dataset, fileId);

    [Fact]
    public void Imported_data_wins_over_bundled_and_each_clash_is_listed_with_both_values()
    {
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Bundled = [Bundled("x.level", "AAA", null, 2001, 1), Bundled("x.level", "AAA", null, 2002, 2), Bundled("x.level", "AAA", null, 2003, 3)],
            Imported = [Imported("real", 1, "x.level", "AAA", null, 2001, 1), Imported("real", 1, "x.level", "AAA", null, 2002, 5)],
        });
        Assert.Equal(1, build.Panel.Get("x.level", "AAA", null, 2001));
        Assert.Equal(5, build.Panel.Get("x.level", "AAA", null, 2002));
        Assert.Equal(3, build.Panel.Get("x.level", "AAA", null, 2003));
        Assert.Equal("real", build.OriginOf(build.Panel.Find("x.level", "AAA", null, 2002)!));
        Assert.Equal(PanelBuilder.BundledOrigin, build.OriginOf(build.Panel.Find("x.level", "AAA", null, 2003)!));
        var d = Assert.Single(build.Summary.Disagreements);
        Assert.Equal((DisagreementKind.BundledVsImported, 2002, 5.0, "real", 2.0, PanelBuilder.BundledOrigin, "file.yaml:2002"),
            (d.Kind, d.Kept.Year, d.Kept.Value, d.KeptOrigin, d.Other, d.OtherOrigin, d.OtherSource));
        Assert.Equal((1, 1), (build.Summary.Confirmed, build.Summary.Overridden));
    }

    [Fact]
    public void The_later_import_wins_over_an_earlier_one()
    {
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Imported = [Imported("new", 9, "x.level", "AAA", "BBB", 2000, 7), Imported("old", 2, "x.level", "AAA", "BBB", 2000, 4)],
        });
        Assert.Equal(7, build.Panel.Get("x.level", "AAA", "BBB", 2000));
        var d = Assert.Single(build.Summary.Disagreements);
        Assert.Equal((DisagreementKind.ImportedVsImported, "new", "old", 4.0), (d.Kind, d.KeptOrigin, d.OtherOrigin, d.Other));
    }

    [Fact]
    public void A_presence_coded_value_an_import_leaves_out_inside_its_years_is_listed_but_kept()
    {
        var spans = new Dictionary<(string, string), (int, int)> { [("cow", "alliance.defense")] = (1900, 2002) };
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Bundled = [.. Enumerable.Range(2001, 3).Select(y => Bundled("alliance.defense", "AAA", "BBB", y, 1))],
            Imported = [Imported("cow", 1, "alliance.defense", "AAA", "BBB", 2001, 1), Imported("cow", 1, "alliance.defense", "CCC", "BBB", 1950, 1)],
            Spans = spans,
        });
        Assert.Equal(1, build.Panel.Get("alliance.defense", "AAA", "BBB", 2002));
        var d = Assert.Single(build.Summary.Disagreements); // 2001 is stated by cow, 2003 is after its years
        Assert.Equal((DisagreementKind.AbsentFromImport, 2002, (double?)null, "cow"), (d.Kind, d.Kept.Year, d.Other, d.OtherOrigin));
        Assert.Contains("1900–2002", d.OtherSource, StringComparison.Ordinal);
    }

    [Fact]
    public void Rivalry_any_is_one_when_any_source_lists_the_pair_zero_inside_a_list_and_missing_outside()
    {
        var spans = new Dictionary<(string, string), (int, int)>
        {
            [(PanelBuilder.BundledOrigin, "rivalry.active")] = (1945, 2003),
            [("td", "rivalry.active")] = (1494, 2001),
        };
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Bundled = [Bundled("rivalry.active", "AAA", "BBB", 2003, 1)],
            Imported = [Imported("td", 1, "rivalry.active", "BBB", "AAA", 2000, 1)],
            Spans = spans,
        });
        var p = build.Panel;
        Assert.Equal([1, 0, 0, 1, null, null], Spec.Years.Select(y => p.Get("rivalry.any", "AAA", "BBB", y)));
        Assert.Equal(0, p.Get("rivalry.any", "BBB", "CCC", 2002));
        Assert.Null(p.Get("rivalry.any", "BBB", "AAA", 2000)); // written once, A before B
        Assert.Equal("derived: rivalry.active listed by td", p.Find("rivalry.any", "AAA", "BBB", 2000)!.Source);
        Assert.Equal(PanelBuilder.DerivedOrigin, build.OriginOf(p.Find("rivalry.any", "AAA", "BBB", 2001)!));
    }

    [Fact]
    public void Capability_share_divides_by_the_members_with_a_value()
    {
        var spec = new PanelSpec(["AAA", "BBB", "CCC"], 2000, 2001) { CapabilityAmong = ["AAA", "BBB"] };
        var build = PanelBuilder.Build(spec, new PanelInputs
        {
            Imported =
            [
                Imported("nmc", 1, "nmc.cinc", "AAA", null, 2000, 0.3), Imported("nmc", 1, "nmc.cinc", "BBB", null, 2000, 0.1),
                Imported("nmc", 1, "nmc.cinc", "CCC", null, 2000, 0.6), Imported("nmc", 1, "nmc.cinc", "AAA", null, 2001, 0.2),
            ],
        });
        var p = build.Panel;
        Assert.Equal(0.75, p.Get("cap.share", "AAA", null, 2000)!.Value, 12);
        Assert.Equal(0.25, p.Get("cap.share", "BBB", null, 2000)!.Value, 12);
        Assert.Null(p.Get("cap.share", "CCC", null, 2000)); // not in the share set
        Assert.Equal(1, p.Get("cap.share", "AAA", null, 2001)); // BBB has no value in 2001
        Assert.Contains("no CINC for BBB", p.Find("cap.share", "AAA", null, 2001)!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_outside_the_actors_or_years_are_left_out()
    {
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Bundled = [Bundled("x.level", "AAA", "ZZZ", 2001, 1), Bundled("x.level", "AAA", null, 1999, 1)],
            Imported = [Imported("i", 1, "x.level", "ZZZ", null, 2001, 1)],
        });
        Assert.DoesNotContain(build.Panel.Values, v => v.Name == "x.level");
    }

    [Fact]
    public void Consecutive_disagreements_join_into_runs()
    {
        var build = PanelBuilder.Build(Spec, new PanelInputs
        {
            Bundled = [.. new[] { 2000, 2001, 2002, 2004 }.Select(y => Bundled("x.level", "AAA", null, y, 1))],
            Imported = [.. new[] { 2000, 2001, 2002, 2004 }.Select(y => Imported("i", 1, "x.level", "AAA", null, y, 2))],
        });
        var runs = build.Summary.DisagreementRuns();
        Assert.Equal(["2000–2002", "2004"], runs.Select(r => r.Years));
    }
}
