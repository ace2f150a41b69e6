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
        SourceId = new string?[capacity];
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

    public string?[] SourceId { get; }

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

    public void Clear() => Count = 0;
}
