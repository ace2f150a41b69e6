using System.Globalization;
using Strata.Domain;

namespace Strata.Data.Curated;

/// <summary>
/// Reads a CAMEO codebook written as tab-separated text with the header
/// <c>code, root, quad_class, goldstein, name</c> (the project's <c>data/codebooks/cameo.tsv</c>).
/// </summary>
public static class CodebookReader
{
    private static readonly string[] Header = ["code", "root", "quad_class", "goldstein", "name"];

    public static (CameoCodebook Codebook, IReadOnlyList<DataIssue> Issues) Read(string path, string name, string? displayName = null)
    {
        var file = displayName ?? path;
        var issues = new List<DataIssue>();
        var entries = new List<CodebookEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            var cols = line.Split('\t');
            if (lineNo == 1)
            {
                if (!cols.SequenceEqual(Header))
                {
                    issues.Add(new DataIssue(file, 1, 1, "header", $"expected the columns {string.Join(", ", Header)}"));
                    break;
                }
                continue;
            }
            if (line.Length == 0)
            {
                continue;
            }
            if (cols.Length != Header.Length)
            {
                issues.Add(new DataIssue(file, lineNo, 1, "", $"expected {Header.Length} tab-separated columns, got {cols.Length}"));
                continue;
            }
            if (!EventCode.TryParse(cols[0], out var code))
            {
                issues.Add(new DataIssue(file, lineNo, 1, "code", $"expected a CAMEO code of 2 to 4 digits, got '{cols[0]}'"));
                continue;
            }
            if (cols[1] != code.Root)
            {
                issues.Add(new DataIssue(file, lineNo, 1, "root", $"expected '{code.Root}' for code {code}, got '{cols[1]}'"));
            }
            if (cols[2] != ((int)code.QuadClass).ToString(CultureInfo.InvariantCulture))
            {
                issues.Add(new DataIssue(file, lineNo, 1, "quad_class", $"expected {(int)code.QuadClass} for code {code}, got '{cols[2]}'"));
            }
            if (!double.TryParse(cols[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var g) || g is < -10 or > 10)
            {
                issues.Add(new DataIssue(file, lineNo, 1, "goldstein", $"expected a number from -10 to 10, got '{cols[3]}'"));
                continue;
            }
            if (!seen.Add(code.Value))
            {
                issues.Add(new DataIssue(file, lineNo, 1, "code", $"code {code} is listed twice"));
                continue;
            }
            entries.Add(new CodebookEntry(code, cols[4], g));
        }
        return (new CameoCodebook(name, entries), issues);
    }
}
