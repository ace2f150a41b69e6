namespace Strata.Data.Import;

/// <summary>
/// Reads directed dyad-year alliance files, <c>ccode1, ccode2, year</c> and one 0/1 column per type of
/// commitment, into <c>alliance.&lt;type&gt;</c> = 1 for each commitment the row holds (0 gives no value).
/// COW Formal Alliances v4.1 (<c>cow_defense, cow_neutral, cow_nonagg, cow_entente</c>) and ATOP
/// (<c>atop_defense, atop_offense, atop_neutral, atop_nonagg, atop_consul</c>) share the names of the types
/// they share: defense, neutrality, nonaggression; COW adds entente, ATOP offense and consultation.
/// </summary>
public sealed class AllianceReader : IIndicatorReader
{
    private readonly (string Column, string Type)[] _types;

    private AllianceReader(string format, params (string Column, string Type)[] types)
    {
        Format = format;
        _types = types;
    }

    public static AllianceReader Cow { get; } = new("cow-alliances",
        ("cow_defense", "defense"), ("cow_neutral", "neutrality"), ("cow_nonagg", "nonaggression"), ("cow_entente", "entente"));

    public static AllianceReader Atop { get; } = new("atop",
        ("atop_defense", "defense"), ("atop_offense", "offense"), ("atop_neutral", "neutrality"), ("atop_nonagg", "nonaggression"), ("atop_consul", "consultation"));

    public string Format { get; }

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("ccode1", StringComparer.OrdinalIgnoreCase) && header.Contains(_types[0].Column, StringComparer.OrdinalIgnoreCase);

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        IndicatorContext.RequireColumns(table, Format, ["ccode1", "ccode2", "year", .. _types.Select(t => t.Column)]);
        var c1 = table.Column("ccode1")!.Value;
        var c2 = table.Column("ccode2")!.Value;
        var yearColumn = table.Column("year")!.Value;
        var types = _types.Select(t => (t.Column, t.Type, Index: table.Column(t.Column)!.Value)).ToList();
        var values = new List<Indicator>();
        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCow(row, c1, "ccode1", out var a) || !ctx.TryCow(row, c2, "ccode2", out var b) || !ctx.TryYear(row, yearColumn, "year", out var year))
            {
                continue;
            }
            values.Clear();
            var bad = types.FirstOrDefault(t => row[t.Index] is not ("0" or "1"));
            if (bad.Column is not null)
            {
                ctx.Reject(row, "bad number", $"{bad.Column} '{row[bad.Index]}' is not 0 or 1");
                continue;
            }
            foreach (var (_, type, index) in types)
            {
                if (row[index] == "1")
                {
                    values.Add(new Indicator("alliance." + type, a, b, year, 1, null, row.Line));
                }
            }
            ctx.AddRow(row, values);
        }
    }
}
