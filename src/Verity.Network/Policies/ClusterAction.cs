namespace Verity.Network.Policies;

/// <summary>
/// A cluster policy rule's action. Accept (v1alpha1: Allow) and Deny are final for the direction; Pass skips
/// the rest of the tier and continues with the next one.
/// </summary>
public enum ClusterAction
{
    Accept,
    Deny,
    Pass,
}
