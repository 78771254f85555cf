namespace Verity.Cel.Kubernetes;

/// <summary>
/// The outcome of one authorization check: <see cref="Allowed"/> is true only for an explicit allow
/// ("no opinion" and deny are both false, as upstream); <see cref="Error"/> is set when the check could
/// not be evaluated (CEL <c>errored()</c> / <c>error()</c>).
/// </summary>
public sealed record CelAuthorizerDecision(bool Allowed, string Reason, string? Error = null);
