using Verity.Network.Evaluation;

namespace Verity.Cli.Netpol;

/// <summary>
/// The table-mode answer of <c>can</c>: <c>yes</c> or <c>no</c> on the first line (scripts may read just that), then
/// one line saying why — the direction that denied, or what allowed each direction.
/// </summary>
internal static class CanRenderer
{
    public static void Write(TextWriter output, ConnectionAnswer answer)
    {
        output.WriteLine(answer.Allowed ? "yes" : "no");
        output.WriteLine(Reason(answer));
    }

    public static string Reason(ConnectionAnswer answer)
    {
        var (query, verdict) = (answer.Query, answer.Verdict);
        if (verdict.Egress.DecidedBy == DecisionTier.NotApplicable && verdict.Ingress.DecidedBy == DecisionTier.NotApplicable && query.From.Id == query.To.Id)
            return verdict.Egress.Steps[^1].Message;
        var egress = $"egress at {query.From.Id} {VerdictWords.Summary(verdict.Egress, query.From)}";
        var ingress = $"ingress at {query.To.Id} {VerdictWords.Summary(verdict.Ingress, query.To)}";
        if (answer.Allowed) return $"{egress}; {ingress}";
        return string.Join("; ", new[] { (verdict.Egress, egress), (verdict.Ingress, ingress) }.Where(d => !d.Item1.Allowed).Select(d => d.Item2));
    }
}
