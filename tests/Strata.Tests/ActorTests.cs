using Strata.Domain;

namespace Strata.Tests;

public class ActorTests
{
    private static readonly Actor Russia = new(
        "RUS",
        ActorKind.State,
        [
            new ActorName("Soviet Union", "Union of Soviet Socialist Republics", new DateOnly(1922, 12, 30), new DateOnly(1991, 12, 25)),
            new ActorName("Russia", "Russian Federation", new DateOnly(1991, 12, 26), null),
        ],
        [
            new ActorAlias(CodeSystem.Cameo, "RUS"),
            new ActorAlias(CodeSystem.Cameo, "SUN", new DateOnly(1922, 12, 30), new DateOnly(1991, 12, 25)),
            new ActorAlias(CodeSystem.Cow, "365"),
            new ActorAlias(CodeSystem.Icews, "Russian Federation"),
        ]);

    private static readonly Actor NorthKorea = new("PRK", ActorKind.State, [new ActorName("North Korea", null, new DateOnly(1948, 9, 9), null)],
        [new ActorAlias(CodeSystem.Cameo, "PRK"), new ActorAlias(CodeSystem.Cow, "731"), new ActorAlias(CodeSystem.Icews, "North Korea")]);

    [Fact]
    public void One_actor_carries_its_names_over_time()
    {
        Assert.Equal("Soviet Union", Russia.NameOn(new DateOnly(1956, 8, 30)));
        Assert.Equal("Soviet Union", Russia.NameOn(new DateOnly(1991, 12, 25)));
        Assert.Equal("Russia", Russia.NameOn(new DateOnly(1991, 12, 26)));
        Assert.Equal("Russia", Russia.Name);
        Assert.Equal("Soviet Union", Russia.NameOn(new DateOnly(1900, 1, 1)));
    }

    [Fact]
    public void Registry_resolves_aliases_in_every_code_system_with_their_validity()
    {
        var registry = new ActorRegistry([Russia, NorthKorea]);
        Assert.Same(Russia, registry.Resolve(CodeSystem.Cameo, "SUN"));
        Assert.Same(Russia, registry.Resolve(CodeSystem.Cameo, "SUN", new DateOnly(1979, 12, 27)));
        Assert.Null(registry.Resolve(CodeSystem.Cameo, "SUN", new DateOnly(2000, 1, 1)));
        Assert.Same(Russia, registry.Resolve(CodeSystem.Cameo, "RUS", new DateOnly(1960, 1, 1)));
        Assert.Same(Russia, registry.Resolve(CodeSystem.Cow, "365"));
        Assert.Same(NorthKorea, registry.Resolve(CodeSystem.Cow, "731"));
        Assert.Same(Russia, registry.Resolve(CodeSystem.Icews, "russian federation"));
        Assert.Null(registry.Resolve(CodeSystem.Icews, "Russia Federation"));
        Assert.Null(registry.Resolve(CodeSystem.Iso3, "RUS"));
    }

    [Fact]
    public void Registry_refuses_a_code_twice()
    {
        Assert.Throws<ArgumentException>(() => new ActorRegistry([Russia, Russia]));
    }
}
