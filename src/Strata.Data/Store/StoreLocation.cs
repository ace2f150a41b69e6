namespace Strata.Data.Store;

/// <summary>Where the embedded store lives unless the user says otherwise.</summary>
public static class StoreLocation
{
    /// <summary>The environment variable that overrides the default store path.</summary>
    public const string EnvironmentVariable = "STRATA_DB";

    /// <summary>
    /// <c>$STRATA_DB</c> when set; otherwise <c>strata/strata.duckdb</c> under the user's local data folder
    /// (<c>$XDG_DATA_HOME</c> or <c>~/.local/share</c> on Linux, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string Default()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return Path.GetFullPath(env);
        }
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(root))
        {
            root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }
        return Path.Combine(root, "strata", "strata.duckdb");
    }
}
