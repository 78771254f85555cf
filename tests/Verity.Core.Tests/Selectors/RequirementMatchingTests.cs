using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

public class RequirementMatchingTests
{
    [Theory]
    // = and == : key present with exactly that value.
    [InlineData("app=web", "app=web", true)]
    [InlineData("app=web", "app=db", false)]
    [InlineData("app=web", "app=", false)]
    [InlineData("app=web", "", false)]
    [InlineData("app=web", "App=web", false)]
    [InlineData("app==web", "app=web;tier=db", true)]
    [InlineData("app==web", "tier=web", false)]
    // != : matches an absent key (apimachinery Requirement.Matches).
    [InlineData("app!=web", "app=web", false)]
    [InlineData("app!=web", "app=db", true)]
    [InlineData("app!=web", "", true)]
    [InlineData("app!=web", "other=web", true)]
    // in / notin
    [InlineData("tier in (a,b)", "tier=a", true)]
    [InlineData("tier in (a,b)", "tier=b", true)]
    [InlineData("tier in (a,b)", "tier=c", false)]
    [InlineData("tier in (a,b)", "tier=", false)]
    [InlineData("tier in (a,b)", "", false)]
    [InlineData("tier notin (a,b)", "tier=a", false)]
    [InlineData("tier notin (a,b)", "tier=c", true)]
    [InlineData("tier notin (a,b)", "", true)]
    // Empty values are values.
    [InlineData("tier in ()", "tier=", true)]
    [InlineData("tier in ()", "tier=a", false)]
    [InlineData("tier in (a,)", "tier=", true)]
    [InlineData("tier=", "tier=", true)]
    [InlineData("tier=", "", false)]
    [InlineData("tier!=", "tier=", false)]
    // Exists / DoesNotExist
    [InlineData("canary", "canary=", true)]
    [InlineData("canary", "canary=yes", true)]
    [InlineData("canary", "", false)]
    [InlineData("canary", "other=canary", false)]
    [InlineData("!canary", "", true)]
    [InlineData("!canary", "canary=", false)]
    [InlineData("!canary", "other=x", true)]
    // > and < : integer comparison; absent or non-integer never matches.
    [InlineData("x>5", "x=6", true)]
    [InlineData("x>5", "x=5", false)]
    [InlineData("x>5", "x=4", false)]
    [InlineData("x>5", "x=10", true)]
    [InlineData("x>5", "x=007", true)]
    [InlineData("x>5", "x=+6", true)]
    [InlineData("x>5", "x=abc", false)]
    [InlineData("x>5", "x=6.0", false)]
    [InlineData("x>5", "x= 6", false)]
    [InlineData("x>5", "x=", false)]
    [InlineData("x>5", "", false)]
    [InlineData("x>5", "x=9223372036854775807", true)]
    [InlineData("x>5", "x=9223372036854775808", false)]
    [InlineData("x<5", "x=4", true)]
    [InlineData("x<5", "x=-3", true)]
    [InlineData("x<5", "x=5", false)]
    [InlineData("x<5", "x=abc", false)]
    [InlineData("x<5", "", false)]
    // Requirements are ANDed.
    [InlineData("app=web,tier!=db", "app=web", true)]
    [InlineData("app=web,tier!=db", "app=web;tier=db", false)]
    [InlineData("app=web,tier!=db", "tier=api", false)]
    [InlineData("x>1,x<5", "x=3", true)]
    [InlineData("x>1,x<5", "x=5", false)]
    [InlineData("x>1,x<5", "x=1", false)]
    [InlineData("", "", true)]
    [InlineData("", "app=web", true)]
    public void Matches_follows_apimachinery(string selector, string labels, bool expected)
    {
        var parsed = LabelSelector.Parse(selector);

        Assert.True(parsed.Succeeded, parsed.ToString());
        Assert.Equal(expected, parsed.Selector.Matches(TestLabels.Of(labels)));
    }

    [Fact]
    public void Everything_matches_every_label_set_and_Nothing_matches_none()
    {
        Assert.True(LabelSelector.Everything.Matches(TestLabels.Of("")));
        Assert.True(LabelSelector.Everything.Matches(TestLabels.Of("a=b")));
        Assert.False(LabelSelector.Nothing.Matches(TestLabels.Of("")));
        Assert.False(LabelSelector.Nothing.Matches(TestLabels.Of("a=b")));
    }

    [Fact]
    public void A_null_label_value_reads_as_the_empty_string()
    {
        var labels = new Dictionary<string, string> { ["tier"] = null! };

        Assert.True(LabelSelector.Parse("tier in ()").Selector!.Matches(labels));
        Assert.False(LabelSelector.Parse("tier=a").Selector!.Matches(labels));
    }

    [Fact]
    public void Each_requirement_can_be_asked_on_its_own()
    {
        var selector = LabelSelector.Parse("app=web,tier notin (db)").Selector!;
        var labels = TestLabels.Of("app=web;tier=db");

        Assert.Equal([true, false], selector.Requirements.Select(r => r.Matches(labels)));
        Assert.False(selector.Matches(labels));
    }
}
