namespace Verity.Cel.Tests.Kubernetes;

public sealed class SmokeTests
{
    [Theory]
    [InlineData("quantity('1Gi').isGreaterThan(quantity('1Mi'))")]
    [InlineData("ip.isCanonical('127.0.0.1')")]
    [InlineData("cidr('10.0.0.0/8').containsIP('10.1.2.3')")]
    [InlineData("format.named('dns1123Label').hasValue()")]
    [InlineData("type(ip('1.2.3.4')) == net.IP")]
    [InlineData("[1, 2, 3].isSorted()")]
    [InlineData("'abc 123'.find('[0-9]+') == '123'")]
    [InlineData("url('https://example.com:80/').getPort() == '80'")]
    [InlineData("semver('1.2.3').major() == 1")]
    public void Evaluates_true(string expr) => K8s.True(expr);
}

public sealed class DisplayTests
{
    [Theory]
    [InlineData("ip('2001:DB8::1')", "2001:db8::1")]
    [InlineData("cidr('10.0.0.1/8')", "10.0.0.1/8")]
    [InlineData("quantity('1.5k')", "1500")]
    [InlineData("quantity('-250m')", "-0.25")]
    [InlineData("quantity('0.000')", "0")]
    [InlineData("quantity('1e40')", "1e40")]
    [InlineData("semver('1.2.3-rc.1+b5')", "1.2.3-rc.1+b5")]
    [InlineData("url('https://x/y?z=1')", "https://x/y?z=1")]
    public void Opaque_values_display_as_text(string expr, string text)
    {
        var v = K8s.Eval(expr).Value!;
        Assert.Equal(text, v.ToString());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(text), v.ToJsonString());
    }
}
