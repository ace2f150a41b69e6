using System.Text;
using Strata.Data.Curated;
using Strata.Data.Store;

namespace Strata.Data.Import;

/// <summary>The formats Strata imports, and detection of a file's format from its first line.</summary>
public static class ImportFormats
{
    private static readonly IImportFormat[] All =
    [
        GdeltReader.Version1, GdeltReader.Version2, MentionReader.Instance, PolecatReader.Instance, IcewsReader.Instance,
        SipriReader.Instance, RivalryReader.Instance, CowNmcReader.Instance, AllianceReader.Cow, AllianceReader.Atop, MidReader.Instance, UngaReader.Instance,
    ];

    /// <summary>The generic format: any delimited file of events, read through a mapping file.</summary>
    public const string Generic = "generic";

    /// <summary>Every format name; <see cref="Generic"/> needs a mapping and is never detected.</summary>
    public static IReadOnlyList<string> Names => [.. All.Select(r => r.Format), Generic];

    public static IImportFormat? Find(string name) =>
        All.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Guesses the format from the first line of the content; null when it cannot tell.</summary>
    public static IImportFormat? Detect(InputFile input)
    {
        using var stream = input.Open();
        var buffer = new byte[64 * 1024];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, n);
        if (span.StartsWith("\uFEFF"u8))
        {
            span = span[3..];
        }
        var nl = span.IndexOf((byte)'\n');
        var first = nl >= 0 ? span[..nl] : span;
        var tabs = first.Count((byte)'\t');
        var text = Encoding.UTF8.GetString(first.Length > 4096 ? first[..4096] : first).TrimEnd('\r');
        // POLECAT's header starts as ICEWS's does; it names an Event Type where ICEWS has a CAMEO Code.
        if (PolecatReader.IsHeader(text))
        {
            return PolecatReader.Instance;
        }
        if (text.StartsWith("Event ID\tEvent Date\t", StringComparison.Ordinal))
        {
            return IcewsReader.Instance;
        }
        if (MentionReader.IsHeader(text) || tabs == 15)
        {
            return MentionReader.Instance;
        }
        var header = Header(text);
        var structural = All.OfType<IIndicatorReader>().FirstOrDefault(r => r.Recognises(header));
        if (structural is not null)
        {
            return structural;
        }
        return tabs switch
        {
            60 => GdeltReader.Version2,
            56 or 57 => GdeltReader.Version1,
            _ => null,
        };
    }

    /// <summary>The column names of a header line, unquoted and trimmed.</summary>
    private static List<string> Header(string line)
    {
        var sep = TextTable.GuessSeparator(line);
        return line.Split(sep).Select(c => c.Trim().Trim('"').Trim()).ToList();
    }
}

/// <summary>Imports one input in any format: events, indicators, ... each through its own importer.</summary>
public sealed class Importer(DuckDbEventStore store, ReferenceData reference)
{
    private readonly EventImporter _events = new(store, reference);
    private readonly IndicatorImporter _indicators = new(store, reference);
    private readonly MentionImporter _mentions = new(store);

    public ImportSummary Import(InputFile input, IImportFormat format, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        format switch
        {
            IEventReader e => _events.Import(input, e, options, progress, cancellationToken),
            IIndicatorReader i => _indicators.Import(input, i, options, progress, cancellationToken),
            MentionReader m => _mentions.Import(input, m, options, progress, cancellationToken),
            _ => throw new ArgumentException($"no importer for format {format.Format}", nameof(format)),
        };
}
