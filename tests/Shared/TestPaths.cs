namespace Strata.Testing;

/// <summary>Where the tests find the repository, its bundled data and the shared real data beside it.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> RepoRootLazy = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("cannot find the repository root (Strata.sln) above " + AppContext.BaseDirectory);
    });

    public static string RepoRoot => RepoRootLazy.Value;

    public static string DataRoot => Path.Combine(RepoRoot, "data");

    /// <summary>The shared folder of real data and test vectors, kept beside the repository (never copied into it).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static string Corpus(params string[] parts) => Path.Combine([RepoRoot, "tests", "corpus", .. parts]);

    /// <summary>A fresh folder under the system temp folder, removed when disposed.</summary>
    public static TempFolder NewTempFolder() => new();
}

internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
