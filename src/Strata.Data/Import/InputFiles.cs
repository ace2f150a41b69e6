using System.IO.Compression;
using System.Security.Cryptography;

namespace Strata.Data.Import;

/// <summary>One input to import: a plain file, a .gz file, or one entry of a .zip archive.</summary>
public sealed record InputFile(string Path, string? ZipEntry)
{
    /// <summary>How the input is named in messages, summaries and quarantine files.</summary>
    public string Name => ZipEntry is null ? Path : $"{Path}!{ZipEntry}";

    /// <summary>The physical file's size in bytes.</summary>
    public long Size => new FileInfo(Path).Length;

    /// <summary>The size of the content as read (the entry's or the decompressed stream's size when known, else the file's).</summary>
    public long? ContentSize
    {
        get
        {
            if (ZipEntry is not null)
            {
                using var zip = ZipFile.OpenRead(Path);
                return zip.GetEntry(ZipEntry)?.Length;
            }
            return Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? null : Size;
        }
    }

    /// <summary>Opens the content, decompressing as needed. The caller disposes the returned stream.</summary>
    public Stream Open()
    {
        var file = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            if (ZipEntry is not null)
            {
                var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: false);
                var entry = zip.GetEntry(ZipEntry) ?? throw new DataException($"{Name}: no such entry in the archive");
                return new OwningStream(entry.Open(), zip);
            }
            if (Path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return new CheckedGzipStream(file);
            }
            return file;
        }
        catch (InvalidDataException e)
        {
            file.Dispose();
            throw new DataException($"{Name}: the archive is corrupt or truncated ({e.Message})", e);
        }
    }

    /// <summary>
    /// Identifies the content cheaply: size plus a SHA-256 over the first and last MiB of the physical file and
    /// the entry name. The same file imported again has the same fingerprint.
    /// </summary>
    public string Fingerprint()
    {
        const int Chunk = 1 << 20;
        using var f = new FileStream(Path, FileMode.Open, FileAccess.Read, FileShare.Read);
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[Chunk];
        var n = f.ReadAtLeast(buffer, Chunk, throwOnEndOfStream: false);
        sha.AppendData(buffer, 0, n);
        if (f.Length > Chunk)
        {
            f.Seek(Math.Max(Chunk, f.Length - Chunk), SeekOrigin.Begin);
            n = f.ReadAtLeast(buffer, Chunk, throwOnEndOfStream: false);
            sha.AppendData(buffer, 0, n);
        }
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(ZipEntry ?? ""));
        return $"{f.Length}:{Convert.ToHexStringLower(sha.GetHashAndReset())}";
    }

    /// <summary>
    /// Expands command-line paths into inputs: a file, every file below a directory (in name order), or a
    /// glob such as <c>data/*.export.CSV.zip</c>; each .zip archive contributes its file entries.
    /// </summary>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths)
    {
        var result = new List<InputFile>();
        foreach (var path in paths)
        {
            IEnumerable<string> files;
            if (Directory.Exists(path))
            {
                files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
            }
            else if (File.Exists(path))
            {
                files = [path];
            }
            else if (path.AsSpan().IndexOfAny('*', '?') >= 0)
            {
                var dir = System.IO.Path.GetDirectoryName(path);
                var pattern = System.IO.Path.GetFileName(path);
                dir = string.IsNullOrEmpty(dir) ? "." : dir;
                if (!Directory.Exists(dir) || dir.AsSpan().IndexOfAny('*', '?') >= 0)
                {
                    throw new DataException($"no files match {path} (wildcards are allowed in the file name only)");
                }
                files = Directory.EnumerateFiles(dir, pattern).Order(StringComparer.Ordinal).ToList();
                if (!files.Any())
                {
                    throw new DataException($"no files match {path}");
                }
            }
            else
            {
                throw new DataException($"no such file or directory: {path}");
            }
            foreach (var f in files)
            {
                if (f.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
                {
                    result.AddRange(ZipEntries(f));
                }
                else
                {
                    result.Add(new InputFile(f, null));
                }
            }
        }
        return result;
    }

    private static List<InputFile> ZipEntries(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.Entries.Where(e => !e.FullName.EndsWith('/')).Select(e => new InputFile(path, e.FullName)).ToList();
        }
        catch (InvalidDataException e)
        {
            throw new DataException($"{path}: the archive is corrupt or truncated ({e.Message})", e);
        }
    }

    /// <summary>A stream that also disposes the archive it came from.</summary>
    private sealed class OwningStream(Stream inner, IDisposable owner) : ReadOnlyStream
    {
        public override int Read(Span<byte> buffer) => inner.Read(buffer);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                owner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
