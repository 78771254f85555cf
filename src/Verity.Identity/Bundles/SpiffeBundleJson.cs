using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Verity.Identity.Bundles;

/// <summary>
/// The SPIFFE bundle document (SPIFFE_Trust_Domain_and_Bundle.md section 4): a JWK Set (RFC 7517) whose keys carry
/// <c>use</c> — <c>x509-svid</c> keys hold the authority certificate in <c>x5c</c> (one base64 DER) beside its public key
/// (<c>kty</c>, <c>crv</c>/<c>x</c>/<c>y</c> for EC, <c>n</c>/<c>e</c> for RSA); <c>jwt-svid</c> keys need a <c>kid</c> —
/// plus top-level <c>spiffe_sequence</c> and <c>spiffe_refresh_hint</c> (seconds).
/// </summary>
internal static class SpiffeBundleJson
{
    public const string X509Use = "x509-svid";
    public const string JwtUse = "jwt-svid";

    public static string Write(TrustBundle bundle)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("keys");
            foreach (var certificate in bundle.X509Authorities) WriteX509Key(json, certificate);
            foreach (var jwt in bundle.JwtAuthorities)
            {
                using var document = JsonDocument.Parse(jwt.JwkJson);
                document.RootElement.WriteTo(json);
            }
            json.WriteEndArray();
            if (bundle.SequenceNumber is { } sequence) json.WriteNumber("spiffe_sequence", sequence);
            if (bundle.RefreshHint is { } hint) json.WriteNumber("spiffe_refresh_hint", (long)hint.TotalSeconds);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    public static BundleParseResult Read(TrustDomain trustDomain, string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            return new BundleParseResult { Errors = [BundleErrors.NotJson(e.Message)] };
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array)
                return new BundleParseResult { Errors = [BundleErrors.NoKeys] };
            var errors = new List<string>();
            var warnings = new List<string>();
            var authorities = new List<X509Certificate2>();
            var jwtKeys = new List<JwtAuthority>();
            var index = 0;
            foreach (var key in keys.EnumerateArray())
            {
                ReadKey(key, index++, authorities, jwtKeys, errors, warnings);
            }
            ulong? sequence = null;
            if (root.TryGetProperty("spiffe_sequence", out var seq))
            {
                if (seq.ValueKind == JsonValueKind.Number && seq.TryGetUInt64(out var s)) sequence = s;
                else errors.Add(BundleErrors.BadSequence(seq.GetRawText()));
            }
            TimeSpan? refresh = null;
            if (root.TryGetProperty("spiffe_refresh_hint", out var hint))
            {
                if (hint.ValueKind == JsonValueKind.Number && hint.TryGetInt64(out var h) && h >= 0) refresh = TimeSpan.FromSeconds(h);
                else errors.Add(BundleErrors.BadRefreshHint(hint.GetRawText()));
            }
            if (authorities.Count == 0 && jwtKeys.Count == 0) warnings.Add(BundleErrors.EmptyBundle);
            var bundle = new TrustBundle
            {
                TrustDomain = trustDomain, X509Authorities = authorities, JwtAuthorities = jwtKeys, SequenceNumber = sequence, RefreshHint = refresh,
            };
            return new BundleParseResult { Bundle = bundle, Errors = errors, Warnings = warnings };
        }
    }

    private static void ReadKey(JsonElement key, int index, List<X509Certificate2> authorities, List<JwtAuthority> jwtKeys, List<string> errors, List<string> warnings)
    {
        if (key.ValueKind != JsonValueKind.Object)
        {
            errors.Add(BundleErrors.KeyNotObject(index));
            return;
        }
        var use = key.TryGetProperty("use", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
        switch (use)
        {
            // SPIFFE_Trust_Domain_and_Bundle.md 4.2.1: keys whose use a consumer does not understand are ignored (go-spiffe does the same).
            case null:
                warnings.Add(BundleErrors.MissingUse(index));
                return;
            case JwtUse:
                if (key.TryGetProperty("kid", out var kid) && kid.ValueKind == JsonValueKind.String && kid.GetString() is { Length: > 0 } id)
                    jwtKeys.Add(new JwtAuthority(id, key.GetRawText()));
                else errors.Add(BundleErrors.MissingKid(index));
                return;
            case X509Use:
                if (!key.TryGetProperty("x5c", out var x5c) || x5c.ValueKind != JsonValueKind.Array || x5c.GetArrayLength() != 1 || x5c[0].ValueKind != JsonValueKind.String)
                {
                    errors.Add(BundleErrors.X5cCount(index));
                    return;
                }
                X509Certificate2 certificate;
                try
                {
                    certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(x5c[0].GetString()!));
                }
                catch (Exception e) when (e is FormatException or CryptographicException)
                {
                    errors.Add(BundleErrors.BadX5c(index, e.Message));
                    return;
                }
                if (!KeyMatches(key, certificate))
                {
                    errors.Add(BundleErrors.KeyMismatch(index));
                    return;
                }
                authorities.Add(certificate);
                return;
            default:
                warnings.Add(BundleErrors.UnknownUse(index, use));
                return;
        }
    }

    /// <summary>Key parameters that are present must match the certificate; absent ones are not required (x5c alone is enough).</summary>
    private static bool KeyMatches(JsonElement key, X509Certificate2 certificate)
    {
        var expected = new Dictionary<string, string>();
        AddKeyParameters(expected, certificate);
        foreach (var (name, value) in expected)
            if (key.TryGetProperty(name, out var actual) && actual.ValueKind == JsonValueKind.String && actual.GetString() != value) return false;
        return true;
    }

    private static void WriteX509Key(Utf8JsonWriter json, X509Certificate2 certificate)
    {
        var parameters = new Dictionary<string, string>();
        AddKeyParameters(parameters, certificate);
        json.WriteStartObject();
        json.WriteString("use", X509Use);
        foreach (var name in new[] { "kty", "crv", "x", "y", "n", "e" })
            if (parameters.TryGetValue(name, out var value)) json.WriteString(name, value);
        json.WriteStartArray("x5c");
        json.WriteStringValue(Convert.ToBase64String(certificate.RawData));
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The RFC 7518 section 6 public-key members of the certificate's key (EC: kty, crv, x, y; RSA: kty, n, e).</summary>
    private static void AddKeyParameters(Dictionary<string, string> parameters, X509Certificate2 certificate)
    {
        using var ec = certificate.GetECDsaPublicKey();
        if (ec is not null)
        {
            var p = ec.ExportParameters(false);
            var crv = p.Curve.Oid.FriendlyName switch
            {
                "nistP256" or "ECDSA_P256" => "P-256",
                "nistP384" or "ECDSA_P384" => "P-384",
                "nistP521" or "ECDSA_P521" => "P-521",
                _ => p.Curve.Oid.Value switch { "1.2.840.10045.3.1.7" => "P-256", "1.3.132.0.34" => "P-384", "1.3.132.0.35" => "P-521", _ => null },
            };
            parameters["kty"] = "EC";
            if (crv is not null) parameters["crv"] = crv;
            parameters["x"] = Base64Url(p.Q.X!);
            parameters["y"] = Base64Url(p.Q.Y!);
            return;
        }
        using var rsa = certificate.GetRSAPublicKey();
        if (rsa is not null)
        {
            var p = rsa.ExportParameters(false);
            parameters["kty"] = "RSA";
            parameters["n"] = Base64Url(p.Modulus!);
            parameters["e"] = Base64Url(p.Exponent!);
        }
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
