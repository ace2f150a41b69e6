using System.Buffers.Text;
using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>
/// Reads GDELT event files: 1.0 (57 columns in the historical backfiles, 58 in the daily files, both may be
/// mixed in one file) and 2.0 (61 columns). Tab-separated, no header, no quoting. The first 35 columns are
/// the same in every version, and they hold everything Strata keeps.
/// </summary>
/// <remarks>
/// This is the hot path of a GDELT import, so it works on raw bytes: it finds the tabs of the first 35
/// columns, decides the actor filter from the two 3-byte country codes, and only then parses the rest of a
/// kept row. Dropped rows cost a tab scan and two dictionary lookups; no string is built for them.
/// </remarks>
public sealed class GdeltReader : IEventReader
{
    private const int Fields = 35;
    private const int GlobalEventId = 0;
    private const int SqlDate = 1;
    private const int Actor1Country = 7;
    private const int Actor2Country = 17;
    private const int EventCode = 26;
    private const int Goldstein = 30;
    private const int NumMentions = 31;
    private const int NumSources = 32;
    private const int NumArticles = 33;
    private const int AvgTone = 34;

    private readonly int[] _columnCounts;

    private GdeltReader(string format, params int[] columnCounts)
    {
        Format = format;
        _columnCounts = columnCounts;
    }

    public static GdeltReader Version1 { get; } = new("gdelt1", 57, 58);

    public static GdeltReader Version2 { get; } = new("gdelt2", 61);

    public string Format { get; }

    public CameoCodebook CodebookOf(Curated.ReferenceData reference) => reference.Codebook;

    public void Read(Stream input, ReadContext ctx, CancellationToken cancellationToken)
    {
        var codes = new CodeTables(ctx.Actors, CodeSystem.Cameo, ctx.Codebook, ctx.Filter);
        var filter = ctx.Filter;
        var lines = new ByteLines(input);
        Span<int> starts = stackalloc int[Fields + 1];
        var expected = string.Join(" or ", _columnCounts);
        while (lines.TryNext(out var line))
        {
            if ((lines.LineNumber & 0xFFF) == 0)
            {
                ctx.BytesRead = lines.BytesConsumed;
                cancellationToken.ThrowIfCancellationRequested();
            }
            if (line.IsEmpty)
            {
                continue;
            }
            ctx.RowsRead++;

            // Field i spans [starts[i], starts[i+1] - 1).
            var pos = 0;
            var found = 0;
            starts[0] = 0;
            while (found < Fields)
            {
                var tab = line[pos..].IndexOf((byte)'\t');
                if (tab < 0)
                {
                    break;
                }
                pos += tab + 1;
                starts[++found] = pos;
            }
            var columns = found < Fields ? found + 1 : Fields + 1 + line[pos..].Count((byte)'\t');
            if (Array.IndexOf(_columnCounts, columns) < 0)
            {
                ctx.Quarantine.Add(lines.LineNumber, "wrong column count", $"{columns} columns, expected {expected} for {Format}", line);
                continue;
            }
            if (!Utf8.IsValid(line))
            {
                ctx.Quarantine.Add(lines.LineNumber, "bad encoding", "the line is not valid UTF-8", line);
                continue;
            }
            ReadOnlySpan<byte> F(int i, ReadOnlySpan<byte> l, Span<int> s) => l[s[i]..(s[i + 1] - 1)];

            var a1 = F(Actor1Country, line, starts);
            var a2 = F(Actor2Country, line, starts);
            if (codes.FiltersActors)
            {
                var k1 = codes.IsFilterActor(a1);
                var k2 = codes.IsFilterActor(a2);
                if (filter.Match == ActorMatch.Any ? !(k1 || k2) : !(k1 && k2))
                {
                    ctx.Filtered++;
                    continue;
                }
            }

            if (!TryDate(F(SqlDate, line, starts), out var date))
            {
                ctx.Quarantine.Add(lines.LineNumber, "bad date", $"SQLDATE '{Text(F(SqlDate, line, starts))}' is not a date YYYYMMDD", line);
                continue;
            }
            if (!filter.KeepsDate(date))
            {
                ctx.Filtered++;
                continue;
            }
            var codeBytes = F(EventCode, line, starts);
            if (!codes.TryEvent(codeBytes, out var code))
            {
                ctx.Quarantine.Add(lines.LineNumber, "unknown event code", $"EventCode '{Text(codeBytes)}' is not in the CAMEO codebook", line);
                continue;
            }
            if ((filter.Roots.Count > 0 && !filter.Roots.Contains(code.Root)) || (filter.QuadClasses.Count > 0 && !filter.QuadClasses.Contains((QuadClass)code.Quad)))
            {
                ctx.Filtered++;
                continue;
            }
            var g = F(Goldstein, line, starts);
            double goldstein;
            if (g.IsEmpty)
            {
                goldstein = code.Goldstein;
            }
            else if (!Utf8Parser.TryParse(g, out goldstein, out var used) || used != g.Length || goldstein is < -10 or > 10)
            {
                ctx.Quarantine.Add(lines.LineNumber, "bad number", $"GoldsteinScale '{Text(g)}' is not a number from -10 to 10", line);
                continue;
            }
            if (!TryInt(F(NumMentions, line, starts), out var mentions) || !TryInt(F(NumSources, line, starts), out var sources)
                || !TryInt(F(NumArticles, line, starts), out var articles) || !TryDouble(F(AvgTone, line, starts), out var tone))
            {
                ctx.Quarantine.Add(lines.LineNumber, "bad number", "NumMentions, NumSources, NumArticles or AvgTone is not a number", line);
                continue;
            }
            var id = F(GlobalEventId, line, starts);
            if (id.IsEmpty || id.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
            {
                ctx.Quarantine.Add(lines.LineNumber, "bad id", $"GLOBALEVENTID '{Text(id)}' is not a number", line);
                continue;
            }

            ctx.Add(lines.LineNumber, Encoding.ASCII.GetString(id), date, codes.Actor(a1), codes.Actor(a2), code.Code, code.Root, code.Quad, goldstein,
                XxHash3.HashToUInt64(line), mentions, sources, articles, tone);
        }
        ctx.BytesRead = lines.BytesConsumed;
        ctx.Complete();
    }

    private static string Text(ReadOnlySpan<byte> s) => Encoding.UTF8.GetString(s.Length > 40 ? s[..40] : s);

    internal static bool TryDate(ReadOnlySpan<byte> s, out DateOnly date)
    {
        date = default;
        if (s.Length != 8 || s.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }
        var y = ((s[0] - '0') * 1000) + ((s[1] - '0') * 100) + ((s[2] - '0') * 10) + (s[3] - '0');
        var m = ((s[4] - '0') * 10) + (s[5] - '0');
        var d = ((s[6] - '0') * 10) + (s[7] - '0');
        if (y < 1 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }
        date = new DateOnly(y, m, d);
        return true;
    }

    private static bool TryInt(ReadOnlySpan<byte> s, out int? value)
    {
        value = null;
        if (s.IsEmpty)
        {
            return true;
        }
        if (Utf8Parser.TryParse(s, out int v, out var used) && used == s.Length)
        {
            value = v;
            return true;
        }
        return false;
    }

    private static bool TryDouble(ReadOnlySpan<byte> s, out double? value)
    {
        value = null;
        if (s.IsEmpty)
        {
            return true;
        }
        if (Utf8Parser.TryParse(s, out double v, out var used) && used == s.Length && double.IsFinite(v))
        {
            value = v;
            return true;
        }
        return false;
    }
}
