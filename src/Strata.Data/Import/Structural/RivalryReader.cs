namespace Strata.Data.Import;

/// <summary>
/// Reads Thompson-style strategic-rivalry lists, one rivalry a row with its two COW states and its start and
/// end years, into <c>rivalry.active</c> = 1 for the pair in every year from start to end (inclusive). Both
/// published layouts are read: Thompson &amp; Dreyer 2012 (<c>rivalryno, rivalryname, ccode1, ccode2, styear,
/// endyear, type1..type3</c>) and Thompson, Sakuwa &amp; Suhas 2021 (<c>tssr_id, rivalry, ccode1, ccode2,
/// start, end</c> and 0/1 columns <c>positional, spatial, ideological, interventionary, principal, aprin</c>).
/// </summary>
/// <remarks>
/// Rivalries are undirected: <c>actor_a</c> is the alphabetically first Strata code of the pair. The note
/// names the rivalry and its types; when two rivalries of the same pair overlap in a year, their notes are
/// joined with " | ".
/// </remarks>
public sealed class RivalryReader : IIndicatorReader
{
    private static readonly string[] TypeColumns = ["type1", "type2", "type3"];
    private static readonly string[] FlagColumns = ["positional", "spatial", "ideological", "interventionary", "principal", "aprin"];

    public static RivalryReader Instance { get; } = new();

    public string Format => "rivalries";

    public bool Recognises(IReadOnlyList<string> header)
    {
        bool Has(string c) => header.Contains(c, StringComparer.OrdinalIgnoreCase);
        return Has("ccode1") && Has("ccode2") && ((Has("styear") && Has("endyear") && Has("rivalryname")) || (Has("start") && Has("end") && Has("rivalry")));
    }

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        var start = table.Column("styear", "start");
        var end = table.Column("endyear", "end");
        IndicatorContext.RequireColumns(table, Format, "ccode1", "ccode2", start is null ? "styear" : table.Header[start.Value], end is null ? "endyear" : table.Header[end.Value]);
        var c1 = table.Column("ccode1")!.Value;
        var c2 = table.Column("ccode2")!.Value;
        var name = table.Column("rivalryname", "rivalry");
        var id = table.Column("rivalryno", "tssr_id");
        var typeColumns = TypeColumns.Select(table.Column).OfType<int>().ToList();
        var flagColumns = FlagColumns.Select(f => (Name: f, Column: table.Column(f))).Where(f => f.Column is not null).ToList();
        var years = new Dictionary<(string A, string B, int Year), (long Line, List<string> Notes)>();

        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCow(row, c1, "ccode1", out var a) || !ctx.TryCow(row, c2, "ccode2", out var b)
                || !ctx.TryYear(row, start!.Value, table.Header[start.Value], out var from) || !ctx.TryYear(row, end!.Value, table.Header[end.Value], out var to))
            {
                continue;
            }
            if (to < from)
            {
                ctx.Reject(row, "bad year range", $"the rivalry ends ({to}) before it starts ({from})");
                continue;
            }
            var flags = new List<string>();
            foreach (var (flag, column) in flagColumns)
            {
                var v = row[column!.Value];
                if (v == "1")
                {
                    flags.Add(flag);
                }
                else if (!IndicatorContext.IsMissing(v) && v != "0")
                {
                    flags.Add("bad");
                    ctx.Reject(row, "bad number", $"{flag} '{v}' is not 0, 1 or empty");
                    break;
                }
            }
            if (flags.Contains("bad"))
            {
                continue;
            }
            var types = typeColumns.Select(c => row[c]).Where(t => !IndicatorContext.IsMissing(t)).Concat(flags);
            var label = (name is { } n ? row[n] : "") + (id is { } i ? $" (#{row[i]})" : "");
            var note = $"{label.Trim()}: {string.Join(", ", types)}";
            var (x, y) = string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);
            for (var year = from; year <= to; year++)
            {
                if (years.TryGetValue((x, y, year), out var cell))
                {
                    cell.Notes.Add(note);
                }
                else
                {
                    years[(x, y, year)] = (row.Line, [note]);
                }
            }
        }
        foreach (var ((a, b, year), (line, notes)) in years)
        {
            ctx.Add(new Indicator("rivalry.active", a, b, year, 1, string.Join(" | ", notes), line));
        }
    }
}
