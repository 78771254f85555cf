using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>
/// Validates a JWT-SVID as go-spiffe's <c>jwtsvid.ParseAndValidate</c> does (error texts follow its wording): the header
/// names an allowed algorithm (ES256 — the only one Verity signs with) and a <c>kid</c>; <c>sub</c> is a SPIFFE ID whose trust
/// domain has a key with that <c>kid</c>; the signature verifies; <c>exp</c> is present and not reached; the expected
/// audience is in <c>aud</c>. Pure: the keys and the time are passed in.
/// </summary>
internal static class JwtSvidValidator
{
    public static JwtSvidValidation Validate(string token, string audience, Func<TrustDomain, string, ECDsa?> findKey, DateTimeOffset now)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.TryDecode(parts[0], out var headerBytes) || !Base64Url.TryDecode(parts[1], out var payloadBytes) ||
            !Base64Url.TryDecode(parts[2], out var signature))
            return Fail("unable to parse JWT token");
        JsonObject? header, claims;
        try
        {
            header = JsonNode.Parse(headerBytes) as JsonObject;
            claims = JsonNode.Parse(payloadBytes) as JsonObject;
        }
        catch (JsonException)
        {
            return Fail("unable to parse JWT token");
        }
        if (header is null || claims is null) return Fail("unable to parse JWT token");
        var alg = Text(header["alg"]);
        if (alg != "ES256") return Fail($"unsupported token signature algorithm \"{alg}\"");
        if (Text(header["kid"]) is not { Length: > 0 } keyId) return Fail("token header missing key id");
        if (Text(claims["sub"]) is not { Length: > 0 } subject) return Fail("token missing subject claim");
        if (!Identity.SpiffeId.TryParse(subject, out var id, out var idError)) return Fail($"token has an invalid subject claim: {idError}");
        if (findKey(id.TrustDomain, keyId) is not { } key) return Fail($"no JWT authority \"{keyId}\" found for trust domain \"{id.TrustDomain.Name}\"");
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]);
        if (signature.Length != 64 || !key.VerifyData(signingInput, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
            return Fail("unable to get claims from token: go-jose/go-jose: error in cryptographic primitive");
        if (claims["exp"] is not JsonValue expValue || !expValue.TryGetValue<long>(out var exp)) return Fail("token missing exp claim");
        if (now.ToUnixTimeSeconds() >= exp) return Fail("token has expired");
        var audiences = claims["aud"] switch
        {
            JsonValue single when single.TryGetValue<string>(out var a) => [a],
            JsonArray many => many.Select(Text).OfType<string>().ToList(),
            _ => new List<string>(),
        };
        if (!audiences.Contains(audience, StringComparer.Ordinal))
            return Fail($"expected audience in [\"{audience}\"] (audience=[{string.Join(" ", audiences.Select(a => $"\"{a}\""))}])");
        return new JwtSvidValidation { SpiffeId = id, ClaimsJson = claims.ToJsonString() };
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static JwtSvidValidation Fail(string reason) => new() { Error = "jwtsvid: " + reason };
}
