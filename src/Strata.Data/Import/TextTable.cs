using System.Text;
using System.Text.Unicode;
using nietras.SeparatedValues;

namespace Strata.Data.Import;

/// <summary>One data row of a delimited text file: its 1-based line, its fields (unquoted) and its text as read.</summary>
public sealed record TableRow(long Line, IReadOnlyList<string> Fields, string Text)
{
    public string this[int column] => Fields[column];
}

/// <summary>
/// A delimited text file with a header, read with Sep (quotes handled), in UTF-8 or, when the bytes are not
/// valid UTF-8, Latin-1 (Windows exports of SIPRI and COW files are often Latin-1). The whole content is
/// decoded first so the encoding is decided on all of it; structural files are small.
/// </summary>
public sealed class TextTable
{
    private readonly string _text;
    private readonly char _separator;
    private readonly Dictionary<string, int> _columns;

    private TextTable(string text, char separator, Encoding encoding, IReadOnlyList<string> header)
    {
        _text = text;
        _separator = separator;
        Encoding = encoding;
        Header = header;
        _columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < header.Count; i++)
        {
            _columns.TryAdd(header[i], i);
        }
    }

    /// <summary>The encoding the content was decoded with: UTF-8 or Latin-1.</summary>
    public Encoding Encoding { get; }

    public IReadOnlyList<string> Header { get; }

    /// <summary>Reads the content of <paramref name="input"/>; <paramref name="separator"/> null guesses comma, tab or semicolon from the header line.</summary>
    public static TextTable Read(Stream input, char? separator = null)
    {
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        var encoding = Utf8.IsValid(bytes) ? Encoding.UTF8 : Encoding.Latin1;
        var text = encoding.GetString(bytes);
        var firstLine = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var nl and >= 0 ? nl : text.Length));
        var sep = separator ?? GuessSeparator(firstLine);
        var header = new List<string>();
        using (var reader = Reader(text, sep))
        {
            if (firstLine.Trim().Length > 0 && reader.MoveNext())
            {
                var first = reader.Current;
                for (var i = 0; i < first.ColCount; i++)
                {
                    header.Add(first[i].ToString().Trim());
                }
            }
        }
        return new TextTable(text, sep, encoding, header);
    }

    /// <summary>The separator a header line most likely uses.</summary>
    public static char GuessSeparator(ReadOnlySpan<char> headerLine)
    {
        var tabs = headerLine.Count('\t');
        var commas = headerLine.Count(',');
        var semicolons = headerLine.Count(';');
        return tabs >= commas && tabs >= semicolons && tabs > 0 ? '\t' : semicolons > commas ? ';' : ',';
    }

    /// <summary>The index of the first column named <paramref name="name"/> (any case); null when absent.</summary>
    public int? Column(string name) => _columns.TryGetValue(name, out var i) ? i : null;

    /// <summary>The first of <paramref name="names"/> that is a column; null when none is.</summary>
    public int? Column(params string[] names) => names.Select(Column).FirstOrDefault(c => c is not null);

    public bool HasColumns(params string[] names) => names.All(n => _columns.ContainsKey(n));

    /// <summary>Every non-blank data row after the header line, in order.</summary>
    public IEnumerable<TableRow> Rows()
    {
        if (Header.Count == 0)
        {
            yield break;
        }
        using var reader = Reader(_text, _separator);
        reader.MoveNext();
        while (reader.MoveNext())
        {
            var row = Materialise(reader.Current);
            if (row is not null)
            {
                yield return row;
            }
        }
    }

    private static TableRow? Materialise(SepReader.Row row)
    {
        var text = row.Span;
        if (text.Trim().IsEmpty)
        {
            return null;
        }
        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = row[i].ToString().Trim();
        }
        return new TableRow(row.LineNumberFrom, fields, text.ToString());
    }

    private static SepReader Reader(string text, char separator) =>
        Sep.New(separator).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = true }).FromText(text);
}
