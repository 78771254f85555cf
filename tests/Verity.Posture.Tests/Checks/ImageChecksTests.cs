using Verity.Posture.Checks;

namespace Verity.Posture.Tests.Checks;

public sealed class ImageChecksTests
{
    private static string WithImages(params string[] images) => TestSnapshots.Deployment("web",
        "containers:\n" + string.Concat(images.Select((image, i) => $"  - name: c{i}\n    image: \"{image}\"\n")));

    /// <summary>Container i's image value (its opening quote) sits on line 17 + 2i, column 18.</summary>
    private static string At(int container) => $"-:{17 + 2 * container}:18";

    [Fact]
    public void Latest_and_untagged_images_are_reported_at_the_image_field()
    {
        var yaml = WithImages(
            "nginx",                                    // no tag
            "nginx:latest",                             // :latest
            "registry.example.com:5000/shop/web",       // the port is not a tag
            "nginx:1.27.2",                             // a version
            "app:5000",                                 // a tag that looks like a port
            "nginx:latest@sha256:" + new string('a', 64), // the digest wins
            "localhost/app");                           // localhost is a registry: no tag
        var findings = new MutableImageTag().Evaluate(TestSnapshots.From(yaml)).ToList();

        Assert.Equal(
            [$"VT-IMG-001 shop/Deployment/web @ {At(0)}", $"VT-IMG-001 shop/Deployment/web @ {At(1)}",
             $"VT-IMG-001 shop/Deployment/web @ {At(2)}", $"VT-IMG-001 shop/Deployment/web @ {At(6)}"],
            TestSnapshots.Lines(findings));
        Assert.Equal("container \"c0\" image \"nginx\" has no tag (so :latest), so what runs changes with every push; pin a version or digest", findings[0].Message);
        Assert.Equal("container \"c1\" image \"nginx:latest\" uses :latest, so what runs changes with every push; pin a version or digest", findings[1].Message);
        Assert.Equal("Set the image to a release tag or, better, a digest: registry.example.com:5000/shop/web:<version> or …@sha256:<digest>.", findings[2].Remediation);
        Assert.Equal("Set the image to a release tag or, better, a digest: docker.io/nginx:<version> or …@sha256:<digest>.", findings[0].Remediation);
        Assert.Equal(["CIS 5.5.1", "NSA Building secure container images"], findings[0].Controls);
    }

    [Fact]
    public void An_invalid_reference_is_reported_once_by_VT_IMG_001_and_not_by_VT_IMG_002()
    {
        var yaml = WithImages("Shop/Web:1.0");
        var finding = Assert.Single(new MutableImageTag().Evaluate(TestSnapshots.From(yaml)));
        Assert.Equal("container \"c0\" has an invalid image reference \"Shop/Web:1.0\": repository name \"Web\" must be lowercase", finding.Message);
        Assert.Empty(TestSnapshots.Evaluate<ImageWithoutDigest>(yaml));
    }

    [Fact]
    public void Every_image_without_a_digest_is_reported_by_VT_IMG_002()
    {
        var digest = "sha256:" + new string('0', 64);
        var yaml = WithImages("nginx", "nginx:1.27.2", "nginx@" + digest, "host:5000/app:2@" + digest);
        var findings = new ImageWithoutDigest().Evaluate(TestSnapshots.From(yaml)).ToList();

        Assert.Equal([$"VT-IMG-002 shop/Deployment/web @ {At(0)}", $"VT-IMG-002 shop/Deployment/web @ {At(1)}"], TestSnapshots.Lines(findings));
        Assert.Equal("container \"c1\" image \"nginx:1.27.2\" is not pinned by digest; append @sha256:<digest>", findings[1].Message);
        Assert.Equal(Core.Model.Severity.Low, findings[1].Severity);
    }

    [Fact]
    public void Init_containers_are_checked_and_containers_without_an_image_are_skipped()
    {
        var yaml = TestSnapshots.Deployment("web", """
            initContainers:
              - name: init
                image: busybox
            containers:
              - name: filled-in-later
            """);
        Assert.Equal(["VT-IMG-001 shop/Deployment/web @ -:17:18"], TestSnapshots.Evaluate<MutableImageTag>(yaml));
    }
}
