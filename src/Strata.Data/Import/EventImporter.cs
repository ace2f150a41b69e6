using System.Collections.Concurrent;
using Strata.Data.Curated;
using Strata.Data.Store;

namespace Strata.Data.Import;

/// <summary>What the importer reports while a file is read.</summary>
public sealed record ImportProgress(string File, long BytesRead, long? TotalBytes, long RowsRead, long Accepted, TimeSpan Elapsed);

/// <summary>Options of an import run.</summary>
public sealed record ImportOptions
{
    /// <summary>The data set rows go into; default: the format's name.</summary>
    public string? Dataset { get; init; }

    public ImportFilter Filter { get; init; } = ImportFilter.All;

    public MaxBad MaxBad { get; init; } = MaxBad.Unlimited;

    /// <summary>Folder for quarantine files.</summary>
    public required string QuarantineFolder { get; init; }

    /// <summary>Rows per batch handed from the parser to the store writer.</summary>
    public int BatchSize { get; init; } = 32 * 1024;

    /// <summary>Threads that parse one file at once, for formats read in blocks (GDELT); default one per core, at most 8.</summary>
    public int Parsers { get; init; } = ParallelLines.DefaultParsers;

    /// <summary>Bytes per block for formats parsed on several threads (small values exercise block edges in tests).</summary>
    internal int ParseBlockSize { get; init; } = 1 << 20;

    /// <summary>Cap of the in-memory set of row hashes, as a power of two of its slots (small values exercise the
    /// store's own search for repeats in tests).</summary>
    internal int RowHashSlotsLog2 { get; init; } = RowHashSet.DefaultMaxSlotsLog2;
}

/// <summary>
/// Imports event-data files into the store, one file per transaction. The parser runs on the calling thread
/// and hands full batches to a writer thread that appends them to the store, so parsing and storing overlap
/// on two cores while memory stays bounded (at most four batches in flight).
/// </summary>
public sealed class EventImporter(DuckDbEventStore store, ReferenceData reference)
{
    public ImportSummary Import(InputFile input, IEventReader reader, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRun.Run(store, input, reader, options, "rows",
            (dataset, quarantine) => new Reading(store.BeginImport(dataset, options.RowHashSlotsLog2), input, reader, options, reference, quarantine, cancellationToken),
            progress, cancellationToken);

    /// <summary>One file's events: parsed here, appended to the session by a writer thread.</summary>
    private sealed class Reading : IFileReading
    {
        private readonly EventImportSession _session;
        private readonly IEventReader _reader;
        private readonly InputFile _input;
        private readonly BlockingCollection<EventBatch> _full = new(boundedCapacity: 2);
        private readonly BlockingCollection<EventBatch> _empty = new();
        private readonly Thread _writer;
        private readonly ReadContext _context;
        private Exception? _writerError;
        private bool _stopped;

        public Reading(EventImportSession session, InputFile input, IEventReader reader, ImportOptions options, ReferenceData reference, Quarantine quarantine, CancellationToken cancellationToken)
        {
            _session = session;
            _reader = reader;
            _input = input;
            for (var i = 0; i < 2; i++)
            {
                _empty.Add(new EventBatch(options.BatchSize), CancellationToken.None);
            }
            _writer = new Thread(() =>
            {
                try
                {
                    foreach (var batch in _full.GetConsumingEnumerable())
                    {
                        _session.Append(batch);
                        batch.Clear();
                        _empty.Add(batch, CancellationToken.None);
                    }
                }
                catch (Exception e)
                {
                    _writerError = e;
                    _empty.CompleteAdding();
                }
            })
            { IsBackground = true, Name = "strata-import-writer" };
            _writer.Start();

            EventBatch Flush(EventBatch b)
            {
                _full.Add(b, cancellationToken);
                try
                {
                    return _empty.Take(cancellationToken);
                }
                catch (InvalidOperationException)
                {
                    throw new DataException($"{_input.Name}: writing to the store failed: {_writerError?.Message}", _writerError!);
                }
            }

            _context = new ReadContext(options.Filter, reference.Actors, reader.CodebookOf(reference), quarantine, Flush, _empty.Take(cancellationToken))
            {
                Parsers = options.Parsers,
                ParseBlockSize = options.ParseBlockSize,
            };
        }

        public ImportSession Session => _session;

        public ReadCounters Counters => _context;

        public void Read(Stream input, CancellationToken cancellationToken) => _reader.Read(input, _context, cancellationToken);

        public void Stop()
        {
            if (!_stopped)
            {
                _stopped = true;
                _full.CompleteAdding();
                _writer.Join();
            }
        }

        public void ThrowIfFailed()
        {
            if (_writerError is not null)
            {
                throw new DataException($"{_input.Name}: writing to the store failed: {_writerError.Message}", _writerError);
            }
        }

        public void Dispose()
        {
            Stop();
            _full.Dispose();
            _empty.Dispose();
            _session.Dispose();
        }
    }
}
