using System.Net;
using System.Security.Cryptography.X509Certificates;
using Verity.Server.Admission;

namespace Verity.Server.Hosting;

/// <summary>
/// How the admission webhook server listens and what it decides. The certificate is either
/// <see cref="Certificate"/> (with its private key) or the PEM files <see cref="CertificatePemFile"/> +
/// <see cref="KeyPemFile"/>; HTTPS only, TLS 1.2 or 1.3.
/// </summary>
public sealed record AdmissionServerOptions
{
    /// <summary>Address to listen on; default 0.0.0.0:8443. Port 0 picks a free port (read it from <see cref="AdmissionServer.Addresses"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Any, 8443);

    public X509Certificate2? Certificate { get; init; }
    public string? CertificatePemFile { get; init; }
    public string? KeyPemFile { get; init; }

    public AdmissionConfig Admission { get; init; } = new();

    /// <summary>Largest AdmissionReview body accepted (413 above it). Default 3 MiB: etcd's object limit is ~1.5 MiB, and a review may carry two.</summary>
    public long MaxRequestBodyBytes { get; init; } = 3 * 1024 * 1024;

    /// <summary>
    /// Time budget of one request, from the first byte of the body to the answer. A decision not made in time is a
    /// denial (failure closed); keep it below the webhook's <c>timeoutSeconds</c> (default 10 s) so the API server gets
    /// that denial rather than a timeout. Default 5 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the decisions' inputs are ready (e.g. the namespace labels have been read from the cluster): <c>/readyz</c>
    /// answers 503 until it returns true, so a Deployment's readiness probe keeps the pod out of the Service until then.
    /// Null: ready once started.
    /// </summary>
    public Func<bool>? InputsReady { get; init; }

    /// <summary>
    /// Benchmark only; off by default and never for production. Adds <c>POST /noop</c>, which reads the body, takes
    /// <c>request.uid</c> and answers <c>allowed: true</c> without evaluating anything: the transport floor (TLS, HTTP,
    /// body read, JSON) that <c>/validate</c> is measured against (bench <c>webhook</c>).
    /// </summary>
    public bool NoOpEndpoint { get; init; }

    /// <summary>Replaces the decision logic (tests: a slow decider to exercise the time budget).</summary>
    internal Func<AdmissionRequestInfo, AdmissionConfig, AdmissionDecision> Decide { get; init; } = AdmissionDecider.Decide;
}
