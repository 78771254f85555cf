namespace Verity.Identity.Validation;

/// <summary>What one X.509-SVID rule says about a certificate.</summary>
public enum RuleOutcome
{
    /// <summary>The rule holds.</summary>
    Pass,

    /// <summary>A MUST of the standard is broken: the certificate is not a valid X.509-SVID.</summary>
    Fail,

    /// <summary>A SHOULD is broken (e.g. no serverAuth/clientAuth): valid, but peers may reject it.</summary>
    Warn,

    /// <summary>Not checked: an earlier rule failed in a way that makes this one meaningless, or no bundle was given.</summary>
    Skip,
}
