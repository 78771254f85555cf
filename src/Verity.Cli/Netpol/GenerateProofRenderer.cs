using Verity.Network.Generation;

namespace Verity.Cli.Netpol;

/// <summary>
/// The human summary of <c>generate</c> (standard error, so standard output stays apply-able YAML): what was
/// generated, what was skipped and why, the proof verdict and the over-permission per namespace pair.
/// </summary>
internal static class GenerateProofRenderer
{
    public static void Write(TextWriter error, int observed, GenerationResult generated, ProofReport proof, string? outDirectory)
    {
        var policies = generated.Namespaces.Sum(n => n.Policies.Count);
        error.WriteLine($"generated {policies} NetworkPolicies in {generated.Namespaces.Count} namespaces ({string.Join(", ", generated.Namespaces.Select(n => n.Namespace))}) from {observed} observed connections"
            + (outDirectory is null ? "" : $", written to {outDirectory}"));
        if (generated.Skipped.Count > 0)
        {
            error.WriteLine($"skipped {generated.Skipped.Count} observed connections:");
            foreach (var skip in generated.Skipped) error.WriteLine($"  {PolicyGenerator.Describe(skip.Connection)}: {skip.Reason}");
        }
        foreach (var diagnostic in proof.Diagnostics) error.WriteLine($"  generated YAML: {diagnostic}");
        if (proof.Denied.Count > 0)
        {
            error.WriteLine($"proof FAILED: {proof.Denied.Count} observed connections would be denied (a bug in verity, please report it):");
            foreach (var c in proof.Denied) error.WriteLine($"  {PolicyGenerator.Describe(c)}");
        }
        else
        {
            error.WriteLine($"proof: all {proof.Verified} verifiable observed connections are allowed" + (proof.Unverified.Count > 0 ? $"; {proof.Unverified.Count} not verifiable (peer outside the snapshot):" : ""));
        }
        foreach (var c in proof.Unverified) error.WriteLine($"  {PolicyGenerator.Describe(c)}");
        var allowed = proof.OverPermission.Sum(o => o.Allowed);
        error.WriteLine($"over-permission: {allowed} of {proof.OverPermission.Sum(o => o.Unobserved)} unobserved workload connections (declared ports) are allowed");
        foreach (var group in proof.OverPermission.Where(o => o.Allowed > 0))
        {
            error.WriteLine($"  {group.FromNamespace} -> {group.ToNamespace}: {group.Allowed} of {group.Unobserved}");
            foreach (var c in group.Connections.Take(5)) error.WriteLine($"    {c}");
            if (group.Connections.Count > 5) error.WriteLine($"    ... and {group.Connections.Count - 5} more");
        }
    }
}
