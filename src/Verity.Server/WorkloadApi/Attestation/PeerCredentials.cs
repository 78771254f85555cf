using System.Runtime.InteropServices;
using System.Net.Sockets;

namespace Verity.Server.WorkloadApi.Attestation;

/// <summary>
/// The process at the other end of a Unix domain socket, as the Linux kernel recorded it when that process called
/// <c>connect(2)</c> (<c>SO_PEERCRED</c>, see unix(7)). The kernel fills these in, so a caller cannot lie about them; the
/// pid may be reused once that process exits, which is why selectors should prefer uid/gid/pod over pid.
/// </summary>
internal readonly record struct PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>Reads <c>SO_PEERCRED</c> of a connected Unix socket (Linux only: <c>struct ucred { pid; uid; gid; }</c>).</summary>
    public static bool TryRead(Socket? socket, out PeerCredentials credentials, out string? error)
    {
        credentials = default;
        if (socket is null)
        {
            error = "the connection has no socket";
            return false;
        }
        if (!OperatingSystem.IsLinux())
        {
            error = "peer credentials (SO_PEERCRED) are only read on Linux";
            return false;
        }
        if (socket.AddressFamily != AddressFamily.Unix)
        {
            error = $"the connection is {socket.AddressFamily}, not a Unix domain socket";
            return false;
        }
        try
        {
            Span<byte> ucred = stackalloc byte[12];
            var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
            if (length < 12)
            {
                error = $"SO_PEERCRED returned {length} bytes, expected 12";
                return false;
            }
            // struct ucred is in the machine's byte order.
            credentials = new PeerCredentials(
                MemoryMarshal.Read<int>(ucred),
                MemoryMarshal.Read<uint>(ucred[4..]),
                MemoryMarshal.Read<uint>(ucred[8..]));
            error = null;
            return true;
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or PlatformNotSupportedException)
        {
            error = $"cannot read SO_PEERCRED: {e.Message}";
            return false;
        }
    }
}
