using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Structure;

namespace Strata.Data.Export;

/// <summary>
/// Writes an indicator panel as CSV, JSON, JSON lines or Parquet: one row per value with its indicator, actor
/// or pair, year, value, origin (bundled, an import's data set, events or derived) and source.
/// </summary>
public static class PanelWriter
{
    public static readonly string[] Columns = ["name", "actor_a", "actor_b", "year", "value", "origin", "source"];

    /// <summary>The panel's values in a stable order: indicator, actor A, actor B, year.</summary>
    public static IReadOnlyList<IndicatorValue> Ordered(IndicatorPanel panel) =>
        Check.NotNull(panel).Values.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.ActorA, StringComparer.Ordinal)
            .ThenBy(v => v.ActorB, StringComparer.Ordinal).ThenBy(v => v.Year).ToList();

    public static void WriteCsv(IReadOnlyList<IndicatorValue> values, Func<IndicatorValue, string> origin, TextWriter output)
    {
        Check.NotNull(values);
        Check.NotNull(origin);
        Check.NotNull(output);
        output.WriteLine(string.Join(',', Columns));
        foreach (var v in values)
        {
            output.WriteLine(string.Join(',', Csv(v.Name), Csv(v.ActorA), Csv(v.ActorB ?? ""), v.Year.ToString(CultureInfo.InvariantCulture),
                v.Value.ToString("R", CultureInfo.InvariantCulture), Csv(origin(v)), Csv(v.Source)));
        }
    }

    /// <summary>A JSON array of objects (<paramref name="lines"/> false) or JSON lines, one object per value.</summary>
    public static void WriteJson(IReadOnlyList<IndicatorValue> values, Func<IndicatorValue, string> origin, Stream output, bool lines = false)
    {
        Check.NotNull(values);
        Check.NotNull(origin);
        Check.NotNull(output);
        if (lines)
        {
            foreach (var v in values)
            {
                using (var w = new Utf8JsonWriter(output))
                {
                    WriteValue(w, v, origin(v));
                }
                output.WriteByte((byte)'\n');
            }
            return;
        }
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        writer.WriteStartArray();
        foreach (var v in values)
        {
            WriteValue(writer, v, origin(v));
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes Parquet through an in-memory DuckDB, so the file has proper types and nulls.</summary>
    public static void WriteParquet(IReadOnlyList<IndicatorValue> values, Func<IndicatorValue, string> origin, string path)
    {
        Check.NotNull(values);
        Check.NotNull(origin);
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "CREATE TABLE p (name VARCHAR, actor_a VARCHAR, actor_b VARCHAR, year INTEGER, value DOUBLE, origin VARCHAR, source VARCHAR)";
            cmd.ExecuteNonQuery();
        }
        using (var a = c.CreateAppender("p"))
        {
            foreach (var v in values)
            {
                a.CreateRow().AppendValue(v.Name).AppendValue(v.ActorA).AppendValue(v.ActorB).AppendValue(v.Year).AppendValue(v.Value)
                    .AppendValue(origin(v)).AppendValue(v.Source).EndRow();
            }
        }
        using var copy = c.CreateCommand();
        copy.CommandText = $"COPY p TO '{Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)";
        copy.ExecuteNonQuery();
    }

    private static void WriteValue(Utf8JsonWriter w, IndicatorValue v, string origin)
    {
        w.WriteStartObject();
        w.WriteString("name", v.Name);
        w.WriteString("actor_a", v.ActorA);
        if (v.ActorB is null)
        {
            w.WriteNull("actor_b");
        }
        else
        {
            w.WriteString("actor_b", v.ActorB);
        }
        w.WriteNumber("year", v.Year);
        w.WriteNumber("value", v.Value);
        w.WriteString("origin", origin);
        w.WriteString("source", v.Source);
        w.WriteEndObject();
    }

    private static string Csv(string s) =>
        s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
