using System.Text.Json;
using Spectre.Console;
using Verity.Identity.Workloads;

namespace Verity.Cli.Output;

/// <summary>
/// The scorecard's "Workload identity" section: per namespace and service account, the SPIFFE ID its workloads would get
/// (<c>spiffe://TD/ns/NS/sa/SA</c>, docs/identity.md) and which workloads share it — a shared identity cannot tell them
/// apart, so a rule that trusts one trusts all. Not scored (VT-IDN-001 already scores the default service account).
/// </summary>
internal static class IdentitySection
{
    public static void Write(IAnsiConsole console, IReadOnlyList<ServiceAccountIdentity> identities, string trustDomain)
    {
        if (identities.Count == 0) return;
        var shared = identities.Count(i => i.Shared);
        console.WriteLine();
        console.MarkupLine($"[bold]Workload identity[/] (trust domain {Markup.Escape(trustDomain)}): {identities.Count} SPIFFE IDs for "
            + $"{identities.Sum(i => i.Workloads.Count)} workloads, [{(shared == 0 ? "green" : "yellow")}]{shared} shared by several workloads[/]");
        // The ID names the namespace and service account; it is never wrapped.
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn("SPIFFE ID").NoWrap()).AddColumn("Workloads").AddColumn("Note");
        foreach (var identity in identities)
        {
            var notes = new List<string>();
            if (identity.Shared) notes.Add($"[yellow]shared by {identity.Workloads.Count} workloads[/]");
            if (identity.IsDefault) notes.Add("the namespace's default account");
            if (!identity.Declared) notes.Add("[dim]not declared[/]");
            table.AddRow(Markup.Escape(identity.Id.ToString()), Markup.Escape(string.Join(", ", identity.Workloads)), string.Join("; ", notes));
        }
        console.Write(table);
    }

    /// <summary>
    /// <c>"identities": {"trustDomain", "shared", "serviceAccounts": [{"namespace", "serviceAccount", "spiffeId",
    /// "declared", "shared", "workloads": ["Kind/name"]}]}</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter json, IReadOnlyList<ServiceAccountIdentity> identities, string trustDomain)
    {
        json.WriteStartObject("identities");
        json.WriteString("trustDomain", trustDomain);
        json.WriteNumber("shared", identities.Count(i => i.Shared));
        json.WriteStartArray("serviceAccounts");
        foreach (var identity in identities)
        {
            json.WriteStartObject();
            json.WriteString("namespace", identity.Namespace);
            json.WriteString("serviceAccount", identity.ServiceAccount);
            json.WriteString("spiffeId", identity.Id.ToString());
            json.WriteBoolean("declared", identity.Declared);
            json.WriteBoolean("shared", identity.Shared);
            json.WriteStartArray("workloads");
            foreach (var workload in identity.Workloads) json.WriteStringValue(workload);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}
