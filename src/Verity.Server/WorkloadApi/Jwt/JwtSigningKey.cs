using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>
/// A JWT-SVID signing key of a trust domain: a P-256 key (ES256) with a random key id, held in memory only — a restart
/// makes a new key, so JWT-SVIDs signed before it no longer validate (docs/workload-api.md). See <see cref="JwtKeySet"/>.
/// </summary>
internal sealed class JwtSigningKey
{
    private JwtSigningKey(TrustDomain trustDomain, ECDsa key, string keyId)
    {
        TrustDomain = trustDomain;
        Key = key;
        KeyId = keyId;
    }

    public TrustDomain TrustDomain { get; }

    public ECDsa Key { get; }

    /// <summary>The JWS <c>kid</c>: 24 random bytes as 32 base64url characters (SPIRE also uses random key ids).</summary>
    public string KeyId { get; }

    public static JwtSigningKey Create(TrustDomain trustDomain) =>
        new(trustDomain, ECDsa.Create(ECCurve.NamedCurves.nistP256), Base64Url.Encode(RandomNumberGenerator.GetBytes(24)));

    /// <summary>The public key as a JWK with <c>use: jwt-svid</c> (SPIFFE Trust Domain and Bundle, section 4.2).</summary>
    public JsonObject ToJwk()
    {
        var p = Key.ExportParameters(includePrivateParameters: false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["kid"] = KeyId,
            ["crv"] = "P-256",
            ["x"] = Base64Url.Encode(p.Q.X),
            ["y"] = Base64Url.Encode(p.Q.Y),
            ["use"] = "jwt-svid",
        };
    }
}
