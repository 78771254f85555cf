using System.Globalization;
using System.Text;

namespace Verity.Bench.Webhook;

/// <summary>Renders a <see cref="WebhookResult"/> as Markdown.</summary>
internal static class WebhookReport
{
    public static string ToMarkdown(WebhookResult result)
    {
        var s = new StringBuilder();
        var reviews = result.Reviews;
        s.AppendLine(I($"{result.Processors} cores, {result.Runtime}; load average {result.LoadAverageStart} at start, {result.LoadAverageEnd} at end. ") +
            I($"{reviews.Count} AdmissionReviews of {reviews.Min(r => r.Bytes):N0}–{reviews.Max(r => r.Bytes):N0} bytes ") +
            I($"(mean {reviews.Average(r => r.Bytes):N0}), {reviews.Count(r => r.Allowed)} allowed and {reviews.Count(r => !r.Allowed)} denied by ") +
            I($"restricted:latest; {result.Seconds} s per run after {result.Warmup} s of warm-up per endpoint."));
        s.AppendLine();
        s.AppendLine("| endpoint | load | target rps | achieved rps | requests | p50 ms | p90 ms | p99 ms | max ms | p99 from send ms | dispatch lag p99 ms | allowed / denied | errors | wrong |");
        s.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in result.Runs)
        {
            var open = r.Mode == "open loop";
            var load = open ? I($"open loop, ≤ {r.Concurrency} connections") : I($"closed loop, {r.Concurrency} workers");
            var target = r.TargetRps is { } t ? I($"{t:N0}") : "max";
            var lag = open ? I($"{r.DispatchLagP99Ms:N2}") : "–";
            s.AppendLine(I($"| `{r.Endpoint}` | {load} | {target} | {r.AchievedRps:N0} | {r.Completed:N0} | ") +
                I($"{r.P50Ms:N2} | {r.P90Ms:N2} | {r.P99Ms:N2} | {r.MaxMs:N2} | {r.ServiceP99Ms:N2} | {lag} | ") +
                I($"{r.Allowed:N0} / {r.Denied:N0} | {r.Errors} | {r.Wrong} |"));
        }
        s.AppendLine();
        var ratio = result.ThroughputRatio;
        var validate = result.Run("/validate", "open loop");
        var p99Verdict = validate.TargetRps == 1000 ? (validate.P99Ms < 5 ? ": met" : ": not met") : " at 1,000 rps: not measured at that rate";
        s.AppendLine(I($"- `/validate` ÷ `/noop` max throughput: **{ratio:P0}** (target ≥ 70 %: {(ratio >= 0.70 ? "met" : "not met")})"));
        s.AppendLine(I($"- `/validate` p99 at {validate.TargetRps:N0} rps (open loop, from the scheduled send): **{validate.P99Ms:N2} ms** (target < 5 ms{p99Verdict})"));
        var problems = result.Runs.Where(r => r.FirstProblem is not null).Select(p => I($"{p.Endpoint} {p.Mode}: {p.FirstProblem}")).ToList();
        s.AppendLine(I($"- errors + wrong answers: {result.Runs.Sum(r => r.Errors + r.Wrong)}") + (problems.Count > 0 ? "; first: " + string.Join("; ", problems) : ""));
        return s.ToString();
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
