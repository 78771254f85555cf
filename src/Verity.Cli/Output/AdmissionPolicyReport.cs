using Verity.Admission.Vap;
using Verity.Core.Model;
using Verity.Core.Snapshots;

namespace Verity.Cli.Output;

/// <summary>The ValidatingAdmissionPolicies of a scan's inputs and what they decide for each other object on CREATE.</summary>
internal sealed record AdmissionPolicyReport(int Policies, int Bindings, IReadOnlyList<(KubeObject Object, VapResult Result)> Results)
{
    /// <summary>Every object except the policies and bindings, admitted with CREATE; null when the inputs hold no policy.</summary>
    public static AdmissionPolicyReport? Evaluate(Snapshot snapshot, VapPolicySet policies)
    {
        if (policies.PolicyCount == 0) return null;
        var inputs = VapObjectInputs.FromSnapshot(snapshot);
        var results = snapshot.Objects.Where(o => !VapCompiler.IsPolicyObject(o))
            .Select(o => (o, policies.Evaluate(VapRequests.For(o, "CREATE"), inputs)))
            .ToList();
        return new AdmissionPolicyReport(policies.PolicyCount, policies.BindingCount, results);
    }
}
