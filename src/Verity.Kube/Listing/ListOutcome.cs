namespace Verity.Kube.Listing;

/// <summary>How listing one kind ended.</summary>
internal enum ListOutcome
{
    /// <summary>Every page was read; the objects are kept.</summary>
    Listed,
    /// <summary>An optional CRD kind the server does not serve (404): skipped without a diagnostic.</summary>
    NotInstalled,
    /// <summary>This kind could not be read (diagnostic added, no object of it kept); other kinds may still be read.</summary>
    Failed,
    /// <summary>No further request can succeed (server unreachable, credentials rejected): stop reading.</summary>
    Stop,
}
