namespace Verity.Network.Lint;

/// <summary>The lint rule IDs, documented in docs/netpol.md.</summary>
public static class LintRules
{
    public const string SelectsNothing = "VT-NPL-001";
    public const string PeerMatchesNothing = "VT-NPL-002";
    public const string NamedPortNowhere = "VT-NPL-003";
    public const string NoDnsEgress = "VT-NPL-004";
    public const string OpenToEverything = "VT-NPL-005";
    public const string ExceptOutsideCidr = "VT-NPL-006";
    public const string AmbiguousPriority = "VT-NPL-007";
}
