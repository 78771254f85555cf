using k8s.Models;
using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

public class FromApiTests
{
    private const string BadName =
        "name part must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyName', 'my.name', '123-abc')";

    private const string BadValue =
        "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyValue', 'my_value', '12345')";

    private static V1LabelSelectorRequirement Expr(string? key, string? op, params string[]? values) =>
        new() { Key = key!, OperatorProperty = op!, Values = values! };

    private static V1LabelSelector Selector(params V1LabelSelectorRequirement[] expressions) =>
        new() { MatchExpressions = expressions };

    [Fact]
    public void Null_selector_is_Nothing()
    {
        var result = LabelSelector.FromApi(null);

        Assert.Same(LabelSelector.Nothing, result.Selector);
        Assert.Empty(result.Errors);
        Assert.False(result.Selector!.Matches(TestLabels.Of("")));
    }

    [Fact]
    public void Empty_selector_is_Everything()
    {
        Assert.Same(LabelSelector.Everything, LabelSelector.FromApi(new V1LabelSelector()).Selector);
        Assert.Same(
            LabelSelector.Everything,
            LabelSelector.FromApi(new V1LabelSelector { MatchLabels = new Dictionary<string, string>(), MatchExpressions = [] }).Selector);
    }

    [Fact]
    public void MatchLabels_become_equality_requirements_in_key_order()
    {
        var result = LabelSelector.FromApi(new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["tier"] = "db", ["app"] = "web" },
        });

        Assert.Equal("app=web,tier=db", result.Selector!.ToString());
        Assert.All(result.Selector.Requirements, r => Assert.Equal(SelectorOperator.Equals, r.Operator));
    }

    [Fact]
    public void MatchLabels_and_matchExpressions_are_ANDed()
    {
        var api = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions =
            [
                Expr("tier", "In", "b", "a"),
                Expr("env", "NotIn", "prod"),
                Expr("team", "Exists"),
                Expr("canary", "DoesNotExist", []),
            ],
        };

        var selector = LabelSelector.FromApi(api).Selector!;

        Assert.Equal("app=web,!canary,env notin (prod),team,tier in (a,b)", selector.ToString());
        Assert.True(selector.Matches(TestLabels.Of("app=web;tier=a;team=x")));
        Assert.True(selector.Matches(TestLabels.Of("app=web;tier=b;team=x;env=dev")));
        Assert.False(selector.Matches(TestLabels.Of("tier=a;team=x")));
        Assert.False(selector.Matches(TestLabels.Of("app=db;tier=a;team=x")));
        Assert.False(selector.Matches(TestLabels.Of("app=web;tier=c;team=x")));
        Assert.False(selector.Matches(TestLabels.Of("app=web;tier=a")));
        Assert.False(selector.Matches(TestLabels.Of("app=web;tier=a;team=x;env=prod")));
        Assert.False(selector.Matches(TestLabels.Of("app=web;tier=a;team=x;canary=")));
    }

    [Fact]
    public void Equal_to_the_parsed_string_form()
    {
        var api = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["app"] = "web" },
            MatchExpressions = [Expr("tier", "NotIn", "a")],
        };

        Assert.Equal(LabelSelector.Parse("tier notin (a), app=web").Selector, LabelSelector.FromApi(api).Selector);
    }

    public static TheoryData<V1LabelSelector, string> OneError => new()
    {
        { Selector(Expr("app", "In", "web"), Expr("tier", "In", [])), "matchExpressions[1].values: must be non-empty for operator In" },
        { Selector(Expr("tier", "In", null)), "matchExpressions[0].values: must be non-empty for operator In" },
        { Selector(Expr("tier", "NotIn", [])), "matchExpressions[0].values: must be non-empty for operator NotIn" },
        { Selector(Expr("tier", "Exists", "a")), "matchExpressions[0].values: must be empty for operator Exists" },
        { Selector(Expr("tier", "DoesNotExist", "")), "matchExpressions[0].values: must be empty for operator DoesNotExist" },
        { Selector(Expr("x", "Gt", "5")), "matchExpressions[0].operator: unsupported operator \"Gt\": must be one of In, NotIn, Exists, DoesNotExist (case-sensitive)" },
        { Selector(Expr("x", "in", "5")), "matchExpressions[0].operator: unsupported operator \"in\": must be one of In, NotIn, Exists, DoesNotExist (case-sensitive)" },
        { Selector(Expr("x", null, "5")), "matchExpressions[0].operator: must be specified: one of In, NotIn, Exists, DoesNotExist" },
        { Selector(Expr("-bad", "Exists")), "matchExpressions[0].key: invalid label key \"-bad\": " + BadName },
        { Selector(Expr(null, "Exists")), "matchExpressions[0].key: invalid label key \"\": name part must be non-empty" },
        { Selector(Expr("tier", "In", "a", "-b")), "matchExpressions[0].values[1]: invalid label value \"-b\": " + BadValue },
        { Selector(Expr("app", "Exists"), null!), "matchExpressions[1]: must not be null" },
        {
            new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["-bad"] = "web" } },
            "matchLabels: invalid label key \"-bad\": " + BadName
        },
        {
            new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "web!" } },
            "matchLabels[app]: invalid label value \"web!\": " + BadValue
        },
    };

    [Theory]
    [MemberData(nameof(OneError))]
    public void Reports_the_field_path_and_reason(V1LabelSelector api, string error)
    {
        var result = LabelSelector.FromApi(api);

        Assert.Null(result.Selector);
        Assert.Equal([error], result.Errors);
    }

    [Fact]
    public void Reports_every_error_and_returns_no_partial_selector()
    {
        var api = new V1LabelSelector
        {
            MatchLabels = new Dictionary<string, string> { ["b"] = "-x", ["a"] = "ok", ["-k"] = "ok" },
            MatchExpressions = [Expr("-c", "Exists", "v"), Expr("d", "Lt"), Expr("e", "In", "f")],
        };

        var result = LabelSelector.FromApi(api);

        Assert.Null(result.Selector);
        Assert.Equal(
            [
                "matchLabels: invalid label key \"-k\": " + BadName,
                "matchLabels[b]: invalid label value \"-x\": " + BadValue,
                "matchExpressions[0].key: invalid label key \"-c\": " + BadName,
                "matchExpressions[0].values: must be empty for operator Exists",
                "matchExpressions[1].operator: unsupported operator \"Lt\": must be one of In, NotIn, Exists, DoesNotExist (case-sensitive)",
            ],
            result.Errors);
    }
}
