using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

public sealed class DefaultServiceAccountTests
{
    [Fact]
    public void A_pod_spec_without_a_service_account_runs_as_default_and_is_reported_at_the_pod_spec()
    {
        var yaml = TestSnapshots.Deployment("web", """
            containers:
              - name: web
                image: web:1.0
            """);
        var findings = new DefaultServiceAccount().Evaluate(TestSnapshots.From(yaml)).ToList();

        Assert.Equal(["VT-IDN-001 shop/Deployment/web @ -:15:7"], TestSnapshots.Lines(findings));
        var finding = findings[0];
        Assert.Equal("Deployment \"web\" runs as the shared \"default\" service account; give it a ServiceAccount of its own", finding.Message);
        Assert.Equal("Create a ServiceAccount named after the workload (e.g. \"web\") in namespace \"shop\" and set serviceAccountName: web in the pod spec.", finding.Remediation);
        Assert.Equal("the pod spec sets no serviceAccountName, so the API server uses \"default\"", finding.Evidence);
        Assert.Equal(["CIS 5.1.5"], finding.Controls);
    }

    [Fact]
    public void Naming_default_explicitly_is_reported_at_the_field()
    {
        var yaml = TestSnapshots.Deployment("web", """
            serviceAccountName: default
            containers:
              - name: web
                image: web:1.0
            """);
        var finding = Assert.Single(new DefaultServiceAccount().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("-:15:27", finding.Source!.ToString());
        Assert.Equal("the pod spec sets serviceAccountName: default", finding.Evidence);
    }

    [Fact]
    public void The_deprecated_serviceAccount_alias_is_read()
    {
        var yaml = TestSnapshots.Deployment("web", """
            serviceAccount: default
            containers:
              - name: web
                image: web:1.0
            """) + "\n---\n" + TestSnapshots.Deployment("api", """
            serviceAccount: api
            containers:
              - name: api
                image: api:1.0
            """);
        Assert.Equal(["VT-IDN-001 shop/Deployment/web @ -:15:23"], TestSnapshots.Evaluate<DefaultServiceAccount>(yaml));
    }

    [Fact]
    public void A_dedicated_service_account_passes()
    {
        var yaml = TestSnapshots.Deployment("web", """
            serviceAccountName: web
            containers:
              - name: web
                image: web:1.0
            """);
        Assert.Empty(TestSnapshots.Evaluate<DefaultServiceAccount>(yaml));
    }

    [Fact]
    public void Bare_pods_and_cronjobs_point_at_their_own_pod_spec_path()
    {
        var yaml = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: debug
              namespace: shop
            spec:
              containers:
                - name: debug
                  image: busybox:1.36
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata:
              name: nightly
              namespace: shop
            spec:
              schedule: "0 1 * * *"
              jobTemplate:
                spec:
                  template:
                    spec:
                      serviceAccountName: default
                      restartPolicy: Never
                      containers:
                        - name: job
                          image: job:1.0
            """;
        Assert.Equal(
            ["VT-IDN-001 shop/Pod/debug @ -:7:3", "VT-IDN-001 shop/CronJob/nightly @ -:22:31"],
            TestSnapshots.Evaluate<DefaultServiceAccount>(yaml));
    }

    [Fact]
    public void A_deployment_dumped_with_its_replicaset_and_pods_is_one_subject_and_one_finding()
    {
        var yaml = TestSnapshots.Deployment("web", """
            containers:
              - name: web
                image: web:1.0
            """) + """

            ---
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: web-5d8f
              namespace: shop
              ownerReferences:
                - {apiVersion: apps/v1, kind: Deployment, name: web, controller: true}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  containers: [{name: web, image: "web:1.0"}]
            ---
            apiVersion: v1
            kind: Pod
            metadata:
              name: web-5d8f-x1
              namespace: shop
              ownerReferences:
                - {apiVersion: apps/v1, kind: ReplicaSet, name: web-5d8f, controller: true}
            spec:
              serviceAccountName: default
              containers: [{name: web, image: "web:1.0"}]
            """;
        var snapshot = TestSnapshots.From(yaml);
        var check = new DefaultServiceAccount();
        Assert.Equal(["shop/Deployment/web"], check.Subjects(snapshot).Select(s => s.Display));
        Assert.Equal(["VT-IDN-001 shop/Deployment/web @ -:15:7"], TestSnapshots.Lines(check.Evaluate(snapshot)));
    }
}
