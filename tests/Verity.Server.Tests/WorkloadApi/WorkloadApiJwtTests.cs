using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Verity.Server.WorkloadApi.Proto;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>JWT-SVIDs over the real socket: fetch, the JWT bundle, validation (audience, expiry, signature).</summary>
public sealed class WorkloadApiJwtTests
{
    private const string Billing = "spiffe://example.org/billing";

    private static CallOptions Call() => new(WorkloadApiHost.Header(), WorkloadApiHost.Deadline());

    private static Task<WorkloadApiHost> StartAsync() =>
        WorkloadApiHost.StartAsync($"- spiffeId: {Billing}\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n");

    [Fact]
    public async Task A_JWT_SVID_validates_for_its_audience_and_not_for_another()
    {
        await using var host = await StartAsync();
        var fetched = await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "payments" } }, Call());
        var svid = Assert.Single(fetched.Svids);
        Assert.Equal(Billing, svid.SpiffeId);

        var header = Decode(svid.Svid.Split('.')[0]);
        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.False(string.IsNullOrEmpty(header.GetProperty("kid").GetString()));
        var claims = Decode(svid.Svid.Split('.')[1]);
        Assert.Equal(Billing, claims.GetProperty("sub").GetString());
        Assert.Equal("payments", claims.GetProperty("aud").GetString());
        var iat = WorkloadApiHost.Start.ToUnixTimeSeconds();
        Assert.Equal(iat, claims.GetProperty("iat").GetInt64());
        Assert.Equal(iat + 300, claims.GetProperty("exp").GetInt64());

        var valid = await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "payments", Svid = svid.Svid }, Call());
        Assert.Equal(Billing, valid.SpiffeId);
        Assert.Equal(Billing, valid.Claims.Fields["sub"].StringValue);
        Assert.Equal("payments", valid.Claims.Fields["aud"].StringValue);
        Assert.Equal(iat + 300, valid.Claims.Fields["exp"].NumberValue);

        var wrong = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "reporting", Svid = svid.Svid }, Call()));
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal("jwtsvid: expected audience in [\"reporting\"] (audience=[\"payments\"])", wrong.Status.Detail);
    }

    [Fact]
    public async Task Several_audiences_are_an_array_and_each_validates()
    {
        await using var host = await StartAsync();
        var fetched = await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a", "b" }, SpiffeId = Billing }, Call());
        var token = Assert.Single(fetched.Svids).Svid;
        Assert.Equal(JsonValueKind.Array, Decode(token.Split('.')[1]).GetProperty("aud").ValueKind);
        foreach (var audience in new[] { "a", "b" })
            Assert.Equal(Billing, (await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = audience, Svid = token }, Call())).SpiffeId);
    }

    [Fact]
    public async Task An_expired_or_tampered_token_and_missing_fields_are_rejected()
    {
        await using var host = await StartAsync();
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.FetchJwtSvid(new JWTSVIDRequest(), Call()));
        Assert.Equal(StatusCode.InvalidArgument, missing.StatusCode);
        Assert.Equal("audience must be specified", missing.Status.Detail);
        var otherId = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a" }, SpiffeId = "spiffe://example.org/other" }, Call()));
        Assert.Equal(StatusCode.PermissionDenied, otherId.StatusCode);

        var token = (await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a" } }, Call())).Svids[0].Svid;
        var parts = token.Split('.');
        var forged = parts[0] + "." + Base64Url(Encoding.UTF8.GetBytes($"{{\"sub\":\"spiffe://example.org/admin\",\"aud\":\"a\",\"exp\":{WorkloadApiHost.Start.ToUnixTimeSeconds() + 300}}}")) + "." + parts[2];
        var tampered = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "a", Svid = forged }, Call()));
        Assert.Equal(StatusCode.InvalidArgument, tampered.StatusCode);
        Assert.Contains("cryptographic primitive", tampered.Status.Detail, StringComparison.Ordinal);

        var noSvid = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "a" }, Call()));
        Assert.Equal("svid must be specified", noSvid.Status.Detail);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var expired = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "a", Svid = token }, Call()));
        Assert.Equal("jwtsvid: token has expired", expired.Status.Detail);
    }

    [Fact]
    public async Task The_JWT_bundle_holds_the_signing_key_and_verifies_the_token()
    {
        await using var host = await StartAsync();
        using var call = host.Client.FetchJwtBundles(Call());
        Assert.True(await call.ResponseStream.MoveNext());
        var bundles = call.ResponseStream.Current.Bundles;
        Assert.Equal(["spiffe://example.org"], bundles.Keys);
        var jwks = JsonDocument.Parse(bundles["spiffe://example.org"].ToByteArray()).RootElement;
        var jwk = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", jwk.GetProperty("kty").GetString());
        Assert.Equal("P-256", jwk.GetProperty("crv").GetString());
        Assert.Equal("jwt-svid", jwk.GetProperty("use").GetString());

        var token = (await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a" } }, Call())).Svids[0].Svid;
        Assert.Equal(jwk.GetProperty("kid").GetString(), Decode(token.Split('.')[0]).GetProperty("kid").GetString());
        using var key = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = FromBase64Url(jwk.GetProperty("x").GetString()!), Y = FromBase64Url(jwk.GetProperty("y").GetString()!) },
        });
        var parts = token.Split('.');
        Assert.True(key.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromBase64Url(parts[2]), HashAlgorithmName.SHA256));
    }

    [Fact]
    public async Task CA_activation_rotates_the_JWT_key_and_the_old_one_validates_until_its_tokens_expired()
    {
        // CA 6 h, leaf 1 h: the next CA is prepared at 3 h and becomes active at 5 h.
        await using var host = await WorkloadApiHost.StartAsync(
            $"- spiffeId: {Billing}\n  selectors: [\"unix:uid:{WorkloadApiHost.CurrentUid()}\"]\n", caTtl: TimeSpan.FromHours(6));
        using var bundles = host.Client.FetchJwtBundles(Call());
        Assert.True(await bundles.ResponseStream.MoveNext());
        Assert.Single(KeyIds(bundles.ResponseStream.Current));

        host.Clock.Advance(TimeSpan.FromHours(3));
        host.Clock.Advance(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(1));
        var old = (await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a" } }, Call())).Svids[0].Svid;
        host.Clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(1));
        Assert.True(await bundles.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(20)));
        var both = KeyIds(bundles.ResponseStream.Current);
        Assert.Equal(2, both.Count);
        var fresh = (await host.Client.FetchJwtSvid(new JWTSVIDRequest { Audience = { "a" } }, Call())).Svids[0].Svid;
        Assert.Equal(both[0], Decode(fresh.Split('.')[0]).GetProperty("kid").GetString());
        Assert.Equal(both[1], Decode(old.Split('.')[0]).GetProperty("kid").GetString());
        Assert.Equal(Billing, (await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "a", Svid = old }, Call())).SpiffeId);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await bundles.ResponseStream.MoveNext().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal([both[0]], KeyIds(bundles.ResponseStream.Current));
        var dropped = await Assert.ThrowsAsync<RpcException>(async () =>
            await host.Client.ValidateJwtSvid(new ValidateJWTSVIDRequest { Audience = "a", Svid = old }, Call()));
        Assert.StartsWith("jwtsvid: no JWT authority", dropped.Status.Detail, StringComparison.Ordinal);
    }

    private static List<string> KeyIds(JWTBundlesResponse response) =>
        JsonDocument.Parse(response.Bundles["spiffe://example.org"].ToByteArray()).RootElement.GetProperty("keys").EnumerateArray()
            .Select(k => k.GetProperty("kid").GetString()!).ToList();

    private static JsonElement Decode(string part) => JsonDocument.Parse(FromBase64Url(part)).RootElement;

    private static byte[] FromBase64Url(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s + new string('=', (4 - s.Length % 4) % 4));
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
