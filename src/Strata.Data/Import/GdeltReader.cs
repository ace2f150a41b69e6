using System.Buffers.Text;
using System.IO.Hashing;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// This is the hot path of a GDELT import, so it works on raw bytes: it finds the tabs of a line 64 bytes at a
/// time, decides the actor filter from the two 3-byte country codes, and only then parses the rest of a kept
/// row. Dropped rows cost a tab scan and two dictionary lookups; no string is built for them. The file is cut
/// into blocks of whole lines that parser threads parse at once (<see cref="ParallelLines"/>); the blocks are
/// handed on in file order, so line numbers, rows and quarantine are those of a single-threaded read. The hot
/// methods are compiled fully optimised at once: a gigabyte is parsed in well under a second, too short for tiered
/// compilation to replace their first, unoptimised code in time.
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
        Check.NotNull(ctx);
        long lineBase = 0;
        long bytes = 0;
        ParallelLines.Run(input, ctx.Parsers, ctx.ParseBlockSize, () => new Block(ctx), Parse, HandOn, cancellationToken);
        ctx.Complete();

        // On the calling thread, in input order: the block's rows and rejects with their line numbers in the file.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void HandOn(Block b)
        {
            foreach (var r in b.Rejected)
            {
                ctx.Quarantine.Add(lineBase + r.Line, r.Reason, r.Detail, r.Original);
            }
            var data = b.Data;
            for (var i = 0; i < b.RowCount; i++)
            {
                ref readonly var r = ref b.Rows[i];
                ctx.Add(lineBase + r.Line, data.AsSpan(r.IdStart, r.IdLength), r.Date, r.Source, r.Target, r.Cameo, r.Root, r.Quad,
                    r.Goldstein, r.Hash, r.Mentions, r.Sources, r.Articles, r.Tone);
            }
            ctx.RowsRead += b.RowsRead;
            ctx.Filtered += b.Filtered;
            lineBase += b.Lines;
            bytes += b.Length;
            ctx.BytesRead = bytes;
        }
    }

    /// <summary>Parses one block of lines (on a parser thread): everything but the hand-over.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Parse(Block b)
    {
        var data = b.Data;
        var length = b.Length;
        Span<int> starts = stackalloc int[Fields + 1];
        var start = 0;
        var number = 0;
        while (start < length)
        {
            var nl = data.AsSpan(start, length - start).IndexOf((byte)'\n');
            var end = nl < 0 ? length : start + nl;
            var lineEnd = end > start && data[end - 1] == (byte)'\r' ? end - 1 : end;
            ParseLine(b, ++number, start, lineEnd - start, starts);
            start = end + 1;
        }
        b.Lines = number;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ParseLine(Block b, int number, int start, int length, Span<int> starts)
    {
        if (length == 0)
        {
            return;
        }
        b.RowsRead++;
        var line = b.Data.AsSpan(start, length);
        var columns = ScanTabs(b.Data, start, length, starts, out var ascii) + 1;
        if (Array.IndexOf(_columnCounts, columns) < 0)
        {
            b.Reject(number, "wrong column count", $"{columns} columns, expected {string.Join(" or ", _columnCounts)} for {Format}", line);
            return;
        }
        if (!ascii && !Utf8.IsValid(line))
        {
            b.Reject(number, "bad encoding", "the line is not valid UTF-8", line);
            return;
        }
        // Field i spans [starts[i], starts[i+1] - 1).
        ReadOnlySpan<byte> F(int i, ReadOnlySpan<byte> l, Span<int> s) => l[s[i]..(s[i + 1] - 1)];

        var codes = b.Codes;
        var filter = b.Filter;
        var a1 = F(Actor1Country, line, starts);
        var a2 = F(Actor2Country, line, starts);
        if (codes.FiltersActors)
        {
            var k1 = codes.IsFilterActor(a1);
            var k2 = codes.IsFilterActor(a2);
            if (filter.Match == ActorMatch.Any ? !(k1 || k2) : !(k1 && k2))
            {
                b.Filtered++;
                return;
            }
        }

        if (!TryDate(F(SqlDate, line, starts), out var date))
        {
            b.Reject(number, "bad date", $"SQLDATE '{Text(F(SqlDate, line, starts))}' is not a date YYYYMMDD", line);
            return;
        }
        if (!filter.KeepsDate(date))
        {
            b.Filtered++;
            return;
        }
        var codeBytes = F(EventCode, line, starts);
        if (!codes.TryEvent(codeBytes, out var code))
        {
            b.Reject(number, "unknown event code", $"EventCode '{Text(codeBytes)}' is not in the CAMEO codebook", line);
            return;
        }
        if ((filter.Roots.Count > 0 && !filter.Roots.Contains(code.Root)) || (filter.QuadClasses.Count > 0 && !filter.QuadClasses.Contains((QuadClass)code.Quad)))
        {
            b.Filtered++;
            return;
        }
        var g = F(Goldstein, line, starts);
        double goldstein;
        if (g.IsEmpty)
        {
            goldstein = code.Goldstein;
        }
        else if (!Utf8Parser.TryParse(g, out goldstein, out var used) || used != g.Length || goldstein is < -10 or > 10)
        {
            b.Reject(number, "bad number", $"GoldsteinScale '{Text(g)}' is not a number from -10 to 10", line);
            return;
        }
        if (!TryInt(F(NumMentions, line, starts), out var mentions) || !TryInt(F(NumSources, line, starts), out var sources)
            || !TryInt(F(NumArticles, line, starts), out var articles) || !TryDouble(F(AvgTone, line, starts), out var tone))
        {
            b.Reject(number, "bad number", "NumMentions, NumSources, NumArticles or AvgTone is not a number", line);
            return;
        }
        var id = F(GlobalEventId, line, starts);
        if (id.IsEmpty || id.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            b.Reject(number, "bad id", $"GLOBALEVENTID '{Text(id)}' is not a number", line);
            return;
        }

        ref var row = ref b.NextRow();
        row.Line = number;
        row.IdStart = start;
        row.IdLength = id.Length;
        row.Date = date;
        row.Source = codes.Actor(a1);
        row.Target = codes.Actor(a2);
        row.Cameo = code.Code;
        row.Root = code.Root;
        row.Quad = code.Quad;
        row.Goldstein = goldstein;
        row.Mentions = mentions;
        row.Sources = sources;
        row.Articles = articles;
        row.Tone = tone;
        row.Hash = XxHash3.HashToUInt64(line);
    }

    /// <summary>
    /// Finds the tabs of one line, 64 bytes at a time: the start of each of the first <see cref="Fields"/> fields
    /// (relative to the line) in <paramref name="starts"/>, and the number of tabs in the whole line, which gives
    /// its column count. Also tells whether every byte is ASCII, so that only other lines need a UTF-8 check.
    /// Reads up to 63 bytes past the line, which <see cref="LineBlock.Slack"/> makes safe; those bytes are masked off.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int ScanTabs(byte[] data, int start, int length, Span<int> starts, out bool ascii)
    {
        ref var origin = ref MemoryMarshal.GetArrayDataReference(data);
        var tabs = 0;
        ulong high = 0;
        starts[0] = 0;
        for (var offset = 0; offset < length; offset += 64)
        {
            var (t, h) = Masks(ref origin, (nuint)(start + offset));
            var rest = length - offset;
            if (rest < 64)
            {
                var keep = (1UL << rest) - 1;
                t &= keep;
                h &= keep;
            }
            high |= h;
            while (t != 0 && tabs < Fields)
            {
                starts[++tabs] = offset + BitOperations.TrailingZeroCount(t) + 1;
                t &= t - 1;
            }
            tabs += BitOperations.PopCount(t);
        }
        ascii = high == 0;
        return tabs;
    }

    /// <summary>Bit i of Tabs is set when byte i of the 64 at <paramref name="at"/> is a tab; of High, when it is not ASCII.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
    private static (ulong Tabs, ulong High) Masks(ref byte origin, nuint at)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var v = Vector512.LoadUnsafe(ref origin, at);
            return (Vector512.Equals(v, Vector512.Create((byte)'\t')).ExtractMostSignificantBits(), v.ExtractMostSignificantBits());
        }
        if (Vector256.IsHardwareAccelerated)
        {
            var tab = Vector256.Create((byte)'\t');
            var a = Vector256.LoadUnsafe(ref origin, at);
            var b = Vector256.LoadUnsafe(ref origin, at + 32);
            return (Vector256.Equals(a, tab).ExtractMostSignificantBits() | ((ulong)Vector256.Equals(b, tab).ExtractMostSignificantBits() << 32),
                a.ExtractMostSignificantBits() | ((ulong)b.ExtractMostSignificantBits() << 32));
        }
        var tab128 = Vector128.Create((byte)'\t');
        ulong tabs = 0;
        ulong high = 0;
        for (var i = 0; i < 4; i++)
        {
            var v = Vector128.LoadUnsafe(ref origin, at + (nuint)(i * 16));
            tabs |= (ulong)Vector128.Equals(v, tab128).ExtractMostSignificantBits() << (i * 16);
            high |= (ulong)v.ExtractMostSignificantBits() << (i * 16);
        }
        return (tabs, high);
    }

    /// <summary>A kept row of a block, its id still as bytes in the block.</summary>
    private struct Row
    {
        public int Line;
        public int IdStart;
        public int IdLength;
        public DateOnly Date;
        public string? Source;
        public string? Target;
        public string Cameo;
        public sbyte Root;
        public sbyte Quad;
        public double Goldstein;
        public int? Mentions;
        public int? Sources;
        public int? Articles;
        public double? Tone;
        public ulong Hash;
    }

    private readonly record struct Rejected(int Line, string Reason, string Detail, byte[] Original);

    /// <summary>A block of lines and what parsing it produced; each has its own code tables, as they cache.</summary>
    private sealed class Block(ReadContext ctx) : LineBlock
    {
        public CodeTables Codes { get; } = new(ctx.Actors, CodeSystem.Cameo, ctx.Codebook, ctx.Filter);

        public ImportFilter Filter { get; } = ctx.Filter;

        public Row[] Rows { get; private set; } = new Row[1024];

        public int RowCount { get; private set; }

        public List<Rejected> Rejected { get; } = [];

        public long RowsRead { get; set; }

        public long Filtered { get; set; }

        public ref Row NextRow()
        {
            if (RowCount == Rows.Length)
            {
                var rows = Rows;
                Array.Resize(ref rows, rows.Length * 2);
                Rows = rows;
            }
            return ref Rows[RowCount++];
        }

        public void Reject(int line, string reason, string detail, ReadOnlySpan<byte> original) =>
            Rejected.Add(new Rejected(line, reason, detail, original.ToArray()));

        public override void Clear()
        {
            RowCount = 0;
            Rejected.Clear();
            RowsRead = 0;
            Filtered = 0;
            Lines = 0;
        }
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
