using System.Text;

namespace Strata.Data.Import;

/// <summary>
/// A block of imported event rows held column by column, handed from the parser to the store writer. Batches
/// are recycled, so an import holds a bounded number of them whatever the file size.
/// </summary>
public sealed class EventBatch
{
    public EventBatch(int capacity)
    {
        Capacity = capacity;
        Line = new long[capacity];
        _idStart = new int[capacity];
        _idLength = new int[capacity];
        Date = new DateOnly[capacity];
        Source = new string?[capacity];
        Target = new string?[capacity];
        Cameo = new string[capacity];
        Root = new sbyte[capacity];
        Quad = new sbyte[capacity];
        Goldstein = new double[capacity];
        Mentions = new int?[capacity];
        Sources = new int?[capacity];
        Articles = new int?[capacity];
        Tone = new double?[capacity];
        RowHash = new ulong[capacity];
        NativeCode = new string?[capacity];
    }

    public int Capacity { get; }

    public int Count { get; private set; }

    public bool IsFull => Count == Capacity;

    public long[] Line { get; }

    // The source's own ids, as UTF-8 bytes one after the other (no string per row); length -1 for none.
    private readonly int[] _idStart;
    private readonly int[] _idLength;
    private byte[] _ids = new byte[1 << 16];
    private int _idsUsed;

    public DateOnly[] Date { get; }

    public string?[] Source { get; }

    public string?[] Target { get; }

    public string[] Cameo { get; }

    public sbyte[] Root { get; }

    public sbyte[] Quad { get; }

    public double[] Goldstein { get; }

    public int?[] Mentions { get; }

    public int?[] Sources { get; }

    public int?[] Articles { get; }

    public double?[] Tone { get; }

    public ulong[] RowHash { get; }

    /// <summary>The source's own event code when it is not CAMEO (POLECAT's PLOVER type); null for CAMEO sources.
    /// Reset to null by <see cref="Add"/>, so readers that have none need not set it.</summary>
    public string?[] NativeCode { get; }

    /// <summary>Reserves the next row and returns its index; the caller fills every column at that index.</summary>
    public int Add()
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException("the batch is full");
        }
        NativeCode[Count] = null;
        return Count++;
    }

    public void Clear()
    {
        Count = 0;
        _idsUsed = 0;
    }

    /// <summary>Sets row <paramref name="row"/>'s source id (null for none).</summary>
    public void SetSourceId(int row, string? id)
    {
        if (id is null)
        {
            _idLength[row] = -1;
            return;
        }
        Reserve(Encoding.UTF8.GetMaxByteCount(id.Length));
        _idStart[row] = _idsUsed;
        _idLength[row] = Encoding.UTF8.GetBytes(id, _ids.AsSpan(_idsUsed));
        _idsUsed += _idLength[row];
    }

    /// <summary>Sets row <paramref name="row"/>'s source id from its UTF-8 bytes.</summary>
    public void SetSourceId(int row, ReadOnlySpan<byte> utf8)
    {
        Reserve(utf8.Length);
        _idStart[row] = _idsUsed;
        _idLength[row] = utf8.Length;
        utf8.CopyTo(_ids.AsSpan(_idsUsed));
        _idsUsed += utf8.Length;
    }

    /// <summary>Row <paramref name="row"/>'s source id as UTF-8 bytes; false when it has none.</summary>
    public bool TryGetSourceId(int row, out ReadOnlySpan<byte> utf8)
    {
        var length = _idLength[row];
        utf8 = length < 0 ? default : _ids.AsSpan(_idStart[row], length);
        return length >= 0;
    }

    private void Reserve(int bytes)
    {
        if (_ids.Length - _idsUsed < bytes)
        {
            Array.Resize(ref _ids, Math.Max(_ids.Length * 2, _idsUsed + bytes));
        }
    }
}
