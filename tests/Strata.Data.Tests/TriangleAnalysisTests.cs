using Strata.Data.Curated;
using Strata.Data.Export;
using Strata.Data.Triangles;
using Strata.Domain;
using Strata.Series;
using Strata.Triangles;

namespace Strata.Data.Tests;

/// <summary>The triangle read from the store: the same series as 'strata series', by data set, and written out.</summary>
public sealed class TriangleAnalysisTests : StoreTestBase
{
    private static readonly Triad UsaChnRus = new("USA", "CHN", "RUS");

    private static Event Sample(string id, string date, string source, string target, string code) => new()
    {
        Id = id,
        Date = PartialDate.Parse(date),
        Source = source,
        Target = target,
        Witnesses = [],
        Code = EventCode.Parse(code),
        Goldstein = code.StartsWith('0') ? 4 : -4,
        Level = EventLevel.Conjunctural,
        Confidence = Confidence.High,
        Description = "A sample event for the triangle tests.",
        Tags = ["test"],
        Sources = [new Citation("An Author", "A Title", "A Publisher", PartialDate.Parse("2025-05-22"), null, "ARCH-1", null)],
        Disputes = [],
        Provenance = new Provenance("t", "t.yaml", 3),
    };

    private void LoadSamples()
    {
        // 1972: USA courts both (romantic triangle, USA pivot); 1975: no CHN–RUS event; 2022: CHN–RUS partners against the USA.
        Store.LoadDataset("t", "curated", "/x", "h1",
        [
            Sample("a1", "1972-02", "USA", "CHN", "042"),
            Sample("a2", "1972-05", "USA", "RUS", "057"),
            Sample("a3", "1972-08", "CHN", "RUS", "111"),
            Sample("b1", "1975-07", "USA", "RUS", "057"),
            Sample("b2", "1975-10", "USA", "CHN", "042"),
            Sample("c1", "2022-02-04", "CHN", "RUS", "057"),
            Sample("c2", "2022-03", "USA", "RUS", "163"),
            Sample("c3", "2022-08", "CHN", "USA", "111"),
        ]);
        Store.LoadDataset("other", "curated", "/y", "h2", [Sample("d1", "1972-09", "CHN", "RUS", "057"), Sample("d2", "1972-10", "CHN", "RUS", "057")]);
    }

    [Fact]
    public void The_triangle_reads_each_pair_from_the_store_as_series_does()
    {
        LoadSamples();
        var r = TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions(), datasets: ["t"]);
        Assert.Equal("1972", r.Periods[0].Period.Label);
        Assert.Equal("2022", r.Periods[^1].Period.Label);
        var y1972 = r.Periods[0].Classification.Configuration!;
        Assert.Equal(TriangleKind.RomanticTriangle, y1972.Kind);
        Assert.Equal(TriangleRole.Pivot, y1972.RoleA);
        var y1975 = r.Periods.Single(p => p.Period.Label == "1975");
        Assert.Equal(TieSign.Missing, y1975.Ties[2].Sign);
        var y2022 = r.Periods[^1].Classification.Configuration!;
        Assert.Equal(TriangleKind.StableMarriage, y2022.Kind);
        Assert.Equal(TriangleRole.Outcast, y2022.RoleA);

        // Every tie score is the pair's net-cooperation series over the same data set.
        var coverage = Store.Coverage(["t"])!.Value;
        var usaChn = SeriesBuilder.Build(new Dyad("USA", "CHN"), Store.Atoms(new Dyad("USA", "CHN"), new SeriesWeighting(), ["t"]), Granularity.Year, Measure.NetCoop, coverage.From, coverage.To);
        Assert.Equal(usaChn.Points.Select(p => p.Value), r.Periods.Select(p => p.Ties[0].Score));
    }

    [Fact]
    public void Another_data_set_changes_the_ties_it_holds()
    {
        LoadSamples();
        var both = TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions());
        // With the second data set, CHN–RUS in 1972 has two cooperative events and one conflictual: 1/3, neutral.
        var y1972 = both.Periods.Single(p => p.Period.Label == "1972");
        Assert.Equal(1.0 / 3, y1972.Ties[2].Score!.Value, 12);
        Assert.Equal(TieSign.Neutral, y1972.Ties[2].Sign);
        Assert.False(y1972.Classification.IsDetermined);
        var onlyOther = TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions(), datasets: ["other"]);
        Assert.Single(onlyOther.Periods);
        Assert.Equal(TieSign.Missing, onlyOther.Periods[0].Ties[0].Sign);
        Assert.Empty(TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions(), datasets: ["nothing"]).Periods);
    }

    [Fact]
    public void The_writers_keep_missing_values_empty_or_null_and_name_the_columns_by_actor()
    {
        LoadSamples();
        var r = TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions(), datasets: ["t"]);
        using var csv = new StringWriter();
        TriangleWriter.WriteCsv(r, csv);
        var lines = csv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        Assert.Equal(TriangleWriter.Columns(r), header);
        Assert.Contains("USA_CHN_score", header);
        Assert.Contains("fissure_USA", header);
        Assert.Equal(r.Periods.Count + 1, lines.Length);
        var y1975 = lines.Single(l => l.StartsWith("1975,", StringComparison.Ordinal));
        Assert.Contains(",missing,", y1975, StringComparison.Ordinal);
        Assert.Contains("undetermined", y1975, StringComparison.Ordinal);

        using var json = new MemoryStream();
        TriangleWriter.WriteJson(r, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToArray());
        var root = doc.RootElement;
        Assert.Equal("USA", root.GetProperty("client").GetString());
        Assert.Equal(r.Zone.Upper, root.GetProperty("neutral_zone").GetProperty("upper").GetDouble());
        var periods = root.GetProperty("periods");
        var first = periods[0];
        Assert.Equal("romantic_triangle", first.GetProperty("configuration").GetProperty("kind").GetString());
        Assert.Equal("pivot", first.GetProperty("configuration").GetProperty("roles").GetProperty("USA")[0].GetString());
        Assert.Equal(8, first.GetProperty("probabilities").GetProperty("patterns").GetArrayLength());
        var p1975 = periods.EnumerateArray().Single(p => p.GetProperty("period").GetString() == "1975");
        Assert.Equal(System.Text.Json.JsonValueKind.Null, p1975.GetProperty("ties")[2].GetProperty("score").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, p1975.GetProperty("probabilities").ValueKind);
    }

    [Fact]
    public void On_the_bundled_chronology_1979_is_a_romantic_triangle_with_the_united_states_as_pivot()
    {
        CuratedLoader.EnsureBundled(Store, Fixtures.Bundled, Fixtures.Reference);
        var r = TriangleAnalysis.Analyse(Store, UsaChnRus, Granularity.Year, new TriangleOptions());
        var y1979 = r.Periods.Single(p => p.Period.Label == "1979");
        Assert.Equal("romantic triangle: USA pivot; CHN, RUS wings", y1979.Classification.Describe(UsaChnRus));
        Assert.True(y1979.ClientPivotProbability > 0.5);
        Assert.Equal(1, y1979.Fissure);
    }
}
