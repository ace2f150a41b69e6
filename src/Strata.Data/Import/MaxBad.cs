using System.Globalization;

namespace Strata.Data.Import;

/// <summary>How many quarantined rows a file may have before its import fails: a count, or a share of rows read.</summary>
public sealed record MaxBad(long? Count, double? Percent)
{
    /// <summary>No limit: bad rows are quarantined and the import goes on.</summary>
    public static readonly MaxBad Unlimited = new(null, null);

    /// <summary>Reads "100" (rows) or "0.5%" (of rows read).</summary>
    public static bool TryParse(string text, out MaxBad value)
    {
        value = Unlimited;
        var s = text.Trim();
        var inv = CultureInfo.InvariantCulture;
        if (s.EndsWith('%'))
        {
            if (double.TryParse(s[..^1], NumberStyles.Float, inv, out var p) && p is >= 0 and <= 100)
            {
                value = new MaxBad(null, p);
                return true;
            }
            return false;
        }
        if (long.TryParse(s, NumberStyles.None, inv, out var n))
        {
            value = new MaxBad(n, null);
            return true;
        }
        return false;
    }

    public bool IsExceeded(long quarantined, long rowsRead) =>
        (Count is { } n && quarantined > n) || (Percent is { } p && rowsRead > 0 && 100.0 * quarantined / rowsRead > p);

    public override string ToString() =>
        Count is { } n ? n.ToString(CultureInfo.InvariantCulture) : Percent is { } p ? p.ToString(CultureInfo.InvariantCulture) + "%" : "unlimited";
}
