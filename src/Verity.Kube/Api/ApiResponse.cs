namespace Verity.Kube.Api;

/// <summary>
/// The answer to one request: the HTTP status, reason phrase and body — or, when no HTTP answer arrived
/// (connection refused, DNS, TLS, timeout, credentials that could not be obtained), <see cref="Failure"/>,
/// a complete sentence for the user, and status 0.
/// </summary>
internal sealed record ApiResponse(int Status, string? Reason, byte[] Body, string? Failure = null)
{
    public static ApiResponse Failed(string message) => new(0, null, [], message);
}
