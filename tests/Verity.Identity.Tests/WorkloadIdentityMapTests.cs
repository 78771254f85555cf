using Verity.Core.Loading;
using Verity.Core.Snapshots;
using Verity.Identity.Workloads;

namespace Verity.Identity.Tests;

/// <summary>The SPIFFE IDs a snapshot's workloads would get (<c>spiffe://TD/ns/NS/sa/SA</c>) and which share one.</summary>
public sealed class WorkloadIdentityMapTests
{
    private const string Manifests = """
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: shared, namespace: shop}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, namespace: shop}
        spec: {selector: {matchLabels: {app: web}}, template: {metadata: {labels: {app: web}}, spec: {serviceAccountName: shared, containers: [{name: c, image: nginx}]}}}
        ---
        apiVersion: batch/v1
        kind: CronJob
        metadata: {name: report, namespace: shop}
        spec: {schedule: "0 0 * * *", jobTemplate: {spec: {template: {spec: {serviceAccountName: shared, restartPolicy: Never, containers: [{name: c, image: nginx}]}}}}}
        ---
        apiVersion: v1
        kind: Pod
        metadata: {name: debug, namespace: shop}
        spec: {containers: [{name: c, image: busybox}]}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: db, namespace: data}
        spec: {selector: {matchLabels: {app: db}}, serviceName: db, template: {metadata: {labels: {app: db}}, spec: {serviceAccount: legacy-name, containers: [{name: c, image: postgres}]}}}
        """;

    [Fact]
    public void Every_workload_gets_its_service_accounts_id_and_sharing_is_flagged()
    {
        var parsed = ManifestParser.Parse(Manifests, "m.yaml");
        Assert.False(parsed.HasErrors);
        var identities = WorkloadIdentityMap.Build(SnapshotBuilder.Build(parsed.Objects), TrustDomain.Parse("prod.example.org"));

        Assert.Equal(
            [
                ("spiffe://prod.example.org/ns/data/sa/legacy-name", "StatefulSet/db", false, false),
                ("spiffe://prod.example.org/ns/shop/sa/default", "Pod/debug", false, false),
                ("spiffe://prod.example.org/ns/shop/sa/shared", "CronJob/report, Deployment/web", true, true),
            ],
            identities.Select(i => (i.Id.ToString(), string.Join(", ", i.Workloads), i.Shared, i.Declared)));
        Assert.True(identities[1].IsDefault);
    }

    [Fact]
    public void No_workloads_no_identities()
    {
        var parsed = ManifestParser.Parse("apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: a, namespace: b}\n", "m.yaml");
        Assert.Empty(WorkloadIdentityMap.Build(SnapshotBuilder.Build(parsed.Objects), TrustDomain.Parse("td")));
    }
}
