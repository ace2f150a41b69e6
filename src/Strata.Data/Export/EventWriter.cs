using System.Globalization;
using System.Text.Json;
using nietras.SeparatedValues;
using Strata.Domain;

namespace Strata.Data.Export;

/// <summary>Writes events as CSV (one row per event, sources joined) or JSON (every field, sources as objects).</summary>
public static class EventWriter
{
    public static readonly string[] CsvColumns =
    [
        "id", "date", "date_start", "date_end", "precision", "source", "target", "witnesses", "cameo", "root", "quad_class",
        "goldstein", "magnitude", "magnitude_unit", "level", "confidence", "description", "tags", "sources", "disputed", "dataset", "file", "line",
    ];

    public static void WriteCsv(IEnumerable<Event> events, TextWriter output)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = 0;
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).To(output, leaveOpen: true);
        foreach (var e in events)
        {
            rows++;
            using var row = writer.NewRow();
            row["id"].Set(e.Id);
            row["date"].Set(e.Date.Text);
            row["date_start"].Set(e.Date.Start.ToString("yyyy-MM-dd", inv));
            row["date_end"].Set(e.Date.End.ToString("yyyy-MM-dd", inv));
            row["precision"].Set(e.Date.Precision.ToString().ToLowerInvariant());
            row["source"].Set(e.Source);
            row["target"].Set(e.Target);
            row["witnesses"].Set(string.Join(';', e.Witnesses));
            row["cameo"].Set(e.Code.Value);
            row["root"].Set(e.Code.Root);
            row["quad_class"].Set(((int)e.QuadClass).ToString(inv));
            row["goldstein"].Set(e.Goldstein.ToString("0.0##", inv));
            row["magnitude"].Set(e.Magnitude?.Value.ToString("0.####", inv) ?? "");
            row["magnitude_unit"].Set(e.Magnitude?.Unit ?? "");
            row["level"].Set(e.Level.ToString().ToLowerInvariant());
            row["confidence"].Set(e.Confidence.ToString().ToLowerInvariant());
            row["description"].Set(e.Description);
            row["tags"].Set(string.Join(';', e.Tags));
            row["sources"].Set(string.Join(" | ", e.Sources.Select(s => s.ToReference() + (s.Url is null ? "" : " <" + s.Url + ">"))));
            row["disputed"].Set(string.Join(" | ", e.Disputes.Select(d => $"{d.Field}: {d.Note}")));
            row["dataset"].Set(e.Provenance?.Dataset ?? "");
            row["file"].Set(e.Provenance?.File ?? "");
            row["line"].Set(e.Provenance?.Line.ToString(inv) ?? "");
        }
        if (rows == 0)
        {
            output.WriteLine(string.Join(',', CsvColumns));
        }
    }

    public static void WriteJson(IEnumerable<Event> events, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartArray();
        foreach (var e in events)
        {
            WriteJson(e, w);
        }
        w.WriteEndArray();
    }

    public static void WriteJson(Event e, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteStartObject("date");
        w.WriteString("text", e.Date.Text);
        w.WriteString("start", e.Date.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("end", e.Date.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteString("precision", e.Date.Precision.ToString().ToLowerInvariant());
        w.WriteEndObject();
        w.WriteString("source", e.Source);
        w.WriteString("target", e.Target);
        WriteStrings(w, "witnesses", e.Witnesses);
        w.WriteString("cameo", e.Code.Value);
        w.WriteString("root", e.Code.Root);
        w.WriteNumber("quad_class", (int)e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        if (e.Magnitude is not null)
        {
            w.WriteStartObject("magnitude");
            w.WriteNumber("value", e.Magnitude.Value);
            w.WriteString("unit", e.Magnitude.Unit);
            w.WriteEndObject();
        }
        w.WriteString("level", e.Level.ToString().ToLowerInvariant());
        w.WriteString("confidence", e.Confidence.ToString().ToLowerInvariant());
        w.WriteString("description", e.Description);
        WriteStrings(w, "tags", e.Tags);
        w.WriteStartArray("sources");
        foreach (var s in e.Sources)
        {
            w.WriteStartObject();
            WriteOptional(w, "author", s.Author);
            w.WriteString("title", s.Title);
            WriteOptional(w, "publisher", s.Publisher);
            WriteOptional(w, "date", s.Date?.Text);
            WriteOptional(w, "url", s.Url);
            WriteOptional(w, "archive_id", s.ArchiveId);
            WriteOptional(w, "page", s.Page);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (e.Disputes.Count > 0)
        {
            w.WriteStartArray("disputed");
            foreach (var d in e.Disputes)
            {
                w.WriteStartObject();
                w.WriteString("field", d.Field);
                w.WriteString("note", d.Note);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (e.Provenance is not null)
        {
            w.WriteStartObject("provenance");
            w.WriteString("dataset", e.Provenance.Dataset);
            w.WriteString("file", e.Provenance.File);
            w.WriteNumber("line", e.Provenance.Line);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteStringValue(v);
        }
        w.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null)
        {
            w.WriteString(name, value);
        }
    }
}
