using System.Globalization;
using System.IO.Hashing;
using System.Text;
using nietras.SeparatedValues;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>
/// Reads POLECAT event files (the PLOVER-coded successor of ICEWS, weekly and yearly files on Harvard Dataverse):
/// tab-separated with a header, countries as ISO 3166 alpha-3 codes, events as PLOVER types mapped to the CAMEO
/// root each corresponds to (docs/import-formats.md has the table and its caveats), the PLOVER intensity
/// (-10..10) as the Goldstein score, and the PLOVER type kept as the row's native code.
/// </summary>
/// <remarks>
/// Known malformations of the published files are tolerated: a header with trailing tabs and data lines with
/// more tabs than the header (the extra fields must be empty), headers naming columns the data lines lack
/// (<c>Headline</c>, <c>Event Text</c>, <c>Feed</c>, <c>Story ID</c>), a header naming a column twice (the first
/// is used), a BOM, CRLF line ends, and <c>NA</c>, <c>None</c> or empty for missing values.
/// </remarks>
public sealed class PolecatReader : IEventReader
{
    /// <summary>Header names some files carry for which their data lines have no field.</summary>
    internal static readonly string[] ExcessNames = ["Headline", "Event Text", "Feed", "Story ID"];

    /// <summary>The intensity column: <c>Event Intensity</c> in most files, <c>Intensity</c> in some.</summary>
    private static readonly string[] IntensityNames = ["Event Intensity", "Intensity"];

    private static readonly string[] Required = ["Event ID", "Event Date", "Event Type", "Actor Country", "Recipient Country"];

    public static PolecatReader Instance { get; } = new();

    public string Format => "polecat";

    /// <summary>The mapped codes are CAMEO roots, checked against GDELT's CAMEO table.</summary>
    public CameoCodebook CodebookOf(Curated.ReferenceData reference) => reference.Codebook;

    /// <summary>
    /// Each PLOVER event type: the CAMEO root it is stored as, PLOVER's own quad class (PLOVER manual 0.7b1,
    /// each category's heading), and the manual's "Schrodt score", used when a row has no intensity.
    /// </summary>
    public static IReadOnlyDictionary<string, PloverType> Types { get; } = new Dictionary<string, PloverType>(StringComparer.OrdinalIgnoreCase)
    {
        ["AGREE"] = new("03", QuadClass.VerbalCooperation, 4.2),
        ["CONSULT"] = new("04", QuadClass.VerbalCooperation, 2.1),
        ["SUPPORT"] = new("05", QuadClass.VerbalCooperation, 4.6),
        ["CONCEDE"] = new("08", QuadClass.VerbalCooperation, 5.0),
        ["COOPERATE"] = new("06", QuadClass.MaterialCooperation, 6.8),
        ["AID"] = new("07", QuadClass.MaterialCooperation, 7.4),
        ["RETREAT"] = new("08", QuadClass.MaterialCooperation, 7.6),
        ["REQUEST"] = new("10", QuadClass.VerbalConflict, -5.0),
        ["DEMAND"] = new("10", QuadClass.VerbalConflict, -5.0),
        ["ACCUSE"] = new("11", QuadClass.VerbalConflict, -2.0),
        ["REJECT"] = new("12", QuadClass.VerbalConflict, -4.2),
        ["THREATEN"] = new("13", QuadClass.VerbalConflict, -5.1),
        ["PROTEST"] = new("14", QuadClass.MaterialConflict, -6.6),
        ["MOBILIZE"] = new("15", QuadClass.MaterialConflict, -5.3),
        ["SANCTION"] = new("16", QuadClass.MaterialConflict, -5.2),
        ["COERCE"] = new("17", QuadClass.MaterialConflict, -7.2),
        ["ASSAULT"] = new("18", QuadClass.MaterialConflict, -9.3),
    };

    /// <summary>What a note in the summary says when a row's Quad Code is not the PLOVER quad class of its type.</summary>
    public const string QuadDisagrees = "Quad Code disagrees with the PLOVER quad class of the Event Type";

    /// <summary>What a note says when a row's Quad Code is none of the four quad classes.</summary>
    public const string QuadUnknown = "Quad Code is not a quad class";

    /// <summary>What a note says, once per field, when Actor or Recipient Country lists several countries.</summary>
    public const string SeveralCountries = "country fields listing several countries (the first kept)";

    /// <summary>What a note says when a row has no intensity and the PLOVER type's score was used.</summary>
    public const string NoIntensity = "no Event Intensity; the PLOVER type's score used";

    /// <summary>True when a header line is a POLECAT header (an ICEWS header starts the same way).</summary>
    public static bool IsHeader(string line)
    {
        var names = line.Split('\t').Select(n => n.Trim()).ToHashSet(StringComparer.Ordinal);
        return Required.All(names.Contains) && IntensityNames.Any(names.Contains);
    }

    public void Read(Stream input, ReadContext ctx, CancellationToken cancellationToken)
    {
        var counting = new CountingStream(input);
        using var text = new StreamReader(counting, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var reader = Sep.New('\t').Reader(o => o with { DisableColCountCheck = true, DisableQuotesParsing = true, HasHeader = false }).From(text);
        if (!reader.MoveNext())
        {
            ctx.Complete();
            return;
        }
        var headerRow = reader.Current;
        var names = new List<string>();
        for (var i = 0; i < headerRow.ColCount; i++)
        {
            names.Add(headerRow[i].ToString().Trim());
        }
        // Trailing tabs on the header line give empty names: they are not columns.
        while (names.Count > 0 && names[^1].Length == 0)
        {
            names.RemoveAt(names.Count - 1);
        }
        var full = Layout.Of(names);
        var stripped = names.Any(n => ExcessNames.Contains(n, StringComparer.Ordinal))
            ? Layout.Of([.. names.Where(n => !ExcessNames.Contains(n, StringComparer.Ordinal))])
            : null;

        var actorCache = new Dictionary<string, string?>(StringComparer.Ordinal);
        var filter = ctx.Filter;
        var start = new RowStart(counting, ctx, cancellationToken);

        string? Actor(ReadOnlySpan<char> field)
        {
            var value = field.Trim();
            var cut = value.IndexOfAny(';', '|');
            if (cut >= 0)
            {
                ctx.Note(SeveralCountries);
                value = value[..cut].Trim();
            }
            if (IsMissing(value))
            {
                return null;
            }
            var key = value.ToString();
            if (!actorCache.TryGetValue(key, out var code))
            {
                actorCache[key] = code =
                    (ctx.Actors.Resolve(CodeSystem.Iso3, key) ?? ctx.Actors.Resolve(CodeSystem.Icews, key))?.Code ?? key;
            }
            return code;
        }

        while (reader.MoveNext())
        {
            var row = reader.Current;
            var lineNo = row.LineNumberFrom;
            if (!start.TryBegin(row, out var rawBytes))
            {
                continue;
            }
            var raw = row.Span;
            var layout = Fit(row, full) ? full : stripped is not null && Fit(row, stripped) ? stripped : null;
            if (layout is null)
            {
                var expected = stripped is null ? $"{full.Width}" : $"{full.Width} or {stripped.Width}";
                ctx.Quarantine.Add(lineNo, "wrong column count", $"{row.ColCount} columns, expected {expected} as in the header (extra trailing fields must be empty)", rawBytes);
                continue;
            }
            if (raw.Contains('\uFFFD'))
            {
                ctx.Quarantine.Add(lineNo, "bad encoding", "the line is not valid UTF-8", rawBytes);
                continue;
            }
            var source = Actor(row[layout.Actor].Span);
            var target = Actor(row[layout.Recipient].Span);
            if (!filter.KeepsActors(source, target))
            {
                ctx.Filtered++;
                continue;
            }
            var dateText = row[layout.Date].Span.Trim();
            if (dateText.Length > 10 && dateText[10] is ' ' or 'T')
            {
                dateText = dateText[..10];
            }
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ctx.Quarantine.Add(lineNo, "bad date", $"Event Date '{row[layout.Date].ToString()}' is not a date YYYY-MM-DD", rawBytes);
                continue;
            }
            if (!filter.KeepsDate(day))
            {
                ctx.Filtered++;
                continue;
            }
            var typeText = row[layout.Type].ToString().Trim();
            if (!Types.TryGetValue(typeText, out var type) || ctx.Codebook.Find(type.Cameo) is not { } entry)
            {
                ctx.Quarantine.Add(lineNo, "unknown event code", $"Event Type '{typeText}' is not a PLOVER event type", rawBytes);
                continue;
            }
            var code = entry.Code;
            if (!filter.KeepsCode(code))
            {
                ctx.Filtered++;
                continue;
            }
            var g = row[layout.Intensity].Span.Trim();
            double goldstein;
            if (IsMissing(g))
            {
                goldstein = type.Score;
                ctx.Note(NoIntensity);
            }
            else if (!double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out goldstein) || goldstein is < -10 or > 10)
            {
                ctx.Quarantine.Add(lineNo, "bad number", $"{names[layout.Intensity]} '{row[layout.Intensity].ToString()}' is not a number from -10 to 10", rawBytes);
                continue;
            }
            if (layout.Quad >= 0)
            {
                var q = row[layout.Quad].Span.Trim();
                if (!IsMissing(q))
                {
                    var quad = ParseQuad(q);
                    if (quad is null)
                    {
                        ctx.Note(QuadUnknown);
                    }
                    else if (quad != type.Quad)
                    {
                        ctx.Note(QuadDisagrees);
                    }
                }
            }
            var sourceId = row[layout.Id].ToString().Trim() is { Length: > 0 } id ? id : null;
            ctx.Add(lineNo, sourceId, day, source, target, code, goldstein, XxHash3.HashToUInt64(rawBytes), nativeCode: typeText.ToUpperInvariant());
        }
        ctx.BytesRead = counting.BytesRead;
        ctx.Complete();
    }

    /// <summary>True when the row has the layout's width, allowing extra trailing fields that are empty.</summary>
    private static bool Fit(SepReader.Row row, Layout layout)
    {
        if (row.ColCount < layout.Width)
        {
            return false;
        }
        for (var c = layout.Width; c < row.ColCount; c++)
        {
            if (!row[c].Span.IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsMissing(ReadOnlySpan<char> value) =>
        value.IsEmpty || value.SequenceEqual("NA") || value.SequenceEqual("None") || value.SequenceEqual("null");

    /// <summary>A quad class written as words ("VERBAL COOPERATION", any case, space or underscore) or 1..4.</summary>
    internal static QuadClass? ParseQuad(ReadOnlySpan<char> text)
    {
        var s = text.ToString().Trim().Replace('_', ' ').ToUpperInvariant();
        return s switch
        {
            "VERBAL COOPERATION" or "1" => QuadClass.VerbalCooperation,
            "MATERIAL COOPERATION" or "2" => QuadClass.MaterialCooperation,
            "VERBAL CONFLICT" or "3" => QuadClass.VerbalConflict,
            "MATERIAL CONFLICT" or "4" => QuadClass.MaterialConflict,
            _ => null,
        };
    }

    /// <summary>Where the columns Strata reads are in a line of a given width.</summary>
    private sealed record Layout(int Width, int Id, int Date, int Type, int Intensity, int Quad, int Actor, int Recipient)
    {
        public static Layout Of(List<string> names)
        {
            int Find(string name) => names.IndexOf(name);
            var missing = Required.Where(r => Find(r) < 0).Select(r => $"'{r}'").ToList();
            var intensity = IntensityNames.Select(Find).FirstOrDefault(i => i >= 0, -1);
            if (intensity < 0)
            {
                missing.Add("'Event Intensity'");
            }
            if (missing.Count > 0)
            {
                throw new DataException($"not a POLECAT file: the header lacks {string.Join(", ", missing)}");
            }
            return new Layout(names.Count, Find("Event ID"), Find("Event Date"), Find("Event Type"), intensity, Find("Quad Code"),
                Find("Actor Country"), Find("Recipient Country"));
        }
    }
}

/// <summary>A PLOVER event type: the CAMEO root it is stored as, PLOVER's quad class for it, and its score.</summary>
public sealed record PloverType(string Cameo, QuadClass Quad, double Score);
