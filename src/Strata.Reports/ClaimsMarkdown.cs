using System.Globalization;
using System.Text;
using Strata.Claims;

namespace Strata.Reports;

/// <summary>
/// Renders a claims audit as Markdown: a summary table (claim, where it is made, verdict, finding), then each
/// claim's evidence: events with their dates and sources, indicator values with file and line, computed numbers,
/// onsets, tolerances and every recorded disagreement between sources.
/// </summary>
public static class ClaimsMarkdown
{
    public static string Render(ClaimsAuditResult audit, string title = "Claims audit")
    {
        Check.NotNull(audit);
        var md = new StringBuilder();
        md.Append("# ").AppendLine(title).AppendLine();
        md.AppendLine(Summary(audit)).AppendLine();
        md.AppendLine("| claim | made in | kind | verdict | finding |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var r in audit.Results)
        {
            md.Append("| **").Append(Cell(r.Claim.Id)).Append("**: ").Append(Cell(r.Claim.Statement))
              .Append(" | ").Append(Cell(Where(r.Claim)))
              .Append(" | ").Append(r.Claim.Test.Kind)
              .Append(" | ").Append(Cell(r.VerdictText))
              .Append(" | ").Append(Cell(r.Finding)).AppendLine(" |");
        }
        md.AppendLine();
        md.AppendLine("## Evidence").AppendLine();
        foreach (var r in audit.Results)
        {
            md.Append("### ").Append(r.Claim.Id).Append(": ").AppendLine(r.VerdictText).AppendLine();
            md.Append("- **Claim:** ").AppendLine(Line(r.Claim.Statement));
            md.Append("- **Made in:** ").AppendLine(Line(r.Claim.MadeIn.ToReference()));
            md.Append("- **Test:** ").AppendLine(Line(r.Claim.Test.Describe()));
            if (r.Claim.Note is { } note)
            {
                md.Append("- **Auditor's note:** ").AppendLine(Line(note));
            }
            md.Append("- **Finding:** ").AppendLine(Line(r.Finding));
            if (r.Evidence.Tolerance is { } tol)
            {
                md.Append("- **Tolerance:** ").AppendLine(tol);
            }
            foreach (var n in r.Evidence.Numbers)
            {
                md.Append("- ").Append(Line(n.Label)).Append(": ").Append(Num(n.Value)).Append(' ').AppendLine(Line(n.Unit));
            }
            foreach (var o in r.Evidence.Onsets)
            {
                md.Append("- **Onset** (").Append(o.Role).Append(", ").Append(o.Series).Append(", ").Append(o.Method).Append("): ").AppendLine(Line(o.Explanation));
            }
            foreach (var e in r.Evidence.Events)
            {
                var flags = new List<string>();
                if (e.Used)
                {
                    flags.Add("used");
                }
                if (e.RestatesClaimSource)
                {
                    flags.Add("cites only the claim's own source");
                }
                md.Append("- **Event** ").Append(e.Role).Append(": `").Append(e.Event.Id).Append("` (").Append(e.Event.Date.Text).Append(") — ")
                  .Append(Line(e.Relation)).Append(flags.Count > 0 ? $" [{string.Join("; ", flags)}]" : "")
                  .Append(". Sources: ").AppendLine(Line(string.Join("; ", e.Event.Sources.Select(s => s.ToReference()))));
            }
            foreach (var i in r.Evidence.Indicators)
            {
                var pair = i.ActorB is null ? i.ActorA : $"{i.ActorA}→{i.ActorB}";
                md.Append("- **Value** `").Append(i.Name).Append("` ").Append(pair).Append(' ').Append(i.Year.ToString(CultureInfo.InvariantCulture)).Append(" = ").Append(Num(i.Value))
                  .Append(" (").Append(Path.GetFileName(i.File)).Append(':').Append(i.Line.ToString(CultureInfo.InvariantCulture))
                  .Append(i.Note is null ? ")" : $"; {Line(i.Note)})").AppendLine();
            }
            foreach (var d in r.Evidence.Disagreements)
            {
                md.Append("- **Sources disagree** (`").Append(d.EventId).Append("`, ").Append(d.Field).Append("): ").AppendLine(Line(d.Note));
            }
            md.AppendLine();
        }
        return md.ToString();
    }

    /// <summary>"12 claims: 7 supported, 3 contradicted, 2 not testable."</summary>
    public static string Summary(ClaimsAuditResult audit)
    {
        Check.NotNull(audit);
        return $"{audit.Results.Count} claim(s): {audit.Count(ClaimVerdict.Supported)} supported, {audit.Count(ClaimVerdict.Contradicted)} contradicted, " +
            $"{audit.Count(ClaimVerdict.NotTestable)} not testable.";
    }

    /// <summary>Author, date and section of the work that makes the claim.</summary>
    public static string Where(Claim claim)
    {
        Check.NotNull(claim);
        var parts = new List<string>();
        if (claim.MadeIn.Author is { } a)
        {
            parts.Add(a);
        }
        if (claim.MadeIn.Date is { } d)
        {
            parts.Add(d.Text);
        }
        if (claim.MadeIn.Page is { } p)
        {
            parts.Add(p);
        }
        return parts.Count == 0 ? claim.MadeIn.Title : string.Join(", ", parts);
    }

    private static string Num(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Line(string s) => s.Replace('\n', ' ').Replace('\r', ' ');

    private static string Cell(string s) => Line(s).Replace("|", "\\|", StringComparison.Ordinal);
}
