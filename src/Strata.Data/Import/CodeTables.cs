using Strata.Domain;

namespace Strata.Data.Import;

/// <summary>
/// Lookups keyed by the raw bytes of a code, so that readers resolve actor and event codes without building
/// strings for rows they drop.
/// </summary>
internal sealed class CodeTables
{
    private readonly Dictionary<int, string> _actors = [];
    private readonly Dictionary<int, string> _unknownActors = [];
    private readonly HashSet<int> _filterActors = [];
    private readonly Dictionary<int, (string Code, sbyte Root, sbyte Quad, double Goldstein)> _events = [];

    public CodeTables(ActorRegistry actors, CodeSystem system, CameoCodebook codebook, ImportFilter filter)
    {
        foreach (var actor in actors.All)
        {
            foreach (var code in actor.CodesIn(system))
            {
                if (TryKey(System.Text.Encoding.UTF8.GetBytes(code), out var key))
                {
                    _actors.TryAdd(key, actor.Code);
                    if (filter.Actors.Contains(actor.Code))
                    {
                        _filterActors.Add(key);
                    }
                }
            }
        }
        foreach (var e in codebook.Entries)
        {
            _events[EventKey(System.Text.Encoding.ASCII.GetBytes(e.Code.Value))] =
                (e.Code.Value, (sbyte)e.Code.RootNumber, (sbyte)e.Code.QuadClass, e.Goldstein);
        }
        FiltersActors = filter.Actors.Count > 0;
    }

    public bool FiltersActors { get; }

    /// <summary>Packs a code of 1 to 3 ASCII bytes into an int key; false for anything else.</summary>
    public static bool TryKey(ReadOnlySpan<byte> code, out int key)
    {
        key = 0;
        if (code.Length is 0 or > 3)
        {
            return false;
        }
        foreach (var b in code)
        {
            if (b >= 0x80)
            {
                return false;
            }
            key = (key << 8) | b;
        }
        key |= code.Length << 24;
        return true;
    }

    /// <summary>True when the raw actor code is one the filter asks for.</summary>
    public bool IsFilterActor(ReadOnlySpan<byte> code) => TryKey(code, out var k) && _filterActors.Contains(k);

    /// <summary>The Strata code for a raw actor code; the raw code itself when unknown; null when blank.</summary>
    public string? Actor(ReadOnlySpan<byte> code)
    {
        if (code.IsEmpty)
        {
            return null;
        }
        if (TryKey(code, out var k))
        {
            if (_actors.TryGetValue(k, out var known))
            {
                return known;
            }
            if (!_unknownActors.TryGetValue(k, out var unknown))
            {
                _unknownActors[k] = unknown = System.Text.Encoding.UTF8.GetString(code);
            }
            return unknown;
        }
        return System.Text.Encoding.UTF8.GetString(code);
    }

    public bool TryEvent(ReadOnlySpan<byte> code, out (string Code, sbyte Root, sbyte Quad, double Goldstein) entry)
    {
        entry = default;
        if (code.Length is < 2 or > 4 || code.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }
        return _events.TryGetValue(EventKey(code), out entry);
    }

    private static int EventKey(ReadOnlySpan<byte> code)
    {
        var key = code.Length;
        foreach (var b in code)
        {
            key = (key * 16) + (b - '0' + 1);
        }
        return key;
    }
}
