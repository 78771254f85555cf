namespace Verity.Identity.Tests;

/// <summary>Every rule of SPIFFE-ID.md, valid and invalid, with go-spiffe's exact reason texts.</summary>
public sealed class SpiffeIdTests
{
    [Theory]
    [InlineData("spiffe://example.org", "example.org", "")]
    [InlineData("spiffe://example.org/workload", "example.org", "/workload")]
    [InlineData("spiffe://a-b_c.9/ns/default/sa/web", "a-b_c.9", "/ns/default/sa/web")]
    [InlineData("spiffe://td/UPPER/Mixed.Case-_9", "td", "/UPPER/Mixed.Case-_9")]
    [InlineData("spiffe://td/.../a..b/.x", "td", "/.../a..b/.x")]
    [InlineData("spiffe://1.2.3.4/x", "1.2.3.4", "/x")]
    public void Valid_ids_parse_into_trust_domain_and_path(string text, string td, string path)
    {
        Assert.True(SpiffeId.TryParse(text, out var id, out var error), error);
        Assert.Equal(td, id.TrustDomain.Name);
        Assert.Equal(path, id.Path);
        Assert.Equal(text, id.ToString());
        Assert.Equal(path.Length == 0, id.IsTrustDomainId);
    }

    [Theory]
    [InlineData("", SpiffeIdErrors.Empty)]
    [InlineData("http://example.org/x", SpiffeIdErrors.WrongScheme)]
    [InlineData("SPIFFE://example.org/x", SpiffeIdErrors.WrongScheme)]
    [InlineData("Spiffe://example.org/x", SpiffeIdErrors.WrongScheme)]
    [InlineData("spiffe:/example.org/x", SpiffeIdErrors.WrongScheme)]
    [InlineData("example.org/x", SpiffeIdErrors.WrongScheme)]
    [InlineData("spiffe://", SpiffeIdErrors.MissingTrustDomain)]
    [InlineData("spiffe:///path", SpiffeIdErrors.MissingTrustDomain)]
    [InlineData("spiffe://Example.org/x", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://example.org:8080/x", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://user@example.org/x", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://user:pw@example.org/x", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://exa%41mple.org", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://example.org?q=1", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://example.org#frag", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://exämple.org", SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://example.org/", SpiffeIdErrors.TrailingSlash)]
    [InlineData("spiffe://example.org/a/", SpiffeIdErrors.TrailingSlash)]
    [InlineData("spiffe://example.org//a", SpiffeIdErrors.EmptySegment)]
    [InlineData("spiffe://example.org/a//b", SpiffeIdErrors.EmptySegment)]
    [InlineData("spiffe://example.org/.", SpiffeIdErrors.DotSegment)]
    [InlineData("spiffe://example.org/..", SpiffeIdErrors.DotSegment)]
    [InlineData("spiffe://example.org/a/./b", SpiffeIdErrors.DotSegment)]
    [InlineData("spiffe://example.org/a/../b", SpiffeIdErrors.DotSegment)]
    [InlineData("spiffe://example.org/a?x=1", SpiffeIdErrors.BadPathSegmentChar)]
    [InlineData("spiffe://example.org/a#frag", SpiffeIdErrors.BadPathSegmentChar)]
    [InlineData("spiffe://example.org/a%20b", SpiffeIdErrors.BadPathSegmentChar)]
    [InlineData("spiffe://example.org/a b", SpiffeIdErrors.BadPathSegmentChar)]
    [InlineData("spiffe://example.org/a:b", SpiffeIdErrors.BadPathSegmentChar)]
    [InlineData("spiffe://example.org/ä", SpiffeIdErrors.BadPathSegmentChar)]
    public void Invalid_ids_are_rejected_with_the_reason(string text, string reason)
    {
        Assert.False(SpiffeId.TryParse(text, out _, out var error));
        Assert.Equal($"invalid SPIFFE ID \"{text}\": {reason}", error);
        Assert.Equal(error, Assert.Throws<FormatException>(() => SpiffeId.Parse(text)).Message);
    }

    [Fact]
    public void Ids_are_limited_to_2048_bytes_and_trust_domains_to_255_characters()
    {
        var prefix = "spiffe://example.org/";
        Assert.True(SpiffeId.TryParse(prefix + new string('a', 2048 - prefix.Length), out _, out _));
        Assert.False(SpiffeId.TryParse(prefix + new string('a', 2049 - prefix.Length), out _, out var error));
        Assert.EndsWith(SpiffeIdErrors.TooLong, error);

        Assert.True(TrustDomain.TryParse(new string('a', 255), out _, out _));
        Assert.False(TrustDomain.TryParse(new string('a', 256), out _, out error));
        Assert.EndsWith(SpiffeIdErrors.TrustDomainTooLong, error);
        Assert.False(SpiffeId.TryParse("spiffe://" + new string('a', 256), out _, out error));
        Assert.EndsWith(SpiffeIdErrors.TrustDomainTooLong, error);
    }

    [Theory]
    [InlineData("example.org", "example.org")]
    [InlineData("spiffe://example.org", "example.org")]
    [InlineData("spiffe://example.org/a/b", "example.org")]
    [InlineData("a_b-c.d", "a_b-c.d")]
    public void Trust_domains_parse_from_names_or_ids(string text, string name)
    {
        Assert.True(TrustDomain.TryParse(text, out var td, out var error), error);
        Assert.Equal(name, td.Name);
        Assert.Equal($"spiffe://{name}", td.Id.ToString());
    }

    [Theory]
    [InlineData("", "invalid trust domain \"\": cannot be empty")]
    [InlineData("Example.org", "invalid trust domain \"Example.org\": " + SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("example.org:443", "invalid trust domain \"example.org:443\": " + SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("user@example.org", "invalid trust domain \"user@example.org\": " + SpiffeIdErrors.BadTrustDomainChar)]
    [InlineData("spiffe://example.org/", "invalid SPIFFE ID \"spiffe://example.org/\": " + SpiffeIdErrors.TrailingSlash)]
    [InlineData("https://example.org/", "invalid SPIFFE ID \"https://example.org/\": " + SpiffeIdErrors.WrongScheme)]
    public void Invalid_trust_domains_are_rejected(string text, string message)
    {
        Assert.False(TrustDomain.TryParse(text, out _, out var error));
        Assert.Equal(message, error);
    }

    [Fact]
    public void Kubernetes_service_accounts_follow_the_ns_sa_convention()
    {
        var td = TrustDomain.Parse("cluster.local");
        Assert.True(SpiffeId.TryForServiceAccount(td, "payments", "api", out var id, out _));
        Assert.Equal("spiffe://cluster.local/ns/payments/sa/api", id.ToString());
        Assert.True(id.MemberOf(td));
        Assert.False(SpiffeId.TryForServiceAccount(td, "", "api", out _, out var error));
        Assert.Equal("invalid path \"/ns//sa/api\": " + SpiffeIdErrors.NotKubernetesName, error);
        Assert.False(SpiffeId.TryForServiceAccount(td, "a/b", "api", out _, out _));
        Assert.False(SpiffeId.TryForServiceAccount(td, "ns", "..", out _, out error));
        Assert.EndsWith(SpiffeIdErrors.DotSegment, error);
    }

    [Fact]
    public void Ids_compare_by_value()
    {
        Assert.Equal(SpiffeId.Parse("spiffe://td/a"), SpiffeId.Parse("spiffe://td/a"));
        Assert.NotEqual(SpiffeId.Parse("spiffe://td/a"), SpiffeId.Parse("spiffe://td/A"));
        Assert.True(default(SpiffeId).IsEmpty);
        Assert.Equal("", default(SpiffeId).ToString());
        Assert.False(SpiffeId.TryCreate(default, "/x", out _, out _));
    }
}
