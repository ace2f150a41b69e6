using System.Globalization;
using System.IO.Hashing;
using System.Text;
using nietras.SeparatedValues;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>
/// Reads events from any delimited text file through a <see cref="GenericMapping"/>: the mapping names the
/// columns; this reader parses, normalises (actor codes to Strata codes, CAMEO codes as strings with their
/// leading zeros), filters and quarantines like the other event readers.
/// </summary>
public sealed class GenericReader(GenericMapping mapping) : IEventReader
{
    public GenericMapping Mapping { get; } = Check.NotNull(mapping);

    public string Format => "generic";

    public string? Settings => "mapping " + Mapping.Hash;

    public CameoCodebook CodebookOf(Curated.ReferenceData reference) => Mapping.Codebook == "icews" ? reference.IcewsCodebook : reference.Codebook;

    public void Read(Stream input, ReadContext ctx, CancellationToken cancellationToken)
    {
        var m = Mapping;
        var counting = new CountingStream(input);
        using var text = new StreamReader(counting, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var reader = Sep.New(m.Delimiter).Reader(o => o with
        {
            HasHeader = false,
            DisableColCountCheck = true,
            DisableQuotesParsing = !m.Quoted,
            Unescape = m.Quoted,
        }).From(text);

        List<string>? header = null;
        var columns = -1;
        if (m.Header)
        {
            if (!reader.MoveNext())
            {
                ctx.Complete();
                return;
            }
            var first = reader.Current;
            header = [];
            for (var i = 0; i < first.ColCount; i++)
            {
                header.Add(first[i].ToString().Trim());
            }
            columns = header.Count;
        }
        var refs = new (string Role, ColumnRef? Ref)[]
        {
            ("id", m.Id), ("date", m.Date), ("source", m.Source), ("target", m.Target), ("cameo", m.Cameo), ("goldstein", m.Goldstein),
            ("mentions", m.Mentions), ("sources", m.Sources), ("articles", m.Articles), ("tone", m.Tone),
        };
        var missing = refs.Where(r => r.Ref is not null && r.Ref.IndexIn(header) is null).Select(r => $"{r.Role} ({r.Ref})").ToList();
        if (missing.Count > 0)
        {
            throw new DataException($"the file does not have the columns the mapping names for {string.Join(", ", missing)}"
                + (header is null ? "" : $"; its header has {string.Join(", ", header.Select(h => $"'{h}'"))}"));
        }
        int? Index(ColumnRef? r) => r?.IndexIn(header);
        var id = Index(m.Id);
        var date = Index(m.Date)!.Value;
        var src = Index(m.Source);
        var tgt = Index(m.Target);
        var cameo = Index(m.Cameo)!.Value;
        var goldsteinColumn = Index(m.Goldstein);
        var mentionsColumn = Index(m.Mentions);
        var sourcesColumn = Index(m.Sources);
        var articlesColumn = Index(m.Articles);
        var toneColumn = Index(m.Tone);
        var used = new[] { id, date, src, tgt, cameo, goldsteinColumn, mentionsColumn, sourcesColumn, articlesColumn, toneColumn }.OfType<int>().Distinct().ToArray();
        var needed = used.Max() + 1;
        var cells = new string?[needed];
        var actorCache = new Dictionary<(ActorCodes, string), string?>();
        var filter = ctx.Filter;
        var start = new RowStart(counting, ctx, cancellationToken);

        while (reader.MoveNext())
        {
            var row = reader.Current;
            // Sep 0.17 reports line 2 for the very first row of a file read without a header; that row is on line 1.
            var lineNo = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
            if (!start.TryBegin(row, out var rawBytes))
            {
                continue;
            }
            var raw = row.Span;
            if (columns < 0)
            {
                columns = row.ColCount;
            }
            if (row.ColCount != columns || row.ColCount < needed)
            {
                ctx.Quarantine.Add(lineNo, "wrong column count", $"{row.ColCount} columns, expected {columns} as in the {(m.Header ? "header" : "first row")}", rawBytes);
                continue;
            }
            if (raw.Contains('\uFFFD'))
            {
                ctx.Quarantine.Add(lineNo, "bad encoding", "the line is not valid UTF-8", rawBytes);
                continue;
            }
            foreach (var c in used)
            {
                var v = row[c].Span.Trim().ToString();
                cells[c] = m.Na.Contains(v) ? null : v;
            }
            string? Field(int? i) => i is null ? null : cells[i.Value];

            string? unknownActor = null;
            string? Actor(int? column, ActorCodes system)
            {
                var code = Field(column);
                if (code is null)
                {
                    return null;
                }
                if (!actorCache.TryGetValue((system, code), out var strata))
                {
                    actorCache[(system, code)] = strata = GenericMapping.Resolve(ctx.Actors, system, code);
                }
                if (strata is null && m.UnknownActors == UnknownActors.Quarantine)
                {
                    unknownActor ??= $"'{code}' is not a {GenericMapping.Describe(system)} known to actors.yaml";
                }
                return strata ?? code;
            }

            var source = Actor(src, m.SourceCodes);
            var target = Actor(tgt, m.TargetCodes);
            if (unknownActor is not null)
            {
                ctx.Quarantine.Add(lineNo, "unknown actor", unknownActor, rawBytes);
                continue;
            }
            if (!filter.KeepsActors(source, target))
            {
                ctx.Filtered++;
                continue;
            }
            var dateText = Field(date) ?? "";
            if (!DateOnly.TryParseExact(dateText, m.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                ctx.Quarantine.Add(lineNo, "bad date", $"{m.Date} '{dateText}' is not a date {m.DateFormat}", rawBytes);
                continue;
            }
            if (!filter.KeepsDate(day))
            {
                ctx.Filtered++;
                continue;
            }
            var codeText = Field(cameo) ?? "";
            var entry = FindCode(ctx.Codebook, codeText, m.RestoreLeadingZeros);
            if (entry is null)
            {
                ctx.Quarantine.Add(lineNo, "unknown event code", $"{m.Cameo} '{codeText}' is not in the {m.Codebook.ToUpperInvariant()} CAMEO codebook", rawBytes);
                continue;
            }
            if (!filter.KeepsCode(entry.Code))
            {
                ctx.Filtered++;
                continue;
            }
            var goldstein = entry.Goldstein;
            if (Field(goldsteinColumn) is { } g && (!double.TryParse(g, NumberStyles.Float, CultureInfo.InvariantCulture, out goldstein) || goldstein is < -10 or > 10))
            {
                ctx.Quarantine.Add(lineNo, "bad number", $"{m.Goldstein} '{g}' is not a number from -10 to 10", rawBytes);
                continue;
            }
            string? bad = null;
            int? Int(int? column, ColumnRef? name)
            {
                var s = Field(column);
                if (s is null)
                {
                    return null;
                }
                if (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
                {
                    return v;
                }
                // R writes large counts as 1e+05.
                if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue)
                {
                    return (int)d;
                }
                bad ??= $"{name} '{s}' is not a whole number";
                return null;
            }
            var mentions = Int(mentionsColumn, m.Mentions);
            var sources = Int(sourcesColumn, m.Sources);
            var articles = Int(articlesColumn, m.Articles);
            double? tone = null;
            if (Field(toneColumn) is { } t)
            {
                if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var tv) && double.IsFinite(tv))
                {
                    tone = tv;
                }
                else
                {
                    bad ??= $"{m.Tone} '{t}' is not a number";
                }
            }
            if (bad is not null)
            {
                ctx.Quarantine.Add(lineNo, "bad number", bad, rawBytes);
                continue;
            }

            ctx.Add(lineNo, Field(id), day, source, target, entry.Code, goldstein, XxHash3.HashToUInt64(rawBytes), mentions, sources, articles, tone);
        }
        ctx.BytesRead = counting.BytesRead;
        ctx.Complete();
    }

    /// <summary>
    /// The codebook entry of a CAMEO code as written. With <paramref name="restore"/> the column is taken to be
    /// GDELT-style event codes of three or four digits that lost their leading zeros (read as integers:
    /// 10, 40, 211): a code is padded to three digits and, if still unknown, to four (010, 040, 0211). In
    /// CAMEO no code padded to four digits is also a three-digit code, so this is unambiguous for such columns;
    /// it is not for a column of two-digit root codes, which should not use it.
    /// </summary>
    public static CodebookEntry? FindCode(CameoCodebook codebook, string text, bool restore)
    {
        if (text.Length == 0 || !text.All(char.IsAsciiDigit))
        {
            return null;
        }
        if (!restore)
        {
            return EventCode.TryParse(text, out var code) ? codebook.Find(code.Value) : null;
        }
        foreach (var width in new[] { Math.Max(3, text.Length), 4 })
        {
            var padded = text.PadLeft(width, '0');
            if (EventCode.TryParse(padded, out var p) && codebook.Find(p.Value) is { } e)
            {
                return e;
            }
        }
        return null;
    }
}
