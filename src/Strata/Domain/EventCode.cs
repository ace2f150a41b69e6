namespace Strata.Domain;

/// <summary>The four CAMEO quad classes, numbered as GDELT and ICEWS number them.</summary>
public enum QuadClass
{
    VerbalCooperation = 1,
    MaterialCooperation = 2,
    VerbalConflict = 3,
    MaterialConflict = 4,
}

/// <summary>
/// A CAMEO event code, kept as the string it is ("0871", not 871): two digits of root code, then up to
/// two more digits of detail.
/// </summary>
public readonly record struct EventCode
{
    private EventCode(string value) => Value = value;

    public string Value { get; }

    /// <summary>The two-digit root code ("08").</summary>
    public string Root => Value[..2];

    public int RootNumber => ((Value[0] - '0') * 10) + (Value[1] - '0');

    /// <summary>Roots 01–05 verbal cooperation, 06–08 material cooperation, 09–13 verbal conflict, 14–20 material conflict.</summary>
    public QuadClass QuadClass => QuadClassOfRoot(RootNumber);

    public static QuadClass QuadClassOfRoot(int root) => root switch
    {
        >= 1 and <= 5 => QuadClass.VerbalCooperation,
        >= 6 and <= 8 => QuadClass.MaterialCooperation,
        >= 9 and <= 13 => QuadClass.VerbalConflict,
        >= 14 and <= 20 => QuadClass.MaterialConflict,
        _ => throw new ArgumentOutOfRangeException(nameof(root), $"CAMEO root codes run from 01 to 20, got {root}"),
    };

    public static bool TryParse(string? text, out EventCode code)
    {
        code = default;
        if (text is null || text.Length is < 2 or > 4)
        {
            return false;
        }
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }
        var root = ((text[0] - '0') * 10) + (text[1] - '0');
        if (root is < 1 or > 20)
        {
            return false;
        }
        code = new EventCode(text);
        return true;
    }

    public static EventCode Parse(string text) =>
        TryParse(text, out var code) ? code : ThrowHelper.Format<EventCode>($"expected a CAMEO code of 2 to 4 digits with a root from 01 to 20, got '{text}'");

    public override string ToString() => Value;
}

/// <summary>One entry of a CAMEO codebook: a code, its name and its Goldstein score.</summary>
public sealed record CodebookEntry(EventCode Code, string Name, double Goldstein);

/// <summary>A CAMEO codebook. Each data source may carry its own (GDELT's and ICEWS's differ on some codes).</summary>
public sealed class CameoCodebook
{
    private readonly Dictionary<string, CodebookEntry> _entries;

    public CameoCodebook(string name, IEnumerable<CodebookEntry> entries)
    {
        Name = Check.NotBlank(name);
        _entries = Check.NotNull(entries).ToDictionary(e => e.Code.Value, StringComparer.Ordinal);
    }

    public string Name { get; }

    public int Count => _entries.Count;

    public IEnumerable<CodebookEntry> Entries => _entries.Values.OrderBy(e => e.Code.Value, StringComparer.Ordinal);

    public CodebookEntry? Find(string code) => _entries.GetValueOrDefault(code);

    public bool Contains(EventCode code) => _entries.ContainsKey(code.Value);
}
