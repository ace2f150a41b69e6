using Strata.Claims;
using Strata.Domain;
using Strata.Series;

namespace Strata.Tests.Claims;

/// <summary>
/// Planted true and false claims of every kind against small hand-made data whose answers are known, including
/// imprecise dates, tolerances, disagreements between sources and every not-testable path.
/// </summary>
public class ClaimsAuditTests
{
    private static readonly Citation Commentary = new("A. Writer", "An Essay on Buffer States", "Some Institute", PartialDate.Parse("2025-05-22"), null, null, null);
    private static readonly Citation Archive = new(null, "A Treaty Text", "A Foreign Ministry", PartialDate.Parse("2024-06-19"), null, null, null);

    private static Event Ev(string id, string date, string source, string target, string code, string text = "an event described here", double? magnitude = null,
        string unit = "aircraft", string[]? tags = null, bool onlyCommentary = false, Dispute[]? disputes = null) => new()
        {
            Id = id,
            Date = PartialDate.Parse(date),
            Source = source,
            Target = target,
            Code = EventCode.Parse(code),
            Goldstein = 1,
            Level = EventLevel.Conjunctural,
            Confidence = Confidence.High,
            Description = text,
            Magnitude = magnitude is { } m ? new Magnitude(m, unit) : null,
            Tags = tags ?? [],
            Sources = onlyCommentary ? [Commentary] : [Archive, Commentary],
            Disputes = disputes ?? [],
        };

    private static readonly Event[] Events =
    [
        Ev("treaty-signed", "2024-06-19", "PRK", "RUS", "057", "the treaty was signed", tags: ["treaty"],
            disputes: [new Dispute("date", "one source says July"), new Dispute("target", "unrelated")]),
        Ev("absence", "2024-07-27", "CHN", "PRK", "160", "the ambassador stayed away", tags: ["absence"]),
        Ev("plaque", "2024-Q2", "CHN", "PRK", "160", "a plaque was removed"),
        Ev("page-placement", "2025-01", "PRK", "CHN", "017", "page three", onlyCommentary: true),
        Ev("summit", "2024-05-27", "KOR", "CHN", "057", "a summit statement"),
        Ev("protest", "2024-05-27", "PRK", "KOR", "111", "a protest"),
        Ev("aid-chn", "1954/1956", "CHN", "PRK", "071", "aid from China", magnitude: 320, unit: "million USD"),
        Ev("aid-rus", "1954/1956", "RUS", "PRK", "071", "aid from the USSR", magnitude: 250, unit: "million USD"),
        Ev("aid-rus-rubles", "1953-09", "RUS", "PRK", "071", "a grant in rubles", magnitude: 1000, unit: "million rubles"),
        Ev("jets-a", "1966/1967", "RUS", "PRK", "072", "jets delivered", magnitude: 85, unit: "fighter aircraft"),
        Ev("jets-b", "1968/1971", "RUS", "PRK", "072", "more jets delivered", magnitude: 65, unit: "fighter aircraft"),
    ];

    private static IndicatorObservation Value(string name, int year, double value, long line) => new(name, "CHN", "PRK", year, value, "register.csv", line, $"deals on lines {line}");

    private static readonly IndicatorObservation[] Indicators =
    [
        Value("arms.delivered_units.combat-aircraft", 1958, 200, 4),
        Value("arms.delivered_units.combat-aircraft", 1959, 100, 5),
        Value("arms.delivered_units.aircraft", 1958, 25, 2),
        Value("arms.delivered_units.aircraft", 1965, 1000, 9),
    ];

    private static ClaimResult Run(ClaimTest test, IClaimData? data = null) =>
        ClaimsAudit.Check([new Claim("c-1", "a planted claim", Commentary, test)], data ?? new InMemoryClaimData(Events, Indicators)).Results.Single();

    private static EventSelector Id(string id) => new() { Ids = [id] };

    private static DateTest Date(EventSelector e, string period, DateRule rule = DateRule.Within) => new(e, PartialDate.Parse(period), rule);

    // ------------------------------------------------------------------ date

    [Fact]
    public void A_true_date_is_supported_and_a_false_one_contradicted()
    {
        var treaty = new EventSelector { Dyad = new Dyad("PRK", "RUS"), CodePrefixes = ["05"], Tags = ["treaty"] };
        var june = Run(Date(treaty, "2024-06"));
        Assert.Equal(ClaimVerdict.Supported, june.Verdict);
        Assert.Equal("treaty-signed", june.Evidence.Events.Single(e => e.Used).Event.Id);
        var july = Run(Date(treaty, "2024-07"));
        Assert.Equal(ClaimVerdict.Contradicted, july.Verdict);
        Assert.Contains("certainly outside 2024-07", july.Finding, StringComparison.Ordinal);
        Assert.Equal(ClaimVerdict.Supported, Run(Date(treaty, "2024")).Verdict);
        Assert.Equal(ClaimVerdict.Supported, Run(Date(treaty, "2024-06-19")).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(Date(treaty, "2024-06-20")).Verdict);
    }

    [Fact]
    public void A_date_known_only_to_the_quarter_cannot_confirm_a_month_but_can_refute_another_quarter()
    {
        var plaque = new EventSelector { Text = "plaque" };
        var may = Run(Date(plaque, "2024-05"));
        Assert.Equal(ClaimVerdict.NotTestable, may.Verdict);
        Assert.Contains("less precise than the claim", may.Finding, StringComparison.Ordinal);
        Assert.Equal(ClaimVerdict.Supported, Run(Date(plaque, "2024-05", DateRule.Overlaps)).Verdict);
        Assert.Equal(ClaimVerdict.Supported, Run(Date(plaque, "2024-H1")).Verdict);
        Assert.Equal(ClaimVerdict.Supported, Run(Date(plaque, "spring 2024", DateRule.Overlaps)).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(Date(plaque, "2024-Q3")).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(Date(plaque, "2024-Q3", DateRule.Overlaps)).Verdict);
        // "early 2024" is January-April: it overlaps the quarter but does not contain it.
        Assert.Equal(ClaimVerdict.NotTestable, Run(Date(plaque, "early 2024")).Verdict);
    }

    [Fact]
    public void No_matching_event_and_events_citing_only_the_claim_itself_are_not_testable()
    {
        var none = Run(Date(new EventSelector { Dyad = new Dyad("USA", "JPN") }, "2024"));
        Assert.Equal(ClaimVerdict.NotTestable, none.Verdict);
        Assert.StartsWith("no event in the chronology matches", none.Finding, StringComparison.Ordinal);

        var circular = Run(Date(Id("page-placement"), "2025-01"));
        Assert.Equal(ClaimVerdict.NotTestable, circular.Verdict);
        Assert.Contains("cite nothing but the work that makes the claim", circular.Finding, StringComparison.Ordinal);
        Assert.True(circular.Evidence.Events.Single().RestatesClaimSource);
    }

    [Fact]
    public void Disagreements_on_the_field_tested_are_shown_and_flag_the_verdict()
    {
        var r = Run(Date(Id("treaty-signed"), "2024-06"));
        Assert.True(r.Disputed);
        Assert.Equal("one source says July", r.Evidence.Disagreements.Single().Note);
        Assert.Equal("supported (sources disagree)", r.VerdictText);
        Assert.False(Run(Date(Id("absence"), "2024-07")).Disputed);
    }

    // ------------------------------------------------------------------ sequence

    [Theory]
    [InlineData("2024-06-19", "2024-06-19", "2024-07-27", "2024-07-27", 0, IntervalOrder.CertainlyBefore)]
    [InlineData("2024-07-27", "2024-07-27", "2024-06-19", "2024-06-19", 0, IntervalOrder.CertainlyNotBefore)]
    [InlineData("2024-05-27", "2024-05-27", "2024-05-27", "2024-05-27", 0, IntervalOrder.Possibly)]
    [InlineData("2024-04-01", "2024-06-30", "2024-05-01", "2024-05-31", 0, IntervalOrder.Possibly)]
    [InlineData("2023-06-19", "2023-06-19", "2024-06-19", "2024-06-19", 12, IntervalOrder.CertainlyBefore)]
    [InlineData("2023-06-20", "2023-06-20", "2024-06-19", "2024-06-19", 12, IntervalOrder.CertainlyNotBefore)]
    [InlineData("2023-01-01", "2023-12-31", "2024-06-19", "2024-06-19", 12, IntervalOrder.Possibly)]
    [InlineData("2023-07-01", "2024-03-31", "2024-06-19", "2024-06-19", 12, IntervalOrder.CertainlyNotBefore)]
    public void Interval_order_uses_both_ends_of_each_interval(string aStart, string aEnd, string bStart, string bEnd, int months, IntervalOrder expected)
    {
        static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(expected, ClaimsAudit.Compare(D(aStart), D(aEnd), D(bStart), D(bEnd), months));
    }

    [Fact]
    public void Sequences_of_events_are_supported_contradicted_or_left_open_by_precision()
    {
        var treaty = new EventPoint(Id("treaty-signed"));
        var absence = new EventPoint(Id("absence"));
        Assert.Equal(ClaimVerdict.Supported, Run(new SequenceTest(treaty, absence, 0)).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(new SequenceTest(absence, treaty, 0)).Verdict);
        // 38 days apart: certainly by a month, certainly not by two.
        Assert.Equal(ClaimVerdict.Supported, Run(new SequenceTest(treaty, absence, 1)).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(new SequenceTest(treaty, absence, 2)).Verdict);
        // Same day: the order within the day is unknown.
        var sameDay = Run(new SequenceTest(new EventPoint(Id("summit")), new EventPoint(Id("protest")), 0));
        Assert.Equal(ClaimVerdict.NotTestable, sameDay.Verdict);
        Assert.Contains("possibly but not certainly before", sameDay.Finding, StringComparison.Ordinal);
        // A fixed date on one side.
        Assert.Equal(ClaimVerdict.Supported, Run(new SequenceTest(new DatePoint(PartialDate.Parse("2023")), treaty, 0)).Verdict);
        var missing = Run(new SequenceTest(treaty, new EventPoint(Id("no-such-event")), 0));
        Assert.Equal(ClaimVerdict.NotTestable, missing.Verdict);
    }

    // ------------------------------------------------------------------ quantity

    private static QuantityTest Q(QuantitySource measured, QuantityRelation relation, double value, Tolerance? tolerance = null) =>
        new(measured, relation, value, null, tolerance);

    private static readonly IndicatorSum AllAircraft = new(["arms.delivered_units.combat-aircraft", "arms.delivered_units.aircraft"], "CHN", "PRK", 1958, 1964, "aircraft");

    [Fact]
    public void An_indicator_sum_is_compared_with_the_claim_and_keeps_its_file_and_lines()
    {
        var r = Run(Q(AllAircraft, QuantityRelation.About, 330));
        Assert.Equal(ClaimVerdict.Supported, r.Verdict);
        Assert.Equal(325, r.Evidence.Numbers.Single(n => n.Label.Contains("total", StringComparison.Ordinal)).Value);
        Assert.Equal([2L, 4L, 5L], r.Evidence.Indicators.Select(i => i.Line).Order());
        Assert.Equal("±10 % (default for 'about')", r.Evidence.Tolerance);
        // 325 against about 460 is 29 % short: contradicted at the default and at ±15 %, supported at ±30 %.
        Assert.Equal(ClaimVerdict.Contradicted, Run(Q(AllAircraft, QuantityRelation.About, 460)).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(Q(AllAircraft, QuantityRelation.About, 460, new Tolerance(0.15, true))).Verdict);
        Assert.Equal(ClaimVerdict.Supported, Run(Q(AllAircraft, QuantityRelation.About, 460, new Tolerance(0.30, true))).Verdict);
        Assert.Equal(ClaimVerdict.Supported, Run(Q(AllAircraft, QuantityRelation.About, 460, new Tolerance(135, false))).Verdict);
        Assert.Equal(ClaimVerdict.Contradicted, Run(Q(AllAircraft, QuantityRelation.About, 460, new Tolerance(134, false))).Verdict);
    }

    [Theory]
    [InlineData(QuantityRelation.MoreThan, 300, ClaimVerdict.Supported)]
    [InlineData(QuantityRelation.MoreThan, 325, ClaimVerdict.Contradicted)]
    [InlineData(QuantityRelation.AtLeast, 325, ClaimVerdict.Supported)]
    [InlineData(QuantityRelation.AtLeast, 326, ClaimVerdict.Contradicted)]
    [InlineData(QuantityRelation.LessThan, 326, ClaimVerdict.Supported)]
    [InlineData(QuantityRelation.LessThan, 325, ClaimVerdict.Contradicted)]
    [InlineData(QuantityRelation.AtMost, 325, ClaimVerdict.Supported)]
    [InlineData(QuantityRelation.AtMost, 324, ClaimVerdict.Contradicted)]
    [InlineData(QuantityRelation.Exactly, 325, ClaimVerdict.Supported)]
    [InlineData(QuantityRelation.Exactly, 324, ClaimVerdict.Contradicted)]
    public void Each_relation_compares_as_its_name_says(QuantityRelation relation, double value, ClaimVerdict expected) =>
        Assert.Equal(expected, Run(Q(AllAircraft, relation, value)).Verdict);

    [Fact]
    public void Over_a_number_the_data_fall_short_of_holds_only_within_a_stated_tolerance_and_says_so()
    {
        var plain = Run(Q(AllAircraft, QuantityRelation.MoreThan, 350));
        Assert.Equal(ClaimVerdict.Contradicted, plain.Verdict);
        var loose = Run(Q(AllAircraft, QuantityRelation.MoreThan, 350, new Tolerance(0.10, true)));
        Assert.Equal(ClaimVerdict.Supported, loose.Verdict);
        Assert.True(loose.OnlyWithinTolerance);
        Assert.Equal("supported (only within tolerance)", loose.VerdictText);
        Assert.Contains("holds only within the stated tolerance", loose.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_indicator_is_not_testable_with_the_data_layers_hint()
    {
        var r = Run(Q(new IndicatorSum(["arms.delivered_units.ships"], "CHN", "PRK", 1958, 1964, null), QuantityRelation.AtLeast, 1));
        Assert.Equal(ClaimVerdict.NotTestable, r.Verdict);
        Assert.Equal("no values of arms.delivered_units.ships were given", r.Finding);
    }

    [Fact]
    public void Event_magnitudes_are_compared_and_two_quantities_only_in_the_same_unit()
    {
        var chn = new EventMagnitude(Id("aid-chn"), "million USD");
        Assert.Equal(ClaimVerdict.Supported, Run(Q(chn, QuantityRelation.About, 320)).Verdict);
        var exceeds = Run(new QuantityTest(chn, QuantityRelation.MoreThan, null, new EventMagnitude(Id("aid-rus"), "million USD"), null));
        Assert.Equal(ClaimVerdict.Supported, exceeds.Verdict);
        var below = Run(new QuantityTest(new EventMagnitude(Id("aid-rus"), "million USD"), QuantityRelation.MoreThan, null, chn, null));
        Assert.Equal(ClaimVerdict.Contradicted, below.Verdict);
        var units = Run(new QuantityTest(chn, QuantityRelation.MoreThan, null, new EventMagnitude(Id("aid-rus-rubles"), null), null));
        Assert.Equal(ClaimVerdict.NotTestable, units.Verdict);
        Assert.Contains("different units", units.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ambiguous_magnitude_is_not_testable_until_narrowed()
    {
        var jets = new EventSelector { Dyad = new Dyad("RUS", "PRK", Directed: true), CodePrefixes = ["072"] };
        var r = Run(Q(new EventMagnitude(jets, "fighter"), QuantityRelation.About, 100));
        Assert.Equal(ClaimVerdict.NotTestable, r.Verdict);
        Assert.Contains("jets-a, jets-b", r.Finding, StringComparison.Ordinal);
        var narrowed = Run(Q(new EventMagnitude(jets with { Window = PartialDate.Parse("1965/1967") }, "fighter"), QuantityRelation.About, 100));
        Assert.Equal(ClaimVerdict.Contradicted, narrowed.Verdict);
        Assert.Contains("-15 %", narrowed.Finding, StringComparison.Ordinal);
    }

    // ------------------------------------------------------------------ onset

    /// <summary>A quarterly series that sits at +3 to the end of 2022 and drops to -3 from 2023-Q1 on, with a little noise.</summary>
    private static RelationSeries DropIn2023()
    {
        var points = new List<SeriesPoint>();
        var p = Period.Containing(new DateOnly(2015, 1, 1), Granularity.Quarter);
        var rng = new Random(7);
        while (p.Start.Year <= 2025)
        {
            var level = p.Start.Year < 2023 ? 3.0 : -3.0;
            points.Add(new SeriesPoint(p, level + ((rng.NextDouble() - 0.5) * 0.4), 1, 1, null));
            p = p.Next;
        }
        return new RelationSeries(new Dyad("PRK", "CHN"), Granularity.Quarter, Measure.Goldstein, points);
    }

    [Fact]
    public void A_series_onset_is_dated_and_compared_with_its_reference()
    {
        var data = new InMemoryClaimData(Events, Indicators, (d, g, m) => d == new Dyad("PRK", "CHN") ? DropIn2023() : null);
        var spec = new OnsetSpec(new Dyad("PRK", "CHN"), Granularity.Quarter, Measure.Goldstein, Downward: true, PartialDate.Parse("2020/2025"));
        var treaty = new EventPoint(Id("treaty-signed"));
        var before = Run(new OnsetTest(spec, TimeRelation.Before, treaty, 0), data);
        Assert.Equal(ClaimVerdict.Supported, before.Verdict);
        var onset = before.Evidence.Onsets.Single();
        Assert.Equal("structural break", onset.Method);
        Assert.Equal(new DateOnly(2023, 1, 1), onset.Start);
        Assert.True(onset.IntervalEnd < new DateOnly(2024, 1, 1));
        Assert.Equal(ClaimVerdict.Contradicted, Run(new OnsetTest(spec, TimeRelation.After, treaty, 0), data).Verdict);
        // The drop begins in 2023: a claim that it began at least three years before the treaty is false.
        Assert.Equal(ClaimVerdict.Contradicted, Run(new OnsetTest(spec, TimeRelation.Before, treaty, 36), data).Verdict);
        var outside = Run(new OnsetTest(spec with { Window = PartialDate.Parse("2030/2031") }, TimeRelation.Before, treaty, 0), data);
        Assert.Equal(ClaimVerdict.NotTestable, outside.Verdict);
        Assert.Contains("lies outside the series", outside.Finding, StringComparison.Ordinal);
        var noSeries = Run(new OnsetTest(spec with { Dyad = new Dyad("USA", "JPN") }, TimeRelation.Before, treaty, 0), data);
        Assert.Equal(ClaimVerdict.NotTestable, noSeries.Verdict);
        Assert.Contains("no series", noSeries.Finding, StringComparison.Ordinal);
    }

    [Fact]
    public void Citations_name_the_same_work_whatever_their_quotes_and_case()
    {
        var a = Commentary with { Title = "\u201CAn Essay\u201D on Buffer States: A Long Subtitle Follows" };
        var b = Commentary with { Title = "an essay on buffer states - a long subtitle follows" };
        Assert.True(ClaimsAudit.SameWork(a, b));
        Assert.False(ClaimsAudit.SameWork(a, Archive));
    }
}
