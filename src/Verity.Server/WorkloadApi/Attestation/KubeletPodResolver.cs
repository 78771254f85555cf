using System.Text.Json;
using System.Text.Json.Nodes;
using Verity.Server.WorkloadApi.Jwt;

namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>
/// Finds a pod's namespace and service account on the node itself, without the API server: the kubelet keeps each pod's
/// projected service account token under <c>&lt;kubelet dir&gt;/pods/&lt;pod UID&gt;/volumes/kubernetes.io~projected/*/token</c>,
/// and the token's claims name them (<c>kubernetes.io.namespace</c>, <c>kubernetes.io.serviceaccount.name</c>,
/// <c>kubernetes.io.pod.uid</c>; KEP-1205 bound service account tokens). The token's signature is not checked: the file is
/// written by the kubelet in a root-only directory, which is the trust this server already places in the node. A pod
/// with <c>automountServiceAccountToken: false</c> (no projected token) cannot be resolved, and then its k8s:ns/k8s:sa
/// selectors do not match. Reading needs root (the server's uid must be able to read the kubelet directory).
/// </summary>
public sealed class KubeletPodResolver(string kubeletDirectory)
{
    public const string DefaultDirectory = "/var/lib/kubelet";

    public WorkloadPod? Resolve(int pid, string? podUid)
    {
        if (podUid is null) return null;
        var projected = Path.Combine(kubeletDirectory, "pods", podUid, "volumes", "kubernetes.io~projected");
        try
        {
            if (!Directory.Exists(projected)) return null;
            foreach (var volume in Directory.EnumerateDirectories(projected).Order(StringComparer.Ordinal))
            {
                var token = Path.Combine(volume, "token");
                if (File.Exists(token) && FromToken(File.ReadAllText(token).Trim(), podUid) is { } pod) return pod;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    /// <summary>The pod named by a service account token's claims, if they are for <paramref name="podUid"/>. Pure.</summary>
    public static WorkloadPod? FromToken(string token, string podUid)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || !Base64Url.TryDecode(parts[1], out var payload)) return null;
        try
        {
            var k8s = JsonNode.Parse(payload)?["kubernetes.io"];
            var ns = (string?)k8s?["namespace"];
            var sa = (string?)k8s?["serviceaccount"]?["name"];
            var uid = (string?)k8s?["pod"]?["uid"];
            if (string.IsNullOrEmpty(ns) || string.IsNullOrEmpty(sa) || !string.Equals(uid, podUid, StringComparison.OrdinalIgnoreCase)) return null;
            return new WorkloadPod(ns, sa, podUid);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
