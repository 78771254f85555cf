using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Verity.Kube.Api;
using Verity.Kube.Config;

namespace Verity.Kube.Watch;

/// <summary>
/// Keeps the labels of every Namespace of a live cluster in memory, as an informer does: a paged list, then a watch from
/// the list's resourceVersion (with bookmarks), applying ADDED, MODIFIED and DELETED events; a watch that ends is resumed
/// from the last resourceVersion seen, an expired one (410 Gone) is replaced by a fresh list, and a failure is retried
/// with backoff (1 s doubling to 30 s) — forever, until disposed. Reads (<see cref="LabelsOf"/>) never wait for the
/// network. See https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes.
/// </summary>
/// <remarks>
/// Needs get, list and watch on namespaces. A namespace created moments ago may not be known yet (the watch lags by
/// milliseconds): <see cref="LabelsOf"/> returns null for it and callers apply their defaults. Problems go to the log
/// callback as one sentence each; nothing throws out of the background loop.
/// </remarks>
public sealed class NamespaceLabelWatcher : IAsyncDisposable
{
    private const string NamespacesPath = "/api/v1/namespaces";
    private static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly ApiSession _session;
    private readonly Action<string> _log;
    private readonly int _pageSize;
    private readonly int _watchSeconds;
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ImmutableDictionary<string, IReadOnlyDictionary<string, string>> _labels = ImmutableDictionary<string, IReadOnlyDictionary<string, string>>.Empty.WithComparers(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;
    private int _relists;
    private TimeSpan _backoff = InitialBackoff;

    internal NamespaceLabelWatcher(ApiSession session, Action<string> log, int pageSize = 500, int watchSeconds = 300)
    {
        _session = session;
        _log = log;
        _pageSize = pageSize;
        _watchSeconds = watchSeconds;
    }

    /// <summary>
    /// Connects with <paramref name="options"/> (kubeconfig, context; else the in-cluster service account) and starts
    /// watching; null and the reason when the configuration cannot be used (nothing is sent then).
    /// </summary>
    public static NamespaceLabelWatcher? Start(LiveClusterOptions options, Action<string> log, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var (session, diagnostic) = ClusterConnector.Connect(options, KubeEnvironment.Current());
        problem = diagnostic?.Message;
        if (session is null) return null;
        var watcher = new NamespaceLabelWatcher(session, log);
        watcher.Start();
        return watcher;
    }

    /// <summary>Where the namespaces are read from, for messages: <c>https://10.0.0.1:6443 (context "prod")</c>.</summary>
    public string Source => $"{_session.Server} ({_session.Identity})";

    /// <summary>True once the first list has been read: from then on the labels are complete (if possibly a moment old).</summary>
    public bool IsSynced => _synced.Task.IsCompleted;

    /// <summary>Completes when the first list has been read.</summary>
    public Task Synced => _synced.Task;

    /// <summary>How many times the namespaces were listed (1 after the first sync; more after 410 Gone or failures).</summary>
    public int Lists => Volatile.Read(ref _relists);

    /// <summary>The labels of <paramref name="name"/>, or null when the namespace is not known (yet).</summary>
    public IReadOnlyDictionary<string, string>? LabelsOf(string name) => _labels.GetValueOrDefault(name);

    /// <summary>How many namespaces are known.</summary>
    public int Count => _labels.Count;

    internal void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    private async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                var version = await ListAsync(ct).ConfigureAwait(false);
                if (version is null)
                {
                    await DelayAsync(ct).ConfigureAwait(false);
                    continue;
                }
                _backoff = InitialBackoff;
                while (!ct.IsCancellationRequested)
                {
                    var (next, outcome) = await WatchAsync(version, ct).ConfigureAwait(false);
                    version = next;
                    if (outcome == WatchOutcome.Gone) break;
                    if (outcome == WatchOutcome.Failed) await DelayAsync(ct).ConfigureAwait(false);
                    else _backoff = InitialBackoff;
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private Task DelayAsync(CancellationToken ct)
    {
        var wait = _backoff;
        _backoff = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, _backoff.Ticks * 2));
        return Task.Delay(wait, ct);
    }

    /// <summary>Lists every namespace (paged) and replaces the labels; the list's resourceVersion, or null after a failure (logged).</summary>
    private async Task<string?> ListAsync(CancellationToken ct)
    {
        var labels = ImmutableDictionary.CreateBuilder<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        string? continueToken = null;
        string version;
        do
        {
            var query = $"?limit={_pageSize.ToString(CultureInfo.InvariantCulture)}" + (continueToken is null ? "" : "&continue=" + Uri.EscapeDataString(continueToken));
            var response = await _session.GetAsync(NamespacesPath, query, ct).ConfigureAwait(false);
            if (response.Failure is not null || response.Status != 200)
            {
                _log($"cannot list namespaces at {_session.Url(NamespacesPath)}: {response.Failure ?? StatusText(response)}; retrying");
                return null;
            }
            try
            {
                using var document = JsonDocument.Parse(response.Body);
                foreach (var item in document.RootElement.GetProperty("items").EnumerateArray())
                {
                    var (name, itemLabels) = Read(item);
                    if (name is not null) labels[name] = itemLabels;
                }
                var metadata = document.RootElement.GetProperty("metadata");
                version = metadata.TryGetProperty("resourceVersion", out var rv) ? rv.GetString() ?? "" : "";
                continueToken = metadata.TryGetProperty("continue", out var c) && c.GetString() is { Length: > 0 } token ? token : null;
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _log($"cannot read the namespace list from {_session.Url(NamespacesPath)}: {e.Message}; retrying");
                return null;
            }
        }
        while (continueToken is not null);

        _labels = labels.ToImmutable();
        Interlocked.Increment(ref _relists);
        _synced.TrySetResult();
        return version;
    }

    private enum WatchOutcome { Ended, Gone, Failed }

    /// <summary>Watches from <paramref name="version"/> until the stream ends; the last resourceVersion seen and why it stopped.</summary>
    private async Task<(string Version, WatchOutcome Outcome)> WatchAsync(string version, CancellationToken ct)
    {
        var query = $"?watch=1&allowWatchBookmarks=true&timeoutSeconds={_watchSeconds.ToString(CultureInfo.InvariantCulture)}&resourceVersion={Uri.EscapeDataString(version)}";
        var (response, failure) = await _session.OpenStreamAsync(NamespacesPath, query, ct).ConfigureAwait(false);
        if (response is null)
        {
            _log($"cannot watch namespaces: {failure}; retrying");
            return (version, WatchOutcome.Failed);
        }
        using (response)
        {
            if ((int)response.StatusCode == 410) return (version, WatchOutcome.Gone);
            if (!response.IsSuccessStatusCode)
            {
                _log($"cannot watch namespaces at {_session.Url(NamespacesPath)}: HTTP {(int)response.StatusCode} {response.ReasonPhrase}; retrying");
                return (version, WatchOutcome.Failed);
            }
            try
            {
                using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false));
                while (await reader.ReadLineAsync(ct).ConfigureAwait(false) is { } line)
                {
                    if (line.Length == 0) continue;
                    var (next, gone) = Apply(line, version);
                    if (gone) return (version, WatchOutcome.Gone);
                    version = next;
                }
                return (version, WatchOutcome.Ended);
            }
            catch (Exception e) when (e is IOException or HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException)
            {
                _log($"the namespace watch broke: {e.Message}; resuming");
                return (version, WatchOutcome.Failed);
            }
        }
    }

    /// <summary>Applies one watch event; the resourceVersion after it, and whether the server said the version is gone.</summary>
    private (string Version, bool Gone) Apply(string line, string version)
    {
        using var document = JsonDocument.Parse(line);
        var type = document.RootElement.GetProperty("type").GetString();
        var obj = document.RootElement.GetProperty("object");
        if (type == "ERROR")
        {
            // A Status object; 410 (Expired/Gone) means the resourceVersion is too old to resume from: list again.
            var code = obj.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 0;
            if (code == 410) return (version, true);
            _log($"the namespace watch reported an error: {(obj.TryGetProperty("message", out var m) ? m.GetString() : line)}");
            return (version, true);
        }
        var next = obj.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("resourceVersion", out var rv) && rv.GetString() is { Length: > 0 } v ? v : version;
        if (type == "BOOKMARK") return (next, false);
        var (name, labels) = Read(obj);
        if (name is null) return (next, false);
        _labels = type switch
        {
            "ADDED" or "MODIFIED" => _labels.SetItem(name, labels),
            "DELETED" => _labels.Remove(name),
            _ => _labels,
        };
        return (next, false);
    }

    private static (string? Name, IReadOnlyDictionary<string, string> Labels) Read(JsonElement item)
    {
        if (!item.TryGetProperty("metadata", out var metadata) || !metadata.TryGetProperty("name", out var nameElement)) return (null, ImmutableDictionary<string, string>.Empty);
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Object)
        {
            foreach (var label in l.EnumerateObject())
                if (label.Value.ValueKind == JsonValueKind.String) labels[label.Name] = label.Value.GetString()!;
        }
        return (nameElement.GetString(), labels);
    }

    private static string StatusText(ApiResponse response) => $"HTTP {response.Status} {response.Reason}";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        _stop.Dispose();
        _session.Dispose();
    }
}
