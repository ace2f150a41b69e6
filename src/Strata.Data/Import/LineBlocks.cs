namespace Strata.Data.Import;

/// <summary>
/// A block of whole lines of an input, parsed on its own by one thread and then handed on in input order.
/// Subclasses hold what parsing the block produced.
/// </summary>
internal abstract class LineBlock
{
    /// <summary>Bytes after the data that are always readable (zeros), so that a parser may load a whole vector
    /// at any position of a line without checking where the buffer ends.</summary>
    public const int Slack = 64;

    public byte[] Data { get; set; } = [];

    /// <summary>Bytes of data: whole lines, each ending with '\n' except possibly the last line of the input.</summary>
    public int Length { get; set; }

    /// <summary>Lines in the block (a last line without '\n' counts, blank lines count), set by the parser.</summary>
    public int Lines { get; set; }

    /// <summary>Set once the block is parsed (or parsing failed).</summary>
    public ManualResetEventSlim Parsed { get; } = new(false);

    /// <summary>Why parsing failed, to be rethrown on the thread that hands the block on.</summary>
    public Exception? Error { get; set; }

    /// <summary>Forgets what the last parse produced, before the block is filled again.</summary>
    public abstract void Clear();
}

/// <summary>Cuts a stream into blocks of whole lines; a line longer than a block makes that block bigger.</summary>
internal sealed class LineBlockReader(Stream stream, int blockSize)
{
    private byte[] _carry = new byte[4096];
    private int _carryLength;
    private bool _eof;

    /// <summary>Bytes handed out so far in blocks.</summary>
    public long BytesRead { get; private set; }

    /// <summary>Fills <paramref name="block"/> with the next lines; false when the input is used up.</summary>
    public bool TryFill(LineBlock block)
    {
        if (_eof && _carryLength == 0)
        {
            return false;
        }
        var size = Math.Max(blockSize, _carryLength * 2);
        if (block.Data.Length < size + LineBlock.Slack)
        {
            block.Data = new byte[size + LineBlock.Slack];
        }
        var data = block.Data;
        Buffer.BlockCopy(_carry, 0, data, 0, _carryLength);
        var filled = _carryLength;
        var searched = 0;
        _carryLength = 0;
        while (true)
        {
            while (!_eof && filled < data.Length - LineBlock.Slack)
            {
                var n = stream.Read(data, filled, data.Length - LineBlock.Slack - filled);
                if (n == 0)
                {
                    _eof = true;
                }
                filled += n;
            }
            var last = data.AsSpan(searched, filled - searched).LastIndexOf((byte)'\n');
            if (last >= 0 || _eof)
            {
                var length = last >= 0 && !_eof ? searched + last + 1 : filled;
                if (last >= 0 && !_eof)
                {
                    _carryLength = filled - length;
                    if (_carry.Length < _carryLength)
                    {
                        _carry = new byte[_carryLength * 2];
                    }
                    Buffer.BlockCopy(data, length, _carry, 0, _carryLength);
                }
                block.Length = length;
                Array.Clear(data, length, LineBlock.Slack);
                BytesRead += length;
                return length > 0;
            }
            // A line longer than the block: make room and read on.
            searched = filled;
            var bigger = new byte[((data.Length - LineBlock.Slack) * 2) + LineBlock.Slack];
            Buffer.BlockCopy(data, 0, bigger, 0, filled);
            block.Data = data = bigger;
        }
    }
}

/// <summary>
/// Parses an input on several threads: the calling thread cuts it into blocks of whole lines, parser threads
/// parse the blocks, and the calling thread hands each parsed block on in input order, so line numbers, the
/// quarantine and the stored rows come out exactly as a single thread would produce them.
/// </summary>
internal static class ParallelLines
{
    /// <summary>Parser threads used by default: one per core, at most eight (the store takes rows on one thread).</summary>
    public static int DefaultParsers => Math.Clamp(Environment.ProcessorCount, 1, 8);

    /// <param name="input">The stream, read on the calling thread.</param>
    /// <param name="parsers">Parser threads; 1 parses on the calling thread.</param>
    /// <param name="blockSize">Bytes per block.</param>
    /// <param name="newBlock">Makes an empty block (with its own parsing state).</param>
    /// <param name="parse">Parses one block; runs on a parser thread and must touch nothing shared.</param>
    /// <param name="handOn">Takes a parsed block, in input order, on the calling thread.</param>
    public static void Run<TBlock>(
        Stream input, int parsers, int blockSize, Func<TBlock> newBlock, Action<TBlock> parse, Action<TBlock> handOn, CancellationToken cancellationToken)
        where TBlock : LineBlock
    {
        var reader = new LineBlockReader(input, blockSize);
        if (parsers <= 1)
        {
            var block = newBlock();
            while (reader.TryFill(block))
            {
                cancellationToken.ThrowIfCancellationRequested();
                parse(block);
                handOn(block);
                block.Clear();
            }
            return;
        }

        using var work = new System.Collections.Concurrent.BlockingCollection<TBlock>();
        var threads = new Thread[parsers];
        for (var i = 0; i < parsers; i++)
        {
            threads[i] = new Thread(() =>
            {
                foreach (var block in work.GetConsumingEnumerable())
                {
                    try
                    {
                        parse(block);
                    }
                    catch (Exception e)
                    {
                        block.Error = e;
                    }
                    block.Parsed.Set();
                }
            })
            { IsBackground = true, Name = "strata-import-parser" };
            threads[i].Start();
        }
        try
        {
            // Three blocks per parser in flight: one being parsed, one waiting, one being handed on.
            var free = new Stack<TBlock>();
            for (var i = 0; i < parsers * 3; i++)
            {
                free.Push(newBlock());
            }
            var inFlight = new Queue<TBlock>();
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (free.Count == 0)
                {
                    free.Push(Finish(inFlight.Dequeue(), handOn, cancellationToken));
                }
                var block = free.Pop();
                if (!reader.TryFill(block))
                {
                    break;
                }
                block.Parsed.Reset();
                inFlight.Enqueue(block);
                work.Add(block, cancellationToken);
                while (inFlight.Count > 0 && inFlight.Peek().Parsed.IsSet)
                {
                    free.Push(Finish(inFlight.Dequeue(), handOn, cancellationToken));
                }
            }
            while (inFlight.Count > 0)
            {
                Finish(inFlight.Dequeue(), handOn, cancellationToken);
            }
        }
        finally
        {
            work.CompleteAdding();
            foreach (var t in threads)
            {
                t.Join();
            }
        }
    }

    private static TBlock Finish<TBlock>(TBlock block, Action<TBlock> handOn, CancellationToken cancellationToken)
        where TBlock : LineBlock
    {
        block.Parsed.Wait(cancellationToken);
        if (block.Error is { } error)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(error).Throw();
        }
        handOn(block);
        block.Clear();
        return block;
    }
}
