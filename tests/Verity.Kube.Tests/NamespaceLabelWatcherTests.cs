using Verity.Kube.Tests.Support;
using Verity.Kube.Watch;

namespace Verity.Kube.Tests;

/// <summary>
/// The webhook's namespace-label cache against the list-then-watch protocol of the API server (served by
/// <see cref="WatchApiServer"/> over a real socket): sync, events, resume, 410 Gone, failures.
/// </summary>
public sealed class NamespaceLabelWatcherTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly TempDirectory _dir = new();
    private readonly WatchApiServer _server = new();
    private readonly List<string> _log = [];

    private async Task<NamespaceLabelWatcher> StartAsync(bool waitForSync = true)
    {
        var kubeconfig = Kubeconfig.For(_dir, _server.Url);
        var watcher = NamespaceLabelWatcher.Start(new LiveClusterOptions { Kubeconfig = kubeconfig }, m => { lock (_log) _log.Add(m); }, out var problem);
        Assert.Null(problem);
        Assert.NotNull(watcher);
        if (waitForSync) await watcher.Synced.WaitAsync(Patience);
        return watcher;
    }

    private static async Task EventuallyAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for: {what}");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task After_the_first_list_every_namespace_has_its_labels()
    {
        _server.SetNamespaces("100", ("shop", "pod-security.kubernetes.io/enforce=restricted"), ("legacy", ""));
        await using var watcher = await StartAsync();

        Assert.True(watcher.IsSynced);
        Assert.Equal(2, watcher.Count);
        Assert.Equal("restricted", watcher.LabelsOf("shop")!["pod-security.kubernetes.io/enforce"]);
        Assert.Equal("legacy", watcher.LabelsOf("legacy")!["kubernetes.io/metadata.name"]);
        Assert.Null(watcher.LabelsOf("unknown"));
        await EventuallyAsync(() => _server.Requests.Count >= 2, "the watch request");
        Assert.Equal("list ?limit=500", _server.Requests[0]);
        Assert.Equal("watch ?watch=1&allowWatchBookmarks=true&timeoutSeconds=300&resourceVersion=100", _server.Requests[1]);
    }

    [Fact]
    public async Task Added_modified_and_deleted_events_change_the_labels()
    {
        _server.SetNamespaces("100", ("shop", "pod-security.kubernetes.io/enforce=baseline"), ("old", ""));
        await using var watcher = await StartAsync();

        _server.Send("ADDED", "new", "team=a", "101");
        _server.Send("MODIFIED", "shop", "pod-security.kubernetes.io/enforce=restricted", "102");
        _server.Send("DELETED", "old", "", "103");
        await EventuallyAsync(() => watcher.LabelsOf("old") is null, "the DELETED event");

        Assert.Equal("a", watcher.LabelsOf("new")!["team"]);
        Assert.Equal("restricted", watcher.LabelsOf("shop")!["pod-security.kubernetes.io/enforce"]);
        Assert.Equal(2, watcher.Count);
        Assert.Equal(1, watcher.Lists);
    }

    [Fact]
    public async Task A_watch_that_ends_resumes_from_the_last_version_seen_bookmarks_included()
    {
        _server.SetNamespaces("100", ("shop", ""));
        await using var watcher = await StartAsync();

        _server.Send("ADDED", "a", "", "150");
        _server.Bookmark("175");
        _server.EndStream();
        await EventuallyAsync(() => _server.Requests.Count(r => r.StartsWith("watch", StringComparison.Ordinal)) >= 2, "the second watch");

        Assert.EndsWith("resourceVersion=175", _server.Requests.Last(r => r.StartsWith("watch", StringComparison.Ordinal)));
        Assert.Equal(1, watcher.Lists);
        Assert.NotNull(watcher.LabelsOf("a"));
    }

    [Fact]
    public async Task Gone_relists_and_namespaces_deleted_meanwhile_disappear()
    {
        _server.SetNamespaces("100", ("shop", ""), ("deleted-while-away", ""));
        await using var watcher = await StartAsync();

        _server.SetNamespaces("500", ("shop", "pod-security.kubernetes.io/enforce=restricted"));
        _server.Gone();
        await EventuallyAsync(() => watcher.Lists == 2, "the second list");

        Assert.Null(watcher.LabelsOf("deleted-while-away"));
        Assert.Equal("restricted", watcher.LabelsOf("shop")!["pod-security.kubernetes.io/enforce"]);
        await EventuallyAsync(() => _server.Requests.Any(r => r.EndsWith("resourceVersion=500", StringComparison.Ordinal)), "a watch from the new list");
    }

    [Fact]
    public async Task A_forbidden_list_is_logged_retried_and_the_cache_syncs_once_allowed()
    {
        _server.SetListStatus(403);
        _server.SetNamespaces("7", ("shop", ""));
        await using var watcher = await StartAsync(waitForSync: false);
        await EventuallyAsync(() => { lock (_log) return _log.Count > 0; }, "a logged failure");

        Assert.False(watcher.IsSynced);
        Assert.Null(watcher.LabelsOf("shop"));
        lock (_log) Assert.StartsWith($"cannot list namespaces at {_server.Url}/api/v1/namespaces: HTTP 403", _log[0]);

        _server.SetListStatus(200);
        await watcher.Synced.WaitAsync(Patience);
        Assert.NotNull(watcher.LabelsOf("shop"));
    }

    [Fact]
    public void A_kubeconfig_that_cannot_be_used_is_a_problem_and_no_watcher()
    {
        var watcher = NamespaceLabelWatcher.Start(new LiveClusterOptions { Kubeconfig = Path.Combine(_dir.Path, "missing") }, _ => { }, out var problem);

        Assert.Null(watcher);
        Assert.Contains("missing", problem, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }
}
