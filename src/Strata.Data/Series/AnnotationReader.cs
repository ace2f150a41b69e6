using System.Globalization;
using System.Text.Json;

namespace Strata.Data.Series;

/// <summary>One annotator's change points, as TCPDBench locations (0-based index of the first observation of a new segment).</summary>
public sealed record Annotator(string Id, IReadOnlyList<int> Locations);

/// <summary>
/// Reads annotated change points for <c>strata cpd eval</c>. Two formats, told apart by the first non-blank character:
/// <list type="bullet">
/// <item><b>JSON</b> (<c>{</c>), TCPDBench's form for one series: <c>{"annotator_id": [locations...], ...}</c>, each list
/// one annotator; locations are TCPDBench's, the 0-based index of the first observation of a new segment.</item>
/// <item><b>Text</b>: one whole number per line, the whole file one annotator named after the file; blank lines and
/// lines starting with <c>#</c> are skipped. Numbers are Strata's (R's) change points, the 1-based index of the last
/// observation of a segment, as <c>strata cpd detect</c> prints them.</item>
/// </list>
/// The two conventions give the same number for the same change (a change after observation c, 1-based, starts the
/// next segment at 0-based index c), so no conversion is needed between them; the difference is only in how each
/// is described. Every problem is reported with its file and line.
/// </summary>
public static class AnnotationReader
{
    public static IReadOnlyList<Annotator> Read(string path)
    {
        Check.NotBlank(path);
        var text = File.ReadAllText(path);
        return text.TrimStart().StartsWith('{') ? ReadJson(path, text) : ReadText(path, text);
    }

    private static List<Annotator> ReadJson(string path, string text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            throw new DataException($"{path}:{line}: not valid JSON: {e.Message}", [new DataIssue(path, line, 0, "", "not valid JSON")]);
        }
        using (doc)
        {
            var annotators = new List<Annotator>();
            var issues = new List<DataIssue>();
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Array)
                {
                    issues.Add(new DataIssue(path, 0, 0, property.Name, "expected an array of change point locations"));
                    continue;
                }
                var locations = new List<int>();
                foreach (var item in property.Value.EnumerateArray())
                {
                    if (item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var v) && v >= 0)
                    {
                        locations.Add(v);
                    }
                    else
                    {
                        issues.Add(new DataIssue(path, 0, 0, property.Name, $"not a location (a whole number ≥ 0): {item.GetRawText()}"));
                    }
                }
                annotators.Add(new Annotator(property.Name, locations.AsReadOnly()));
            }
            Fail(issues);
            if (annotators.Count == 0)
            {
                throw new DataException($"{path}: no annotator (expected {{\"annotator_id\": [locations...]}})");
            }
            return annotators;
        }
    }

    private static List<Annotator> ReadText(string path, string text)
    {
        var lines = text.Split('\n');
        var locations = new List<int>();
        var issues = new List<DataIssue>();
        for (var i = 0; i < lines.Length; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0 || t.StartsWith('#'))
            {
                continue;
            }
            if (int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= 0)
            {
                locations.Add(v);
            }
            else
            {
                issues.Add(new DataIssue(path, i + 1, 1, "", $"not a change point (a whole number ≥ 0): '{t}'"));
            }
        }
        Fail(issues);
        return [new Annotator(Path.GetFileNameWithoutExtension(path), locations.AsReadOnly())];
    }

    private static void Fail(List<DataIssue> issues)
    {
        if (issues.Count == 0)
        {
            return;
        }
        var first = issues[0];
        var where = first.Line > 0 ? $"{first.File}:{first.Line}" : first.File;
        var field = first.Field.Length > 0 ? first.Field + ": " : "";
        var more = issues.Count > 1 ? $" (and {issues.Count - 1} more problem(s))" : "";
        throw new DataException($"{where}: {field}{first.Message}{more}", issues);
    }
}
