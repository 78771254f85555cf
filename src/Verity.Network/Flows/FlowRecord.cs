using Verity.Network.Model;

namespace Verity.Network.Flows;

/// <summary>
/// One observed flow (or, from CSV, <see cref="Count"/> identical ones): source, destination, destination port and
/// protocol (null for flows without an L4 port, e.g. ICMP), the verdict as the capture wrote it (FORWARDED,
/// DROPPED, AUDIT, REDIRECTED, …), whether it is a reply (replies are not new connections), and the line it came
/// from.
/// </summary>
public sealed record FlowRecord(
    DateTimeOffset? Time,
    FlowEndpoint Source,
    FlowEndpoint Destination,
    int? Port,
    Protocol? Protocol,
    string Verdict,
    bool IsReply,
    string? TrafficDirection,
    long Count,
    int Line);
