using Spectre.Console;
using Verity.Cli.Output;
using Verity.Network.Evaluation;
using Verity.Network.Model;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human explanation of one connection: the question; then for each direction (egress at the source, ingress
/// at the destination) a heading with what decided it and the four tiers in evaluation order — Admin,
/// NetworkPolicy, Baseline, Default — each with its steps grouped by policy (✓/✗ marks the deciding step, · the
/// others) or "not reached" once a tier above decided; then the verdict in one line. Long lines wrap under their
/// text, so the tier column stays readable at any width.
/// </summary>
internal static class ExplainRenderer
{
    private const int TierColumn = 18;
    private static readonly DecisionTier[] Tiers = [DecisionTier.Admin, DecisionTier.NetworkPolicy, DecisionTier.Baseline, DecisionTier.Default];

    public static void Write(IAnsiConsole console, ConnectionAnswer answer, NetworkOptions options)
    {
        var query = answer.Query;
        WriteWrapped(console, $"Can {query.From.Id} reach {query.To.Id} on port {query.PortDisplay}?", "bold");
        if (!options.IpBlockMatchesPods) console.MarkupLine("[dim](--ipblock-matches-pods=false: ipBlock peers do not match pods, as in Cilium)[/]");
        WriteDirection(console, answer.Verdict.Egress, query.From, "source");
        WriteDirection(console, answer.Verdict.Ingress, query.To, "destination");
        console.WriteLine();
        var verdict = Verdict(answer);
        var first = true;
        foreach (var line in TextWrap.Wrap(verdict, console.Profile.Width - 2))
        {
            var text = Markup.Escape(line);
            if (first) text = answer.Allowed ? $"[bold green]YES[/]{text[3..]}" : $"[bold red]NO[/]{text[2..]}";
            console.MarkupLine(first ? text : "  " + text);
            first = false;
        }
    }

    /// <summary>A heading, wrapped at the console width with continuation lines indented, without trailing blanks.</summary>
    private static void WriteWrapped(IAnsiConsole console, string text, string style)
    {
        var first = true;
        foreach (var line in TextWrap.Wrap(text, console.Profile.Width - 2))
        {
            console.MarkupLine($"[{style}]{(first ? "" : "  ")}{Markup.Escape(line)}[/]");
            first = false;
        }
    }

    private static void WriteDirection(IAnsiConsole console, DirectionVerdict verdict, Endpoint subject, string role)
    {
        console.WriteLine();
        var direction = VerdictWords.Direction(verdict.Direction);
        WriteWrapped(console, $"{char.ToUpperInvariant(direction[0])}{direction[1..]} at {subject.Id} (the {role}): {VerdictWords.Summary(verdict, subject)}", "bold");
        if (verdict.DecidedBy == DecisionTier.NotApplicable)
        {
            for (var i = 0; i < verdict.Steps.Count; i++) WriteStep(console, verdict, i, 2);
            return;
        }
        foreach (var tier in Tiers) WriteTier(console, verdict, subject, tier);
    }

    private static void WriteTier(IAnsiConsole console, DirectionVerdict verdict, Endpoint subject, DecisionTier tier)
    {
        var label = $"  {VerdictWords.Tier(tier)}".PadRight(TierColumn);
        console.Markup($"[bold]{Markup.Escape(label)}[/]");
        if (tier > verdict.DecidedBy)
        {
            console.MarkupLine("[dim]not reached[/]");
            return;
        }
        var steps = Enumerable.Range(0, verdict.Steps.Count).Where(i => verdict.Steps[i].Tier == tier).ToList();
        if (steps.Count == 0)
        {
            var name = tier == DecisionTier.Admin ? "Admin" : "Baseline";
            console.MarkupLine("[dim]·[/] " + Markup.Escape($"no {name}-tier cluster policy selects {subject.Id} for {VerdictWords.Direction(verdict.Direction)}"));
            return;
        }
        var first = true;
        string? policy = null;
        foreach (var i in steps)
        {
            var step = verdict.Steps[i];
            if (step.Policy is not null && step.Policy != policy)
            {
                if (!first) console.Write(new string(' ', TierColumn));
                console.MarkupLine($"[cyan]{Markup.Escape(step.Policy)}[/]");
                first = false;
            }
            policy = step.Policy;
            if (!first) console.Write(new string(' ', TierColumn));
            WriteStep(console, verdict, i, step.Policy is null ? 0 : 2);
            first = false;
        }
    }

    /// <summary>One step: a mark (✓ allowed / ✗ denied for the deciding step, · for the others) and the message, wrapped under itself.</summary>
    private static void WriteStep(IAnsiConsole console, DirectionVerdict verdict, int index, int indent)
    {
        var decisive = index == verdict.Steps.Count - 1;
        var mark = !decisive ? "[dim]·[/]" : verdict.Allowed ? "[green]✓[/]" : "[red]✗[/]";
        var start = (verdict.DecidedBy == DecisionTier.NotApplicable ? 0 : TierColumn) + indent + 2;
        var lines = TextWrap.Wrap(verdict.Steps[index].Message, console.Profile.Width - start).ToList();
        console.MarkupLine($"{new string(' ', indent)}{mark} {Markup.Escape(lines[0])}");
        foreach (var line in lines.Skip(1)) console.MarkupLine(new string(' ', start) + Markup.Escape(line));
    }

    private static string Verdict(ConnectionAnswer answer)
    {
        var (query, verdict) = (answer.Query, answer.Verdict);
        var what = $"{query.From.Id} {(answer.Allowed ? "can" : "cannot")} reach {query.To.Id} on port {query.PortDisplay}";
        if (answer.Allowed) return $"YES — {what}.";
        var why = new List<string>();
        if (!verdict.Egress.Allowed) why.Add($"egress at {query.From.Id} is {VerdictWords.Summary(verdict.Egress, query.From)}");
        if (!verdict.Ingress.Allowed) why.Add($"ingress at {query.To.Id} is {VerdictWords.Summary(verdict.Ingress, query.To)}");
        return $"NO — {what}: {string.Join("; and ", why)}.";
    }
}
