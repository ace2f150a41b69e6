using System.Globalization;
using Strata.Analysis;
using Strata.Domain;

namespace Strata.Ach;

/// <summary>A timing check's rating and the reason, in words that show the dates compared.</summary>
public sealed record TimingVerdict(Rating Rating, string Reason);

/// <summary>
/// The timing rule (docs/ach.md §4): a cause known to lie in [c₀, c₁] and an effect whose onset lies in [o₀, o₁].
/// <list type="bullet">
/// <item>c₁ &lt; o₀: the cause certainly came first → C (necessary for the link, not proof of it, so never CC);</item>
/// <item>c₀ &gt; o₁: the effect had certainly begun before the cause → II;</item>
/// <item>the intervals share a day: the data cannot order them → N;</item>
/// <item>no onset in the window: nothing to compare → NA.</item>
/// </list>
/// </summary>
public static class TimingRule
{
    public static TimingVerdict Judge(PartialDate cause, Onset onset)
    {
        Check.NotNull(cause);
        Check.NotNull(onset);
        if (onset.IntervalStart is not { } from || onset.IntervalEnd is not { } to)
        {
            return new TimingVerdict(Rating.NA, $"no onset was found ({onset.Explanation}), so the timing of the link cannot be tested on these data");
        }
        var c = Span(cause);
        var o = $"{D(from)} to {D(to)}";
        if (cause.End < from)
        {
            return new TimingVerdict(Rating.C,
                $"the cause ({c}) ends before the earliest possible onset ({o}): the cause certainly came first, as the link requires");
        }
        if (cause.Start > to)
        {
            return new TimingVerdict(Rating.II,
                $"the onset ({o}) ends before the cause's earliest date ({c}): the change had begun before its supposed cause");
        }
        var shareFrom = cause.Start > from ? cause.Start : from;
        var shareTo = cause.End < to ? cause.End : to;
        return new TimingVerdict(Rating.N,
            $"the cause ({c}) and the onset ({o}) overlap from {D(shareFrom)} to {D(shareTo)}: the data cannot say which came first");
    }

    private static string Span(PartialDate date) =>
        date.Precision == DatePrecision.Day ? date.Text : $"{date.Text}, i.e. {D(date.Start)} to {D(date.End)}";

    private static string D(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
