namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>The pod a calling process runs in, as a pod resolver found it (for <c>k8s:ns</c>, <c>k8s:sa</c> selectors).</summary>
public sealed record WorkloadPod(string Namespace, string ServiceAccount, string? Uid = null);
