namespace Strata.Data.Import;

/// <summary>
/// Reads Correlates of War National Material Capabilities (one state-year a row: <c>ccode, year, milex, milper,
/// irst, pec, tpop, upop, cinc</c>) into <c>nmc.&lt;column&gt;</c> per state and year. Missing values (empty,
/// NA, or COW's -9) give no value. Units are COW's: milex in thousands of current US dollars, milper, tpop and
/// upop in thousands, irst in thousands of tons, pec in thousands of coal-ton equivalents; cinc is already the
/// state's share of the system's total capabilities.
/// </summary>
public sealed class CowNmcReader : IIndicatorReader
{
    private static readonly string[] Measures = ["milex", "milper", "irst", "pec", "tpop", "upop", "cinc"];

    public static CowNmcReader Instance { get; } = new();

    public string Format => "cow-nmc";

    public bool Recognises(IReadOnlyList<string> header) =>
        IndicatorContext.HasAll(header, "ccode", "year", "cinc");

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        IndicatorContext.RequireColumns(table, Format, "ccode", "year", "cinc");
        var ccode = table.Column("ccode")!.Value;
        var yearColumn = table.Column("year")!.Value;
        var measures = Measures.Select(m => (Name: m, Column: table.Column(m))).Where(m => m.Column is not null).ToList();
        var values = new List<Indicator>();
        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCow(row, ccode, "ccode", out var actor) || !ctx.TryYear(row, yearColumn, "year", out var year))
            {
                continue;
            }
            values.Clear();
            var ok = true;
            foreach (var (name, column) in measures)
            {
                if (!ctx.TryNumber(row, column!.Value, name, out var v, "-9"))
                {
                    ok = false;
                    break;
                }
                if (v is { } value)
                {
                    values.Add(new Indicator("nmc." + name, actor, null, year, value, null, row.Line));
                }
            }
            if (ok)
            {
                ctx.AddRow(row, values);
            }
        }
    }
}
