using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes URL library (k8s.io/apiserver/pkg/cel/library/urls.go, "kubernetes.urls"): url, isURL,
/// getScheme, getHost, getHostname, getPort, getEscapedPath, getQuery. A URL must be an absolute URI or
/// an absolute path (Go url.ParseRequestURI). Userinfo is parsed but not exposed, as upstream.
/// </summary>
internal static class UrlLibrary
{
    private const string U = KubernetesTypes.Url;

    public static void Register(FunctionRegistry r)
    {
        r.Add("string_to_url", $"url(string) -> {U}", a => a[0] is string s ? CelUrl.Parse(s) : CelError.NoSuchOverload("url"));
        r.Add("is_url_string", "isURL(string) -> bool", a => a[0] is string s ? GoUrl.ParseRequestUri(s, out _) is null : CelError.NoSuchOverload("isURL"));
        r.Add("url_get_scheme", $"{U}:getScheme() -> string", a => On(a, "getScheme", u => u.Scheme));
        r.Add("url_get_host", $"{U}:getHost() -> string", a => On(a, "getHost", u => u.Host));
        r.Add("url_get_hostname", $"{U}:getHostname() -> string", a => On(a, "getHostname", u => u.Hostname()));
        r.Add("url_get_port", $"{U}:getPort() -> string", a => On(a, "getPort", u => u.Port()));
        r.Add("url_get_escaped_path", $"{U}:getEscapedPath() -> string", a => On(a, "getEscapedPath", u => u.EscapedPath()));
        r.Add("url_get_query", $"{U}:getQuery() -> map(string, list(string))", a => On(a, "getQuery", u =>
        {
            var m = new DictCelMap();
            foreach (var (k, vs) in u.Query())
            {
                m.TryAdd(k, new ArrayCelList([.. vs]));
            }

            return m;
        }));
    }

    private static object On(object[] a, string fn, Func<GoUrl, object> f) => a[0] is CelUrl u ? f(u.Url) : CelError.NoSuchOverload(fn);
}
