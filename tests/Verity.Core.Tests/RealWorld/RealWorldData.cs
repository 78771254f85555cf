namespace Verity.Core.Tests.RealWorld;

/// <summary>
/// The real manifests in ../shared/realworld (Online Boutique, kube-prometheus, Kubernetes' default RBAC,
/// helm-rendered apps), found through VERITY_REALWORLD_DIR. They are test data only, never copied here.
/// </summary>
internal static class RealWorldData
{
    public static string? Root =>
        Environment.GetEnvironmentVariable("VERITY_REALWORLD_DIR") is { Length: > 0 } dir && Directory.Exists(dir) ? dir : null;

    public const string SkipReason = "VERITY_REALWORLD_DIR is not set (CI sets it to ../shared/realworld); real-world data is absent";
}
