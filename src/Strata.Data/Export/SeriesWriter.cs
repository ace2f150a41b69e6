using System.Globalization;
using DuckDB.NET.Data;
using Strata.Series;

namespace Strata.Data.Export;

/// <summary>Writes relationship series as CSV, JSON or Parquet: one row per period, missing values empty or null.</summary>
public static class SeriesWriter
{
    public static readonly string[] Columns = ["dyad", "period", "start", "end", "measure", "value", "weight", "events", "q1", "q2", "q3", "q4"];

    public static void WriteCsv(RelationSeries series, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Join(',', Columns));
        foreach (var p in series.Points)
        {
            var q = p.QuadWeights;
            output.WriteLine(string.Join(',',
                series.Dyad.ToString(), p.Period.Label, p.Period.Start.ToString("yyyy-MM-dd", inv), p.Period.End.ToString("yyyy-MM-dd", inv),
                series.Measure.ToString().ToLowerInvariant(), p.Value?.ToString("R", inv) ?? "", p.Weight.ToString("R", inv), p.Events.ToString("R", inv),
                q?[0].ToString("R", inv) ?? "", q?[1].ToString("R", inv) ?? "", q?[2].ToString("R", inv) ?? "", q?[3].ToString("R", inv) ?? ""));
        }
    }

    public static void WriteJson(RelationSeries series, Stream output)
    {
        using var w = new System.Text.Json.Utf8JsonWriter(output, new System.Text.Json.JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("dyad", series.Dyad.ToString());
        w.WriteString("granularity", series.Granularity.ToString().ToLowerInvariant());
        w.WriteString("measure", series.Measure.ToString().ToLowerInvariant());
        w.WriteStartArray("points");
        foreach (var p in series.Points)
        {
            w.WriteStartObject();
            w.WriteString("period", p.Period.Label);
            w.WriteString("start", p.Period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (p.Value is { } v)
            {
                w.WriteNumber("value", v);
            }
            else
            {
                w.WriteNull("value");
            }
            w.WriteNumber("weight", p.Weight);
            w.WriteNumber("events", p.Events);
            if (p.QuadWeights is { } q)
            {
                w.WriteStartArray("quad");
                foreach (var x in q)
                {
                    w.WriteNumberValue(x);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>JSON lines: one object per period, with the same columns as the CSV (null where missing).</summary>
    public static void WriteJsonLines(RelationSeries series, Stream output)
    {
        var inv = CultureInfo.InvariantCulture;
        foreach (var p in series.Points)
        {
            using (var w = new System.Text.Json.Utf8JsonWriter(output))
            {
                w.WriteStartObject();
                w.WriteString("dyad", series.Dyad.ToString());
                w.WriteString("period", p.Period.Label);
                w.WriteString("start", p.Period.Start.ToString("yyyy-MM-dd", inv));
                w.WriteString("end", p.Period.End.ToString("yyyy-MM-dd", inv));
                w.WriteString("measure", series.Measure.ToString().ToLowerInvariant());
                if (p.Value is { } v)
                {
                    w.WriteNumber("value", v);
                }
                else
                {
                    w.WriteNull("value");
                }
                w.WriteNumber("weight", p.Weight);
                w.WriteNumber("events", p.Events);
                for (var q = 0; q < 4; q++)
                {
                    if (p.QuadWeights is { } quads)
                    {
                        w.WriteNumber($"q{q + 1}", quads[q]);
                    }
                    else
                    {
                        w.WriteNull($"q{q + 1}");
                    }
                }
                w.WriteEndObject();
            }
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>Writes Parquet through an in-memory DuckDB, so the file has proper types and nulls.</summary>
    public static void WriteParquet(RelationSeries series, string path)
    {
        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using (var cmd = c.CreateCommand())
        {
            cmd.CommandText = "CREATE TABLE s (dyad VARCHAR, period VARCHAR, start DATE, \"end\" DATE, measure VARCHAR, value DOUBLE, weight DOUBLE, events DOUBLE, q1 DOUBLE, q2 DOUBLE, q3 DOUBLE, q4 DOUBLE)";
            cmd.ExecuteNonQuery();
        }
        using (var a = c.CreateAppender("s"))
        {
            foreach (var p in series.Points)
            {
                var q = p.QuadWeights;
                a.CreateRow().AppendValue(series.Dyad.ToString()).AppendValue(p.Period.Label).AppendValue(p.Period.Start).AppendValue(p.Period.End)
                    .AppendValue(series.Measure.ToString().ToLowerInvariant()).AppendValue(p.Value).AppendValue(p.Weight).AppendValue(p.Events)
                    .AppendValue(q?[0]).AppendValue(q?[1]).AppendValue(q?[2]).AppendValue(q?[3]).EndRow();
            }
        }
        using var copy = c.CreateCommand();
        copy.CommandText = $"COPY s TO '{Path.GetFullPath(path).Replace("'", "''", StringComparison.Ordinal)}' (FORMAT PARQUET)";
        copy.ExecuteNonQuery();
    }
}
