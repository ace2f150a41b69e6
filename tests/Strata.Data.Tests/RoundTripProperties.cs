using System.Globalization;
using System.Text;
using DuckDB.NET.Data;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Strata.Data.Import;
using Strata.Data.Store;
using Strata.Domain;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>Generated events written as GDELT 2.0 rows, imported, exported, and compared with what was generated.</summary>
public class RoundTripProperties
{
    public sealed record Row(DateOnly Date, string Actor1, string Actor2, string Code, double Goldstein, int Mentions, double Tone);

    private static readonly string[] CountryCodes = ["PRK", "CHN", "RUS", "SUN", "USA", "KOR", "JPN", "AFR", ""];

    private static Arbitrary<Row[]> Rows()
    {
        var codes = Fixtures.Reference.Codebook.Entries.Select(e => e.Code.Value).ToArray();
        var row =
            from day in Gen.Choose(0, 17_000)
            from a1 in Gen.Elements(CountryCodes)
            from a2 in Gen.Elements(CountryCodes)
            from code in Gen.Elements(codes)
            from g in Gen.Choose(-100, 100)
            from m in Gen.Choose(1, 5000)
            from t in Gen.Choose(-2000, 2000)
            select new Row(new DateOnly(1979, 1, 1).AddDays(day), a1, a2, code, g / 10.0, m, t / 100.0);
        return Gen.ArrayOf(row).Where(r => r.Length > 0).ToArbitrary();
    }

    private static string GdeltLine(long id, Row r)
    {
        var c = new string[61];
        Array.Fill(c, "");
        c[0] = id.ToString(CultureInfo.InvariantCulture);
        c[1] = r.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        c[7] = r.Actor1;
        c[17] = r.Actor2;
        c[26] = r.Code;
        c[27] = r.Code[..Math.Min(3, r.Code.Length)];
        c[28] = r.Code[..2];
        c[29] = ((int)EventCode.Parse(r.Code).QuadClass).ToString(CultureInfo.InvariantCulture);
        c[30] = r.Goldstein.ToString(CultureInfo.InvariantCulture);
        c[31] = r.Mentions.ToString(CultureInfo.InvariantCulture);
        c[32] = "1";
        c[33] = "1";
        c[34] = r.Tone.ToString(CultureInfo.InvariantCulture);
        return string.Join('\t', c);
    }

    private static string? Strata(string code) => code.Length == 0 ? null : code == "SUN" ? "RUS" : code;

    [Property(MaxTest = 20)]
    public Property Export_then_read_gives_the_imported_events_back() => Prop.ForAll(Rows(), rows =>
    {
        using var tmp = TestPaths.NewTempFolder();
        var input = tmp.File("generated.export.CSV");
        File.WriteAllLines(input, rows.Select((r, i) => GdeltLine(1_000_000 + i, r)), new UTF8Encoding(false));
        using var store = DuckDbEventStore.Open(tmp.File("s.duckdb"));
        var summary = new EventImporter(store, Fixtures.Reference).Import(
            new InputFile(input, null), GdeltReader.Version2, new ImportOptions { QuarantineFolder = tmp.File("q"), BatchSize = 7 });
        var parquet = tmp.File("out.parquet");
        store.ExportEvents(new EventFilter { Dataset = "gdelt2" }, parquet, "parquet");

        using var c = new DuckDBConnection("Data Source=:memory:");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = $"SELECT date_start, source, target, cameo, goldstein, mentions, tone, line FROM read_parquet('{parquet}') ORDER BY line";
        using var r = cmd.ExecuteReader();
        var back = new List<(long Line, Row Row)>();
        while (r.Read())
        {
            back.Add((r.GetInt64(7), new Row(DateOnly.FromDateTime(r.GetDateTime(0)), r.IsDBNull(1) ? "" : r.GetString(1), r.IsDBNull(2) ? "" : r.GetString(2),
                r.GetString(3), r.GetDouble(4), r.GetInt32(5), r.GetDouble(6))));
        }
        var expected = rows.Select((row, i) => (Line: (long)i + 1, Row: row with { Actor1 = Strata(row.Actor1) ?? "", Actor2 = Strata(row.Actor2) ?? "" })).ToList();
        return summary.RowsRead == rows.Length && summary.Quarantined == 0 && summary.Imported == rows.Length && back.SequenceEqual(expected);
    });
}
