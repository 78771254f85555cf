using k8s.Models;
using static Verity.Admission.Pss.Checks.PssText;

namespace Verity.Admission.Pss.Checks;

/// <summary>
/// Restricted <c>restrictedVolumes</c> (v1.0, overriding <c>hostPathVolumes</c>): inline volumes only of the types
/// configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected, secret, and image (OCI image
/// volumes, allowed since kubernetes/kubernetes#130394 in v1.33 without a new policy version). Any other volume is named
/// with its type, or "unknown" when it has none this check knows (a volume with no source at all was already defaulted
/// to emptyDir, see <see cref="PodDefaults"/>). Upstream: <c>policy/check_restrictedVolumes.go</c>.
/// </summary>
internal static class RestrictedVolumesCheck
{
    public static PssCheck Check { get; } = new("restrictedVolumes", PssLevel.Restricted,
        [new VersionedCheck(0, V1Dot0) { Overrides = [HostPathVolumesCheck.Id] }]);

    private static CheckResult V1Dot0(PodInput pod)
    {
        var badVolumes = new List<string>();
        var badTypes = new List<string>();
        foreach (var v in pod.Spec.Volumes ?? [])
        {
            if (v.ConfigMap is not null || v.Csi is not null || v.DownwardAPI is not null || v.EmptyDir is not null
                || v.Ephemeral is not null || v.PersistentVolumeClaim is not null || v.Projected is not null || v.Secret is not null
                || v.Image is not null)
                continue;
            badVolumes.Add(v.Name);
            badTypes.Add(TypeOf(v));
        }
        if (badVolumes.Count == 0) return CheckResult.Allow;
        var types = SortedSet(badTypes);
        return CheckResult.Forbid("restricted volume types",
            $"{Pluralize("volume", "volumes", badVolumes.Count)} {JoinQuote(badVolumes)} {Pluralize("uses", "use", badVolumes.Count)} "
            + $"{Pluralize("restricted volume type", "restricted volume types", types.Count)} {JoinQuote(types)}");
    }

    /// <summary>The restricted type's field name, in upstream's order of tests.</summary>
    private static string TypeOf(V1Volume v) =>
        v.HostPath is not null ? "hostPath"
        : v.GcePersistentDisk is not null ? "gcePersistentDisk"
        : v.AwsElasticBlockStore is not null ? "awsElasticBlockStore"
        : v.GitRepo is not null ? "gitRepo"
        : v.Nfs is not null ? "nfs"
        : v.Iscsi is not null ? "iscsi"
        : v.Glusterfs is not null ? "glusterfs"
        : v.Rbd is not null ? "rbd"
        : v.FlexVolume is not null ? "flexVolume"
        : v.Cinder is not null ? "cinder"
        : v.Cephfs is not null ? "cephfs"
        : v.Flocker is not null ? "flocker"
        : v.Fc is not null ? "fc"
        : v.AzureFile is not null ? "azureFile"
        : v.VsphereVolume is not null ? "vsphereVolume"
        : v.Quobyte is not null ? "quobyte"
        : v.AzureDisk is not null ? "azureDisk"
        : v.PhotonPersistentDisk is not null ? "photonPersistentDisk"
        : v.PortworxVolume is not null ? "portworxVolume"
        : v.ScaleIO is not null ? "scaleIO"
        : v.Storageos is not null ? "storageos"
        : "unknown";
}
