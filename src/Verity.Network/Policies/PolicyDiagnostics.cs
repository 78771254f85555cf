using Verity.Core.Model;

namespace Verity.Network.Policies;

/// <summary>Diagnostic codes of the network engine (policy fields Verity cannot use).</summary>
public static class PolicyDiagnostics
{
    /// <summary>A policy field is invalid (bad selector, CIDR, protocol, port); the part is evaluated fail-closed.</summary>
    public const string InvalidPolicy = "VT2001";

    internal static Diagnostic Invalid(KubeObject policy, object[] path, string message) =>
        new(DiagnosticLevel.Error, InvalidPolicy, $"{policy.Kind} {policy.Namespace}{(policy.Namespace is null ? "" : "/")}{policy.Name}: {message}",
            policy.LocationOf(path), FieldPath.Format(path));
}
