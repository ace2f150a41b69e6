using Strata.Data.Curated;
using Strata.Testing;

namespace Strata.Data.Tests;

/// <summary>The bundled reference data, read once for all tests.</summary>
internal static class Fixtures
{
    private static readonly Lazy<ReferenceData> ReferenceLazy = new(() => CuratedData.RequireReference(new DataFolder(TestPaths.DataRoot)));

    public static DataFolder Bundled => new(TestPaths.DataRoot);

    public static ReferenceData Reference => ReferenceLazy.Value;
}
