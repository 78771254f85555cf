namespace Verity.Cel.Tests.Kubernetes;

/// <summary>
/// Cases ported from kubernetes staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/cel/validation_test.go
/// ("URL parsing") and urls.go's doc comment; error texts are Go net/url's.
/// </summary>
public sealed class UrlTests
{
    private static readonly CelEnvironment Env = K8s.Create(new Dictionary<string, CelType> { ["self"] = CelType.Dyn });

    private static readonly Dictionary<string, object?> Self = new()
    {
        ["self"] = CelTestHelpers.Json("""{"url": "https://user:pass@kubernetes.io:80/docs/home?k1=a&k2=b&k2=c#anchor"}"""),
    };

    [Theory]
    [InlineData("url('/path').getScheme() == ''")]
    [InlineData("url('https://example.com/').getScheme() == 'https'")]
    [InlineData("url('https://example.com:80/').getHost() == 'example.com:80'")]
    [InlineData("url('https://example.com/').getHost() == 'example.com'")]
    [InlineData("url('https://[::1]:80/').getHost() == '[::1]:80'")]
    [InlineData("url('https://[::1]/').getHost() == '[::1]'")]
    [InlineData("url('/path').getHost() == ''")]
    [InlineData("url('https://example.com:80/').getHostname() == 'example.com'")]
    [InlineData("url('https://127.0.0.1/').getHostname() == '127.0.0.1'")]
    [InlineData("url('https://[::1]/').getHostname() == '::1'")]
    [InlineData("url('/path').getHostname() == ''")]
    [InlineData("url('https://example.com:80/').getPort() == '80'")]
    [InlineData("url('https://example.com/').getPort() == ''")]
    [InlineData("url('/path').getPort() == ''")]
    [InlineData("url('https://example.com/path').getEscapedPath() == '/path'")]
    [InlineData("url('https://example.com/with space/').getEscapedPath() == '/with%20space/'")]
    [InlineData("url('https://example.com').getEscapedPath() == ''")]
    [InlineData("url('https://example.com/path?k1=a&k2=b&k2=c').getQuery() == { 'k1': ['a'], 'k2': ['b', 'c']}")]
    [InlineData("url('https://example.com/path?key with spaces=value with spaces').getQuery() == { 'key with spaces': ['value with spaces']}")]
    [InlineData("url('https://example.com/path?').getQuery() == {}")]
    [InlineData("url('https://example.com/path').getQuery() == {}")]
    [InlineData("url(self.url).getScheme() == 'https'")]
    [InlineData("url(self.url).getHost() == 'kubernetes.io:80'")]
    [InlineData("url(self.url).getHostname() == 'kubernetes.io'")]
    [InlineData("url(self.url).getPort() == '80'")]
    [InlineData("url(self.url).getEscapedPath() == '/docs/home'")]
    [InlineData("url(self.url).getQuery() == {'k1': ['a'], 'k2': ['b', 'c']}")]
    [InlineData("isURL('https://user:pass@example.com:80/path?query=val#fragment')")]
    [InlineData("isURL('/path') == true")]
    [InlineData("isURL('https://a:b:c/') == false")]
    [InlineData("isURL('../relative-path') == false")]
    [InlineData("url('https:://kubernetes.io/').getHostname() != 'test'")]
    // urls.go doc comment and Go escaping details.
    [InlineData("url('https://example.com/path with spaces/').getEscapedPath() == '/path%20with%20spaces/'")]
    [InlineData("url('https://example.com/a%2Fb').getEscapedPath() == '/a%2Fb'")]
    [InlineData("url('https://EXAMPLE.com/').getScheme() == 'https' && url('HTTPS://x/').getScheme() == 'https'")]
    [InlineData("url('https://example.com/p?a=1+2&b=%20').getQuery() == {'a': ['1 2'], 'b': [' ']}")]
    [InlineData("url('https://example.com/p?a;b=1&c=2').getQuery() == {'c': ['2']}")]
    [InlineData("url('https://example.com/p#frag?x=1').getQuery() == {}")]
    [InlineData("url('https://user:pass@example.com:80/path?query=val#fragment').getHost() == 'example.com:80'")]
    [InlineData("isURL('') == false")]
    [InlineData("isURL('mailto:someone@example.com')")]
    [InlineData("isURL('https://example.com/%zz') == false")]
    [InlineData("url('https://example.com/') == url('https://example.com/')")]
    public void Evaluates_true(string expr) => Assert.Equal(true, K8s.Raw(expr, Self, Env));

    [Theory]
    [InlineData("url('https://a:b:c/')", "URL parse error during conversion from string: parse \"https://a:b:c/\": invalid port \":c\" after host")]
    [InlineData("url('../relative-path')", "URL parse error during conversion from string: parse \"../relative-path\": invalid URI for request")]
    [InlineData("url('')", "URL parse error during conversion from string: parse \"\": empty url")]
    [InlineData("url(':foo')", "URL parse error during conversion from string: parse \":foo\": missing protocol scheme")]
    [InlineData("url('https://exa mple.com/')", "URL parse error during conversion from string: parse \"https://exa mple.com/\": invalid character \" \" in host name")]
    [InlineData("url('https://example.com/%zz')", "URL parse error during conversion from string: parse \"https://example.com/%zz\": invalid URL escape \"%zz\"")]
    public void Fails(string expr, string error) => K8s.Error(expr, error);
}
