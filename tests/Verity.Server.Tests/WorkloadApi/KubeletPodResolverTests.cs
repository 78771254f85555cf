using System.Text;
using Grpc.Core;
using Verity.Server.WorkloadApi.Attestation;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>k8s:ns / k8s:sa from the kubelet's projected service account tokens (a kubelet directory made by the test).</summary>
public sealed class KubeletPodResolverTests : IDisposable
{
    private const string PodUid = "0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69";
    private readonly string _kubelet = Directory.CreateTempSubdirectory("vkubelet").FullName;

    /// <summary>An unsigned token with the claims the API server puts in a bound service account token.</summary>
    private static string Token(string ns, string sa, string podUid) =>
        "eyJhbGciOiJSUzI1NiJ9." + B64($"{{\"aud\":[\"https://kubernetes.default.svc\"],\"sub\":\"system:serviceaccount:{ns}:{sa}\"," +
            $"\"kubernetes.io\":{{\"namespace\":\"{ns}\",\"pod\":{{\"name\":\"api-7d9\",\"uid\":\"{podUid}\"}},\"serviceaccount\":{{\"name\":\"{sa}\",\"uid\":\"x\"}}}}}}") + ".c2ln";

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private void WriteToken(string podUid, string token)
    {
        var volume = Path.Combine(_kubelet, "pods", podUid, "volumes", "kubernetes.io~projected", "kube-api-access-x2k9f");
        Directory.CreateDirectory(volume);
        File.WriteAllText(Path.Combine(volume, "token"), token);
    }

    [Fact]
    public void The_pod_is_read_from_its_projected_token()
    {
        WriteToken(PodUid, Token("payments", "api", PodUid));
        Assert.Equal(new WorkloadPod("payments", "api", PodUid), new KubeletPodResolver(_kubelet).Resolve(1, PodUid));
    }

    [Fact]
    public void No_token_a_token_of_another_pod_or_no_pod_uid_resolves_nothing()
    {
        var resolver = new KubeletPodResolver(_kubelet);
        Assert.Null(resolver.Resolve(1, PodUid));
        Assert.Null(resolver.Resolve(1, null));
        WriteToken(PodUid, Token("payments", "api", "11111111-2222-3333-4444-555555555555"));
        Assert.Null(resolver.Resolve(1, PodUid));
        Assert.Null(KubeletPodResolver.FromToken("not a token", PodUid));
        Assert.Null(KubeletPodResolver.FromToken("a." + B64("[1,2]") + ".c", PodUid));
    }

    [Fact]
    public async Task A_k8s_entry_matches_a_caller_whose_cgroup_and_token_name_the_pod()
    {
        WriteToken(PodUid, Token("payments", "api", PodUid));
        var cgroup = $"0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod{PodUid.Replace('-', '_')}.slice/cri-containerd-1.scope\n";
        const string entries = """
            - spiffeId: spiffe://example.org/ns/payments/sa/api
              selectors: [k8s:ns:payments, k8s:sa:api]
            - spiffeId: spiffe://example.org/ns/payments/sa/other
              selectors: [k8s:ns:payments, k8s:sa:other]
            """;
        await using var host = await WorkloadApiHost.StartAsync(entries, configure: o => o with
        {
            ReadCgroup = pid => pid == Environment.ProcessId ? cgroup : null,
            ResolvePod = new KubeletPodResolver(_kubelet).Resolve,
        });
        using var call = host.Client.FetchX509Svid(new CallOptions(WorkloadApiHost.Header(), WorkloadApiHost.Deadline()));
        Assert.True(await call.ResponseStream.MoveNext());
        Assert.Equal(["spiffe://example.org/ns/payments/sa/api"], call.ResponseStream.Current.Svids.Select(s => s.SpiffeId));
    }

    public void Dispose() => Directory.Delete(_kubelet, recursive: true);
}
