namespace Verity.Network.Model;

/// <summary>The L4 protocols NetworkPolicy knows (networking.k8s.io/v1 NetworkPolicyPort.protocol; TCP when absent).</summary>
public enum Protocol
{
    TCP,
    UDP,
    SCTP,
}
