using Strata.Data.Store;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>A fresh store in a temporary folder for each test, removed afterwards.</summary>
public abstract class StoreTestBase : IDisposable
{
    protected StoreTestBase()
    {
        Tmp = TestPaths.NewTempFolder();
        Store = DuckDbEventStore.Open(Tmp.File("s.duckdb"));
    }

    internal TempFolder Tmp { get; }

    protected DuckDbEventStore Store { get; }

    public void Dispose()
    {
        Store.Dispose();
        Tmp.Dispose();
        GC.SuppressFinalize(this);
    }
}
