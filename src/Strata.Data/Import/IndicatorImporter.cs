using System.Globalization;
using System.Text;
using Strata.Data.Curated;
using Strata.Data.Store;
using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>A reader of one structural format: a file of rows turned into yearly indicator values.</summary>
public interface IIndicatorReader : IImportFormat
{
    /// <summary>True when a file with this header (column names as written) is in this format.</summary>
    bool Recognises(IReadOnlyList<string> header);

    /// <summary>Reads the whole input, adding values to the context and quarantining bad rows.</summary>
    void Read(Stream input, IndicatorContext ctx, CancellationToken cancellationToken);
}

/// <summary>
/// What an indicator reader needs while it reads one file: the actors (for COW numbers and country names),
/// the filter, the quarantine, the values kept so far, and helpers that parse a field or quarantine its row
/// with a reason. The helpers return false after quarantining, so a reader skips the row and goes on.
/// </summary>
public sealed class IndicatorContext : ReadCounters
{
    private static readonly HashSet<string> MissingMarks = new(["", "NA", "N/A", "."], StringComparer.OrdinalIgnoreCase);
    private readonly List<Indicator> _values = [];
    private readonly Dictionary<(string, string, string?, int), long> _keys = [];
    private readonly Dictionary<string, string?> _cow = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string?> _names = new(StringComparer.OrdinalIgnoreCase);

    public IndicatorContext(ImportFilter filter, ActorRegistry actors, Quarantine quarantine)
    {
        Filter = Check.NotNull(filter);
        Actors = Check.NotNull(actors);
        Quarantine = Check.NotNull(quarantine);
    }

    public ImportFilter Filter { get; }

    public ActorRegistry Actors { get; }

    public Quarantine Quarantine { get; }

    /// <summary>The values kept, in the order they were added.</summary>
    public IReadOnlyList<Indicator> Values => _values;

    /// <summary>True for the texts that mean "no value": empty, NA, N/A and ".".</summary>
    public static bool IsMissing(string text) => MissingMarks.Contains(text);

    /// <summary>True when <paramref name="header"/> has every one of <paramref name="columns"/> (any case).</summary>
    public static bool HasAll(IReadOnlyList<string> header, params string[] columns) =>
        columns.All(c => header.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>Fails the file when its header lacks any of <paramref name="columns"/>, naming every missing one.</summary>
    public static void RequireColumns(TextTable table, string format, params string[] columns)
    {
        var missing = columns.Where(c => table.Column(c) is null).ToList();
        if (missing.Count > 0)
        {
            throw new DataException($"not a {format} file: the header lacks {string.Join(", ", missing.Select(m => $"'{m}'"))} (it has {string.Join(", ", table.Header.Select(h => $"'{h}'"))})");
        }
    }

    /// <summary>The data rows of <paramref name="table"/>, counted; rows with another number of fields than the header are quarantined.</summary>
    public IEnumerable<TableRow> Rows(TextTable table, CancellationToken cancellationToken)
    {
        foreach (var row in table.Rows())
        {
            cancellationToken.ThrowIfCancellationRequested();
            RowsRead++;
            if (row.Fields.Count != table.Header.Count)
            {
                Reject(row, "wrong column count", $"{row.Fields.Count} columns, expected {table.Header.Count} as in the header");
                continue;
            }
            yield return row;
        }
    }

    /// <summary>Quarantines <paramref name="row"/> with its line, a reason and the detail of what is wrong.</summary>
    public void Reject(TableRow row, string reason, string detail) =>
        Quarantine.Add(row.Line, reason, detail, Encoding.UTF8.GetBytes(row.Text));

    /// <summary>The Strata actor of the COW state number in column <paramref name="column"/>.</summary>
    public bool TryCow(TableRow row, int column, string field, out string actor)
    {
        var text = row[column];
        if (!_cow.TryGetValue(text, out var code))
        {
            _cow[text] = code = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)
                ? Actors.Resolve(CodeSystem.Cow, text)?.Code : null;
        }
        actor = code ?? "";
        if (code is null)
        {
            Reject(row, "unknown COW code", $"{field} '{text}' is not a Correlates of War state number known to actors.yaml");
            return false;
        }
        return true;
    }

    /// <summary>The Strata actor of a country name (ICEWS spelling or any name the actor bore).</summary>
    public bool TryCountry(TableRow row, int column, string field, out string actor)
    {
        var text = row[column];
        if (!_names.TryGetValue(text, out var code))
        {
            _names[text] = code = Actors.Resolve(CodeSystem.Icews, text)?.Code
                ?? Actors.All.FirstOrDefault(a => a.Names.Any(n => string.Equals(n.Name, text, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(n.Formal, text, StringComparison.OrdinalIgnoreCase)))?.Code;
        }
        actor = code ?? "";
        if (code is null)
        {
            Reject(row, "unknown country", $"{field} '{text}' is not a country name known to actors.yaml");
            return false;
        }
        return true;
    }

    /// <summary>A year (an integer from 1 to 9999) in column <paramref name="column"/>.</summary>
    public bool TryYear(TableRow row, int column, string field, out int year)
    {
        var text = row[column];
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1 and <= 9999)
        {
            return true;
        }
        Reject(row, "bad year", $"{field} '{text}' is not a year");
        return false;
    }

    /// <summary>
    /// A number in column <paramref name="column"/>: null when missing (empty, NA, N/A, ".", or one of
    /// <paramref name="missingCodes"/> such as COW's -9).
    /// </summary>
    public bool TryNumber(TableRow row, int column, string field, out double? value, params string[] missingCodes)
    {
        var text = row[column];
        value = null;
        if (IsMissing(text) || missingCodes.Contains(text, StringComparer.Ordinal))
        {
            return true;
        }
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
        {
            value = v;
            return true;
        }
        Reject(row, "bad number", $"{field} '{text}' is not a number");
        return false;
    }

    /// <summary>
    /// Adds the values read from one row, all or none: a row that restates a value already given (same name,
    /// actors and year) is quarantined as a duplicate. Values the filter leaves out are counted, not kept.
    /// </summary>
    public bool AddRow(TableRow row, IReadOnlyList<Indicator> values)
    {
        foreach (var v in values)
        {
            if (_keys.TryGetValue(v.Key, out var earlier))
            {
                var pair = v.ActorB is null ? v.ActorA : $"{v.ActorA}-{v.ActorB}";
                Reject(row, "duplicate row", $"{v.Name} for {pair} in {v.Year} was already given on line {earlier}");
                return false;
            }
        }
        foreach (var v in values)
        {
            Add(v);
        }
        return true;
    }

    /// <summary>Adds one value (a reader that aggregates rows gives each key once).</summary>
    public void Add(Indicator value)
    {
        Check.NotNull(value);
        if (!Keeps(value))
        {
            Filtered++;
            return;
        }
        Check.That(_keys.TryAdd(value.Key, value.Line), $"already holds {value.Name} for {value.ActorA}-{value.ActorB} in {value.Year}");
        _values.Add(value);
        Accepted++;
    }

    private bool Keeps(Indicator v) =>
        (Filter.Actors.Count == 0 || Filter.KeepsActors(v.ActorA, v.ActorB))
        && (Filter.From is null || v.Year >= Filter.From.Value.Year)
        && (Filter.To is null || v.Year <= Filter.To.Value.Year);
}

/// <summary>
/// Imports structural files as yearly indicator values, one file per transaction, through the same steps as
/// events (<see cref="ImportRun"/>): skipped when already imported, bad rows quarantined, <c>--max-bad</c>,
/// recorded in <c>import_files</c>. The actor filter keeps a value when either of its actors matches; the date
/// filter keeps the years it overlaps; root and quad filters do not apply.
/// </summary>
public sealed class IndicatorImporter(DuckDbEventStore store, ReferenceData reference)
{
    public ImportSummary Import(InputFile input, IIndicatorReader reader, ImportOptions options, Action<ImportProgress>? progress = null, CancellationToken cancellationToken = default) =>
        ImportRun.Run(store, input, reader, options, "indicator values",
            (dataset, quarantine) => new Reading(store.BeginIndicatorImport(dataset), reader, new IndicatorContext(options.Filter, reference.Actors, quarantine)),
            progress, cancellationToken);

    private sealed class Reading(IndicatorImportSession session, IIndicatorReader reader, IndicatorContext context) : IFileReading
    {
        public ImportSession Session => session;

        public ReadCounters Counters => context;

        public void Read(Stream input, CancellationToken cancellationToken)
        {
            var counting = new CountingStream(input);
            reader.Read(counting, context, cancellationToken);
            context.BytesRead = counting.BytesRead;
            session.Append(context.Values);
        }

        public void Stop() { }

        public void ThrowIfFailed() { }

        public void Dispose() => session.Dispose();
    }
}
