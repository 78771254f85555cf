using Verity.Core.Model;

namespace Verity.Cli.Output;

/// <summary>
/// How admission results name an object: <c>namespace/kind/name</c> with the kind lower-case; cluster-scoped objects
/// <c>kind/name</c> (docs/admission.md). One place for <c>admission test</c> and the scan's admission sections.
/// </summary>
internal static class ResourceName
{
    public static string Of(KubeObject o) =>
        o.Namespace is null ? $"{o.Kind.ToLowerInvariant()}/{o.Name}" : $"{o.Namespace}/{o.Kind.ToLowerInvariant()}/{o.Name}";
}
