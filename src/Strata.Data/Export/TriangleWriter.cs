using System.Globalization;
using System.Text.Json;
using Strata.Triangles;

namespace Strata.Data.Export;

/// <summary>
/// Writes a triangle series as CSV (one row per period) or JSON (one object with the neutral zone and the periods).
/// Missing values are empty in CSV and null in JSON.
/// </summary>
public static class TriangleWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>The machine name of a configuration: menage_a_trois, romantic_triangle, stable_marriage, unit_veto.</summary>
    public static string Key(TriangleKind kind) => kind switch
    {
        TriangleKind.MenageATrois => "menage_a_trois",
        TriangleKind.RomanticTriangle => "romantic_triangle",
        TriangleKind.StableMarriage => "stable_marriage",
        _ => "unit_veto",
    };

    public static string Key(TriangleRole role) => role.ToString().ToLowerInvariant();

    public static string Key(TieSign sign) => sign.ToString().ToLowerInvariant();

    /// <summary>The CSV header for a triangle of these actors.</summary>
    public static IReadOnlyList<string> Columns(TriangleResult result)
    {
        Check.NotNull(result);
        var cols = new List<string> { "period", "start", "end" };
        for (var t = 0; t < 3; t++)
        {
            var (i, j) = Triad.Ends(t);
            var pair = $"{result.Actors[i]}_{result.Actors[j]}";
            cols.AddRange([pair + "_score", pair + "_weight", pair + "_events", pair + "_sign", pair + "_p_positive"]);
        }
        cols.AddRange(["configuration", "determined"]);
        cols.AddRange(result.Actors.Actors.Select(a => a + "_role"));
        cols.AddRange(["candidates", "reason", "p_menage_a_trois", "p_romantic_triangle", "p_stable_marriage", "p_unit_veto",
            $"p_{result.ClientCode}_pivot", "most_likely", "most_likely_p", $"fissure_{result.ClientCode}"]);
        return cols;
    }

    public static void WriteCsv(TriangleResult result, TextWriter output)
    {
        Check.NotNull(result);
        Check.NotNull(output);
        output.WriteLine(string.Join(',', Columns(result)));
        foreach (var p in result.Periods)
        {
            var row = new List<string> { p.Period.Label, Date(p.Period.Start), Date(p.Period.End) };
            foreach (var t in p.Ties)
            {
                row.AddRange([Num(t.Score), Num(t.Weight), Num(t.Events), Key(t.Sign), Num(t.Posterior?.ProbabilityPositive)]);
            }
            var c = p.Classification;
            row.Add(c.IsDetermined ? Key(c.Configuration!.Kind) : "undetermined");
            row.Add(c.IsDetermined ? "true" : "false");
            for (var a = 0; a < 3; a++)
            {
                row.Add(string.Join('|', c.PossibleRoles(a).Select(Key)));
            }
            row.Add(Quote(string.Join(" | ", c.Candidates.Select(x => x.Brief(result.Actors)))));
            row.Add(Quote(c.Reason ?? ""));
            var pr = p.Probabilities;
            row.AddRange([Num(pr?.MenageATrois), Num(pr?.RomanticTriangle), Num(pr?.StableMarriage), Num(pr?.UnitVeto), Num(p.ClientPivotProbability)]);
            row.Add(pr is null ? "" : Quote(pr.MostLikely.Configuration.Brief(result.Actors)));
            row.Add(Num(pr?.MostLikely.Probability));
            row.Add(Num(p.Fissure));
            output.WriteLine(string.Join(',', row));
        }
    }

    public static void WriteJson(TriangleResult result, Stream output)
    {
        Check.NotNull(result);
        Check.NotNull(output);
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("actors");
        foreach (var a in result.Actors.Actors)
        {
            w.WriteStringValue(a);
        }
        w.WriteEndArray();
        w.WriteString("client", result.ClientCode);
        w.WriteString("granularity", result.Granularity.ToString().ToLowerInvariant());
        w.WriteNumber("window", result.Window);
        w.WriteStartObject("neutral_zone");
        w.WriteNumber("lower", result.Zone.Lower);
        w.WriteNumber("upper", result.Zone.Upper);
        w.WriteString("derivation", result.Zone.Derivation);
        w.WriteEndObject();
        w.WriteStartArray("periods");
        foreach (var p in result.Periods)
        {
            w.WriteStartObject();
            w.WriteString("period", p.Period.Label);
            w.WriteString("start", Date(p.Period.Start));
            w.WriteString("end", Date(p.Period.End));
            w.WriteStartArray("ties");
            foreach (var t in p.Ties)
            {
                w.WriteStartObject();
                w.WriteString("pair", $"{t.First}-{t.Second}");
                Number(w, "score", t.Score);
                w.WriteNumber("weight", t.Weight);
                w.WriteNumber("events", t.Events);
                w.WriteString("sign", Key(t.Sign));
                Number(w, "posterior_mean", t.Posterior?.Mean);
                Number(w, "posterior_sd", t.Posterior?.Sd);
                Number(w, "p_positive", t.Posterior?.ProbabilityPositive);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            var c = p.Classification;
            w.WriteStartObject("configuration");
            w.WriteBoolean("determined", c.IsDetermined);
            if (c.IsDetermined)
            {
                w.WriteString("kind", Key(c.Configuration!.Kind));
            }
            else
            {
                w.WriteNull("kind");
            }
            w.WriteString("description", c.Describe(result.Actors));
            w.WriteStartObject("roles");
            for (var a = 0; a < 3; a++)
            {
                w.WriteStartArray(result.Actors[a]);
                foreach (var r in c.PossibleRoles(a))
                {
                    w.WriteStringValue(Key(r));
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteStartArray("candidates");
            foreach (var x in c.Candidates)
            {
                w.WriteStringValue(x.Brief(result.Actors));
            }
            w.WriteEndArray();
            if (c.Reason is null)
            {
                w.WriteNull("reason");
            }
            else
            {
                w.WriteString("reason", c.Reason);
            }
            w.WriteEndObject();
            if (p.Probabilities is { } pr)
            {
                w.WriteStartObject("probabilities");
                w.WriteNumber("menage_a_trois", pr.MenageATrois);
                w.WriteNumber("romantic_triangle", pr.RomanticTriangle);
                w.WriteNumber("stable_marriage", pr.StableMarriage);
                w.WriteNumber("unit_veto", pr.UnitVeto);
                w.WriteStartArray("patterns");
                foreach (var x in pr.Patterns)
                {
                    w.WriteStartObject();
                    w.WriteString("signs", $"{S(x.AB)}{S(x.AC)}{S(x.BC)}");
                    w.WriteString("configuration", x.Configuration.Brief(result.Actors));
                    w.WriteNumber("p", x.Probability);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("probabilities");
            }
            Number(w, "client_pivot_probability", p.ClientPivotProbability);
            Number(w, "fissure", p.Fissure);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string S(bool positive) => positive ? "+" : "-";

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    private static string Num(double? v) => v?.ToString("R", Inv) ?? "";

    private static string Quote(string s) => s.Length == 0 ? "" : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
