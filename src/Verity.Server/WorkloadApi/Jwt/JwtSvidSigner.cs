using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>
/// Mints JWT-SVIDs (https://github.com/spiffe/spiffe/blob/main/standards/JWT-SVID.md): JWS compact serialization, header
/// <c>alg: ES256</c>, <c>kid</c>, <c>typ: JWT</c>; claims <c>sub</c> = SPIFFE ID, <c>aud</c> (a string for one audience, else
/// an array, as go-jose writes it), <c>exp</c>, <c>iat</c>. ES256 signatures are r‖s, 64 bytes (RFC 7518 section 3.4).
/// </summary>
internal static class JwtSvidSigner
{
    public static string Sign(JwtSigningKey key, SpiffeId subject, IReadOnlyList<string> audience, TimeSpan ttl, DateTimeOffset now)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = key.KeyId, ["typ"] = "JWT" };
        var claims = new JsonObject
        {
            ["sub"] = subject.ToString(),
            ["aud"] = audience.Count == 1 ? JsonValue.Create(audience[0]) : new JsonArray(audience.Select(a => (JsonNode?)JsonValue.Create(a)).ToArray()),
            ["exp"] = (now + ttl).ToUnixTimeSeconds(),
            ["iat"] = now.ToUnixTimeSeconds(),
        };
        var signingInput = Base64Url.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "." + Base64Url.Encode(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        var signature = key.Key.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return signingInput + "." + Base64Url.Encode(signature);
    }
}
