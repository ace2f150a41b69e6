using Strata.Data.Curated;
using Strata.Data.Store;

namespace Strata.Cli.Commands;

/// <summary>The store with the bundled case in it, as every reading command needs it.</summary>
internal sealed class Workspace : IDisposable
{
    private Workspace(DataFolder folder, ReferenceData reference, DuckDbEventStore store)
    {
        Folder = folder;
        Reference = reference;
        Store = store;
    }

    public DataFolder Folder { get; }

    public ReferenceData Reference { get; }

    public DuckDbEventStore Store { get; }

    /// <summary>Opens the store, loading the bundled chronology first when the store lacks this version of it.</summary>
    public static Workspace Open(StoreSettings settings)
    {
        var folder = DataFolder.Bundled();
        var reference = CuratedData.RequireReference(folder);
        var store = DuckDbEventStore.Open(settings.StorePath);
        try
        {
            var loaded = CuratedLoader.EnsureBundled(store, folder, reference);
            if (loaded is not null)
            {
                Console.Error.WriteLine($"strata: loaded the bundled chronology ({loaded.EventsAfter} events) into {store.Path}");
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return new Workspace(folder, reference, store);
    }

    public void Dispose() => Store.Dispose();
}
