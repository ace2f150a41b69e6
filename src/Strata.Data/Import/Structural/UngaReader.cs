namespace Strata.Data.Import;

/// <summary>
/// Reads the Bailey–Strezhnev–Voeten UN General Assembly ideal points (one state-year a row: <c>year, ccode,
/// IdealPointAll, USAgree, RUSSAgree, ChinaAgree</c>, ...) into <c>unga.idealpoint</c> per state and year and
/// <c>unga.agree</c> per state and year with the USA, RUS and CHN (the share of votes in which the state voted
/// as that power did; a power's agreement with itself is left out). NA gives no value.
/// </summary>
public sealed class UngaReader : IIndicatorReader
{
    private static readonly (string[] Columns, string Actor)[] Partners =
        [(["USAgree", "USAAgree"], "USA"), (["RUSSAgree", "RUSAgree"], "RUS"), (["ChinaAgree", "CHNAgree"], "CHN")];

    public static UngaReader Instance { get; } = new();

    public string Format => "unga";

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("ccode", StringComparer.OrdinalIgnoreCase) && header.Contains("year", StringComparer.OrdinalIgnoreCase)
        && (header.Contains("IdealPointAll", StringComparer.OrdinalIgnoreCase) || header.Contains("IdealPoint", StringComparer.OrdinalIgnoreCase));

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        var ideal = table.Column("IdealPointAll", "IdealPoint");
        IndicatorContext.RequireColumns(table, Format, "ccode", "year", ideal is null ? "IdealPointAll" : table.Header[ideal.Value]);
        var ccode = table.Column("ccode")!.Value;
        var yearColumn = table.Column("year")!.Value;
        var votes = table.Column("NVotesAll", "NVotes");
        var partners = Partners.Select(p => (Column: table.Column(p.Columns), p.Actor)).Where(p => p.Column is not null).ToList();
        var values = new List<Indicator>();
        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCow(row, ccode, "ccode", out var actor) || !ctx.TryYear(row, yearColumn, "year", out var year)
                || !ctx.TryNumber(row, ideal!.Value, table.Header[ideal.Value], out var point))
            {
                continue;
            }
            values.Clear();
            if (point is { } p)
            {
                values.Add(new Indicator("unga.idealpoint", actor, null, year, p, votes is { } v ? $"{row[v]} votes" : null, row.Line));
            }
            var ok = true;
            foreach (var (column, partner) in partners)
            {
                if (!ctx.TryNumber(row, column!.Value, table.Header[column.Value], out var share))
                {
                    ok = false;
                    break;
                }
                if (share is { } s && partner != actor)
                {
                    values.Add(new Indicator("unga.agree", actor, partner, year, s, null, row.Line));
                }
            }
            if (ok)
            {
                ctx.AddRow(row, values);
            }
        }
    }
}
