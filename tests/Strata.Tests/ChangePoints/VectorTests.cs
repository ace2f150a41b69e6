using System.Text.Json;
using Strata.ChangePoints;
using Strata.Testing;
using Xunit.Abstractions;

namespace Strata.Tests.ChangePoints;

/// <summary>
/// R changepoint 2.3 (PELT) on the shared vectors: the same change points, index for index, and the same penalty
/// value to the last bit.
/// </summary>
public sealed class VectorTests(ITestOutputHelper output)
{
    public static string Folder => Path.Combine(TestPaths.Shared, "testvectors", "changepoint");

    internal sealed record Vector(
        string Name, double[] Series, string Cost, string Penalty, double PenValue, int MinSegLen, int[] RCpts,
        bool FpSensitive, int[]? RCptsDoubleCumsum)
    {
        public ISegmentCost CostModel => Cost switch
        {
            "normal_mean" => SegmentCosts.NormalMean,
            "normal_var" => SegmentCosts.NormalVar,
            "normal_meanvar" => SegmentCosts.NormalMeanVar,
            "poisson" => SegmentCosts.Poisson,
            _ => throw new InvalidOperationException("unknown cost " + Cost),
        };

        public Penalty PenaltyModel => Penalty switch
        {
            "SIC" => Strata.ChangePoints.Penalty.Sic,
            "BIC" => Strata.ChangePoints.Penalty.Bic,
            "MBIC" => Strata.ChangePoints.Penalty.Mbic,
            "AIC" => Strata.ChangePoints.Penalty.Aic,
            "Hannan-Quinn" => Strata.ChangePoints.Penalty.HannanQuinn,
            "Manual" => Strata.ChangePoints.Penalty.Manual(PenValue),
            _ => throw new InvalidOperationException("unknown penalty " + Penalty),
        };

        public override string ToString() => Name;
    }

    internal static Vector Load(string name)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        var r = doc.RootElement;
        static int[] Ints(JsonElement e) => [.. e.EnumerateArray().Select(v => v.GetInt32())];
        return new Vector(
            r.GetProperty("name").GetString()!,
            [.. r.GetProperty("series").EnumerateArray().Select(v => v.GetDouble())],
            r.GetProperty("cost").GetString()!,
            r.GetProperty("penalty").GetString()!,
            r.GetProperty("pen_value").GetDouble(),
            r.GetProperty("minseglen").GetInt32(),
            Ints(r.GetProperty("r_cpts")),
            r.TryGetProperty("fp_sensitive", out var fp) && fp.GetBoolean(),
            r.TryGetProperty("r_cpts_double_cumsum", out var dc) ? Ints(dc) : null);
    }

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Folder, "*.json").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileNameWithoutExtension(f));
        }
        return data;
    }

    [Fact]
    public void All_35_vectors_are_present()
    {
        Assert.Equal(35, Names().Count);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pelt_matches_R_exactly(string name)
    {
        var v = Load(name);
        var result = Pelt.Detect(v.Series, v.CostModel, v.PenaltyModel, v.MinSegLen);
        output.WriteLine($"{name}: ours [{string.Join(',', result.ChangePoints)}], R [{string.Join(',', v.RCpts)}]");
        Assert.Equal(v.PenValue, result.PenaltyValue);
        if (v.FpSensitive)
        {
            Assert.True(
                v.RCpts.SequenceEqual(result.ChangePoints) || v.RCptsDoubleCumsum!.SequenceEqual(result.ChangePoints),
                $"{name}: [{string.Join(',', result.ChangePoints)}] is neither R's long-double answer nor its double-cumsum answer");
        }
        else
        {
            Assert.Equal(v.RCpts, result.ChangePoints);
        }
    }
}
