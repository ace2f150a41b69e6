using System.Globalization;

namespace Strata.Series;

/// <summary>The width of a series' periods.</summary>
public enum Granularity
{
    Month,
    Quarter,
    Year,
}

/// <summary>One period of a series: a month, a quarter or a year, identified by its first day.</summary>
public readonly record struct Period(DateOnly Start, Granularity Granularity) : IComparable<Period>
{
    public static Period Containing(DateOnly day, Granularity granularity) => granularity switch
    {
        Granularity.Month => new(new DateOnly(day.Year, day.Month, 1), granularity),
        Granularity.Quarter => new(new DateOnly(day.Year, (((day.Month - 1) / 3) * 3) + 1, 1), granularity),
        _ => new(new DateOnly(day.Year, 1, 1), granularity),
    };

    /// <summary>The last day of the period.</summary>
    public DateOnly End => Next.Start.AddDays(-1);

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public Period Next => Granularity switch
    {
        Granularity.Month => new(Start.AddMonths(1), Granularity),
        Granularity.Quarter => new(Start.AddMonths(3), Granularity),
        _ => new(Start.AddYears(1), Granularity),
    };

    /// <summary>2024-07, 2024-Q3 or 2024.</summary>
    public string Label => Granularity switch
    {
        Granularity.Month => Start.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Granularity.Quarter => $"{Start.Year:D4}-Q{((Start.Month - 1) / 3) + 1}",
        _ => Start.Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    /// <summary>Every period from the one containing <paramref name="from"/> to the one containing <paramref name="to"/>.</summary>
    public static IEnumerable<Period> Range(DateOnly from, DateOnly to, Granularity granularity)
    {
        for (var p = Containing(from, granularity); p.Start <= to; p = p.Next)
        {
            yield return p;
        }
    }

    public int CompareTo(Period other) => Start.CompareTo(other.Start);

    public override string ToString() => Label;

    public static bool operator <(Period a, Period b) => a.CompareTo(b) < 0;

    public static bool operator >(Period a, Period b) => a.CompareTo(b) > 0;

    public static bool operator <=(Period a, Period b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Period a, Period b) => a.CompareTo(b) >= 0;
}
