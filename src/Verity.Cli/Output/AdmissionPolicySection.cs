using System.Text.Json;
using Spectre.Console;
using Verity.Admission.Vap;
using Verity.Core.Model;

namespace Verity.Cli.Output;

/// <summary>
/// The scorecard's "admission policies" section: the ValidatingAdmissionPolicies and bindings found among the inputs,
/// evaluated for every other object as if it were being created (docs/vap.md) — per namespace how many objects they would
/// deny, warn about or audit, then each denial and warning with the API server's text. Not scored: the policies are the
/// team's own rules.
/// </summary>
internal static class AdmissionPolicySection
{
    private sealed record NamespaceCounts(string Name, int Objects, int Denied, int Warned, int Audited);

    private static IReadOnlyList<NamespaceCounts> Counts(AdmissionPolicyReport report) =>
        report.Results.GroupBy(r => NamespaceOf(r.Object), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new NamespaceCounts(g.Key, g.Count(),
                g.Count(r => !r.Result.Allowed),
                g.Count(r => r.Result.Decisions.Any(d => d.Action == "Warn")),
                g.Count(r => r.Result.AuditAnnotations.Count > 0)))
            .ToList();

    private static string NamespaceOf(KubeObject o) => o.Namespace ?? (o.Kind == "Namespace" && o.Ref.Group == "" ? o.Name : "");

    public static void Write(IAnsiConsole console, AdmissionPolicyReport report)
    {
        var denied = report.Results.Count(r => !r.Result.Allowed);
        console.WriteLine();
        console.MarkupLine($"[bold]Admission policies:[/] {report.Policies} ValidatingAdmissionPolicies, {report.Bindings} bindings, "
            + $"{report.Results.Count} objects, [{(denied == 0 ? "green" : "red")}]{denied} would be denied[/]");
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Namespace").AddColumn(new TableColumn("Objects").RightAligned()).AddColumn(new TableColumn("Denied").RightAligned())
            .AddColumn(new TableColumn("Warned").RightAligned()).AddColumn(new TableColumn("Audited").RightAligned());
        foreach (var ns in Counts(report))
        {
            table.AddRow(Markup.Escape(ns.Name.Length == 0 ? "(cluster)" : ns.Name), ns.Objects.ToString(),
                ns.Denied == 0 ? "[green]0[/]" : $"[red]{ns.Denied}[/]", ns.Warned.ToString(), ns.Audited.ToString());
        }
        console.Write(table);
        const string indent = "      ";
        foreach (var (obj, result) in report.Results)
        {
            foreach (var decision in result.Decisions.Where(d => d.Action is "Deny" or "Warn"))
            {
                // The resource line is never wrapped (see ConsoleWidth); the API server's text is wrapped below it.
                var color = decision.Action == "Deny" ? "red" : "yellow";
                var header = $"  {decision.Action.ToLowerInvariant()}  {ResourceName.Of(obj)}";
                ConsoleWidth.AtLeast(console, header.Length);
                console.MarkupLine($"  [{color}]{decision.Action.ToLowerInvariant()}[/]  {Markup.Escape(ResourceName.Of(obj))}");
                foreach (var line in TextWrap.Wrap(decision.Text, Math.Max(20, console.Profile.Width - indent.Length)))
                    console.MarkupLine(indent + Markup.Escape(line));
            }
        }
    }

    /// <summary>
    /// <c>"admissionPolicies": {"policies", "bindings", "objects", "denied", "namespaces": [{"name", "objects", "denied",
    /// "warned", "audited"}], "decisions": [{"resource", "policy", "binding", "action", "message"}]}</c> — decisions are
    /// the Deny and Warn outcomes, with the API server's text as <c>message</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, AdmissionPolicyReport report)
    {
        json.WriteStartObject("admissionPolicies");
        json.WriteNumber("policies", report.Policies);
        json.WriteNumber("bindings", report.Bindings);
        json.WriteNumber("objects", report.Results.Count);
        json.WriteNumber("denied", report.Results.Count(r => !r.Result.Allowed));
        json.WriteStartArray("namespaces");
        foreach (var ns in Counts(report))
        {
            json.WriteStartObject();
            json.WriteString("name", ns.Name);
            json.WriteNumber("objects", ns.Objects);
            json.WriteNumber("denied", ns.Denied);
            json.WriteNumber("warned", ns.Warned);
            json.WriteNumber("audited", ns.Audited);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("decisions");
        foreach (var (obj, result) in report.Results)
        {
            foreach (var decision in result.Decisions.Where(d => d.Action is "Deny" or "Warn"))
            {
                json.WriteStartObject();
                json.WriteString("resource", ResourceName.Of(obj));
                json.WriteString("policy", decision.Policy);
                if (decision.Binding is null) json.WriteNull("binding");
                else json.WriteString("binding", decision.Binding);
                json.WriteString("action", decision.Action);
                json.WriteString("message", decision.Text);
                json.WriteEndObject();
            }
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
