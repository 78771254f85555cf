using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Rbac.Risks;

namespace Verity.Posture.Rbac;

/// <summary>
/// VT-RBAC-001: the RBAC risks of service accounts — the identities workloads run as — from the risk catalog
/// (docs/rbac.md). Subjects: every service account of <see cref="RbacPosture.Accounts"/>, one (check, subject) pair
/// each, scored with this check's high weight whatever it holds (a pair per severity would count an account with no
/// grants four times). Each finding carries the catalog's own severity (critical for cluster-wide secrets or
/// cluster-admin, low for RBAC writes it cannot escalate with) and is placed at the rule (or binding) that grants it,
/// since that is what to change.
/// </summary>
internal sealed class ServiceAccountRbacRisk : IPostureCheck
{
    public string Id => "VT-RBAC-001";
    public Severity Severity => Severity.High;
    public string Title => "Service accounts hold no risky RBAC permissions (secrets, exec, workload creation, tokens, escalation)";

    public IReadOnlyList<string> Controls { get; } = [Posture.Controls.Cis511, Posture.Controls.Cis512, Posture.Controls.Cis513, Posture.Controls.Cis518];

    public IEnumerable<ResourceRef> Subjects(Snapshot snapshot) => RbacPosture.For(snapshot).Accounts.Select(RbacPosture.RefOf);

    public IEnumerable<Finding> Evaluate(Snapshot snapshot)
    {
        var posture = RbacPosture.For(snapshot);
        foreach (var finding in posture.AccountFindings)
        {
            var account = finding.Subject;
            var names = finding.Names.Count > 0 ? $" (only {string.Join(", ", finding.Names)})" : "";
            yield return new Finding(
                Id, SeverityOf(finding.Severity), RbacPosture.RefOf(account),
                $"service account \"{account.Namespace}/{account.Name}\" holds {finding.Risk} in {Scope(finding.Scope)}{names}: {RiskCatalog.Get(finding.Risk).Summary}",
                finding.Remediation,
                string.Join("; ", finding.Evidence.Select(e => e.ToString())),
                finding.Controls,
                SourceOf(finding, posture));
        }
    }

    private static Severity SeverityOf(string severity) => severity switch
    {
        RiskSeverity.Critical => Severity.Critical,
        RiskSeverity.High => Severity.High,
        RiskSeverity.Medium => Severity.Medium,
        _ => Severity.Low,
    };

    private static string Scope(string scope) => scope.StartsWith("namespace:", StringComparison.Ordinal) ? $"namespace {scope[10..]}" : scope;

    /// <summary>Where to fix it: the granting rule, else the binding.</summary>
    private static SourceLocation? SourceOf(RiskFinding finding, RbacPosture posture)
    {
        foreach (var evidence in finding.Evidence)
        {
            if (evidence.Rule?.Origin.Location() is { } rule) return rule;
            if (evidence.Binding is { } binding && posture.Bindings.TryGetValue(binding, out var found)) return found.Source.Source;
        }
        return null;
    }
}
