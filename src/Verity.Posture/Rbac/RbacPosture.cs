using System.Runtime.CompilerServices;
using Verity.Core.Model;
using Verity.Core.Snapshots;
using Verity.Rbac.Model;
using Verity.Rbac.Risks;
using Verity.Rbac.Scoring;

namespace Verity.Posture.Rbac;

/// <summary>
/// The RBAC analysis of a snapshot as the scorecard uses it, computed once per snapshot and shared by the RBAC
/// checks (a memo on an immutable snapshot, like <see cref="Isolation.IsolationAnalyzer.For"/>): the
/// <see cref="RbacAssessment"/> (risk catalog, escalation paths, least-privilege scores; docs/rbac.md), the risk
/// findings of every service account — those the snapshot declares, those bindings name and those workloads run as,
/// <c>default</c> included — and the bindings of the input by their display name (<c>RoleBinding ns/name</c>).
/// </summary>
public sealed class RbacPosture
{
    private static readonly ConditionalWeakTable<Snapshot, RbacPosture> PerSnapshot = new();

    private RbacPosture(Snapshot snapshot)
    {
        Assessment = RbacAssessment.Assess(snapshot);
        var model = Assessment.Model;
        var workloadAccounts = snapshot.Workloads.Select(w => Subject.ServiceAccount(w.Namespace, w.ServiceAccountName));
        Accounts = model.ServiceAccounts.Concat(model.Subjects.Where(s => s.Kind == SubjectKind.ServiceAccount)).Concat(workloadAccounts)
            .Distinct().OrderBy(s => s.Namespace, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        AccountFindings = [.. Assessment.Findings.Where(f => f.Subject.Kind == SubjectKind.ServiceAccount), .. Assessment.WorkloadAccountFindings];
        Bindings = model.Bindings.GroupBy(RiskEvidence.Describe, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public static RbacPosture For(Snapshot snapshot) => PerSnapshot.GetValue(snapshot, s => new RbacPosture(s));

    public RbacAssessment Assessment { get; }

    /// <summary>Every service account the scorecard looks at, by namespace and name.</summary>
    public IReadOnlyList<Subject> Accounts { get; }

    /// <summary>The risk findings whose subject is a service account (of <see cref="Accounts"/>).</summary>
    public IReadOnlyList<RiskFinding> AccountFindings { get; }

    /// <summary>The input's bindings by <see cref="RiskEvidence.Describe(Binding)"/>.</summary>
    public IReadOnlyDictionary<string, Binding> Bindings { get; }

    /// <summary>The subject reference of a service account (core group, namespaced).</summary>
    public static ResourceRef RefOf(Subject account) => new("v1", "ServiceAccount", account.Namespace, account.Name);

    /// <summary>The reference of a binding.</summary>
    public static ResourceRef RefOf(Binding binding) => binding.Source.Ref;
}
