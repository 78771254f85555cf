using Verity.Identity.Rotation;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Entries;

namespace Verity.Server.WorkloadApi;

/// <summary>How the Workload API server listens, what it issues and to whom (docs/workload-api.md).</summary>
public sealed record WorkloadApiServerOptions
{
    /// <summary>Path of the Unix domain socket to listen on. A stale file there is replaced at start.</summary>
    public required string SocketPath { get; init; }

    /// <summary>The CA (and its rotation) that signs the X.509-SVIDs; its trust domain is the server's.</summary>
    public required X509CaRotator Ca { get; init; }

    /// <summary>Registration entries: which callers get which SPIFFE IDs.</summary>
    public required IReadOnlyList<RegistrationEntry> Entries { get; init; }

    /// <summary>X.509-SVID lifetime; null: the CA's leaf TTL.</summary>
    public TimeSpan? SvidTtl { get; init; }

    /// <summary>JWT-SVID lifetime (<c>exp − iat</c>); default 5 minutes (SPIRE's default JWT-SVID TTL).</summary>
    public TimeSpan JwtSvidTtl { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often renewal and CA rotation are checked, on <see cref="Time"/>'s clock. Default 1 s.</summary>
    public TimeSpan CheckInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Mode of the socket file. Default 0777: any local user may connect, because who gets what is decided by attestation
    /// (the kernel-reported peer credentials), not by file permissions — as SPIRE's agent does.
    /// </summary>
    public UnixFileMode SocketMode { get; init; } = (UnixFileMode)0b111_111_111;

    /// <summary>The clock of SVID issuance, renewal, CA rotation and JWT expiry (tests pass a manual one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Seed of the renewal jitter (null: random).</summary>
    public int? JitterSeed { get; init; }

    /// <summary>Finds the pod of a calling pid (and the pod UID from its cgroup, if any) for k8s:ns/k8s:sa selectors; null: none.</summary>
    public Func<int, string?, WorkloadPod?>? ResolvePod { get; init; }

    /// <summary>Reads a process's <c>/proc/PID/cgroup</c> (replaced in tests).</summary>
    public Func<int, string?> ReadCgroup { get; init; } = WorkloadAttestor.ReadProcCgroup;

    /// <summary>Where operational messages go (renewal failures, CA rotation steps).</summary>
    public Action<string> Log { get; init; } = _ => { };
}
