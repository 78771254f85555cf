namespace Verity.Kube.Tests.Support;

/// <summary>
/// One entry of a <c>routes.json</c>: a GET of <see cref="Path"/> with this <see cref="Continue"/> token
/// (none for a first page) is answered with <see cref="Status"/> and the recorded body in <see cref="File"/>
/// (relative to the routes file).
/// </summary>
internal sealed record RecordedRoute(string Path, string? Continue, string File, int Status = 200);
