using System.Collections.Concurrent;
using System.Diagnostics;
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
}

/// <summary>
/// Imports event-data files into the store, one file per transaction. The parser runs on the calling thread
/// and hands full batches to a writer thread that appends them to the store, so parsing and storing overlap
/// on two cores while memory stays bounded (at most four batches in flight).
/// </summary>
public sealed class EventImporter(DuckDbEventStore store, ReferenceData reference)
{
    public ImportSummary Import(InputFile input, IEventReader reader, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = options.Dataset ?? reader.Format;
        var fingerprint = input.Fingerprint();
        var filterText = options.Filter.Describe();
        if (store.HasImported(dataset, fingerprint, filterText))
        {
            return new ImportSummary { File = input.Name, Format = reader.Format, Skipped = true };
        }

        var clock = Stopwatch.StartNew();
        var quarantinePath = Path.Combine(options.QuarantineFolder, QuarantineName(input));
        using var quarantine = new Quarantine(quarantinePath, input.Name);
        using var session = store.BeginImport(dataset);
        using var full = new BlockingCollection<EventBatch>(boundedCapacity: 2);
        using var empty = new BlockingCollection<EventBatch>();
        for (var i = 0; i < 2; i++)
        {
            empty.Add(new EventBatch(options.BatchSize), CancellationToken.None);
        }
        Exception? writerError = null;
        var writer = new Thread(() =>
        {
            try
            {
                foreach (var batch in full.GetConsumingEnumerable())
                {
                    session.Append(batch);
                    batch.Clear();
                    empty.Add(batch, CancellationToken.None);
                }
            }
            catch (Exception e)
            {
                writerError = e;
                empty.CompleteAdding();
            }
        })
        { IsBackground = true, Name = "strata-import-writer" };
        writer.Start();

        EventBatch Flush(EventBatch b)
        {
            full.Add(b, cancellationToken);
            try
            {
                return empty.Take(cancellationToken);
            }
            catch (InvalidOperationException)
            {
                throw new DataException($"{input.Name}: writing to the store failed: {writerError?.Message}", writerError!);
            }
        }

        var ctx = new ReadContext(options.Filter, reference.Actors, reader.CodebookOf(reference), quarantine, Flush, empty.Take(cancellationToken));
        var total = input.ContentSize;
        using var timer = progress is null ? null : new Timer(
            _ => progress(new ImportProgress(input.Name, ctx.BytesRead, total, ctx.RowsRead, ctx.Accepted, clock.Elapsed)), null, 500, 500);
        try
        {
            using var stream = input.Open();
            reader.Read(stream, ctx, cancellationToken);
        }
        catch (InvalidDataException e)
        {
            throw new DataException($"{input.Name}: the archive is corrupt or truncated ({e.Message}); nothing from this file was imported", e);
        }
        catch (IOException e) when (e.Message.Contains("unexpected end", StringComparison.OrdinalIgnoreCase))
        {
            throw new DataException($"{input.Name}: the archive is truncated ({e.Message}); nothing from this file was imported", e);
        }
        finally
        {
            full.CompleteAdding();
            writer.Join();
            timer?.Dispose();
        }
        if (writerError is not null)
        {
            throw new DataException($"{input.Name}: writing to the store failed: {writerError.Message}", writerError);
        }

        if (options.MaxBad.IsExceeded(quarantine.Count, ctx.RowsRead))
        {
            throw new DataException(
                $"{input.Name}: {quarantine.Count} of {ctx.RowsRead} rows are bad, more than --max-bad {options.MaxBad}; nothing from this file was imported (see {quarantine.Path})");
        }
        var inserted = session.Commit(new ImportFileRecord(
            dataset, reader.Format, Path.GetFullPath(input.Path) + (input.ZipEntry is null ? "" : "!" + input.ZipEntry), input.Size,
            fingerprint, filterText, ctx.RowsRead, ctx.Filtered, quarantine.Count, quarantine.Count > 0 ? quarantine.Path : null,
            clock.Elapsed.TotalSeconds));
        return new ImportSummary
        {
            File = input.Name,
            Format = reader.Format,
            RowsRead = ctx.RowsRead,
            Imported = inserted,
            Filtered = ctx.Filtered,
            Duplicates = session.Staged - inserted,
            QuarantinedByReason = new Dictionary<string, long>(quarantine.ByReason),
            QuarantinePath = quarantine.Count > 0 ? quarantine.Path : null,
            Bytes = ctx.BytesRead,
            Elapsed = clock.Elapsed,
        };
    }

    private static string QuarantineName(InputFile input)
    {
        var name = Path.GetFileName(input.Path) + (input.ZipEntry is null ? "" : "!" + Path.GetFileName(input.ZipEntry));
        return name + ".quarantine.tsv";
    }
}
