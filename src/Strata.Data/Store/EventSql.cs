using Strata.Domain;

namespace Strata.Data.Store;

/// <summary>Turns an <see cref="EventFilter"/> into a SQL condition on the <c>events e</c> table, with positional parameters.</summary>
internal static class EventSql
{
    public static (string Where, object?[] Args) Where(EventFilter f)
    {
        var clauses = new List<string> { "TRUE" };
        var args = new List<object?>();
        string P(object? value)
        {
            args.Add(value);
            return "$" + args.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (f.Dataset is not null)
        {
            clauses.Add($"e.dataset = {P(f.Dataset)}");
        }
        if (f.Ids.Count > 0)
        {
            clauses.Add($"e.id IN ({string.Join(", ", f.Ids.Select(P))})");
        }
        if (f.Actors.Count > 0)
        {
            var any = string.Join(" OR ", f.Actors.Select(a => { var p = P(a); return $"e.source = {p} OR e.target = {p}"; }));
            clauses.Add($"({any})");
        }
        if (f.Dyad is { } d)
        {
            var a = P(d.First);
            var b = P(d.Second);
            clauses.Add(d.Directed
                ? $"(e.source = {a} AND e.target = {b})"
                : $"((e.source = {a} AND e.target = {b}) OR (e.source = {b} AND e.target = {a}))");
        }
        if (f.From is not null)
        {
            clauses.Add($"e.date_end >= {P(f.From.Start)}");
        }
        if (f.To is not null)
        {
            clauses.Add($"e.date_start <= {P(f.To.End)}");
        }
        if (f.Levels.Count > 0)
        {
            clauses.Add($"e.level IN ({string.Join(", ", f.Levels.Select(l => P(l.ToString().ToLowerInvariant())))})");
        }
        if (f.CodePrefixes.Count > 0)
        {
            clauses.Add($"({string.Join(" OR ", f.CodePrefixes.Select(c => $"starts_with(e.cameo, {P(c)})"))})");
        }
        if (f.QuadClasses.Count > 0)
        {
            clauses.Add($"e.quad_class IN ({string.Join(", ", f.QuadClasses.Select(q => P((sbyte)q)))})");
        }
        if (!string.IsNullOrWhiteSpace(f.Text))
        {
            foreach (var word in f.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var p = P("%" + word.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
                clauses.Add($"(e.description ILIKE {p} ESCAPE '\\' OR e.id ILIKE {p} ESCAPE '\\' OR array_to_string(e.tags, ' ') ILIKE {p} ESCAPE '\\')");
            }
        }
        return (string.Join(" AND ", clauses), args.ToArray());
    }
}
