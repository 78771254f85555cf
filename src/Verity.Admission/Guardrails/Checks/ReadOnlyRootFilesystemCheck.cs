namespace Verity.Admission.Guardrails.Checks;

/// <summary>
/// VG-SEC-001: every container (init, app and ephemeral) sets <c>securityContext.readOnlyRootFilesystem: true</c>, so
/// an attacker cannot change the container's binaries or drop tools into it; writable paths are mounted as volumes
/// (e.g. an <c>emptyDir</c> on <c>/tmp</c>). The field exists only on the container security context, not the pod's
/// (https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#security-context-1).
/// Pods with <c>spec.os.name: windows</c> are skipped: the API server rejects the field on them
/// (<c>validateWindows</c> in pkg/apis/core/validation), so there is nothing they could set.
/// </summary>
internal sealed class ReadOnlyRootFilesystemCheck : IGuardrailCheck
{
    public GuardrailPolicy Policy { get; } = new()
    {
        Id = GuardrailIds.ReadOnlyRootFilesystem,
        Title = "Containers have a read-only root filesystem",
        AppliesTo = "Pods and pod templates (init, app and ephemeral containers)",
        Controls = [GuardrailControls.Cis573, GuardrailControls.NsaImmutableFilesystems],
    };

    public IEnumerable<CheckFinding> Check(GuardrailSubject subject, PolicySettings settings)
    {
        if (subject.Pod?.Spec.Os?.Name == "windows") yield break;
        foreach (var site in subject.Pod?.Containers ?? [])
        {
            var value = site.SecurityContext?.ReadOnlyRootFilesystem;
            if (value == true) continue;
            var why = value is null ? "does not set securityContext.readOnlyRootFilesystem" : "sets securityContext.readOnlyRootFilesystem: false";
            yield return new CheckFinding(
                $"{site.Describe()} {why}; set it to true and mount an emptyDir where the process must write",
                value is null ? site.SecurityContext is null ? site.Path : site.PathTo("securityContext")
                    : site.PathTo("securityContext", "readOnlyRootFilesystem"));
        }
    }
}
