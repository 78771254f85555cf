using System.Net.Http;

namespace Verity.Kube.Api;

/// <summary>
/// Says in one line why no HTTP answer arrived, from the innermost cause (the socket or TLS error), not
/// from the wrapper's "see inner exception".
/// </summary>
internal static class TransportErrors
{
    public static string Describe(HttpRequestException e)
    {
        var cause = Innermost(e).Message;
        return e.HttpRequestError switch
        {
            HttpRequestError.SecureConnectionError when cause.Contains("RemoteCertificateValidationCallback", StringComparison.Ordinal) =>
                "TLS handshake failed: the server's certificate is not signed by the kubeconfig's certificate-authority",
            HttpRequestError.SecureConnectionError => $"TLS handshake failed: {cause}",
            HttpRequestError.NameResolutionError => $"cannot resolve the host name: {cause}",
            _ => cause,
        };
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is { } inner) e = inner;
        return e;
    }
}
