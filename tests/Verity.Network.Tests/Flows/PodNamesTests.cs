using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Network.Flows;

namespace Verity.Network.Tests.Flows;

public sealed class PodNamesTests
{
    private static Workload Workload(string kind, string name)
    {
        var apiVersion = kind is "Job" or "CronJob" ? "batch/v1" : "apps/v1";
        var template = kind == "CronJob"
            ? "spec:\n  schedule: '* * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers: [{name: c, image: i}]\n"
            : "spec:\n  template:\n    spec:\n      containers: [{name: c, image: i}]\n";
        var loaded = ManifestParser.Parse($"apiVersion: {apiVersion}\nkind: {kind}\nmetadata:\n  name: {name}\n  namespace: a\n{template}", "w.yaml");
        return Assert.Single(SnapshotBuilder.Build(loaded.Objects).Workloads);
    }

    [Theory]
    [InlineData("Deployment", "web", "web-5d9f7c6b8-h7m2p", true)]
    [InlineData("Deployment", "web", "web-api-5d9f7c6b8-h7m2p", false)] // a pod of Deployment web-api
    [InlineData("Deployment", "web", "web-h7m2p", false)]
    [InlineData("Deployment", "web", "web", false)]
    [InlineData("StatefulSet", "ledger-db", "ledger-db-0", true)]
    [InlineData("StatefulSet", "ledger-db", "ledger-db-x", false)]
    [InlineData("DaemonSet", "agent", "agent-x7k2p", true)]
    [InlineData("DaemonSet", "agent", "agent-x7k2", false)]
    [InlineData("Job", "migrate", "migrate-9qv4z", true)]
    [InlineData("CronJob", "settlement", "settlement-29412360-b8k2m", true)]
    [InlineData("CronJob", "settlement", "settlement-b8k2m", false)]
    [InlineData("Deployment", "web", "web-5D9F7C6B8-h7m2p", false)] // generated names are lower case
    public void Generated_pod_names_are_recognised_per_controller(string kind, string name, string pod, bool expected) =>
        Assert.Equal(expected, PodNames.Generated(Workload(kind, name), pod));
}
