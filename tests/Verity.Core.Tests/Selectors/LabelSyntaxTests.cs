using Verity.Core.Selectors;

namespace Verity.Core.Tests.Selectors;

public class LabelSyntaxTests
{
    private const string BadName =
        "name part must consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyName', 'my.name', '123-abc')";

    private const string BadPrefix =
        "prefix part must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, '-' or '.', " +
        "each dot-separated part starting and ending with an alphanumeric (e.g. 'example.com')";

    private const string BadValue =
        "must be empty or consist of alphanumerics, '-', '_' or '.', and start and end with an alphanumeric " +
        "(e.g. 'MyValue', 'my_value', '12345')";

    public static TheoryData<string> ValidKeys => new()
    {
        "app", "a", "A", "9", "App_1.b-2", "example.com/app", "k8s.io/x", "a-b.c-d/Z",
        new string('n', 63), new string('p', 253) + "/n",
    };

    public static TheoryData<string, string> InvalidKeys => new()
    {
        { "", "name part must be non-empty" },
        { "-bad", BadName },
        { "bad-", BadName },
        { "_bad", BadName },
        { "a b", BadName },
        { "café", BadName },
        { new string('n', 64), "name part must be no more than 63 characters" },
        { new string('n', 63) + "-", "name part must be no more than 63 characters; " + BadName },
        { "example.com/", "name part must be non-empty" },
        { "/app", "prefix part before '/' must be non-empty" },
        { "/", "prefix part before '/' must be non-empty; name part must be non-empty" },
        { "Example.com/app", BadPrefix },
        { "ex_ample.com/app", BadPrefix },
        { ".example.com/app", BadPrefix },
        { "example..com/app", BadPrefix },
        { "example-.com/app", BadPrefix },
        { new string('p', 254) + "/n", "prefix part must be no more than 253 characters" },
        { "EX/-n", BadPrefix + "; " + BadName },
        { "a/b/c", "must contain at most one '/' (an optional DNS subdomain prefix, '/', then a name, e.g. 'example.com/name')" },
    };

    public static TheoryData<string> ValidValues => new() { "", "a", "web", "My_value-1.2", "007", new string('v', 63) };

    public static TheoryData<string, string> InvalidValues => new()
    {
        { "-x", BadValue },
        { "x.", BadValue },
        { "a b", BadValue },
        { "a/b", BadValue },
        { "-5", BadValue },
        { new string('v', 64), "must be no more than 63 characters" },
        { new string('v', 64) + "-", "must be no more than 63 characters; " + BadValue },
    };

    [Theory]
    [MemberData(nameof(ValidKeys))]
    public void Valid_keys_have_no_error(string key) => Assert.Null(LabelSyntax.KeyError(key));

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public void Invalid_keys_say_why(string key, string reason) => Assert.Equal(reason, LabelSyntax.KeyError(key));

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void Valid_values_have_no_error(string value) => Assert.Null(LabelSyntax.ValueError(value));

    [Theory]
    [MemberData(nameof(InvalidValues))]
    public void Invalid_values_say_why(string value, string reason) => Assert.Equal(reason, LabelSyntax.ValueError(value));

    [Fact]
    public void Messages_quote_the_offending_text_with_escapes()
    {
        Assert.Equal("invalid label key \"a\\\"b\\\\\": reason", LabelSyntax.InvalidKey("a\"b\\", "reason"));
        Assert.Equal("invalid label value \"-x\" at position 4: reason", LabelSyntax.InvalidValue("-x", "reason", 4));
    }
}
