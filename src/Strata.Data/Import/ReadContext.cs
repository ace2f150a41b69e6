using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>The counters every import keeps while it reads one input; they end up in its summary and progress.</summary>
public abstract class ReadCounters
{
    /// <summary>Rows of the input read (data rows, not the header).</summary>
    public long RowsRead { get; set; }

    /// <summary>Rows (or values derived from them) left out by the filter.</summary>
    public long Filtered { get; set; }

    /// <summary>Rows (or values) kept so far.</summary>
    public long Accepted { get; private protected set; }

    /// <summary>Bytes of the input consumed so far, for progress.</summary>
    public long BytesRead { get; set; }

    /// <summary>Rows kept despite something worth telling (a source field that disagrees with another), by what.</summary>
    public IReadOnlyDictionary<string, long> Notes => _notes;

    private readonly Dictionary<string, long> _notes = new(StringComparer.Ordinal);

    /// <summary>Counts a kept row under <paramref name="what"/> in <see cref="Notes"/>.</summary>
    public void Note(string what) => _notes[what] = _notes.GetValueOrDefault(what) + 1;
}

/// <summary>What an event reader needs while it parses one input: the filter, the code tables, a place for
/// accepted rows, the quarantine, and counters that end up in the summary.</summary>
public sealed class ReadContext : ReadCounters
{
    private readonly Func<EventBatch, EventBatch> _flush;

    public ReadContext(ImportFilter filter, ActorRegistry actors, CameoCodebook codebook, Quarantine quarantine, Func<EventBatch, EventBatch> flush, EventBatch first)
    {
        Filter = filter;
        Actors = actors;
        Codebook = codebook;
        Quarantine = quarantine;
        _flush = flush;
        Batch = first;
    }

    public ImportFilter Filter { get; }

    public ActorRegistry Actors { get; }

    public CameoCodebook Codebook { get; }

    public Quarantine Quarantine { get; }

    /// <summary>Threads that may parse the input at once, for readers that cut it into blocks (GDELT).</summary>
    public int Parsers { get; init; } = ParallelLines.DefaultParsers;

    /// <summary>Bytes per block for readers that parse blocks on several threads.</summary>
    internal int ParseBlockSize { get; init; } = 1 << 20;

    /// <summary>The batch rows are written into; replaced by <see cref="NextRow"/> when full.</summary>
    public EventBatch Batch { get; private set; }

    /// <summary>Reserves a row in the current batch, handing a full batch to the writer first.</summary>
    private int NextRow()
    {
        if (Batch.IsFull)
        {
            Batch = _flush(Batch);
        }
        Accepted++;
        return Batch.Add();
    }

    /// <summary>Adds one kept row: the one place where readers fill a batch row.</summary>
    public void Add(
        long line, string? sourceId, DateOnly date, string? source, string? target, string cameo, int root, int quad, double goldstein,
        ulong rowHash, int? mentions = null, int? sources = null, int? articles = null, double? tone = null, string? nativeCode = null)
    {
        var i = NextRow();
        Batch.SetSourceId(i, sourceId);
        Fill(Batch, i, line, date, source, target, cameo, root, quad, goldstein, rowHash, mentions, sources, articles, tone, nativeCode);
    }

    /// <summary>Adds one kept row whose source id is given as its UTF-8 bytes, so that no string is built for it.</summary>
    public void Add(
        long line, ReadOnlySpan<byte> sourceId, DateOnly date, string? source, string? target, string cameo, int root, int quad, double goldstein,
        ulong rowHash, int? mentions, int? sources, int? articles, double? tone)
    {
        var i = NextRow();
        Batch.SetSourceId(i, sourceId);
        Fill(Batch, i, line, date, source, target, cameo, root, quad, goldstein, rowHash, mentions, sources, articles, tone, null);
    }

    private static void Fill(
        EventBatch b, int i, long line, DateOnly date, string? source, string? target, string cameo, int root, int quad, double goldstein,
        ulong rowHash, int? mentions, int? sources, int? articles, double? tone, string? nativeCode)
    {
        b.Line[i] = line;
        b.Date[i] = date;
        b.Source[i] = source;
        b.Target[i] = target;
        b.Cameo[i] = cameo;
        b.Root[i] = (sbyte)root;
        b.Quad[i] = (sbyte)quad;
        b.Goldstein[i] = goldstein;
        b.Mentions[i] = mentions;
        b.Sources[i] = sources;
        b.Articles[i] = articles;
        b.Tone[i] = tone;
        b.NativeCode[i] = nativeCode;
        b.RowHash[i] = rowHash;
    }

    /// <summary>Adds one kept row with a parsed CAMEO code.</summary>
    public void Add(
        long line, string? sourceId, DateOnly date, string? source, string? target, EventCode code, double goldstein,
        ulong rowHash, int? mentions = null, int? sources = null, int? articles = null, double? tone = null, string? nativeCode = null) =>
        Add(line, sourceId, date, source, target, code.Value, code.RootNumber, (int)code.QuadClass, goldstein, rowHash, mentions, sources, articles, tone, nativeCode);

    /// <summary>Hands over the last, partly filled batch.</summary>
    public void Complete()
    {
        if (Batch.Count > 0)
        {
            Batch = _flush(Batch);
        }
    }
}

/// <summary>A format Strata imports, named as the command line spells it.</summary>
public interface IImportFormat
{
    /// <summary>The format's name as the command line spells it.</summary>
    string Format { get; }

    /// <summary>
    /// What else decides how a file is read (a mapping file's hash), recorded with the filter: a file read
    /// another way is another import. Null for formats without settings.
    /// </summary>
    string? Settings => null;
}

/// <summary>A reader of one event-data format.</summary>
public interface IEventReader : IImportFormat
{
    /// <summary>The CAMEO table of the source: each source keeps its own codes and Goldstein scores.</summary>
    CameoCodebook CodebookOf(Curated.ReferenceData reference);

    /// <summary>Reads the whole input, putting kept rows into the context's batches and rejected ones into its quarantine.</summary>
    void Read(Stream input, ReadContext ctx, CancellationToken cancellationToken);
}
