using System.Globalization;
using Strata.Analysis;
using Strata.Domain;
using Strata.Series;

namespace Strata.Claims;

/// <summary>How two intervals are ordered, given a minimum gap.</summary>
public enum IntervalOrder
{
    /// <summary>Every day of A lies at least the gap before every day of B.</summary>
    CertainlyBefore,

    /// <summary>Some placements of the days allow it and some do not.</summary>
    Possibly,

    /// <summary>No day of A lies the gap before any day of B.</summary>
    CertainlyNotBefore,
}


/// <summary>
/// Tests claims against the data: every claim gets a verdict (supported, contradicted, not testable), the finding
/// behind it and its evidence. The rules, one per claim kind, are in docs/claims.md; this is the one place they
/// are implemented, for the command line, the report and the tests alike.
/// </summary>
public static class ClaimsAudit
{
    /// <summary>The tolerance of an "about" claim that states none: 10 % of the claimed value.</summary>
    public const double DefaultAboutTolerance = 0.10;

    public static ClaimsAuditResult Check(IReadOnlyList<Claim> claims, IClaimData data)
    {
        Strata.Check.NotNull(claims);
        Strata.Check.NotNull(data);
        var onsets = new Dictionary<OnsetSpec, ResolvedTime>();
        return new ClaimsAuditResult(claims.Select(c => CheckOne(c, data, onsets)).ToList());
    }

    private static ClaimResult CheckOne(Claim claim, IClaimData data, Dictionary<OnsetSpec, ResolvedTime> onsets) => claim.Test switch
    {
        DateTest t => CheckDate(claim, t, data),
        SequenceTest t => CheckTiming(claim, data, onsets, t.Earlier, "earlier", t.Later, "later", t.MinMonths),
        OnsetTest t when t.Relation == TimeRelation.Before =>
            CheckTiming(claim, data, onsets, new OnsetPoint(t.Onset), "onset", t.Reference, "reference", t.MinMonths),
        OnsetTest t => CheckTiming(claim, data, onsets, t.Reference, "reference", new OnsetPoint(t.Onset), "onset", t.MinMonths),
        QuantityTest t => CheckQuantity(claim, t, data),
        _ => ThrowHelper.Format<ClaimResult>($"unknown claim kind {claim.Test.Kind}"),
    };

    // ------------------------------------------------------------------ events

    /// <summary>True when every source of the event is the work that makes the claim.</summary>
    public static bool RestatesClaimSource(Event e, Citation claimSource)
    {
        Strata.Check.NotNull(e);
        Strata.Check.NotNull(claimSource);
        return e.Sources.Count > 0 && e.Sources.All(s => SameWork(s, claimSource));
    }

    /// <summary>Two citations name the same work when their titles agree, ignoring case, punctuation and spacing.</summary>
    public static bool SameWork(Citation a, Citation b)
    {
        Strata.Check.NotNull(a);
        Strata.Check.NotNull(b);
        var x = Letters(a.Title);
        var y = Letters(b.Title);
        return x.Length > 0 && (x == y || (Math.Min(x.Length, y.Length) >= 20 && (x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal))));
    }

    private static string Letters(string s) => new(s.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static List<Event> Matching(EventSelector selector, IClaimData data) =>
        data.Events.Where(selector.Matches).OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();

    private static IEnumerable<SourceDisagreement> Disputes(Event e, params string[] fields) =>
        e.Disputes.Where(d => fields.Contains(d.Field)).Select(d => new SourceDisagreement(e.Id, d.Field, d.Note));

    private static string NoMatch(EventSelector s) => $"no event in the chronology matches {s.Describe()}";

    private static string OnlyRestating(IEnumerable<Event> events, Claim claim) =>
        $"the only matching event(s) ({string.Join(", ", events.Select(e => e.Id))}) cite nothing but the work that makes the claim " +
        $"({claim.MadeIn.Author ?? claim.MadeIn.Publisher}), so they cannot test it";

    // ------------------------------------------------------------------ date

    private static ClaimResult CheckDate(Claim claim, DateTest t, IClaimData data)
    {
        var matches = Matching(t.Event, data);
        if (matches.Count == 0)
        {
            return new ClaimResult(claim, ClaimVerdict.NotTestable, NoMatch(t.Event), new ClaimEvidence());
        }
        var p = t.Period;
        string Relation(Event e) =>
            e.Date.Start >= p.Start && e.Date.End <= p.End ? $"{e.Date.Text} lies within {p.Text}"
            : e.Date.Overlaps(p) ? $"{e.Date.Text} overlaps {p.Text} but is not inside it"
            : $"{e.Date.Text} lies certainly outside {p.Text}";
        var independent = matches.Where(e => !RestatesClaimSource(e, claim.MadeIn)).ToList();
        bool Holds(Event e) => t.Rule == DateRule.Within ? e.Date.Start >= p.Start && e.Date.End <= p.End : e.Date.Overlaps(p);
        var supporting = independent.Where(Holds).ToList();
        var used = supporting.Count > 0 ? supporting : independent;
        var evidence = new ClaimEvidence
        {
            Events = matches.Select(e => new EventEvidence("event", e, Relation(e), used.Contains(e), !independent.Contains(e))).ToList(),
            Disagreements = used.SelectMany(e => Disputes(e, "date")).ToList(),
        };
        if (independent.Count == 0)
        {
            return new ClaimResult(claim, ClaimVerdict.NotTestable, OnlyRestating(matches, claim), evidence);
        }
        if (supporting.Count > 0)
        {
            var e = supporting[0];
            var how = t.Rule == DateRule.Within ? "lies within" : "overlaps";
            return new ClaimResult(claim, ClaimVerdict.Supported, $"{e.Id} ({e.Date.Text}) {how} the claimed period {p.Text}", evidence);
        }
        if (independent.All(e => !e.Date.Overlaps(p)))
        {
            var dates = string.Join(", ", independent.Select(e => $"{e.Id} ({e.Date.Text})"));
            return new ClaimResult(claim, ClaimVerdict.Contradicted, $"every matching event lies certainly outside {p.Text}: {dates}", evidence);
        }
        var overlapping = independent.First(e => e.Date.Overlaps(p));
        return new ClaimResult(claim, ClaimVerdict.NotTestable,
            $"the data's date is less precise than the claim: {overlapping.Id} ({overlapping.Date.Text}) overlaps {p.Text} but may fall outside it", evidence);
    }

    // ------------------------------------------------------------------ timing (sequence and onset)

    /// <summary>A time point resolved to an interval of days, or the reason it could not be.</summary>
    private sealed record ResolvedTime(DateOnly Start, DateOnly End, string Label, string? Failure, List<EventEvidence> Events, List<OnsetEvidence> Onsets, List<SourceDisagreement> Disputes);

    private static ResolvedTime Failed(string reason, List<EventEvidence>? events = null, List<OnsetEvidence>? onsets = null) =>
        new(default, default, "", reason, events ?? [], onsets ?? [], []);

    private static ResolvedTime Resolve(TimePoint point, string role, Claim claim, IClaimData data, Dictionary<OnsetSpec, ResolvedTime> onsets)
    {
        switch (point)
        {
            case DatePoint d:
                return new ResolvedTime(d.Date.Start, d.Date.End, d.Date.Text, null, [], [], []);
            case EventPoint ep:
                {
                    var matches = Matching(ep.Selector, data);
                    if (matches.Count == 0)
                    {
                        return Failed(NoMatch(ep.Selector));
                    }
                    var independent = matches.Where(e => !RestatesClaimSource(e, claim.MadeIn)).ToList();
                    var chosen = independent.FirstOrDefault();
                    var events = matches.Select(e => new EventEvidence(role, e, e == chosen ? "the earliest independent match: used" : "also matches", e == chosen,
                        !independent.Contains(e))).ToList();
                    if (chosen is null)
                    {
                        return Failed(OnlyRestating(matches, claim), events);
                    }
                    return new ResolvedTime(chosen.Date.Start, chosen.Date.End, $"{chosen.Id} ({chosen.Date.Text})", null, events, [], Disputes(chosen, "date").ToList());
                }
            case OnsetPoint op:
                {
                    if (!onsets.TryGetValue(op.Onset, out var found))
                    {
                        onsets[op.Onset] = found = FindOnset(op.Onset, data);
                    }
                    var onsetEvidence = found.Onsets.Select(o => o with { Role = role }).ToList();
                    return found with { Onsets = onsetEvidence };
                }
            default:
                return ThrowHelper.Format<ResolvedTime>("unknown time point");
        }
    }

    private static ResolvedTime FindOnset(OnsetSpec spec, IClaimData data)
    {
        var series = data.Series(spec.Dyad, spec.Granularity, spec.Measure, spec.Datasets);
        var name = $"{spec.Dyad} {spec.Measure.ToString().ToLowerInvariant()} by {spec.Granularity.ToString().ToLowerInvariant()}";
        if (series is null || series.Points.Count == 0)
        {
            return Failed($"there is no series for {spec.Dyad}");
        }
        var from = series.Points.ToList().FindIndex(p => p.Period.End >= spec.Window.Start);
        var to = series.Points.ToList().FindLastIndex(p => p.Period.Start <= spec.Window.End);
        if (from < 0 || to < 0 || from > to)
        {
            return Failed($"the search window {spec.Window.Text} lies outside the series {name} ({series.Points[0].Period.Label} to {series.Points[^1].Period.Label})");
        }
        var analysis = SeriesAnalysis.Run(series.Values(), ClassifierOptions.For(spec.Granularity));
        var starts = series.Points.Select(p => p.Period.Start).ToList();
        var ends = series.Points.Select(p => p.Period.End).ToList();
        var onset = OnsetFinder.Find(analysis, starts, ends, series.Values(), from, to, spec.Downward, spec.Window.Start);
        var evidence = new OnsetEvidence("onset", name, onset.Method, onset.Start, onset.IntervalStart, onset.IntervalEnd, onset.Strength, onset.Explanation);
        if (onset.Timing == OnsetTiming.NotFound || onset.IntervalStart is null || onset.IntervalEnd is null)
        {
            return Failed($"no {(spec.Downward ? "downturn" : "upturn")} onset in {name} within {spec.Window.Text}: {onset.Explanation}", onsets: [evidence]);
        }
        var label = $"the onset in {name} ({onset.IntervalStart:yyyy-MM-dd} to {onset.IntervalEnd:yyyy-MM-dd})";
        return new ResolvedTime(onset.IntervalStart.Value, onset.IntervalEnd.Value, label, null, [], [evidence], []);
    }

    /// <summary>
    /// Whether the days [aStart, aEnd] lie before the days [bStart, bEnd] by at least <paramref name="minMonths"/>
    /// months. A day stands for any moment in it, so two events on the same day are in unknown order. Certainly
    /// before: bStart &gt; aEnd and bStart ≥ aEnd + n months (the latest A and the earliest B still qualify).
    /// Certainly not: bEnd &lt; aStart + n months (even the earliest A and the latest B fall short; with n = 0,
    /// B ends before A starts). Otherwise possibly.
    /// </summary>
    public static IntervalOrder Compare(DateOnly aStart, DateOnly aEnd, DateOnly bStart, DateOnly bEnd, int minMonths)
    {
        Strata.Check.AtLeast(minMonths, 0);
        if (bStart > aEnd && bStart >= aEnd.AddMonths(minMonths))
        {
            return IntervalOrder.CertainlyBefore;
        }
        return bEnd >= aStart.AddMonths(minMonths) ? IntervalOrder.Possibly : IntervalOrder.CertainlyNotBefore;
    }

    private static ClaimResult CheckTiming(
        Claim claim, IClaimData data, Dictionary<OnsetSpec, ResolvedTime> onsets, TimePoint earlier, string earlierRole, TimePoint later, string laterRole, int minMonths)
    {
        var a = Resolve(earlier, earlierRole, claim, data, onsets);
        var b = Resolve(later, laterRole, claim, data, onsets);
        var evidence = new ClaimEvidence
        {
            Events = [.. a.Events, .. b.Events],
            Onsets = [.. a.Onsets, .. b.Onsets],
            Disagreements = [.. a.Disputes, .. b.Disputes],
            Numbers = a.Failure is null && b.Failure is null
                ? [new ComputedNumber($"days from the end of {earlierRole} to the start of {laterRole}", b.Start.DayNumber - a.End.DayNumber, "days"),
                   new ComputedNumber($"days from the start of {earlierRole} to the end of {laterRole}", b.End.DayNumber - a.Start.DayNumber, "days")]
                : [],
        };
        if (a.Failure is not null || b.Failure is not null)
        {
            return new ClaimResult(claim, ClaimVerdict.NotTestable, string.Join("; ", new[] { a.Failure, b.Failure }.Where(f => f is not null)), evidence);
        }
        var gap = minMonths > 0 ? $" by at least {minMonths} month(s)" : "";
        var order = Compare(a.Start, a.End, b.Start, b.End, minMonths);
        return order switch
        {
            IntervalOrder.CertainlyBefore => new ClaimResult(claim, ClaimVerdict.Supported, $"{a.Label} is certainly before {b.Label}{gap}", evidence),
            IntervalOrder.CertainlyNotBefore => new ClaimResult(claim, ClaimVerdict.Contradicted, $"{a.Label} is certainly not before {b.Label}{gap}", evidence),
            _ => new ClaimResult(claim, ClaimVerdict.NotTestable,
                $"the dates cannot settle it: {a.Label} is possibly but not certainly before {b.Label}{gap}", evidence),
        };
    }

    // ------------------------------------------------------------------ quantity

    private sealed record Measured(double? Value, string? Unit, string? Failure, List<EventEvidence> Events, List<IndicatorObservation> Indicators, List<ComputedNumber> Numbers, List<SourceDisagreement> Disputes);

    private static Measured Measure(QuantitySource source, string role, Claim claim, IClaimData data)
    {
        switch (source)
        {
            case EventMagnitude m:
                {
                    var matches = Matching(m.Selector, data);
                    var withMagnitude = matches
                        .Where(e => e.Magnitude is not null && (m.Unit is null || e.Magnitude.Unit.Contains(m.Unit, StringComparison.OrdinalIgnoreCase)))
                        .ToList();
                    var independent = withMagnitude.Where(e => !RestatesClaimSource(e, claim.MadeIn)).ToList();
                    var used = independent.Count == 1 ? independent[0] : null;
                    var events = matches.Select(e => new EventEvidence(role, e,
                        e.Magnitude is null ? "no magnitude" : withMagnitude.Contains(e) ? $"magnitude {e.Magnitude}" : $"magnitude {e.Magnitude} (other unit)",
                        e == used, RestatesClaimSource(e, claim.MadeIn))).ToList();
                    if (withMagnitude.Count == 0)
                    {
                        var why = matches.Count == 0 ? NoMatch(m.Selector) : $"no matching event has a magnitude{(m.Unit is null ? "" : $" in '{m.Unit}'")}";
                        return new Measured(null, null, why, events, [], [], []);
                    }
                    if (independent.Count == 0)
                    {
                        return new Measured(null, null, OnlyRestating(withMagnitude, claim), events, [], [], []);
                    }
                    if (used is null)
                    {
                        return new Measured(null, null,
                            $"{independent.Count} events with a magnitude match ({string.Join(", ", independent.Select(e => e.Id))}); narrow the selection to one", events, [], [], []);
                    }
                    return new Measured(used.Magnitude!.Value, m.Unit ?? used.Magnitude.Unit, null, events, [],
                        [new ComputedNumber($"{role}: magnitude of {used.Id}", used.Magnitude.Value, used.Magnitude.Unit)],
                        Disputes(used, "magnitude", "date").ToList());
                }
            case IndicatorSum s:
                {
                    var missing = s.Names.Where(n => !data.HasIndicator(n)).ToList();
                    if (missing.Count > 0)
                    {
                        return new Measured(null, null, string.Join("; ", missing.Select(data.MissingIndicatorHint)), [], [], [], []);
                    }
                    var values = new List<IndicatorObservation>();
                    var numbers = new List<ComputedNumber>();
                    foreach (var name in s.Names)
                    {
                        var v = data.Indicators(name, s.ActorA, s.ActorB, s.FromYear, s.ToYear);
                        values.AddRange(v);
                        numbers.Add(new ComputedNumber($"{role}: sum of {name}, {s.FromYear}–{s.ToYear}", v.Sum(x => x.Value), name));
                    }
                    var years = values.Select(v => v.Year).Distinct().Count();
                    var total = values.Sum(x => x.Value);
                    numbers.Add(new ComputedNumber($"{role}: total ({years} of {s.ToYear - s.FromYear + 1} years have values; the others count as zero)", total, s.Unit ?? string.Join(" + ", s.Names)));
                    return new Measured(total, s.Unit ?? string.Join(" + ", s.Names), null, [], values, numbers, []);
                }
            default:
                return ThrowHelper.Format<Measured>("unknown quantity source");
        }
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static ClaimResult CheckQuantity(Claim claim, QuantityTest t, IClaimData data)
    {
        var m = Measure(t.Measured, "measured", claim, data);
        var other = t.Than is null ? null : Measure(t.Than, "than", claim, data);
        var tolerance = t.Tolerance ?? (t.Relation == QuantityRelation.About ? new Tolerance(DefaultAboutTolerance, relative: true) : null);
        var toleranceText = tolerance is null ? null
            : t.Tolerance is null ? $"{tolerance} (default for 'about')" : tolerance.ToString();
        var evidence = new ClaimEvidence
        {
            Events = [.. m.Events, .. other?.Events ?? []],
            Indicators = [.. m.Indicators, .. other?.Indicators ?? []],
            Numbers = [.. m.Numbers, .. other?.Numbers ?? []],
            Disagreements = [.. m.Disputes, .. other?.Disputes ?? []],
            Tolerance = toleranceText,
        };
        var failures = new[] { m.Failure, other?.Failure }.Where(f => f is not null).ToList();
        if (failures.Count > 0)
        {
            return new ClaimResult(claim, ClaimVerdict.NotTestable, string.Join("; ", failures), evidence);
        }
        if (other is not null && !string.Equals(m.Unit?.Trim(), other.Unit?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return new ClaimResult(claim, ClaimVerdict.NotTestable,
                $"the two quantities are in different units ({m.Unit} against {other.Unit}); Strata does not convert units", evidence);
        }
        var measured = m.Value!.Value;
        var claimed = t.Value ?? other!.Value!.Value;
        var slack = tolerance?.Around(claimed) ?? 0;
        var (plain, loose) = t.Relation switch
        {
            QuantityRelation.About or QuantityRelation.Exactly => (measured == claimed, Math.Abs(measured - claimed) <= slack),
            QuantityRelation.MoreThan => (measured > claimed, measured > claimed - slack),
            QuantityRelation.AtLeast => (measured >= claimed, measured >= claimed - slack),
            QuantityRelation.LessThan => (measured < claimed, measured < claimed + slack),
            _ => (measured <= claimed, measured <= claimed + slack),
        };
        var tolerant = t.Relation is QuantityRelation.About or QuantityRelation.Exactly;
        var onlyWithin = loose && !plain && !tolerant;
        var unit = m.Unit is null ? "" : " " + m.Unit;
        var rel = QuantityTest.RelationText(t.Relation);
        var target = t.Than is null ? N(claimed) : $"{N(claimed)} ({t.Than.Describe()})";
        var band = slack > 0 ? $"; tolerance {toleranceText} = {N(slack)}" : "";
        var diff = claimed != 0 ? $" ({(measured - claimed) / Math.Abs(claimed) * 100:+0.#;-0.#;0} % against the claim)" : "";
        var finding = $"measured {N(measured)}{unit}{diff}; claimed {rel} {target}{band}";
        evidence = evidence with { Numbers = [.. evidence.Numbers, new ComputedNumber("claimed", claimed, m.Unit ?? "")] };
        if (!loose)
        {
            return new ClaimResult(claim, ClaimVerdict.Contradicted, finding + ": the claim does not hold", evidence);
        }
        return new ClaimResult(claim, ClaimVerdict.Supported,
            finding + (onlyWithin ? ": holds only within the stated tolerance" : ": the claim holds"), evidence, onlyWithin);
    }
}
