using Verity.Admission.Pss;
using Verity.Core.Snapshots;

namespace Verity.Posture.Pss;

/// <summary>One workload judged at baseline:latest, restricted:latest and its namespace's enforce level.</summary>
public sealed record PssWorkloadVerdict(Workload Workload, PssDecision Baseline, PssDecision Restricted, PssDecision Enforced);
