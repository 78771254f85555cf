using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Kube.Kinds;
using Verity.Kube.Tests.Support;

namespace Verity.Kube.Tests;

/// <summary>
/// For any list length and page size, paging yields every object once, in order, with one request per page.
/// The server slices a generated PodList the way the API pages (a local HTTP server standing in for an API
/// server, which cannot be installed on these machines).
/// </summary>
public sealed class PagingPropertyTests
{
    private static readonly ApiKind Pods = ApiKinds.All.Single(k => k.Plural == "pods");

    [Property(MaxTest = 40)]
    public async Task<bool> Every_page_split_reassembles_the_whole_list(PositiveInt pageSize, NonNegativeInt podCount)
    {
        var size = pageSize.Get % 8 + 1;
        var count = podCount.Get % 20;
        using var dir = new TempDirectory();
        using var server = RecordedApiServer.Start();
        server.ServeSliced("/api/v1/pods", PodList(count));

        var result = await LiveClusterReader.ReadAsync(
            new LiveClusterOptions { Kubeconfig = Kubeconfig.For(dir, server.Url), PageSize = size },
            new Config.KubeEnvironment(null, null, false), [Pods], CancellationToken.None);

        var expected = Enumerable.Range(0, count).Select(i => $"pod-{i:D2}");
        var pages = Math.Max(1, (count + size - 1) / size);
        return result.Diagnostics.Count == 0
            && result.Objects.Select(o => o.Name).SequenceEqual(expected)
            && server.Requests.Count == pages
            && server.Requests.All(r => r.Limit == size.ToString());
    }

    private static JsonObject PodList(int count) => new()
    {
        ["kind"] = "PodList",
        ["apiVersion"] = "v1",
        ["metadata"] = new JsonObject { ["resourceVersion"] = "1" },
        ["items"] = new JsonArray([.. Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = $"pod-{i:D2}", ["namespace"] = "demo", ["uid"] = $"uid-{i}" },
            ["spec"] = new JsonObject { ["containers"] = new JsonArray(new JsonObject { ["name"] = "c", ["image"] = "busybox" }) },
        })]),
    };
}
