namespace Verity.Kube.Tests.Support;

/// <summary>One request as the recorded-response server saw it (query values decoded).</summary>
internal sealed record RecordedRequest(string Method, string Path, string? Limit, string? Continue, string? FieldSelector, string? Authorization, string? Accept);
