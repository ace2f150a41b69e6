using System.Globalization;

namespace Strata.Data.Series;

/// <summary>
/// Reads a numeric series from a text file: one number per line, or one column of a CSV file whose first row is a
/// header. Numbers use the invariant culture (a dot for decimals). An empty cell or line, <c>NA</c> or <c>NaN</c>
/// is a missing value (NaN), kept in place so that indices stay aligned with the file; anything else that is not a
/// number is an error naming the file, the line and the text. Trailing empty lines are ignored.
/// </summary>
public static class SeriesReader
{
    public static double[] Read(string path, string? column = null)
    {
        Check.NotBlank(path);
        var lines = File.ReadAllLines(path);
        var count = lines.Length;
        while (count > 0 && lines[count - 1].Trim().Length == 0)
        {
            count--;
        }
        var values = new List<double>(count);
        var issues = new List<DataIssue>();
        if (column is null)
        {
            for (var i = 0; i < count; i++)
            {
                Parse(lines[i].Trim(), path, i + 1, 1, "", values, issues);
            }
        }
        else
        {
            if (count == 0)
            {
                throw new DataException($"{path}: the file is empty; expected a header row naming column '{column}'", [new DataIssue(path, 1, 1, column, "empty file")]);
            }
            var header = SplitCsv(lines[0]);
            var index = header.FindIndex(h => h == column);
            if (index < 0)
            {
                index = header.FindIndex(h => string.Equals(h, column, StringComparison.OrdinalIgnoreCase));
            }
            if (index < 0)
            {
                var message = $"no column '{column}' in the header (columns: {string.Join(", ", header)})";
                throw new DataException($"{path}:1: {message}", [new DataIssue(path, 1, 1, column, message)]);
            }
            for (var i = 1; i < count; i++)
            {
                var cells = SplitCsv(lines[i]);
                if (index >= cells.Count)
                {
                    issues.Add(new DataIssue(path, i + 1, 0, column, $"the row has {cells.Count} cell(s); column '{column}' is cell {index + 1}"));
                    continue;
                }
                Parse(cells[index], path, i + 1, index + 1, column, values, issues);
            }
        }
        if (issues.Count > 0)
        {
            var first = issues[0];
            var more = issues.Count > 1 ? $" (and {issues.Count - 1} more problem(s))" : "";
            throw new DataException($"{first.File}:{first.Line}: {first.Message}{more}", issues);
        }
        return [.. values];
    }

    private static void Parse(string text, string path, int line, int col, string field, List<double> values, List<DataIssue> issues)
    {
        var t = text.Trim();
        if (t.Length == 0 || t.Equals("NA", StringComparison.OrdinalIgnoreCase) || t.Equals("NaN", StringComparison.OrdinalIgnoreCase))
        {
            values.Add(double.NaN);
            return;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            values.Add(v);
            return;
        }
        issues.Add(new DataIssue(path, line, col, field, $"not a number: '{t}'"));
    }

    /// <summary>Splits one CSV line on commas, honouring double quotes ("" inside quotes is a quote).</summary>
    internal static List<string> SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var ch = line[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }
        cells.Add(cell.ToString().Trim());
        return cells;
    }
}
