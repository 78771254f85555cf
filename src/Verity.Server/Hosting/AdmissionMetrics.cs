using Prometheus;
using Verity.Server.Admission;

namespace Verity.Server.Hosting;

/// <summary>
/// The server's Prometheus metrics, in a registry of its own (no process-wide state: two servers in one process, as in
/// the tests, count separately):
/// <c>verity_http_requests_total{endpoint,code}</c>, <c>verity_http_request_duration_seconds{endpoint}</c> and
/// <c>verity_admission_decisions_total{policy,action}</c>.
/// </summary>
internal sealed class AdmissionMetrics
{
    private readonly Counter _requests;
    private readonly Histogram _duration;
    private readonly Counter _decisions;

    public AdmissionMetrics()
    {
        Registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(Registry);
        _requests = factory.CreateCounter("verity_http_requests_total", "HTTP requests by endpoint and status code.", ["endpoint", "code"]);
        _duration = factory.CreateHistogram("verity_http_request_duration_seconds", "HTTP request latency by endpoint.", ["endpoint"],
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });
        _decisions = factory.CreateCounter("verity_admission_decisions_total", "Admission decisions by policy and action.", ["policy", "action"]);
    }

    public CollectorRegistry Registry { get; }

    public void Request(string endpoint, int code, TimeSpan elapsed)
    {
        _requests.WithLabels(endpoint, code.ToString(System.Globalization.CultureInfo.InvariantCulture)).Inc();
        _duration.WithLabels(endpoint).Observe(elapsed.TotalSeconds);
    }

    public void Decision(AdmissionDecision decision)
    {
        foreach (var action in decision.Actions) _decisions.WithLabels(action.Policy, action.Action).Inc();
    }
}
