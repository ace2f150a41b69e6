using System.Text;

namespace Strata.Data.Import;

/// <summary>
/// Keeps rejected rows: one tab-separated file per input file, with the columns <c>file, line, reason</c> and
/// then the original line exactly as its bytes were (everything after the third tab), so nothing is lost.
/// The file is created on the first rejected row only.
/// </summary>
public sealed class Quarantine : IDisposable
{
    private static readonly byte[] Header = "file\tline\treason\toriginal\n"u8.ToArray();
    private readonly string _inputName;
    private readonly Dictionary<string, long> _byReason = new(StringComparer.Ordinal);
    private FileStream? _stream;

    public Quarantine(string path, string inputName)
    {
        Path = path;
        _inputName = inputName;
    }

    public string Path { get; }

    public IReadOnlyDictionary<string, long> ByReason => _byReason;

    public long Count { get; private set; }

    /// <summary>Records a rejected row. <paramref name="reason"/> groups rows in the summary; <paramref name="detail"/> says exactly what was wrong.</summary>
    public void Add(long line, string reason, string detail, ReadOnlySpan<byte> original)
    {
        Count++;
        _byReason[reason] = _byReason.GetValueOrDefault(reason) + 1;
        if (_stream is null)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path))!);
            _stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            _stream.Write(Header);
        }
        var prefix = Encoding.UTF8.GetBytes($"{_inputName}\t{line}\t{Clean(reason)}: {Clean(detail)}\t");
        _stream.Write(prefix);
        _stream.Write(original);
        _stream.WriteByte((byte)'\n');
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
