using System.Globalization;

namespace Strata.Data.Import;

/// <summary>
/// Reads the SIPRI Arms Transfers Database trade register (CSV export, one deal a row) into yearly series
/// per supplier → recipient pair: <c>arms.orders</c> (deals ordered that year), <c>arms.ordered_units</c>
/// (weapons ordered that year), <c>arms.deliveries</c> (deals delivering that year) and
/// <c>arms.tiv_delivered</c> (SIPRI trend-indicator value delivered that year; a deal's delivered TIV is spread
/// equally over its delivery years, since the register does not say how much arrived in which year). When the file
/// has a "Weapon description" column, units are also counted by weapon category (<see cref="SipriWeaponCategories"/>):
/// <c>arms.ordered_units.&lt;category&gt;</c> in the order year and <c>arms.delivered_units.&lt;category&gt;</c>, a
/// deal's delivered number spread equally over its delivery years like the TIV (so values may be fractional).
/// </summary>
/// <remarks>
/// SIPRI marks uncertain values with <c>?</c>, either in a companion column ("Order year uncertain") or after
/// the value ("1956?"), and estimates in parentheses ("(100)"); both are kept as flags: the note of each
/// value lists the register lines it sums and those whose contributing field was uncertain. Supplier and
/// recipient are country names ("Soviet Union" is RUS).
/// </remarks>
public sealed class SipriReader : IIndicatorReader
{
    private const string TivNote = "delivered TIV spread equally over each deal's delivery years";
    private const string UnitsNote = "number delivered spread equally over each deal's delivery years (fractional values kept)";
    private const string DeliveredUnits = "arms.delivered_units.";
    private const string OrderedUnits = "arms.ordered_units.";

    public static SipriReader Instance { get; } = new();

    public string Format => "sipri";

    public bool Recognises(IReadOnlyList<string> header) =>
        header.Contains("Supplier", StringComparer.OrdinalIgnoreCase) && header.Contains("Year(s) of delivery", StringComparer.OrdinalIgnoreCase);

    public void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken)
    {
        var table = TextTable.Read(input);
        IndicatorContext.RequireColumns(table, Format, "Recipient", "Supplier", "Year of order", "Number ordered", "Number delivered",
            "Year(s) of delivery", "SIPRI TIV of delivered weapons");
        var recipient = table.Column("Recipient")!.Value;
        var supplier = table.Column("Supplier")!.Value;
        var orderYear = table.Column("Year of order")!.Value;
        var ordered = table.Column("Number ordered")!.Value;
        var delivered = table.Column("Number delivered")!.Value;
        var years = table.Column("Year(s) of delivery")!.Value;
        var tiv = table.Column("SIPRI TIV of delivered weapons")!.Value;
        var orderYearFlag = table.Column("Order year uncertain");
        var orderedFlag = table.Column("Number ordered uncertain");
        var deliveredFlag = table.Column("Number delivered uncertain");
        var description = table.Column("Weapon description");
        var cells = new Dictionary<(string Name, string A, string B, int Year), Cell>();

        void Put(string name, string a, string b, int year, double value, long line, bool uncertain)
        {
            if (!cells.TryGetValue((name, a, b, year), out var cell))
            {
                cells[(name, a, b, year)] = cell = new Cell();
            }
            cell.Value += value;
            cell.Lines.Add(line);
            if (uncertain)
            {
                cell.Uncertain.Add(line);
            }
        }

        foreach (var row in ctx.Rows(table, cancellationToken))
        {
            if (!ctx.TryCountry(row, supplier, "Supplier", out var a) || !ctx.TryCountry(row, recipient, "Recipient", out var b))
            {
                continue;
            }
            var (orderText, orderUncertain) = Flagged(row[orderYear], orderYearFlag is { } f1 && row[f1] == "?");
            if (!int.TryParse(orderText, NumberStyles.None, CultureInfo.InvariantCulture, out var order) || order is < 1 or > 9999)
            {
                ctx.Reject(row, "bad year", $"Year of order '{row[orderYear]}' is not a year");
                continue;
            }
            var (orderedText, orderedUncertain) = Flagged(row[ordered], orderedFlag is { } f2 && row[f2] == "?");
            var (deliveredText, deliveredUncertain) = Flagged(row[delivered], deliveredFlag is { } f3 && row[f3] == "?");
            if (!TryNumber(orderedText, out var units))
            {
                ctx.Reject(row, "bad number", $"Number ordered '{row[ordered]}' is not a number");
                continue;
            }
            if (!TryNumber(deliveredText, out var deliveredUnits))
            {
                ctx.Reject(row, "bad number", $"Number delivered '{row[delivered]}' is not a number");
                continue;
            }
            var (tivText, tivUncertain) = Flagged(row[tiv], false);
            if (!TryNumber(tivText, out var tivValue))
            {
                ctx.Reject(row, "bad number", $"SIPRI TIV of delivered weapons '{row[tiv]}' is not a number");
                continue;
            }
            if (!TryYears(row[years], out var deliveryYears, out var badYear))
            {
                ctx.Reject(row, "bad year", $"Year(s) of delivery: '{badYear}' is not a year (expected a list such as '1958; 1959')");
                continue;
            }

            Put("arms.orders", a, b, order, 1, row.Line, orderUncertain);
            var category = description is { } dc ? SipriWeaponCategories.Of(row[dc]) : null;
            if (units is { } u)
            {
                Put("arms.ordered_units", a, b, order, u, row.Line, orderUncertain || orderedUncertain);
                if (category is not null)
                {
                    Put(OrderedUnits + category, a, b, order, u, row.Line, orderUncertain || orderedUncertain);
                }
            }
            foreach (var (year, yearUncertain) in deliveryYears)
            {
                Put("arms.deliveries", a, b, year, 1, row.Line, deliveredUncertain || yearUncertain);
                if (tivValue is { } t)
                {
                    Put("arms.tiv_delivered", a, b, year, t / deliveryYears.Count, row.Line, deliveredUncertain || yearUncertain || tivUncertain);
                }
                if (category is not null && deliveredUnits is { } n)
                {
                    Put(DeliveredUnits + category, a, b, year, n / deliveryYears.Count, row.Line, deliveredUncertain || yearUncertain);
                }
            }
        }

        foreach (var ((name, a, b, year), cell) in cells.OrderBy(c => c.Key.Name, StringComparer.Ordinal).ThenBy(c => c.Key.A, StringComparer.Ordinal)
            .ThenBy(c => c.Key.B, StringComparer.Ordinal).ThenBy(c => c.Key.Year))
        {
            var note = $"deals on lines {Lines(cell.Lines)}";
            if (cell.Uncertain.Count > 0)
            {
                note += $"; uncertain (?) on lines {Lines(cell.Uncertain)}";
            }
            if (name == "arms.tiv_delivered")
            {
                note += "; " + TivNote;
            }
            else if (name.StartsWith(DeliveredUnits, StringComparison.Ordinal))
            {
                note += "; " + UnitsNote;
            }
            ctx.Add(new Indicator(name, a, b, year, cell.Value, note, cell.Lines[0]));
        }
    }

    private static string Lines(List<long> lines) => string.Join(", ", lines.Distinct().Select(l => l.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The value without its uncertainty marks (a trailing '?', enclosing parentheses), and whether it had any.</summary>
    internal static (string Value, bool Uncertain) Flagged(string text, bool flagged)
    {
        var s = text.Trim();
        var uncertain = flagged;
        if (s.EndsWith('?'))
        {
            s = s[..^1].TrimEnd();
            uncertain = true;
        }
        if (s.Length >= 2 && s[0] == '(' && s[^1] == ')')
        {
            s = s[1..^1].Trim();
            uncertain = true;
        }
        return (s, uncertain);
    }

    private static bool TryNumber(string text, out double? value)
    {
        value = null;
        if (IndicatorContext.IsMissing(text))
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v >= 0)
        {
            value = v;
            return true;
        }
        return false;
    }

    /// <summary>Reads a delivery-year list ("1958; 1959", "1958?", empty for none); each year once.</summary>
    private static bool TryYears(string text, out List<(int Year, bool Uncertain)> years, out string bad)
    {
        years = [];
        bad = "";
        foreach (var token in text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var (s, uncertain) = Flagged(token, false);
            if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || y is < 1 or > 9999)
            {
                bad = token;
                return false;
            }
            if (years.All(p => p.Year != y))
            {
                years.Add((y, uncertain));
            }
        }
        return true;
    }

    private sealed class Cell
    {
        public double Value { get; set; }

        public List<long> Lines { get; } = [];

        public List<long> Uncertain { get; } = [];
    }
}
