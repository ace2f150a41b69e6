using System.Globalization;

namespace Strata.Data.Import;

/// <summary>
/// Reads directed dispute-year files of militarised interstate disputes (COW MID <c>dirdisps</c>, Gibler–Miller–
/// Little <c>dirdisp</c>: <c>dispnum, ccode1, ccode2, year, hostlev1, fatality1</c>, ...) into, per directed
/// pair and year: <c>mid.count</c> (distinct disputes), <c>mid.max_hostility</c> (the highest hostility level
/// 1–5 that state 1 reached in them) and <c>mid.fatality</c> (the highest fatality level 0–6 of state 1;
/// -9, unknown, is left out). The note lists the dispute numbers.
/// </summary>
public sealed class MidReader : IIndicatorReader
{
    public static MidReader Instance { get; } = new();

    public string Format => "cow-mid";

    public bool Recognises(IReadOnlyList<string> header) =>
        IndicatorContext.HasAll(header, "dispnum", "ccode1", "ccode2", "year", "hostlev1");

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        IndicatorContext.RequireColumns(table, Format, "dispnum", "ccode1", "ccode2", "year", "hostlev1");
        var disp = table.Column("dispnum")!.Value;
        var c1 = table.Column("ccode1")!.Value;
        var c2 = table.Column("ccode2")!.Value;
        var yearColumn = table.Column("year")!.Value;
        var hostility = table.Column("hostlev1")!.Value;
        var fatality = table.Column("fatality1");
        var cells = new Dictionary<(string A, string B, int Year), Cell>();
        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCow(row, c1, "ccode1", out var a) || !ctx.TryCow(row, c2, "ccode2", out var b) || !ctx.TryYear(row, yearColumn, "year", out var year))
            {
                continue;
            }
            if (!int.TryParse(row[disp], NumberStyles.None, CultureInfo.InvariantCulture, out var dispute))
            {
                ctx.Reject(row, "bad number", $"dispnum '{row[disp]}' is not a dispute number");
                continue;
            }
            if (!int.TryParse(row[hostility], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var host) || host is not (>= 1 and <= 5 or -9))
            {
                ctx.Reject(row, "bad number", $"hostlev1 '{row[hostility]}' is not a hostility level 1-5 (or -9)");
                continue;
            }
            var fatal = -9;
            if (fatality is { } f && !IndicatorContext.IsMissing(row[f])
                && (!int.TryParse(row[f], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out fatal) || fatal is not (>= 0 and <= 6 or -9)))
            {
                ctx.Reject(row, "bad number", $"fatality1 '{row[f]}' is not a fatality level 0-6 (or -9)");
                continue;
            }
            if (!cells.TryGetValue((a, b, year), out var cell))
            {
                cells[(a, b, year)] = cell = new Cell(row.Line);
            }
            cell.Disputes.Add(dispute);
            cell.Hostility = Math.Max(cell.Hostility, host);
            cell.Fatality = Math.Max(cell.Fatality, fatal);
        }
        foreach (var ((a, b, year), cell) in cells)
        {
            var note = "disputes " + string.Join(", ", cell.Disputes.Order().Select(d => d.ToString(CultureInfo.InvariantCulture)));
            ctx.Add(new Indicator("mid.count", a, b, year, cell.Disputes.Count, note, cell.Line));
            if (cell.Hostility > 0)
            {
                ctx.Add(new Indicator("mid.max_hostility", a, b, year, cell.Hostility, note, cell.Line));
            }
            if (cell.Fatality >= 0)
            {
                ctx.Add(new Indicator("mid.fatality", a, b, year, cell.Fatality, note, cell.Line));
            }
        }
    }

    private sealed class Cell(long line)
    {
        public long Line { get; } = line;

        public HashSet<int> Disputes { get; } = [];

        public int Hostility { get; set; } = -9;

        public int Fatality { get; set; } = -9;
    }
}
