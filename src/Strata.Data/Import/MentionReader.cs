using System.Globalization;
using System.IO.Hashing;
using System.Text;
using nietras.SeparatedValues;
using Strata.Data.Curated;
using Strata.Data.Store;

namespace Strata.Data.Import;

/// <summary>One row of the GDELT 2.0 mentions table: an article that mentioned an event.</summary>
public sealed record Mention(
    long Line, long GlobalEventId, DateTime? EventTime, DateTime MentionTime, sbyte? MentionType, string? SourceName, string? Identifier,
    int? SentenceId, bool? InRawText, sbyte? Confidence, int? DocLength, double? DocTone, string? Translation, ulong RowHash);

/// <summary>
/// Reads the GDELT 2.0 mentions table (16 columns): the raw files (tab-separated, no header) and re-exports
/// with a header row of GDELT's column names in any case (pandas writes them lower-case, comma-separated).
/// Times are YYYYMMDDHHMMSS (UTC). The actor, root and quad filters do not apply (mentions name no actors;
/// join them to events on <c>global_event_id</c>); the date filter applies to the mention time.
/// </summary>
public sealed class MentionReader : IImportFormat
{
    private static readonly string[] Columns =
    [
        "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier", "SentenceID",
        "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen", "MentionDocTone",
        "MentionDocTranslationInfo", "Extras",
    ];

    public static MentionReader Instance { get; } = new();

    public string Format => "gdelt2-mentions";

    /// <summary>True for a header line of GDELT's mention column names.</summary>
    public static bool IsHeader(string line) =>
        line.StartsWith("globaleventid", StringComparison.OrdinalIgnoreCase) && line.Contains("mentiontimedate", StringComparison.OrdinalIgnoreCase);

    public void Read(Stream input, MentionContext ctx, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(input);
        // Look at the first line to tell a raw file from a re-export with a header, then read from the start.
        var prefix = new byte[4096];
        var got = counting.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false);
        var firstLine = prefix.AsSpan(0, got);
        var nl = firstLine.IndexOf((byte)'\n');
        var first = Encoding.UTF8.GetString(nl >= 0 ? firstLine[..nl] : firstLine).TrimStart('\uFEFF').TrimEnd('\r');
        using var whole = new PrefixedStream(prefix.AsMemory(0, got), counting);
        using var text = new StreamReader(whole, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        var hasHeader = IsHeader(first);
        var separator = hasHeader ? TextTable.GuessSeparator(first) : '\t';
        using var reader = Sep.New(separator).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            DisableQuotesParsing = !hasHeader,
            Unescape = hasHeader,
        }).From(text);
        var index = Enumerable.Range(0, Columns.Length).ToArray();
        if (hasHeader && reader.MoveNext())
        {
            var header = reader.Current;
            var names = new List<string>();
            for (var i = 0; i < header.ColCount; i++)
            {
                names.Add(header[i].ToString().Trim());
            }
            var missing = Columns[..14].Where(c => !names.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                throw new DataException($"not a {Format} file (GDELT 2.0 mentions): the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}");
            }
            index = Columns.Select(c => names.FindIndex(n => string.Equals(n, c, StringComparison.OrdinalIgnoreCase))).ToArray();
        }
        var expected = hasHeader ? -1 : Columns.Length;
        var cells = new string[Columns.Length];
        var start = new RowStart(counting, ctx, cancellationToken);
        while (reader.MoveNext())
        {
            var row = reader.Current;
            var lineNo = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            if (!start.TryBegin(row, out var rawBytes))
            {
                continue;
            }
            if (expected < 0)
            {
                expected = row.ColCount;
            }
            if (row.ColCount != expected)
            {
                ctx.Quarantine.Add(lineNo, "wrong column count", $"{row.ColCount} columns, expected {expected}", rawBytes);
                continue;
            }
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = index[i] >= 0 ? row[index[i]].ToString().Trim() : "";
            }
            if (!long.TryParse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture, out var eventId))
            {
                ctx.Quarantine.Add(lineNo, "bad id", $"GLOBALEVENTID '{cells[0]}' is not a number", rawBytes);
                continue;
            }
            if (!TryTime(cells[2], out var mentionTime) || mentionTime is null)
            {
                ctx.Quarantine.Add(lineNo, "bad date", $"MentionTimeDate '{cells[2]}' is not a time YYYYMMDDHHMMSS", rawBytes);
                continue;
            }
            if (!TryTime(cells[1], out var eventTime))
            {
                ctx.Quarantine.Add(lineNo, "bad date", $"EventTimeDate '{cells[1]}' is not a time YYYYMMDDHHMMSS", rawBytes);
                continue;
            }
            if (!ctx.Filter.KeepsDate(DateOnly.FromDateTime(mentionTime.Value)))
            {
                ctx.Filtered++;
                continue;
            }
            string? bad = null;
            int? Int(int i, int min, int max)
            {
                if (cells[i].Length == 0)
                {
                    return null;
                }
                if (int.TryParse(cells[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max)
                {
                    return v;
                }
                bad ??= $"{Columns[i]} '{cells[i]}' is not a whole number from {min} to {max}";
                return null;
            }
            var type = Int(3, 0, 127);
            var sentence = Int(6, int.MinValue, int.MaxValue);
            var inRaw = Int(10, 0, 1);
            var confidence = Int(11, 0, 100);
            var length = Int(12, 0, int.MaxValue);
            double? tone = null;
            if (cells[13].Length > 0)
            {
                if (double.TryParse(cells[13], NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t))
                {
                    tone = t;
                }
                else
                {
                    bad ??= $"MentionDocTone '{cells[13]}' is not a number";
                }
            }
            if (bad is not null)
            {
                ctx.Quarantine.Add(lineNo, "bad number", bad, rawBytes);
                continue;
            }
            ctx.Add(new Mention(lineNo, eventId, eventTime, mentionTime.Value, (sbyte?)type, Blank(cells[4]), Blank(cells[5]), sentence,
                inRaw is null ? null : inRaw == 1, (sbyte?)confidence, length, tone, Blank(cells[14]), XxHash3.HashToUInt64(rawBytes)));
        }
        ctx.BytesRead = counting.BytesRead;
    }

    private static string? Blank(string s) => s.Length == 0 ? null : s;

    internal static bool TryTime(string s, out DateTime? time)
    {
        time = null;
        if (s.Length == 0)
        {
            return true;
        }
        if (DateTime.TryParseExact(s, "yyyyMMddHHmmss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            time = t;
            return true;
        }
        return false;
    }
}

/// <summary>A stream that first returns some bytes already read, then the rest of another stream.</summary>
internal sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : Stream
{
    private ReadOnlyMemory<byte> _prefix = prefix;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_prefix.Length > 0)
        {
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix.Span[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
        return rest.Read(buffer);
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>What the mention reader needs while it reads one file: the filter, the quarantine, and the session rows go to.</summary>
public sealed class MentionContext(ImportFilter filter, Quarantine quarantine, MentionImportSession session) : ReadCounters
{
    public ImportFilter Filter { get; } = Check.NotNull(filter);

    public Quarantine Quarantine { get; } = Check.NotNull(quarantine);

    public void Add(Mention mention)
    {
        session.Append(mention);
        Accepted++;
    }
}

/// <summary>Imports GDELT 2.0 mentions files, one file per transaction, through <see cref="ImportRun"/>.</summary>
public sealed class MentionImporter(DuckDbEventStore store)
{
    public ImportSummary Import(InputFile input, MentionReader reader, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRun.Run(store, input, reader, options, "mentions",
            (dataset, quarantine) =>
            {
                var session = store.BeginMentionImport(dataset);
                return new Reading(session, reader, new MentionContext(options.Filter, quarantine, session));
            },
            progress, cancellationToken);

    private sealed class Reading(MentionImportSession session, MentionReader reader, MentionContext context) : IFileReading
    {
        public ImportSession Session => session;

        public ReadCounters Counters => context;

        public void Read(Stream input, CancellationToken cancellationToken) => reader.Read(input, context, cancellationToken);

        public void Stop() { }

        public void ThrowIfFailed() { }

        public void Dispose() => session.Dispose();
    }
}
