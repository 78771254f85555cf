namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>base64url without padding (RFC 7515 section 2), as JWS and JWK use it.</summary>
internal static class Base64Url
{
    public static string Encode(ReadOnlySpan<byte> data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        if (text.Contains('=', StringComparison.Ordinal) || text.Contains('+', StringComparison.Ordinal) || text.Contains('/', StringComparison.Ordinal)) return false;
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", 0 => "", _ => "!" };
        try
        {
            data = Convert.FromBase64String(padded);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
