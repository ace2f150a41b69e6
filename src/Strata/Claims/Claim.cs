using System.Globalization;
using Strata.Domain;
using Strata.Series;

namespace Strata.Claims;

/// <summary>
/// A checkable factual claim of an analysis: its id, the claim in the auditor's own words, the work and section
/// that make it, and the test that the data can settle. Rules: docs/claims.md.
/// </summary>
public sealed record Claim
{
    public Claim(string id, string statement, Citation madeIn, ClaimTest test)
    {
        Id = Check.NotBlank(id);
        Statement = Check.NotBlank(statement);
        MadeIn = Check.NotNull(madeIn);
        Test = Check.NotNull(test);
    }

    public string Id { get; }

    /// <summary>What is claimed, in the auditor's words.</summary>
    public string Statement { get; }

    /// <summary>The work that makes the claim; <see cref="Citation.Page"/> holds the section or page.</summary>
    public Citation MadeIn { get; }

    public ClaimTest Test { get; }

    /// <summary>The auditor's note: how the claim's words were read into the test (optional).</summary>
    public string? Note { get; init; }
}

/// <summary>What the data must show for a claim to hold. One subtype per claim kind.</summary>
public abstract record ClaimTest
{
    /// <summary>date, sequence, quantity or onset.</summary>
    public abstract string Kind { get; }

    /// <summary>The test's parameters in one line, for tables.</summary>
    public abstract string Describe();
}

/// <summary>How a date claim relates the event's date interval to the claimed period.</summary>
public enum DateRule
{
    /// <summary>The event's whole date interval must lie inside the claimed period.</summary>
    Within,

    /// <summary>The event's date interval must share at least one day with the claimed period.</summary>
    Overlaps,
}

/// <summary>An event of a kind happened within (or overlapping) a period.</summary>
public sealed record DateTest(EventSelector Event, PartialDate Period, DateRule Rule) : ClaimTest
{
    public override string Kind => "date";

    public override string Describe() =>
        $"{Event.Describe()} {(Rule == DateRule.Within ? "within" : "overlapping")} {Period.Text}";
}

/// <summary>A happened before B, optionally by at least <see cref="MinMonths"/> months.</summary>
public sealed record SequenceTest(TimePoint Earlier, TimePoint Later, int MinMonths) : ClaimTest
{
    public override string Kind => "sequence";

    public override string Describe() =>
        $"{Earlier.Describe()} before {Later.Describe()}{(MinMonths > 0 ? $" by at least {MinMonths} month(s)" : "")}";
}

/// <summary>Whether an onset came before or after its reference.</summary>
public enum TimeRelation
{
    Before,
    After,
}

/// <summary>A series' structural change began before (or after) a reference, optionally by at least N months.</summary>
public sealed record OnsetTest(OnsetSpec Onset, TimeRelation Relation, TimePoint Reference, int MinMonths) : ClaimTest
{
    public override string Kind => "onset";

    public override string Describe() =>
        $"{Onset.Describe()} {(Relation == TimeRelation.Before ? "before" : "after")} {Reference.Describe()}" +
        (MinMonths > 0 ? $" by at least {MinMonths} month(s)" : "");
}

/// <summary>How a measured quantity must relate to the claimed value.</summary>
public enum QuantityRelation
{
    /// <summary>Within the tolerance of the value (10 % when none is stated).</summary>
    About,

    /// <summary>Equal, or within a stated tolerance.</summary>
    Exactly,

    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

/// <summary>A tolerance: an absolute amount or a share of the claimed value.</summary>
public sealed record Tolerance
{
    public Tolerance(double amount, bool relative)
    {
        Amount = Check.NonNegative(amount);
        Relative = relative;
    }

    /// <summary>The amount, or the share (0.15 for 15 %) when <see cref="Relative"/>.</summary>
    public double Amount { get; }

    public bool Relative { get; }

    /// <summary>The tolerance in the claim's units around <paramref name="value"/>.</summary>
    public double Around(double value) => Relative ? Amount * Math.Abs(value) : Amount;

    public override string ToString() =>
        Relative ? $"±{(Amount * 100).ToString("0.##", CultureInfo.InvariantCulture)} %" : $"±{Amount.ToString("0.###", CultureInfo.InvariantCulture)}";
}

/// <summary>
/// A measured quantity compared with a claimed number (<see cref="Value"/>) or with another measured quantity
/// (<see cref="Than"/>): "about 460 aircraft", "over 100", "China's aid exceeded the Soviet Union's".
/// </summary>
public sealed record QuantityTest : ClaimTest
{
    public QuantityTest(QuantitySource measured, QuantityRelation relation, double? value, QuantitySource? than, Tolerance? tolerance)
    {
        Measured = Check.NotNull(measured);
        Check.That(value is null != (than is null), "give either a claimed value or a quantity to compare with, not both");
        Check.That(value is null || double.IsFinite(value.Value), "must be a finite number");
        Relation = relation;
        Value = value;
        Than = than;
        Tolerance = tolerance;
    }

    public override string Kind => "quantity";

    public QuantitySource Measured { get; }

    public QuantityRelation Relation { get; }

    public double? Value { get; }

    public QuantitySource? Than { get; }

    public Tolerance? Tolerance { get; }

    public override string Describe()
    {
        var right = Value is { } v ? v.ToString("0.###", CultureInfo.InvariantCulture) : Than!.Describe();
        var tol = Tolerance is null ? "" : $" ({Tolerance})";
        return $"{Measured.Describe()} {RelationText(Relation)} {right}{tol}";
    }

    internal static string RelationText(QuantityRelation r) => r switch
    {
        QuantityRelation.About => "about",
        QuantityRelation.Exactly => "exactly",
        QuantityRelation.MoreThan => "more than",
        QuantityRelation.AtLeast => "at least",
        QuantityRelation.LessThan => "less than",
        _ => "at most",
    };
}

/// <summary>
/// Which chronology events a claim is about. Every criterion given must hold; criteria left empty select
/// everything. The events are the curated ones (imported event data is too coarse to carry a claim).
/// </summary>
public sealed record EventSelector
{
    /// <summary>Only these ids.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>Source and target (either direction unless directed).</summary>
    public Dyad? Dyad { get; init; }

    /// <summary>Each of these actors is source, target or witness.</summary>
    public IReadOnlyList<string> Actors { get; init; } = [];

    /// <summary>CAMEO codes, each matching itself and the codes below it; any one suffices.</summary>
    public IReadOnlyList<string> CodePrefixes { get; init; } = [];

    /// <summary>Words that must all appear (case-insensitive) in the id, description or tags.</summary>
    public string? Text { get; init; }

    /// <summary>Tags that must all be present.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>Only events whose date overlaps this search window.</summary>
    public PartialDate? Window { get; init; }

    public bool IsEmpty =>
        Ids.Count == 0 && Dyad is null && Actors.Count == 0 && CodePrefixes.Count == 0 && string.IsNullOrWhiteSpace(Text) && Tags.Count == 0 && Window is null;

    public bool Matches(Event e)
    {
        Check.NotNull(e);
        if (Ids.Count > 0 && !Ids.Contains(e.Id))
        {
            return false;
        }
        if (Dyad is { } d && !d.Matches(e.Source, e.Target))
        {
            return false;
        }
        if (Actors.Any(a => !e.Involves(a) && !e.Witnesses.Contains(a)))
        {
            return false;
        }
        if (CodePrefixes.Count > 0 && !CodePrefixes.Any(p => e.Code.Value.StartsWith(p, StringComparison.Ordinal)))
        {
            return false;
        }
        if (Tags.Any(t => !e.Tags.Contains(t)))
        {
            return false;
        }
        if (Window is { } w && !e.Date.Overlaps(w))
        {
            return false;
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            var hay = $"{e.Id} {e.Description} {string.Join(' ', e.Tags)}";
            foreach (var word in Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!hay.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }
        }
        return true;
    }

    public string Describe()
    {
        var parts = new List<string>();
        if (Ids.Count > 0)
        {
            parts.Add(Ids.Count == 1 ? Ids[0] : $"one of {string.Join(", ", Ids)}");
        }
        if (Dyad is { } d)
        {
            parts.Add(d.ToString());
        }
        if (Actors.Count > 0)
        {
            parts.Add($"involving {string.Join(", ", Actors)}");
        }
        if (CodePrefixes.Count > 0)
        {
            parts.Add($"CAMEO {string.Join("|", CodePrefixes)}");
        }
        if (!string.IsNullOrWhiteSpace(Text))
        {
            parts.Add($"\"{Text}\"");
        }
        if (Tags.Count > 0)
        {
            parts.Add($"tagged {string.Join(", ", Tags)}");
        }
        if (Window is { } w)
        {
            parts.Add($"in {w.Text}");
        }
        return parts.Count == 0 ? "any event" : $"event [{string.Join("; ", parts)}]";
    }
}

/// <summary>One side of a timing comparison: an event, a series onset, or a fixed date.</summary>
public abstract record TimePoint
{
    public abstract string Describe();
}

/// <summary>The earliest independent event the selector matches.</summary>
public sealed record EventPoint(EventSelector Selector) : TimePoint
{
    public override string Describe() => Selector.Describe();
}

/// <summary>The onset of a structural change in a series, as <c>OnsetFinder</c> dates it.</summary>
public sealed record OnsetPoint(OnsetSpec Onset) : TimePoint
{
    public override string Describe() => Onset.Describe();
}

/// <summary>A date given in the claim itself.</summary>
public sealed record DatePoint(PartialDate Date) : TimePoint
{
    public override string Describe() => Date.Text;
}

/// <summary>
/// Which series change: a dyad's series (measure and granularity), its direction, and the window the onset is
/// searched in. <see cref="Datasets"/> empty means every data set in the store.
/// </summary>
public sealed record OnsetSpec(Dyad Dyad, Granularity Granularity, Measure Measure, bool Downward, PartialDate Window)
{
    public IReadOnlyList<string> Datasets { get; init; } = [];

    public string Describe() =>
        $"onset of a {(Downward ? "downturn" : "upturn")} in {Dyad} ({Measure.ToString().ToLowerInvariant()} by {Granularity.ToString().ToLowerInvariant()}, searched {Window.Text})";
}

/// <summary>Where a measured quantity comes from.</summary>
public abstract record QuantitySource
{
    /// <summary>What the quantity counts ("aircraft", "million USD"); compared when two quantities are compared.</summary>
    public abstract string? Unit { get; }

    public abstract string Describe();
}

/// <summary>
/// The magnitude of the one chronology event the selector matches among those with a magnitude (whose unit
/// contains <see cref="Unit"/> when given).
/// </summary>
public sealed record EventMagnitude(EventSelector Selector, string? Unit) : QuantitySource
{
    public override string? Unit { get; } = Unit;

    public override string Describe() => $"magnitude of {Selector.Describe()}{(Unit is null ? "" : $" in {Unit}")}";
}

/// <summary>
/// The sum of imported yearly indicator values: each of <see cref="Names"/> for <see cref="ActorA"/> (→
/// <see cref="ActorB"/>) over the years <see cref="FromYear"/> to <see cref="ToYear"/>, inclusive.
/// </summary>
public sealed record IndicatorSum : QuantitySource
{
    public IndicatorSum(IReadOnlyList<string> names, string actorA, string? actorB, int fromYear, int toYear, string? unit)
    {
        Check.NotNull(names);
        Check.That(names.Count > 0, "needs at least one indicator name");
        Check.That(fromYear <= toYear, "the years must not end before they start");
        Names = names;
        ActorA = Check.NotBlank(actorA);
        ActorB = actorB;
        FromYear = fromYear;
        ToYear = toYear;
        Unit = unit;
    }

    public IReadOnlyList<string> Names { get; }

    public string ActorA { get; }

    public string? ActorB { get; }

    public int FromYear { get; }

    public int ToYear { get; }

    public override string? Unit { get; }

    public override string Describe()
    {
        var pair = ActorB is null ? ActorA : $"{ActorA}→{ActorB}";
        var years = FromYear == ToYear ? FromYear.ToString(CultureInfo.InvariantCulture) : $"{FromYear}–{ToYear}";
        return $"sum of {string.Join(" + ", Names)} for {pair}, {years}";
    }
}
