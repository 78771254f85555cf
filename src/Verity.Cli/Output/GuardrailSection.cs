using System.Text.Json;
using Spectre.Console;
using Verity.Admission.Guardrails;
using Verity.Core.Model;

namespace Verity.Cli.Output;

/// <summary>
/// The scorecard's "admission guardrails" section (<c>verity scan --config FILE</c>): per namespace, how many objects
/// the guardrails of the policy config would deny, warn about or audit, and how many violations an active exception
/// covers; then each denial. The same engine and config as <c>verity admission test</c> (docs/guardrails.md). Not
/// scored: the config is the team's own rule set, the checks are the scorecard's.
/// </summary>
internal static class GuardrailSection
{
    /// <summary>Per namespace (a Namespace object counts towards itself; other cluster-scoped objects under "").</summary>
    private sealed record NamespaceCounts(string Name, int Objects, int Denied, int Warned, int Audited, int Excepted);

    private static IReadOnlyList<NamespaceCounts> Counts(IReadOnlyList<GuardrailResult> results) =>
        results.GroupBy(NamespaceOf, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceCounts(g.Key, g.Count(),
                g.Count(r => !r.Allowed),
                g.Count(r => r.Violations.Any(v => v.Action == GuardrailAction.Warn && !v.ExceptionApplied)),
                g.Count(r => r.Violations.Any(v => v.Action == GuardrailAction.Audit && !v.ExceptionApplied)),
                g.Sum(r => r.Violations.Count(v => v.ExceptionApplied))))
            .ToList();

    private static string NamespaceOf(GuardrailResult r) =>
        r.Object.Namespace ?? (r.Object.Kind == "Namespace" && r.Object.Ref.Group == "" ? r.Object.Name : "");

    public static void Write(IAnsiConsole console, IReadOnlyList<GuardrailResult> results)
    {
        var denied = results.Where(r => !r.Allowed).ToList();
        console.WriteLine();
        console.MarkupLine($"[bold]Admission guardrails:[/] {results.Count} objects, "
            + $"[{(denied.Count == 0 ? "green" : "red")}]{denied.Count} would be denied[/]");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Namespace").AddColumn(new TableColumn("Objects").RightAligned()).AddColumn(new TableColumn("Denied").RightAligned())
            .AddColumn(new TableColumn("Warned").RightAligned()).AddColumn(new TableColumn("Audited").RightAligned())
            .AddColumn(new TableColumn("Excepted").RightAligned());
        foreach (var ns in Counts(results))
        {
            table.AddRow(Markup.Escape(ns.Name.Length == 0 ? "(cluster)" : ns.Name), ns.Objects.ToString(),
                ns.Denied == 0 ? "[green]0[/]" : $"[red]{ns.Denied}[/]", ns.Warned.ToString(), ns.Audited.ToString(), ns.Excepted.ToString());
        }
        console.Write(table);
        if (denied.Count == 0) return;
        console.MarkupLine("Objects admission would deny:");
        foreach (var result in denied)
        {
            foreach (var v in result.Violations.Where(v => v.Denies))
                console.MarkupLine($"  [red]{Markup.Escape(ResourceName.Of(result.Object))}[/] {Markup.Escape(v.Policy)}: {Markup.Escape(v.Message)}");
        }
    }

    /// <summary>
    /// <c>"admission": {"objects", "denied", "namespaces": [{"name", "objects", "denied", "warned", "audited",
    /// "excepted"}], "denials": [{"resource", "policy", "message", "source": {"file", "line", "column"}}]}</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<GuardrailResult> results)
    {
        json.WriteStartObject("admission");
        json.WriteNumber("objects", results.Count);
        json.WriteNumber("denied", results.Count(r => !r.Allowed));
        json.WriteStartArray("namespaces");
        foreach (var ns in Counts(results))
        {
            json.WriteStartObject();
            json.WriteString("name", ns.Name);
            json.WriteNumber("objects", ns.Objects);
            json.WriteNumber("denied", ns.Denied);
            json.WriteNumber("warned", ns.Warned);
            json.WriteNumber("audited", ns.Audited);
            json.WriteNumber("excepted", ns.Excepted);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("denials");
        foreach (var result in results.Where(r => !r.Allowed))
        {
            foreach (var v in result.Violations.Where(v => v.Denies))
            {
                json.WriteStartObject();
                json.WriteString("resource", ResourceName.Of(result.Object));
                json.WriteString("policy", v.Policy);
                json.WriteString("message", v.Message);
                json.WriteStartObject("source");
                json.WriteString("file", v.Location.File);
                json.WriteNumber("line", v.Location.Line);
                json.WriteNumber("column", v.Location.Column);
                json.WriteEndObject();
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
