using System.Globalization;
using Strata.Structure;

namespace Strata.Data.Store;

/// <summary>When and for what the stored panel was built.</summary>
public sealed record PanelBuildInfo(DateTime BuiltAt, IReadOnlyList<string> Actors, int From, int To, long Values, long Disagreements);

/// <summary>A panel read back from the store, with each value's origin and the build it came from.</summary>
public sealed record StoredPanel(IndicatorPanel Panel, IReadOnlyDictionary<(string Name, string A, string? B, int Year), string> Origins, PanelBuildInfo Build);

public sealed partial class DuckDbEventStore
{
    /// <summary>
    /// The imported indicator values whose actors are all in <paramref name="actors"/> and whose year is in
    /// [<paramref name="from"/>, <paramref name="to"/>], each with its provenance: the import file's path and
    /// line (and the row's note) as the source, the data set as the origin, the file id as the precedence.
    /// </summary>
    public IReadOnlyList<SourcedValue> ImportedIndicators(IReadOnlyList<string> actors, int from, int to)
    {
        Check.NotNull(actors);
        var args = new List<object?> { from, to };
        var list = string.Join(", ", actors.Select(a =>
        {
            args.Add(a);
            return "$" + args.Count.ToString(CultureInfo.InvariantCulture);
        }));
        using var cmd = Command($"""
            SELECT i.dataset, i.file_id, i.line, i.name, i.actor_a, i.actor_b, i.year, i.value, i.note, f.path
            FROM indicators i JOIN import_files f ON f.id = i.file_id
            WHERE i.year BETWEEN $1 AND $2 AND i.actor_a IN ({list}) AND (i.actor_b IS NULL OR i.actor_b IN ({list}))
            ORDER BY i.file_id, i.line, i.name, i.actor_a, i.actor_b, i.year
            """, [.. args]);
        using var r = cmd.ExecuteReader();
        var values = new List<SourcedValue>();
        while (r.Read())
        {
            var dataset = r.GetString(0);
            var note = r.IsDBNull(8) ? null : r.GetString(8);
            var source = $"{r.GetString(9)}:{r.GetInt64(2).ToString(CultureInfo.InvariantCulture)} [{dataset}]{(note is null ? "" : ": " + note)}";
            values.Add(new SourcedValue(
                new IndicatorValue(r.GetString(3), r.GetString(4), r.IsDBNull(5) ? null : r.GetString(5), r.GetInt32(6), r.GetDouble(7), source),
                dataset, r.GetInt32(1)));
        }
        return values;
    }

    /// <summary>The first and last year of every imported indicator in every data set, over all actors.</summary>
    public IReadOnlyDictionary<(string Dataset, string Name), (int From, int To)> IndicatorSpans()
    {
        using var cmd = Command("SELECT dataset, name, min(year), max(year) FROM indicators GROUP BY dataset, name");
        using var r = cmd.ExecuteReader();
        var spans = new Dictionary<(string, string), (int, int)>();
        while (r.Read())
        {
            spans[(r.GetString(0), r.GetString(1))] = (r.GetInt32(2), r.GetInt32(3));
        }
        return spans;
    }

    /// <summary>Replaces the stored panel with <paramref name="build"/>, in one transaction.</summary>
    public void SavePanel(PanelBuild build)
    {
        Check.NotNull(build);
        using var tx = _connection.BeginTransaction();
        Execute("DELETE FROM panel");
        Execute("DELETE FROM panel_builds");
        using (var appender = _connection.CreateAppender("panel"))
        {
            foreach (var v in build.Panel.Values.OrderBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.ActorA, StringComparer.Ordinal)
                         .ThenBy(v => v.ActorB, StringComparer.Ordinal).ThenBy(v => v.Year))
            {
                appender.CreateRow().AppendValue(v.Name).AppendValue(v.ActorA).AppendValue(v.ActorB).AppendValue(v.Year)
                    .AppendValue(v.Value).AppendValue(build.OriginOf(v)).AppendValue(v.Source).EndRow();
            }
        }
        var spec = build.Summary.Spec;
        Execute("INSERT INTO panel_builds VALUES (now(), $1, $2, $3, $4, $5)",
            string.Join(",", spec.Actors), spec.From, spec.To, (long)build.Panel.Count, (long)build.Summary.Disagreements.Count);
        tx.Commit();
    }

    /// <summary>The panel last stored by <see cref="SavePanel"/>, or null when none was built.</summary>
    public StoredPanel? LoadPanel()
    {
        PanelBuildInfo? info = null;
        using (var cmd = Command("SELECT built_at, actors, year_from, year_to, value_count, disagreements FROM panel_builds"))
        using (var r = cmd.ExecuteReader())
        {
            if (r.Read())
            {
                info = new PanelBuildInfo(r.GetDateTime(0), r.GetString(1).Split(','), r.GetInt32(2), r.GetInt32(3), r.GetInt64(4), r.GetInt64(5));
            }
        }
        if (info is null)
        {
            return null;
        }
        var values = new List<IndicatorValue>();
        var origins = new Dictionary<(string, string, string?, int), string>();
        using (var cmd = Command("SELECT name, actor_a, actor_b, year, value, origin, source FROM panel"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var v = new IndicatorValue(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), r.GetDouble(4), r.GetString(6));
                values.Add(v);
                origins[(v.Name, v.ActorA, v.ActorB, v.Year)] = r.GetString(5);
            }
        }
        return new StoredPanel(IndicatorPanel.Create(values), origins, info);
    }
}
