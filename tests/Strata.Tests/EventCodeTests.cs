using Strata.Domain;

namespace Strata.Tests;

public class EventCodeTests
{
    [Theory]
    [InlineData("01", "01", QuadClass.VerbalCooperation)]
    [InlineData("057", "05", QuadClass.VerbalCooperation)]
    [InlineData("0871", "08", QuadClass.MaterialCooperation)]
    [InlineData("061", "06", QuadClass.MaterialCooperation)]
    [InlineData("090", "09", QuadClass.VerbalConflict)]
    [InlineData("138", "13", QuadClass.VerbalConflict)]
    [InlineData("14", "14", QuadClass.MaterialConflict)]
    [InlineData("2042", "20", QuadClass.MaterialConflict)]
    public void Root_and_quad_class_follow_from_the_code(string text, string root, QuadClass quad)
    {
        var code = EventCode.Parse(text);
        Assert.Equal(text, code.Value);
        Assert.Equal(root, code.Root);
        Assert.Equal(quad, code.QuadClass);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("00")]
    [InlineData("21")]
    [InlineData("13y")]
    [InlineData("12345")]
    [InlineData(" 05")]
    public void Rejects_what_is_not_a_cameo_code(string text) => Assert.False(EventCode.TryParse(text, out _));

    [Fact]
    public void Keeps_leading_zeros() => Assert.Equal("010", EventCode.Parse("010").ToString());
}

public class DyadTests
{
    [Fact]
    public void Undirected_dyad_matches_both_directions()
    {
        Assert.True(Dyad.TryParse("prk-chn", out var d, out _));
        Assert.Equal("PRK-CHN", d.ToString());
        Assert.True(d.Matches("PRK", "CHN"));
        Assert.True(d.Matches("CHN", "PRK"));
        Assert.False(d.Matches("PRK", "RUS"));
    }

    [Fact]
    public void Directed_dyad_matches_one_direction()
    {
        Assert.True(Dyad.TryParse("PRK>CHN", out var d, out _));
        Assert.True(d.Directed);
        Assert.True(d.Matches("PRK", "CHN"));
        Assert.False(d.Matches("CHN", "PRK"));
    }

    [Theory]
    [InlineData("PRK")]
    [InlineData("PRK-PRK")]
    [InlineData("PRK-CHN-RUS")]
    [InlineData("-CHN")]
    public void Rejects_malformed_dyads(string text)
    {
        Assert.False(Dyad.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
