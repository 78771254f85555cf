namespace Verity.Admission.Guardrails.Rules;

/// <summary>What a pod spec alone says about mounting a service account token (<see cref="TokenAutomountRule"/>).</summary>
public enum TokenAutomount
{
    /// <summary><c>automountServiceAccountToken: false</c>: no token, whatever the ServiceAccount says.</summary>
    OptedOut,

    /// <summary><c>automountServiceAccountToken: true</c>: a token, whatever the ServiceAccount says.</summary>
    MountedBySpec,

    /// <summary>The pod spec does not set the field: the ServiceAccount's field decides, and without it the token is mounted.</summary>
    LeftToServiceAccount,
}
