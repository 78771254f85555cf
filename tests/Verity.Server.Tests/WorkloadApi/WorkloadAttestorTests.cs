using System.Net.Sockets;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Entries;

namespace Verity.Server.Tests.WorkloadApi;

public sealed class WorkloadAttestorTests
{
    [Theory]
    [InlineData("0::/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0c4bd3e5_8a1f_4c7e_9b0a_2f1d3c4b5a69.slice/cri-containerd-abc.scope\n")]
    [InlineData("12:memory:/kubepods/burstable/pod0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69/4f2a\n11:cpu:/kubepods/burstable/pod0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69/4f2a\n")]
    [InlineData("0::/kubepods/besteffort/pod0C4BD3E5-8A1F-4C7E-9B0A-2F1D3C4B5A69/abc\n")]
    public void The_pod_uid_is_read_from_the_kubelets_cgroup_names(string cgroup) =>
        Assert.Equal("0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69", CgroupPodUid.Find(cgroup));

    [Theory]
    [InlineData("0::/user.slice/user-1000.slice/session-2.scope\n")]
    [InlineData("0::/system.slice/pod0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69.service\n")]
    [InlineData("")]
    public void A_process_outside_a_pod_has_no_pod_uid(string cgroup) => Assert.Null(CgroupPodUid.Find(cgroup));

    [Fact]
    public void Selectors_are_uid_gid_pid_and_the_pod_when_known()
    {
        var plain = new WorkloadAttestor(_ => "0::/user.slice\n", null).Attest(new PeerCredentials(42, 1000, 20));
        Assert.Equal(["unix:gid:20", "unix:pid:42", "unix:uid:1000"], plain.Select(s => s.ToString()).Order(StringComparer.Ordinal));

        var inPod = new WorkloadAttestor(_ => "0::/kubepods/burstable/pod0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69/x\n",
            (pid, uid) => uid is null ? null : new WorkloadPod("payments", "api")).Attest(new PeerCredentials(42, 1000, 20));
        Assert.Superset(new HashSet<Selector> { Selector.K8s("ns", "payments"), Selector.K8s("sa", "api"), Selector.K8s("pod-uid", "0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69") }, inPod.ToHashSet());
    }

    [SkippableFact]
    public async Task The_peer_credentials_of_a_real_unix_socket_are_this_process()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "SO_PEERCRED is Linux only");
        var directory = Directory.CreateTempSubdirectory("vpeer").FullName;
        try
        {
            var path = Path.Combine(directory, "s.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen();
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await client.ConnectAsync(new UnixDomainSocketEndPoint(path));
            using var accepted = await listener.AcceptAsync();
            Assert.True(PeerCredentials.TryRead(accepted, out var peer, out var error), error);
            Assert.Equal(Environment.ProcessId, peer.Pid);
            Assert.Equal(WorkloadApiHost.CurrentUid(), peer.Uid);

            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            Assert.False(PeerCredentials.TryRead(tcp, out _, out var tcpError));
            Assert.Equal("the connection is InterNetwork, not a Unix domain socket", tcpError);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
