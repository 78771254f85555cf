namespace Verity.Cel.Tests.Kubernetes;

/// <summary>
/// Cases ported from kubernetes staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation_test.go
/// ("stdlib regex functions") and regex.go's doc comment, plus Go regexp.FindAllString semantics for empty matches.
/// </summary>
public sealed class RegexTests
{
    private static readonly CelEnvironment Env = K8s.Create(new Dictionary<string, CelType> { ["self"] = CelType.Dyn });

    private static readonly Dictionary<string, object?> Self = new()
    {
        ["self"] = CelTestHelpers.Json("""{"str": "this is a 123 string 456"}"""),
    };

    [Theory]
    [InlineData("self.str.find('[0-9]+') == '123'")]
    [InlineData("self.str.find('[0-9]+') != '456'")]
    [InlineData("self.str.find('xyz') == ''")]
    [InlineData("self.str.findAll('[0-9]+') == ['123', '456']")]
    [InlineData("self.str.findAll('[0-9]+', 0) == []")]
    [InlineData("self.str.findAll('[0-9]+', 1) == ['123']")]
    [InlineData("self.str.findAll('[0-9]+', 2) == ['123', '456']")]
    [InlineData("self.str.findAll('[0-9]+', 3) == ['123', '456']")]
    [InlineData("self.str.findAll('[0-9]+', -1) == ['123', '456']")]
    [InlineData("self.str.findAll('xyz') == []")]
    [InlineData("self.str.findAll('xyz', 1) == []")]
    [InlineData("'abc 123'.find('xyz') == ''")]
    [InlineData("'123 abc 456'.findAll('[0-9]+', 1) == ['123']")]
    [InlineData("'123 abc 456'.findAll('xyz') == []")]
    // Go: a leftmost empty match wins ('abc 123'.find('[0-9]*') is ''), and an empty match right after a match is skipped.
    [InlineData("'abc 123'.find('[0-9]*') == ''")]
    [InlineData("'123 abc 456'.findAll('[0-9]*') == ['123', '', '', '', '', '456']")]
    [InlineData("'aaa'.findAll('a*') == ['aaa']")]
    [InlineData("'v0.0.0'.find('v[0-9]+.[0-9]+.[0-9]*$') == 'v0.0.0'")]
    [InlineData("'héllo wörld'.findAll('[^ ]+') == ['héllo', 'wörld']")]
    public void Evaluates_true(string expr) => Assert.Equal(true, K8s.Raw(expr, Self, Env));

    [Theory]
    [InlineData("self.str.find(')') == ''")]
    [InlineData("self.str.findAll(')') == []")]
    [InlineData("self.str.findAll('(a)\\\\1', 1) == []")]
    public void Invalid_patterns_are_errors(string expr)
    {
        var r = K8s.Eval(expr, Self, Env);
        Assert.True(r.IsError);
        Assert.StartsWith("Illegal regex: ", r.Error, StringComparison.Ordinal);
    }
}
