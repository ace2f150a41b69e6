using System.Globalization;
using System.IO.Hashing;
using System.Text;
using nietras.SeparatedValues;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>
/// Reads ICEWS event files: tab-separated with a header, countries as names ("Russian Federation"), CAMEO
/// codes as text, Goldstein intensity by ICEWS's own table, <c>NA</c> for missing values.
/// </summary>
/// <remarks>
/// Duplicates: real ICEWS files repeat rows exactly, and reuse an Event ID for different rows. An exact
/// repeat of a row (byte for byte) is stored once; rows sharing an Event ID but differing in any field are
/// all kept, since they describe different codings.
/// </remarks>
public sealed class IcewsReader : IEventReader
{
    private static readonly string[] Required = ["Event ID", "Event Date", "Source Country", "CAMEO Code", "Intensity", "Target Country"];

    public static IcewsReader Instance { get; } = new();

    public string Format => "icews";

    public CameoCodebook CodebookOf(Curated.ReferenceData reference) => reference.IcewsCodebook;

    public void Read(Stream input, ReadContext ctx, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(input);
        using var text = new StreamReader(counting, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var reader = Sep.New('\t').Reader(o => o with { DisableColCountCheck = true, DisableQuotesParsing = true, HasHeader = true }).From(text);
        var header = reader.Header;
        var missing = Required.Where(c => !header.ColNames.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            throw new DataException($"not an ICEWS file: the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }
        int Col(string name) => header.IndexOf(name);
        var id = Col("Event ID");
        var date = Col("Event Date");
        var src = Col("Source Country");
        var tgt = Col("Target Country");
        var cameo = Col("CAMEO Code");
        var intensity = Col("Intensity");
        var columns = header.ColNames.Count;
        var actorCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var filter = ctx.Filter;
        var start = new RowStart(counting, ctx, cancellationToken);

        string? Actor(ReadOnlySpan<char> name)
        {
            if (name.IsEmpty || name.SequenceEqual("NA"))
            {
                return null;
            }
            var key = name.ToString();
            if (!actorCache.TryGetValue(key, out var code))
            {
                actorCache[key] = code = ctx.Actors.Resolve(CodeSystem.Icews, key)?.Code ?? key;
            }
            return code;
        }

        foreach (var row in reader)
        {
            var lineNo = row.LineNumberFrom;
            if (!start.TryBegin(row, out var rawBytes))
            {
                continue;
            }
            var raw = row.Span;
            if (row.ColCount != columns)
            {
                ctx.Quarantine.Add(lineNo, "wrong column count", $"{row.ColCount} columns, expected {columns} as in the header", rawBytes);
                continue;
            }
            if (raw.Contains('\uFFFD'))
            {
                ctx.Quarantine.Add(lineNo, "bad encoding", "the line is not valid UTF-8", rawBytes);
                continue;
            }
            var source = Actor(row[src].Span);
            var target = Actor(row[tgt].Span);
            if (!filter.KeepsActors(source, target))
            {
                ctx.Filtered++;
                continue;
            }
            if (!DateOnly.TryParseExact(row[date].Span, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ctx.Quarantine.Add(lineNo, "bad date", $"Event Date '{row[date].ToString()}' is not a date YYYY-MM-DD", rawBytes);
                continue;
            }
            if (!filter.KeepsDate(day))
            {
                ctx.Filtered++;
                continue;
            }
            var codeText = row[cameo].ToString();
            var entry = EventCode.TryParse(codeText, out var code) ? ctx.Codebook.Find(code.Value) : null;
            if (entry is null)
            {
                ctx.Quarantine.Add(lineNo, "unknown event code", $"CAMEO Code '{codeText}' is not in the ICEWS CAMEO table", rawBytes);
                continue;
            }
            if (!filter.KeepsCode(code))
            {
                ctx.Filtered++;
                continue;
            }
            var g = row[intensity].Span;
            double goldstein;
            if (g.IsEmpty || g.SequenceEqual("NA"))
            {
                goldstein = entry.Goldstein;
            }
            else if (!double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out goldstein) || goldstein is < -10 or > 10)
            {
                ctx.Quarantine.Add(lineNo, "bad number", $"Intensity '{row[intensity].ToString()}' is not a number from -10 to 10", rawBytes);
                continue;
            }
            ctx.Add(lineNo, row[id].ToString(), day, source, target, code, goldstein, XxHash3.HashToUInt64(rawBytes));
        }
        ctx.BytesRead = counting.BytesRead;
        ctx.Complete();
    }
}
