using System.Globalization;
using System.Security.Cryptography;
using Strata.Data.Curated;
using Strata.Domain;
using YamlDotNet.RepresentationModel;
using YamlDocument = Strata.Data.Curated.YamlDocument;

namespace Strata.Data.Import;

/// <summary>A column of a delimited file, by its header name or by its number counted from 1.</summary>
public sealed record ColumnRef(string? Name, int? Number)
{
    public override string ToString() => Name ?? $"column {Number}";

    /// <summary>The 0-based index of the column in a file with <paramref name="header"/>; null when it has none.</summary>
    public int? IndexIn(IReadOnlyList<string>? header)
    {
        if (Number is { } n)
        {
            return header is null || n <= header.Count ? n - 1 : null;
        }
        if (header is null)
        {
            return null;
        }
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i], Name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return null;
    }
}

/// <summary>How the code system of an actor column is named in a mapping: one of the registry's, or Strata's own codes.</summary>
public enum ActorCodes
{
    Cameo,
    Iso3,
    Cow,
    Icews,
    Strata,
}

/// <summary>What to do with an actor code the registry does not know.</summary>
public enum UnknownActors
{
    /// <summary>Store the code as written (as the GDELT and ICEWS readers do).</summary>
    Keep,

    /// <summary>Quarantine the row.</summary>
    Quarantine,
}

/// <summary>
/// The column mapping of a generic delimited file of events, read from a small YAML file (see
/// <c>docs/import-formats.md</c>): the delimiter, header, quoting and NA texts, and which column holds the
/// id, date, source and target actor (with their code system), CAMEO code, Goldstein score, mentions,
/// sources, articles and tone.
/// </summary>
public sealed record GenericMapping
{
    private static readonly string[] TopFields = ["delimiter", "header", "quote", "na", "codebook", "unknown_actors", "dataset", "columns"];
    private static readonly string[] ColumnFields = ["id", "date", "source", "target", "cameo", "goldstein", "mentions", "sources", "articles", "tone"];

    public char Delimiter { get; init; } = ',';

    public bool Header { get; init; } = true;

    /// <summary>True when fields may be quoted with double quotes.</summary>
    public bool Quoted { get; init; } = true;

    public IReadOnlySet<string> Na { get; init; } = new HashSet<string>(["", "NA"], StringComparer.Ordinal);

    /// <summary>"gdelt" (default) or "icews": the CAMEO table codes are checked against and default Goldstein scores come from.</summary>
    public string Codebook { get; init; } = "gdelt";

    public UnknownActors UnknownActors { get; init; } = UnknownActors.Keep;

    /// <summary>The data set rows go into when the command line names none.</summary>
    public string? Dataset { get; init; }

    public ColumnRef? Id { get; init; }

    public required ColumnRef Date { get; init; }

    /// <summary>A .NET date format such as <c>yyyyMMdd</c> or <c>yyyy-MM-dd</c>.</summary>
    public string DateFormat { get; init; } = "yyyy-MM-dd";

    public ColumnRef? Source { get; init; }

    public ActorCodes SourceCodes { get; init; } = ActorCodes.Cameo;

    public ColumnRef? Target { get; init; }

    public ActorCodes TargetCodes { get; init; } = ActorCodes.Cameo;

    public required ColumnRef Cameo { get; init; }

    /// <summary>Restore leading zeros a spreadsheet or R dropped from a code column read as integers (10 → 010, 211 → 0211).</summary>
    public bool RestoreLeadingZeros { get; init; }

    public ColumnRef? Goldstein { get; init; }

    public ColumnRef? Mentions { get; init; }

    public ColumnRef? Sources { get; init; }

    public ColumnRef? Articles { get; init; }

    public ColumnRef? Tone { get; init; }

    /// <summary>A short hash of the mapping file's text: the same data file read through another mapping is another import.</summary>
    public string Hash { get; init; } = "";

    /// <summary>Reads a mapping file, reporting every problem of it at once.</summary>
    public static GenericMapping Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new DataException($"no such mapping file: {path}");
        }
        var doc = YamlDocument.Load(path, path);
        GenericMapping? mapping = null;
        if (doc.Root is not null)
        {
            mapping = Read(doc, doc.Root);
        }
        else if (doc.Issues.Count == 0)
        {
            doc.Report(null, "", "the file is empty; expected a mapping with 'columns'");
        }
        if (doc.Issues.Count > 0 || mapping is null)
        {
            var issues = doc.IssuesInOrder;
            throw new DataException($"{path}: the mapping has {issues.Count} problem(s); nothing was imported", issues);
        }
        return mapping with { Hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)))[..12] };
    }

    private static GenericMapping? Read(YamlDocument doc, YamlNode root)
    {
        var top = doc.FieldsOf(root, "", TopFields);
        var delimiterText = top.String("delimiter", required: false, "one character, or 'tab'") ?? ",";
        var delimiter = delimiterText.ToLowerInvariant() switch
        {
            "tab" or "\\t" or "\t" => '\t',
            var d when d.Length == 1 => d[0],
            _ => '\0',
        };
        if (delimiter == '\0')
        {
            doc.Report(top.NodeOf("delimiter"), "delimiter", $"expected one character, or 'tab', got '{delimiterText}'");
        }
        var header = Bool(doc, top, "header") ?? true;
        var quote = top.String("quote", required: false, "'\"' or 'none'") ?? "\"";
        if (quote is not ("\"" or "none"))
        {
            doc.Report(top.NodeOf("quote"), "quote", $"expected '\"' or 'none', got '{quote}'");
        }
        var na = new HashSet<string>(StringComparer.Ordinal);
        if (top.NodeOf("na") is YamlSequenceNode naList)
        {
            foreach (var item in naList.Children)
            {
                if (item is YamlScalarNode s)
                {
                    na.Add(s.Value ?? "");
                }
                else
                {
                    doc.Report(item, "na", "expected a text");
                }
            }
        }
        else if (top.NodeOf("na") is YamlScalarNode one)
        {
            na.Add(one.Value ?? "");
        }
        else
        {
            na = ["", "NA"];
        }
        var codebook = top.String("codebook", required: false, "gdelt or icews") ?? "gdelt";
        if (codebook is not ("gdelt" or "icews"))
        {
            doc.Report(top.NodeOf("codebook"), "codebook", $"expected gdelt or icews, got '{codebook}'");
        }
        var unknown = top.Has("unknown_actors") ? top.Enum<UnknownActors>("unknown_actors", required: false) : UnknownActors.Keep;
        var dataset = top.String("dataset", required: false, "a data set name");

        var columnsNode = top.NodeOf("columns");
        if (columnsNode is null)
        {
            if (top.IsValid)
            {
                doc.Report(root, "columns", "missing; expected a mapping of id, date, source, target, cameo, goldstein, ...");
            }
            return null;
        }
        var cols = doc.FieldsOf(columnsNode, "columns", ColumnFields);
        var date = Column(doc, cols, "date", header, required: true, ["column", "format"], out var dateFields);
        var dateFormat = dateFields?.String("format", required: false, "a date format such as yyyyMMdd") ?? "yyyy-MM-dd";
        if (!IsDateFormat(dateFormat))
        {
            doc.Report(dateFields?.NodeOf("format"), "columns.date.format", $"'{dateFormat}' is not a date format such as yyyyMMdd or yyyy-MM-dd");
        }
        var source = Column(doc, cols, "source", header, required: false, ["column", "codes"], out var sourceFields);
        var target = Column(doc, cols, "target", header, required: false, ["column", "codes"], out var targetFields);
        var cameo = Column(doc, cols, "cameo", header, required: true, ["column", "restore_leading_zeros"], out var cameoFields);
        if (source is null && target is null && cols.IsValid)
        {
            doc.Report(columnsNode, "columns", "expected at least one of source and target");
        }
        var sourceCodes = Codes(sourceFields);
        var targetCodes = Codes(targetFields);
        var restore = cameoFields is not null && (Bool(doc, cameoFields, "restore_leading_zeros") ?? false);
        var id = Column(doc, cols, "id", header, required: false, ["column"], out _);
        var goldstein = Column(doc, cols, "goldstein", header, required: false, ["column"], out _);
        var mentions = Column(doc, cols, "mentions", header, required: false, ["column"], out _);
        var sources = Column(doc, cols, "sources", header, required: false, ["column"], out _);
        var articles = Column(doc, cols, "articles", header, required: false, ["column"], out _);
        var tone = Column(doc, cols, "tone", header, required: false, ["column"], out _);
        if (delimiter == '\0' || date is null || cameo is null || unknown is null)
        {
            return null;
        }
        return new GenericMapping
        {
            Delimiter = delimiter,
            Header = header,
            Quoted = quote == "\"",
            Na = na,
            Codebook = codebook,
            UnknownActors = unknown.Value,
            Dataset = dataset,
            Id = id,
            Date = date,
            DateFormat = dateFormat,
            Source = source,
            SourceCodes = sourceCodes,
            Target = target,
            TargetCodes = targetCodes,
            Cameo = cameo,
            RestoreLeadingZeros = restore,
            Goldstein = goldstein,
            Mentions = mentions,
            Sources = sources,
            Articles = articles,
            Tone = tone,
        };
    }

    private static bool IsDateFormat(string format)
    {
        var sample = new DateOnly(2012, 8, 31);
        var text = sample.ToString(format, CultureInfo.InvariantCulture);
        return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var back) && back == sample;
    }

    private static ActorCodes Codes(YamlDocument.Fields? fields) =>
        fields is null || !fields.Has("codes") ? ActorCodes.Cameo : fields.Enum<ActorCodes>("codes", required: false) ?? ActorCodes.Cameo;

    private static bool? Bool(YamlDocument doc, YamlDocument.Fields fields, string key)
    {
        var s = fields.String(key, required: false, "true or false");
        if (s is null)
        {
            return null;
        }
        if (bool.TryParse(s, out var b))
        {
            return b;
        }
        doc.Report(fields.NodeOf(key), key, $"expected true or false, got '{s}'");
        return null;
    }

    /// <summary>A column given as a name or number, or as a mapping whose <c>column</c> is one.</summary>
    private static ColumnRef? Column(YamlDocument doc, YamlDocument.Fields cols, string key, bool header, bool required, string[] known, out YamlDocument.Fields? fields)
    {
        fields = null;
        var node = cols.NodeOf(key);
        if (node is null)
        {
            if (required && cols.IsValid)
            {
                doc.Report(cols.Node, $"columns.{key}", "missing; expected a column name or number");
            }
            return null;
        }
        string? text;
        YamlNode at = node;
        if (node is YamlMappingNode)
        {
            fields = doc.FieldsOf(node, $"columns.{key}", known);
            text = fields.String("column", required: true, "a column name or number");
            at = fields.NodeOf("column") ?? node;
        }
        else
        {
            text = cols.String(key, required, "a column name or number");
        }
        if (text is null)
        {
            return null;
        }
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            if (number < 1)
            {
                doc.Report(at, $"columns.{key}", "column numbers count from 1");
                return null;
            }
            return new ColumnRef(null, number);
        }
        if (!header)
        {
            doc.Report(at, $"columns.{key}", $"'{text}' is a name, but the file has no header (header: false); give the column's number, counted from 1");
            return null;
        }
        return new ColumnRef(text, null);
    }

    /// <summary>The Strata code of <paramref name="code"/> written in <paramref name="system"/>; null when unknown.</summary>
    internal static string? Resolve(ActorRegistry actors, ActorCodes system, string code) => system switch
    {
        ActorCodes.Strata => actors.Contains(code) ? code : null,
        ActorCodes.Cameo => actors.Resolve(CodeSystem.Cameo, code)?.Code,
        ActorCodes.Iso3 => actors.Resolve(CodeSystem.Iso3, code)?.Code,
        ActorCodes.Cow => actors.Resolve(CodeSystem.Cow, code)?.Code,
        _ => actors.Resolve(CodeSystem.Icews, code)?.Code,
    };

    internal static string Describe(ActorCodes codes) => codes switch
    {
        ActorCodes.Cow => "COW code",
        ActorCodes.Iso3 => "ISO 3166 code",
        ActorCodes.Icews => "ICEWS country name",
        ActorCodes.Strata => "Strata actor code",
        _ => "CAMEO country code",
    };
}
