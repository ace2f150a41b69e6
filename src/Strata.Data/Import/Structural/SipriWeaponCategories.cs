namespace Strata.Data.Import;

/// <summary>
/// Maps the SIPRI trade register's free-text "Weapon description" ("fighter aircraft", "towed gun", "FAC") to a
/// coarse category used in the unit-count indicator names (<c>arms.delivered_units.combat-aircraft</c>). The
/// rules are tried in order and the first that matches wins; the table is documented in docs/import-formats.md.
/// </summary>
public static class SipriWeaponCategories
{
    public const string CombatAircraft = "combat-aircraft";
    public const string Aircraft = "aircraft";
    public const string Armour = "armour";
    public const string Artillery = "artillery";
    public const string AirDefence = "air-defence";
    public const string Missiles = "missiles";
    public const string Ships = "ships";
    public const string Other = "other";

    /// <summary>Every category, in the order of the documentation.</summary>
    public static IReadOnlyList<string> All { get; } = [CombatAircraft, Aircraft, Armour, Artillery, AirDefence, Missiles, Ships, Other];

    private static readonly string[] CombatRoles = ["fighter", "fga", "bomber", "ground attack", "anti-ship", "strike", "interceptor", "combat"];
    private static readonly string[] AirDefenceWords = ["sam system", "aa gun", "ciws", "air defence system"];
    private static readonly string[] MissileWords = ["missile", "sam", "aam", "sraam", "bvraam", "ssm", "asm", "abm", "guided bomb", "guided rocket"];
    private static readonly string[] ArmourWords = ["tank", "apc", "ifv", "av", "apv", "aev", "arv", "armoured", "scout car"];
    private static readonly string[] ArtilleryWords = ["gun", "howitzer", "mrl", "mortar", "rocket launcher"];
    private static readonly string[] ShipWords =
        ["ship", "fac", "craft", "submarine", "minesweeper", "minehunter", "frigate", "corvette", "destroyer", "cruiser", "boat", "opv", "carrier", "tanker"];

    /// <summary>The category of a weapon description (case-insensitive); unknown or empty descriptions are <see cref="Other"/>.</summary>
    public static string Of(string? description)
    {
        var d = (description ?? "").Trim().ToLowerInvariant();
        var words = d.Split([' ', '-', '/', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries);
        bool Word(string w) => w.Contains(' ', StringComparison.Ordinal) || w.Contains('-', StringComparison.Ordinal) ? d.Contains(w, StringComparison.Ordinal) : words.Contains(w);
        bool Any(string[] list) => list.Any(Word);

        if (d.Contains("aircraft carrier", StringComparison.Ordinal))
        {
            return Ships;
        }
        if (Word("helicopter"))
        {
            return Aircraft;
        }
        if (Word("aircraft") || Word("uav") || Word("ucav"))
        {
            return Any(CombatRoles) || Word("ucav") ? CombatAircraft : Aircraft;
        }
        if (Word("radar") || (Word("launcher") && !Word("rocket")) || Word("coastal defence system") || Word("naval gun") || Word("torpedo") || Word("engine"))
        {
            return Other;
        }
        if (Any(AirDefenceWords))
        {
            return AirDefence;
        }
        if (Any(MissileWords))
        {
            return Missiles;
        }
        if (Any(ArmourWords))
        {
            return Armour;
        }
        if (Any(ArtilleryWords))
        {
            return Artillery;
        }
        return Any(ShipWords) ? Ships : Other;
    }
}
