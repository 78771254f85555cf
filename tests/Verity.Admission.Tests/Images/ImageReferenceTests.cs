using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Verity.Admission.Images;

namespace Verity.Admission.Tests.Images;

public sealed class ImageReferenceTests
{
    private static readonly string Sha = "sha256:" + string.Concat(Enumerable.Repeat("0123456789abcdef", 4));

    [Theory]
    // reference                                 registry                repository              tag          digest?
    [InlineData("nginx", null, "nginx", null, false)]
    [InlineData("nginx:latest", null, "nginx", "latest", false)]
    [InlineData("nginx:1.27.2-alpine", null, "nginx", "1.27.2-alpine", false)]
    [InlineData("library/nginx:1", null, "library/nginx", "1", false)]
    [InlineData("app:5000", null, "app", "5000", false)]
    [InlineData("host:5000/app", "host:5000", "app", null, false)]
    [InlineData("host:5000/team/app:v2", "host:5000", "team/app", "v2", false)]
    [InlineData("localhost/app", "localhost", "app", null, false)]
    [InlineData("localhost:5000/app:dev", "localhost:5000", "app", "dev", false)]
    [InlineData("registry.example.com/a/b/c:1", "registry.example.com", "a/b/c", "1", false)]
    [InlineData("[::1]:5000/app:1", "[::1]:5000", "app", "1", false)]
    [InlineData("ghcr.io/org/my_app__x-y.z:TAG_1", "ghcr.io", "org/my_app__x-y.z", "TAG_1", false)]
    [InlineData("team/app", null, "team/app", null, false)]
    [InlineData("Host/app", "Host", "app", null, false)] // an upper-case first component can only be a host
    public void Parses_names_tags_and_registries(string text, string? registry, string repository, string? tag, bool pinned)
    {
        Assert.True(ImageReference.TryParse(text, out var reference, out var error), error);
        Assert.Equal((registry, repository, tag, pinned), (reference.Registry, reference.Repository, reference.Tag, reference.IsDigestPinned));
        Assert.Equal(text, reference.Original);
    }

    [Fact]
    public void A_digest_is_split_off_before_the_tag()
    {
        Assert.True(ImageReference.TryParse($"host:5000/app:1.0@{Sha}", out var withTag, out _));
        Assert.Equal(("host:5000", "app", "1.0", Sha), (withTag.Registry, withTag.Repository, withTag.Tag, withTag.Digest));

        Assert.True(ImageReference.TryParse($"app@{Sha}", out var digestOnly, out _));
        Assert.Equal((null, "app", null, Sha), (digestOnly.Registry, digestOnly.Repository, digestOnly.Tag, digestOnly.Digest));
        Assert.True(digestOnly.IsDigestPinned);
    }

    [Fact]
    public void Defaults_are_docker_hub_and_latest()
    {
        Assert.True(ImageReference.TryParse("nginx", out var reference, out _));
        Assert.Equal(("docker.io", "latest"), (reference.EffectiveRegistry, reference.EffectiveTag));
    }

    [Theory]
    [InlineData("", "the reference is empty")]
    [InlineData("nginx ", "the reference contains whitespace")]
    [InlineData("Nginx", "repository name \"Nginx\" must be lowercase")]
    [InlineData("team/App", "repository name \"team/App\" must be lowercase")]
    [InlineData("nginx:", "invalid tag \"\" (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')")]
    [InlineData("nginx:.hidden", "invalid tag \".hidden\" (letters, digits, '_', '.', '-'; at most 128; not starting with '.' or '-')")]
    [InlineData(":1.0", "the repository name is empty")]
    [InlineData("app//x", "invalid repository path component \"\" (lowercase letters and digits, separated by '.', '_', '__' or '-')")]
    [InlineData("app_-x", "invalid repository path component \"app_-x\" (lowercase letters and digits, separated by '.', '_', '__' or '-')")]
    [InlineData("host:port/app", "invalid registry host \"host:port\"")]
    [InlineData("-host.com/app", "invalid registry host \"-host.com\"")]
    [InlineData("app@sha256:abc", "invalid sha256 digest: expected 64 lowercase hex characters")]
    [InlineData("app@sha256", "invalid digest \"sha256\" (expected algorithm:hex, e.g. sha256:…)")]
    [InlineData("app@1sha:0123456789abcdef0123456789abcdef", "invalid digest algorithm \"1sha\"")]
    public void Rejects_invalid_references_with_a_reason(string text, string expected)
    {
        Assert.False(ImageReference.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Upper_case_sha256_hex_and_overlong_tags_are_rejected()
    {
        Assert.False(ImageReference.TryParse("app@" + Sha.ToUpperInvariant().Replace("SHA256", "sha256"), out _, out _));
        Assert.False(ImageReference.TryParse("app:" + new string('a', 129), out _, out _));
        Assert.True(ImageReference.TryParse("app:" + new string('a', 128), out _, out _));
    }

    /// <summary>Any reference assembled from valid parts parses back into the same parts.</summary>
    [Property(MaxTest = 500)]
    public Property Assembled_references_parse_back_into_their_parts() =>
        Prop.ForAll(Parts().ToArbitrary(), p =>
        {
            var text = (p.Registry is null ? "" : p.Registry + "/") + p.Repository
                       + (p.Tag is null ? "" : ":" + p.Tag) + (p.Digest is null ? "" : "@" + p.Digest);
            return ImageReference.TryParse(text, out var r, out _)
                   && r.Registry == p.Registry && r.Repository == p.Repository && r.Tag == p.Tag && r.Digest == p.Digest;
        });

    private sealed record ImageParts(string? Registry, string Repository, string? Tag, string? Digest);

    private static Gen<ImageParts> Parts() =>
        from registry in Gen.Elements<string?>(null, "localhost", "localhost:5000", "host:5000", "registry.example.com", "my-reg.io:443", "[::1]:5000", "Upper.Case")
        from components in Gen.Elements("app", "a", "my_app", "x__y", "a-b", "a--b", "v1.2", "0ne").NonEmptyListOf().Resize(3)
        from tag in Gen.Elements<string?>(null, "latest", "1", "1.2.3", "v2_rc-1", "5000", "A")
        from digest in Gen.Elements<string?>(null, Sha, "sha512:" + new string('f', 128))
        where registry is not null || !components[0].Contains('.') // "v1.2/app" would be a registry host
        select new ImageParts(registry, string.Join('/', components), tag, digest);
}
