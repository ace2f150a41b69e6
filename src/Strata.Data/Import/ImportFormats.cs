using System.Text;

namespace Strata.Data.Import;

/// <summary>The event-data formats Strata reads, and detection of a file's format from its first line.</summary>
public static class ImportFormats
{
    private static readonly IEventReader[] Readers = [GdeltReader.Version1, GdeltReader.Version2, IcewsReader.Instance];

    public static IReadOnlyList<string> Names => Readers.Select(r => r.Format).ToList();

    public static IEventReader? Find(string name) =>
        Readers.FirstOrDefault(r => string.Equals(r.Format, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Guesses the format from the first line of the content; null when it cannot tell.</summary>
    public static IEventReader? Detect(InputFile input)
    {
        using var stream = input.Open();
        var buffer = new byte[64 * 1024];
        var n = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var span = buffer.AsSpan(0, n);
        var nl = span.IndexOf((byte)'\n');
        var first = nl >= 0 ? span[..nl] : span;
        var tabs = first.Count((byte)'\t');
        var text = Encoding.UTF8.GetString(first.Length > 512 ? first[..512] : first);
        if (text.StartsWith("Event ID\tEvent Date\t", StringComparison.Ordinal))
        {
            return IcewsReader.Instance;
        }
        return tabs switch
        {
            60 => GdeltReader.Version2,
            56 or 57 => GdeltReader.Version1,
            _ => null,
        };
    }
}
