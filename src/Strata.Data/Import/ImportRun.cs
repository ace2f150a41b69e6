using System.Diagnostics;
using Strata.Data.Store;

namespace Strata.Data.Import;

/// <summary>One input being read into an open import session, for <see cref="ImportRun"/>.</summary>
internal interface IFileReading : IDisposable
{
    ImportSession Session { get; }

    ReadCounters Counters { get; }

    /// <summary>Reads the whole input into the session, quarantining bad rows.</summary>
    void Read(Stream input, CancellationToken cancellationToken);

    /// <summary>Stops any background work; called once reading ends, whether it succeeded or not.</summary>
    void Stop();

    /// <summary>Throws a <see cref="DataException"/> when background work failed.</summary>
    void ThrowIfFailed();
}

/// <summary>
/// The steps every import of one file shares, whatever it stores: skip a file already imported into the data
/// set (same fingerprint and filter), open its quarantine, read it with clear messages for corrupt archives,
/// fail it whole past <c>--max-bad</c>, record it in <c>import_files</c> and commit, and summarise.
/// </summary>
internal static class ImportRun
{
    public static ImportSummary Run(
        DuckDbEventStore store, InputFile input, IImportFormat format, ImportOptions options, string stored,
        Func<string, Quarantine, IFileReading> start, Action<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var dataset = options.Dataset ?? format.Format;
        var fingerprint = input.Fingerprint();
        var filterText = options.Filter.Describe() + (format.Settings is { } settings ? "; " + settings : "");
        if (store.HasImported(dataset, fingerprint, filterText))
        {
            return new ImportSummary { File = input.Name, Format = format.Format, Stored = stored, Skipped = true };
        }

        var clock = Stopwatch.StartNew();
        var quarantinePath = Path.Combine(options.QuarantineFolder, QuarantineName(input));
        using var quarantine = new Quarantine(quarantinePath, input.Name);
        using var reading = start(dataset, quarantine);
        var counters = reading.Counters;
        var total = input.ContentSize;
        using (var timer = progress is null ? null : new Timer(
            _ => progress(new ImportProgress(input.Name, counters.BytesRead, total, counters.RowsRead, counters.Accepted, clock.Elapsed)), null, 500, 500))
        {
            try
            {
                using var stream = input.Open();
                reading.Read(stream, cancellationToken);
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
                reading.Stop();
            }
        }
        reading.ThrowIfFailed();
        var readTime = clock.Elapsed;

        if (options.MaxBad.IsExceeded(quarantine.Count, counters.RowsRead))
        {
            throw new DataException(
                $"{input.Name}: {quarantine.Count} of {counters.RowsRead} rows are bad, more than --max-bad {options.MaxBad}; nothing from this file was imported (see {quarantine.Path})");
        }
        var result = reading.Session.Commit(new ImportFileRecord(
            dataset, format.Format, Path.GetFullPath(input.Path) + (input.ZipEntry is null ? "" : "!" + input.ZipEntry), input.Size,
            fingerprint, filterText, counters.RowsRead, counters.Filtered, quarantine.Count, quarantine.Count > 0 ? quarantine.Path : null,
            clock.Elapsed.TotalSeconds));
        return new ImportSummary
        {
            File = input.Name,
            Format = format.Format,
            Stored = stored,
            RowsRead = counters.RowsRead,
            Imported = result.Inserted,
            Filtered = counters.Filtered,
            Duplicates = result.Duplicates,
            Replaced = result.Replaced,
            QuarantinedByReason = new Dictionary<string, long>(quarantine.ByReason),
            Notes = new Dictionary<string, long>(counters.Notes),
            QuarantinePath = quarantine.Count > 0 ? quarantine.Path : null,
            Bytes = counters.BytesRead,
            Elapsed = clock.Elapsed,
            ReadElapsed = readTime,
        };
    }

    private static string QuarantineName(InputFile input)
    {
        var name = Path.GetFileName(input.Path) + (input.ZipEntry is null ? "" : "!" + Path.GetFileName(input.ZipEntry));
        return name + ".quarantine.tsv";
    }
}
