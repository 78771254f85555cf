using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

public class ToStringTests
{
    [Theory]
    [InlineData("app=web", "app=web")]
    [InlineData("app == web", "app==web")]
    [InlineData("app != web", "app!=web")]
    [InlineData("tier in ( b , a )", "tier in (a,b)")]
    [InlineData("tier notin (b,a,b)", "tier notin (a,b)")]
    [InlineData("canary", "canary")]
    [InlineData("! canary", "!canary")]
    [InlineData("x > 5", "x>5")]
    [InlineData("x < 007", "x<007")]
    [InlineData("a=", "a=")]
    [InlineData("a in ()", "a in ()")]
    [InlineData("a in (b,)", "a in (,b)")]
    [InlineData(" tier in (b, a) , app = web ,!canary", "app=web,!canary,tier in (a,b)")]
    [InlineData("", "")]
    public void Renders_the_canonical_kubectl_form(string text, string expected)
    {
        var selector = LabelSelector.Parse(text).Selector!;

        Assert.Equal(expected, selector.ToString());
        Assert.Equal(selector, LabelSelector.Parse(selector.ToString()).Selector);
    }

    [Fact]
    public void Nothing_renders_a_text_that_does_not_parse_back_as_Everything()
    {
        Assert.Equal("<nothing>", LabelSelector.Nothing.ToString());
        Assert.False(LabelSelector.Parse(LabelSelector.Nothing.ToString()).Succeeded);
        Assert.NotEqual(LabelSelector.Everything, LabelSelector.Nothing);
    }

    [Fact]
    public void Equality_is_structural()
    {
        Assert.Equal(LabelSelector.Parse("b=1,a in (x,y)").Selector, LabelSelector.Parse("a in (y,x),b=1").Selector);
        Assert.Equal(
            LabelSelector.Parse("b=1,a in (x,y)").Selector!.GetHashCode(),
            LabelSelector.Parse("a in (y,x),b=1").Selector!.GetHashCode());
        Assert.NotEqual(LabelSelector.Parse("a=1").Selector, LabelSelector.Parse("a==1").Selector);
        Assert.NotEqual(LabelSelector.Parse("a,!a").Selector, LabelSelector.Nothing);
    }
}
