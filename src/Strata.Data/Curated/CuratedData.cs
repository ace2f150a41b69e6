using System.Security.Cryptography;
using Strata.Domain;

namespace Strata.Data.Curated;

/// <summary>
/// A data folder laid out as the bundled one: <c>actors.yaml</c>, <c>codebooks/cameo.tsv</c> and
/// <c>chronology/*.yaml</c>.
/// </summary>
public sealed record DataFolder(string Root)
{
    /// <summary>The environment variable that points Strata at another data folder.</summary>
    public const string EnvironmentVariable = "STRATA_DATA";

    public string ActorsPath => Path.Combine(Root, "actors.yaml");

    /// <summary>GDELT's CAMEO table, the default codebook of curated events.</summary>
    public string CodebookPath => Path.Combine(Root, "codebooks", "cameo.tsv");

    /// <summary>ICEWS's own CAMEO table (it differs from GDELT's on a few codes and scores).</summary>
    public string IcewsCodebookPath => Path.Combine(Root, "codebooks", "cameo-icews.tsv");

    public string ChronologyPath => Path.Combine(Root, "chronology");

    /// <summary>The case <c>strata report</c> covers by default.</summary>
    public string ReportCasePath => Path.Combine(Root, "report.yaml");
    /// <summary>The project's indicator files: sourced structural facts and the default panel (<c>case</c>).</summary>
    public string IndicatorsPath => Path.Combine(Root, "indicators");

    public static bool IsDataFolder(string path) => File.Exists(Path.Combine(path, "actors.yaml"));

    /// <summary>
    /// The bundled data: <c>$STRATA_DATA</c> when set, else the <c>data</c> folder shipped beside the program,
    /// else the nearest <c>data</c> folder above the working directory.
    /// </summary>
    public static DataFolder Bundled()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env))
        {
            return IsDataFolder(env) ? new DataFolder(Path.GetFullPath(env))
                : throw new DataException($"{EnvironmentVariable}={env} is not a data folder (no actors.yaml in it)");
        }
        var beside = Path.Combine(AppContext.BaseDirectory, "data");
        if (IsDataFolder(beside))
        {
            return new DataFolder(beside);
        }
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "data");
            if (IsDataFolder(candidate))
            {
                return new DataFolder(candidate);
            }
        }
        throw new DataException($"cannot find the bundled data folder; set {EnvironmentVariable} to a folder holding actors.yaml");
    }
}

/// <summary>The reference tables every chronology and import is checked against.</summary>
/// <param name="Actors">Every known actor.</param>
/// <param name="Codebook">GDELT's CAMEO table, used for curated events and GDELT files.</param>
/// <param name="IcewsCodebook">ICEWS's CAMEO table, used for ICEWS files.</param>
public sealed record ReferenceData(ActorRegistry Actors, CameoCodebook Codebook, CameoCodebook IcewsCodebook);

/// <summary>Reading and checking curated data: the one path that validate, load and report share.</summary>
public static class CuratedData
{
    /// <summary>Reads the actors and the codebook of a data folder; issues name their files.</summary>
    public static (ReferenceData Reference, IReadOnlyList<DataIssue> Issues) ReadReference(DataFolder folder)
    {
        var (actors, actorIssues) = ActorsReader.Read(folder.ActorsPath, Display(folder.ActorsPath));
        var (codebook, codeIssues) = CodebookReader.Read(folder.CodebookPath, "CAMEO (GDELT tables)", Display(folder.CodebookPath));
        var (icews, icewsIssues) = CodebookReader.Read(folder.IcewsCodebookPath, "CAMEO (ICEWS table)", Display(folder.IcewsCodebookPath));
        return (new ReferenceData(actors, codebook, icews), [.. actorIssues, .. codeIssues, .. icewsIssues]);
    }

    /// <summary>Reads the reference data and fails with every issue when it is not valid.</summary>
    public static ReferenceData RequireReference(DataFolder folder)
    {
        var (reference, issues) = ReadReference(folder);
        return issues.Count == 0 ? reference
            : throw new DataException($"the reference data in {folder.Root} has {issues.Count} problem(s)", issues);
    }

    /// <summary>Reads a chronology file or folder against the reference data.</summary>
    public static ChronologyReadResult ReadChronology(ReferenceData reference, string path, string dataset) =>
        new ChronologyReader(reference.Actors, reference.Codebook).Read(path, dataset);

    /// <summary>Reads indicator files (a file or folder) against the reference data.</summary>
    public static IndicatorFileReadResult ReadIndicators(ReferenceData reference, string path) =>
        new IndicatorFileReader(reference.Actors).Read(path);

    /// <summary>A SHA-256 over the names and bytes of the files, so a store can tell whether it holds this content.</summary>
    public static string ContentHash(IEnumerable<string> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var f in files.Order(StringComparer.Ordinal))
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(f) + "\n"));
            sha.AppendData(File.ReadAllBytes(f));
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    /// <summary>A path as the user should see it: relative to the working folder when inside it, else absolute.</summary>
    public static string Display(string path)
    {
        var full = Path.GetFullPath(path);
        var beside = Path.GetRelativePath(AppContext.BaseDirectory, full);
        if (beside.StartsWith("data", StringComparison.Ordinal) && !beside.StartsWith("..", StringComparison.Ordinal))
        {
            // The bundled data shipped beside the program: name it as it is named in the repository.
            return beside;
        }
        var rel = Path.GetRelativePath(Environment.CurrentDirectory, full);
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
    }
}

/// <summary>Loading curated data into a store, validated first.</summary>
public static class CuratedLoader
{
    /// <summary>The data set name of the bundled chronology.</summary>
    public const string BundledDataset = "bundled";

    /// <summary>
    /// Validates the chronology at <paramref name="path"/> and loads it as <paramref name="dataset"/>,
    /// replacing that data set's earlier rows. Throws with every issue when it does not validate.
    /// </summary>
    public static Store.LoadResult Load(Store.IEventStore store, ReferenceData reference, string path, string dataset)
    {
        var read = CuratedData.ReadChronology(reference, path, dataset);
        if (!read.IsValid)
        {
            throw new DataException($"{path} has {read.Issues.Count} problem(s); nothing was loaded", read.Issues);
        }
        if (read.Files.Count == 0)
        {
            throw new DataException($"{path} holds no .yaml files; nothing was loaded");
        }
        return store.LoadDataset(dataset, "curated", Path.GetFullPath(path), CuratedData.ContentHash(read.Files), read.Events);
    }

    /// <summary>Loads the bundled chronology unless the store already holds exactly this content.</summary>
    public static Store.LoadResult? EnsureBundled(Store.IEventStore store, DataFolder folder, ReferenceData reference)
    {
        if (!Directory.Exists(folder.ChronologyPath))
        {
            throw new DataException($"the data folder {folder.Root} has no chronology folder");
        }
        var files = Directory.EnumerateFiles(folder.ChronologyPath, "*.y*ml", SearchOption.AllDirectories).ToList();
        var hash = CuratedData.ContentHash(files);
        var existing = store.Datasets().FirstOrDefault(d => d.Name == BundledDataset);
        return existing is not null && existing.ContentHash == hash ? null : Load(store, reference, folder.ChronologyPath, BundledDataset);
    }
}
