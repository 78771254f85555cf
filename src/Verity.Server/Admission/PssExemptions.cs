namespace Verity.Server.Admission;

/// <summary>
/// Pod Security Admission's exemptions (the <c>exemptions</c> of its AdmissionConfiguration,
/// https://kubernetes.io/docs/concepts/security/pod-security-admission/#exemptions): requests in these namespaces, by
/// these users (the authenticated username, exactly), or for pods with these runtime class names are allowed by Pod
/// Security without evaluation. Exact string matches; no wildcards, as upstream.
/// </summary>
public sealed record PssExemptions
{
    public static PssExemptions None { get; } = new();

    public IReadOnlySet<string> Namespaces { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> Usernames { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public IReadOnlySet<string> RuntimeClasses { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}
