namespace Verity.Cli.Rbac;

/// <summary>
/// A question as typed, resolved: a resource request (verb, group, resource, subresource, name, namespace — "" is
/// cluster scope) or a non-resource one (verb and URL path).
/// </summary>
internal sealed record RequestQuery
{
    public required string Verb { get; init; }
    public string ApiGroup { get; init; } = "";
    public string Resource { get; init; } = "";
    public string Subresource { get; init; } = "";
    public string? Name { get; init; }
    public string Namespace { get; init; } = "";
    public string? NonResourceUrl { get; init; }

    public bool IsResource => NonResourceUrl is null;

    /// <summary><c>list secrets in namespace api</c>, <c>create pods/exec "web-0" in namespace api</c>, <c>get /healthz</c>.</summary>
    public override string ToString()
    {
        if (!IsResource) return $"{Verb} {NonResourceUrl}";
        var what = ApiGroup.Length == 0 ? Resource : $"{Resource}.{ApiGroup}";
        if (Subresource.Length > 0) what += "/" + Subresource;
        if (Name is not null) what += $" \"{Name}\"";
        return $"{Verb} {what} {(Namespace.Length == 0 ? "at cluster scope" : $"in namespace {Namespace}")}";
    }
}
