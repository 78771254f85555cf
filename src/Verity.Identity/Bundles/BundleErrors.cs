namespace Verity.Identity.Bundles;

/// <summary>Every error text of bundle parsing, in one place.</summary>
public static class BundleErrors
{
    public static string NotJson(string detail) => $"bundle is not valid JSON: {detail}";
    public const string NoKeys = "bundle has no \"keys\" array";
    public const string EmptyBundle = "bundle contains no X.509 authority and no JWT key";
    public static string KeyNotObject(int index) => $"keys[{index}] is not an object";
    public static string MissingUse(int index) => $"keys[{index}] ignored: it has no \"use\" (expected \"x509-svid\" or \"jwt-svid\")";
    public static string UnknownUse(int index, string use) => $"keys[{index}] ignored: unknown use \"{use}\"";
    public static string X5cCount(int index) => $"keys[{index}]: an x509-svid key must have exactly one x5c certificate";
    public static string BadX5c(int index, string detail) => $"keys[{index}]: x5c is not a base64 DER certificate: {detail}";
    public static string KeyMismatch(int index) => $"keys[{index}]: the key parameters do not match the x5c certificate's public key";
    public static string MissingKid(int index) => $"keys[{index}]: a jwt-svid key must have a \"kid\"";
    public static string BadSequence(string detail) => $"spiffe_sequence must be a non-negative integer: {detail}";
    public static string BadRefreshHint(string detail) => $"spiffe_refresh_hint must be a non-negative number of seconds: {detail}";
}
