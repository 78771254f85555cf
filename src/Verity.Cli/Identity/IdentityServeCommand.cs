using System.CommandLine;
using Verity.Server.WorkloadApi.Attestation;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>verity identity serve --socket PATH --entries FILE [--ca-dir DIR] [--svid-ttl 1h] [--kubelet-dir DIR]</c> (docs/workload-api.md): the SPIFFE
/// Workload API on a Unix domain socket until Ctrl+C, issuing X.509- and JWT-SVIDs from the CA directory's CA to the callers
/// the entries file names. Exit 2 on bad flags, an unreadable CA or entries file, or a socket that cannot be bound.
/// </summary>
internal static class IdentityServeCommand
{
    /// <summary>Unix domain socket paths are limited to 107 bytes on Linux (sun_path is 108 with the terminating NUL).</summary>
    public const int MaxSocketPathBytes = 107;

    public static Command Create(CliEnvironment env)
    {
        var caDir = IdentityOptions.CaDir();
        var socket = new Option<string>("--socket")
        {
            Description = "Path of the Unix domain socket to listen on (workloads use SPIFFE_ENDPOINT_SOCKET=unix://PATH). A stale socket file is replaced.",
            HelpName = "PATH",
            Required = true,
        };
        socket.Validators.Add(result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (text.Length == 0) result.AddError("--socket: a path is required");
            else if (System.Text.Encoding.UTF8.GetByteCount(Path.GetFullPath(text)) > MaxSocketPathBytes)
                result.AddError($"--socket: '{Path.GetFullPath(text)}' is longer than the {MaxSocketPathBytes} bytes a Unix socket path may have");
        });
        var entries = new Option<string>("--entries")
        {
            Description = "YAML file of registration entries: which callers (selectors such as unix:uid:1000) get which SPIFFE ID.",
            HelpName = "FILE",
            Required = true,
        };
        var svidTtl = IdentityOptions.Duration("--svid-ttl", "Lifetime of issued X.509-SVIDs (default: the CA's leaf TTL); renewed at about half of it.");
        var kubeletDir = new Option<string>("--kubelet-dir")
        {
            Description = "The kubelet's directory: k8s:ns and k8s:sa selectors are read from the pods' service account tokens under it (needs root).",
            HelpName = "DIR",
            DefaultValueFactory = _ => KubeletPodResolver.DefaultDirectory,
        };
        var command = new Command("serve", "Serve the SPIFFE Workload API (X.509- and JWT-SVIDs, bundles) on a Unix socket, until Ctrl+C.")
        {
            caDir, socket, entries, svidTtl, kubeletDir,
        };
        command.SetAction((parse, cancellationToken) => IdentityServeRunner.RunAsync(new IdentityServeSettings
        {
            CaDir = parse.GetValue(caDir)!,
            SocketPath = Path.GetFullPath(parse.GetValue(socket)!),
            EntriesFile = parse.GetValue(entries)!,
            SvidTtl = IdentityOptions.ParseDuration(parse.GetValue(svidTtl)),
            KubeletDir = parse.GetValue(kubeletDir)!,
        }, env, cancellationToken));
        return command;
    }
}
