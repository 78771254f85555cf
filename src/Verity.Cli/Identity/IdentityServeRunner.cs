using System.Net.Sockets;
using Verity.Identity;
using Verity.Identity.Rotation;
using Verity.Identity.Store;
using Verity.Identity.X509;
using Verity.Server.WorkloadApi;
using Verity.Server.WorkloadApi.Attestation;
using Verity.Server.WorkloadApi.Entries;

namespace Verity.Cli.Identity;

/// <summary>
/// Runs <c>verity identity serve</c>: loads the CA directory and the entries file (every problem printed, file:line:col;
/// exit 2 on any error), starts the Workload API server, prints where it listens, serves until cancelled (Ctrl+C, SIGTERM),
/// then stops and removes the socket (exit 0). CA rotation happens in memory: a self-signed root is followed by a new
/// root made in memory (not written to the CA directory); an intermediate cannot be re-signed without the upstream key,
/// so its rotation fails with a logged message and the CA must be renewed with <c>verity identity ca init</c> and a restart.
/// </summary>
internal static class IdentityServeRunner
{
    public static async Task<int> RunAsync(IdentityServeSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var stored = new CaDirectory(settings.CaDir).Load();
        if (!stored.Succeeded)
        {
            foreach (var error in stored.Errors) await env.Error.WriteLineAsync($"error: {error}");
            return ExitCodes.BadInput;
        }
        var ca = stored.Authority;
        var caOptions = stored.Options;
        var now = env.Time.GetUtcNow();
        if (now < ca.NotBefore || now >= ca.NotAfter)
        {
            await env.Error.WriteLineAsync($"error: the CA in {settings.CaDir} is valid from {ca.NotBefore:u} to {ca.NotAfter:u}, not now ({now:u}); " +
                "make a new one with 'verity identity ca init --force'");
            return ExitCodes.BadInput;
        }
        var podsResolvable = Directory.Exists(Path.Combine(settings.KubeletDir, "pods"));
        var entries = RegistrationEntryLoader.Load(settings.EntriesFile, ca.TrustDomain, podsResolvable);
        foreach (var problem in entries.Problems) await env.Error.WriteLineAsync(problem.ToString());
        if (entries.HasErrors) return ExitCodes.BadInput;

        var rotator = new X509CaRotator(ca, MintNext(ca, caOptions, env.Time), caOptions.LeafTtl, env.Time);
        await using var server = WorkloadApiServer.Build(new WorkloadApiServerOptions
        {
            SocketPath = settings.SocketPath,
            Ca = rotator,
            Entries = entries.Entries,
            SvidTtl = settings.SvidTtl,
            ResolvePod = podsResolvable ? new KubeletPodResolver(settings.KubeletDir).Resolve : null,
            Time = env.Time,
            Log = message => env.Error.WriteLine($"verity: {message}"),
        });
        try
        {
            await server.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException or UnauthorizedAccessException)
        {
            await env.Error.WriteLineAsync($"error: cannot listen on {settings.SocketPath}: {e.Message}");
            return ExitCodes.BadInput;
        }
        var ttl = GoDuration.Format(settings.SvidTtl ?? caOptions.LeafTtl);
        await env.Out.WriteLineAsync($"verity: SPIFFE Workload API for spiffe://{ca.TrustDomain.Name} listening on unix://{settings.SocketPath} " +
            $"({entries.Entries.Count} entr{(entries.Entries.Count == 1 ? "y" : "ies")}; X.509-SVIDs of {ttl}, renewed at about half their life)");
        await env.Out.WriteLineAsync(podsResolvable
            ? $"attestation: unix:uid/gid/pid, k8s:pod-uid from /proc, k8s:ns/k8s:sa from service account tokens in {settings.KubeletDir}/pods"
            : $"attestation: unix:uid/gid/pid, k8s:pod-uid from /proc; no {settings.KubeletDir}/pods here, so k8s:ns/k8s:sa selectors match nothing");
        await env.Out.WriteLineAsync($"workloads: export SPIFFE_ENDPOINT_SOCKET=unix://{settings.SocketPath}; Ctrl+C stops");
        await env.Out.FlushAsync(CancellationToken.None);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
        await server.StopAsync(CancellationToken.None);
        await env.Out.WriteLineAsync("verity: Workload API stopped");
        return ExitCodes.Ok;
    }

    private static Func<CaResult> MintNext(X509Authority ca, CaOptions options, TimeProvider time) => ca.IsRoot
        ? () => CertificateAuthorities.CreateRoot(options, time)
        : () => new CaResult
        {
            Errors = ["this CA is an intermediate and the upstream CA's key is not stored, so the server cannot make the next one; " +
                      "run 'verity identity ca init --upstream-cert ... --upstream-key ... --force' and restart before the CA expires"],
        };
}
