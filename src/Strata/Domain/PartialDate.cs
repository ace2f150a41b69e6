using System.Globalization;

namespace Strata.Domain;

/// <summary>How precisely a <see cref="PartialDate"/> is known.</summary>
public enum DatePrecision
{
    Day,
    Month,
    Quarter,
    Half,
    /// <summary>Early, mid or late in a year.</summary>
    PartOfYear,
    Season,
    Year,
    Range,
}

/// <summary>
/// A date known only as precisely as the sources allow: a day, a month, a quarter, a half, a part of a
/// year ("early 2024"), a season, a year, or a range between two of these. Every form denotes a closed
/// interval of days [<see cref="Start"/>, <see cref="End"/>].
/// </summary>
/// <remarks>
/// Ordering is by start, then by end (the narrower first). Because imprecise dates can overlap, the
/// ordering is a sort order, not a statement about what happened first: use
/// <see cref="IsCertainlyBefore"/>, <see cref="IsPossiblyBefore"/> and <see cref="Overlaps"/> for that.
/// </remarks>
public sealed class PartialDate : IComparable<PartialDate>, IEquatable<PartialDate>
{
    private static readonly string[] Parts = ["early", "mid", "late"];
    private static readonly string[] Seasons = ["spring", "summer", "autumn", "winter"];

    private PartialDate(DateOnly start, DateOnly end, DatePrecision precision, string text)
    {
        Start = start;
        End = end;
        Precision = precision;
        Text = text;
    }

    /// <summary>First day of the interval.</summary>
    public DateOnly Start { get; }

    /// <summary>Last day of the interval (inclusive).</summary>
    public DateOnly End { get; }

    public DatePrecision Precision { get; }

    /// <summary>The canonical written form, which <see cref="Parse"/> reads back to an equal date.</summary>
    public string Text { get; }

    /// <summary>Length of the interval in days (1 for a day).</summary>
    public int LengthInDays => End.DayNumber - Start.DayNumber + 1;

    /// <summary>The middle day of the interval, for placing the date on a time axis.</summary>
    public DateOnly Midpoint => DateOnly.FromDayNumber(Start.DayNumber + ((End.DayNumber - Start.DayNumber) / 2));

    public static PartialDate OfDay(DateOnly day) => new(day, day, DatePrecision.Day, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static PartialDate OfMonth(int year, int month)
    {
        var start = new DateOnly(year, month, 1);
        return new(start, start.AddMonths(1).AddDays(-1), DatePrecision.Month, start.ToString("yyyy-MM", CultureInfo.InvariantCulture));
    }

    public static PartialDate OfYear(int year) =>
        new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year, year.ToString("D4", CultureInfo.InvariantCulture));

    /// <summary>A range from the start of <paramref name="from"/> to the end of <paramref name="to"/>.</summary>
    public static PartialDate Between(PartialDate from, PartialDate to)
    {
        Check.NotNull(from);
        Check.NotNull(to);
        Check.That(from.Precision != DatePrecision.Range && to.Precision != DatePrecision.Range, "range ends must not be ranges themselves");
        Check.That(from.Start <= to.End, $"range must not end ({to.Text}) before it starts ({from.Text})");
        return new(from.Start, to.End, DatePrecision.Range, $"{from.Text}/{to.Text}");
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : ThrowHelper.Format<PartialDate>(error);

    /// <summary>Reads any of the written forms; on failure <paramref name="error"/> says what was expected.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartialDate? date, out string error)
    {
        date = null;
        error = "";
        var s = (text ?? "").Trim();
        if (s.Length == 0)
        {
            error = "expected a date, got nothing";
            return false;
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!TryParseSingle(s[..slash].Trim(), out var from) || !TryParseSingle(s[(slash + 1)..].Trim(), out var to))
            {
                error = $"expected a range such as '1954/1956' or '1958-03/1964-12', got '{s}'";
                return false;
            }
            if (from.Start > to.End)
            {
                error = $"range '{s}' ends before it starts";
                return false;
            }
            date = Between(from, to);
            return true;
        }

        if (TryParseSingle(s, out var single))
        {
            date = single;
            return true;
        }
        error = $"expected a date such as 2024-06-19, 2024-06, 2024-Q2, 2024-H1, 'early 2024', 'spring 2024', 2024 or a range '1954/1956', got '{s}'";
        return false;
    }

    private static bool TryParseSingle(string s, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out PartialDate? date)
    {
        date = null;
        var inv = CultureInfo.InvariantCulture;
        var space = s.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0)
        {
            var word = s[..space].ToLowerInvariant();
            if (!TryYear(s[(space + 1)..].Trim(), out var y))
            {
                return false;
            }
            var part = Array.IndexOf(Parts, word);
            if (part >= 0)
            {
                // early: January-April, mid: May-August, late: September-December.
                var start = new DateOnly(y, 1 + (4 * part), 1);
                date = new(start, start.AddMonths(4).AddDays(-1), DatePrecision.PartOfYear, $"{word} {y:D4}");
                return true;
            }
            if (word == "fall")
            {
                word = "autumn";
            }
            var season = Array.IndexOf(Seasons, word);
            if (season >= 0)
            {
                // Meteorological seasons of the northern hemisphere; winter Y runs December Y to February Y+1.
                var start = new DateOnly(y, 3 + (3 * season), 1);
                date = new(start, start.AddMonths(3).AddDays(-1), DatePrecision.Season, $"{word} {y:D4}");
                return true;
            }
            return false;
        }

        if (s.Length == 4)
        {
            if (TryYear(s, out var y))
            {
                date = OfYear(y);
                return true;
            }
            return false;
        }

        if (s.Length == 7 && s[4] == '-' && TryYear(s[..4], out var year))
        {
            var tail = s[5..];
            if ((tail[0] is 'Q' or 'q') && tail[1] is >= '1' and <= '4')
            {
                var q = tail[1] - '1';
                var start = new DateOnly(year, 1 + (3 * q), 1);
                date = new(start, start.AddMonths(3).AddDays(-1), DatePrecision.Quarter, $"{year:D4}-Q{q + 1}");
                return true;
            }
            if ((tail[0] is 'H' or 'h') && tail[1] is '1' or '2')
            {
                var h = tail[1] - '1';
                var start = new DateOnly(year, 1 + (6 * h), 1);
                date = new(start, start.AddMonths(6).AddDays(-1), DatePrecision.Half, $"{year:D4}-H{h + 1}");
                return true;
            }
            if (DateOnly.TryParseExact(s + "-01", "yyyy-MM-dd", inv, DateTimeStyles.None, out var m))
            {
                date = OfMonth(m.Year, m.Month);
                return true;
            }
            return false;
        }

        if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", inv, DateTimeStyles.None, out var d))
        {
            date = OfDay(d);
            return true;
        }
        return false;
    }

    private static bool TryYear(string s, out int year) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && s.Length == 4 && year is >= 1000 and <= 9998;

    /// <summary>True when every day of this date lies before every day of <paramref name="other"/>.</summary>
    public bool IsCertainlyBefore(PartialDate other) => End < Check.NotNull(other).Start;

    /// <summary>True when some day of this date lies before some day of <paramref name="other"/>.</summary>
    public bool IsPossiblyBefore(PartialDate other) => Start < Check.NotNull(other).End;

    /// <summary>True when the two intervals share at least one day.</summary>
    public bool Overlaps(PartialDate other) => Start <= Check.NotNull(other).End && Check.NotNull(other).Start <= End;

    public bool Overlaps(DateOnly from, DateOnly to) => Start <= to && from <= End;

    public bool Contains(DateOnly day) => Start <= day && day <= End;

    public int CompareTo(PartialDate? other)
    {
        if (other is null)
        {
            return 1;
        }
        var c = Start.CompareTo(other.Start);
        return c != 0 ? c : End.CompareTo(other.End);
    }

    public bool Equals(PartialDate? other) => other is not null && Start == other.Start && End == other.End && Precision == other.Precision;

    public override bool Equals(object? obj) => Equals(obj as PartialDate);

    public override int GetHashCode() => HashCode.Combine(Start, End, Precision);

    public override string ToString() => Text;

    public static bool operator ==(PartialDate? a, PartialDate? b) => a?.Equals(b) ?? b is null;

    public static bool operator !=(PartialDate? a, PartialDate? b) => !(a == b);

    public static bool operator <(PartialDate a, PartialDate b) => Check.NotNull(a).CompareTo(b) < 0;

    public static bool operator >(PartialDate a, PartialDate b) => Check.NotNull(a).CompareTo(b) > 0;

    public static bool operator <=(PartialDate a, PartialDate b) => Check.NotNull(a).CompareTo(b) <= 0;

    public static bool operator >=(PartialDate a, PartialDate b) => Check.NotNull(a).CompareTo(b) >= 0;
}
