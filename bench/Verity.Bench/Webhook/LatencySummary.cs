namespace Verity.Bench.Webhook;

/// <summary>
/// One run's result. Latency is from the scheduled send time in open loop (so a stalled server is charged for the
/// requests it delayed: no coordinated omission) and from the actual send in closed loop; <see cref="ServiceP99Ms"/> is
/// always from the actual send. Errors are transport failures and non-200 answers; wrong answers are a 200 with another
/// uid or the other verdict.
/// </summary>
internal sealed record LatencySummary(
    string Endpoint, string Mode, double? TargetRps, int Concurrency, int Completed, double AchievedRps,
    double P50Ms, double P90Ms, double P99Ms, double MaxMs, double ServiceP99Ms, double DispatchLagP99Ms,
    int Errors, int Wrong, int Allowed, int Denied, string? FirstProblem);
