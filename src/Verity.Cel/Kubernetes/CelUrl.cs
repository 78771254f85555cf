using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>A CEL <c>kubernetes.URL</c> value: a URL accepted by Go's url.ParseRequestURI, parsed by url.Parse.</summary>
internal sealed class CelUrl : ICelOpaqueValue, IEquatable<CelUrl>
{
    private CelUrl(string raw, GoUrl url)
    {
        Raw = raw;
        Url = url;
    }

    public string Raw { get; }

    public GoUrl Url { get; }

    public string TypeName => KubernetesTypes.Url;

    /// <summary>urls.go stringToUrl: ParseRequestURI must succeed (absolute URI or absolute path), then url.Parse.</summary>
    public static object Parse(string s)
    {
        var err = GoUrl.ParseRequestUri(s, out _);
        GoUrl? url = null;
        if (err is null)
        {
            err = GoUrl.Parse(s, out url);
        }

        return err is null ? new CelUrl(s, url!) : new CelError("URL parse error during conversion from string: " + err);
    }

    /// <summary>Upstream compares the parsed url.URL structs; two URLs are equal when all parsed parts are.</summary>
    public bool Equals(CelUrl? other) => other is not null && Key == other.Key;

    public override bool Equals(object? obj) => obj is CelUrl u && Equals(u);

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Raw;

    private string Key => string.Join("\u0000", Url.Scheme, Url.Opaque, Url.Host, Url.Path, Url.RawPath, Url.RawQuery, Url.Fragment);
}
