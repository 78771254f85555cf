namespace Verity.Bench.Webhook;

/// <summary>Everything the <c>webhook</c> benchmark measured, with the machine's load average before and after.</summary>
internal sealed record WebhookResult(
    IReadOnlyList<LatencySummary> Runs, IReadOnlyList<ReviewTemplate> Reviews, int Seconds, int Warmup,
    string LoadAverageStart, string LoadAverageEnd, int Processors, string Runtime)
{
    public LatencySummary Run(string endpoint, string mode) => Runs.Single(r => r.Endpoint == endpoint && r.Mode == mode);

    /// <summary>/validate's closed-loop throughput over /noop's: the share of the transport's capacity left once deciding is added (target ≥ 70 %).</summary>
    public double ThroughputRatio => Run("/validate", "closed loop").AchievedRps / Run("/noop", "closed loop").AchievedRps;
}
