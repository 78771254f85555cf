using System.Runtime.Versioning;
using Verity.Identity.Bundles;
using Verity.Identity.Store;
using Verity.Identity.X509;

namespace Verity.Identity.Tests;

/// <summary>The CA directory store: files, modes and loading back.</summary>
[UnsupportedOSPlatform("windows")]
public sealed class CaDirectoryTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-id-").FullName;
    private readonly ManualClock _clock = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_saved_ca_has_its_files_with_safe_modes_and_loads_back()
    {
        var store = new CaDirectory(Path.Combine(_dir, "ca"));
        Assert.False(store.HasCa);
        var options = TestPki.Options(leafTtl: TimeSpan.FromMinutes(30));
        using var ca = CertificateAuthorities.CreateRoot(options, _clock).Authority!;
        store.Save(ca, options);
        Assert.True(store.HasCa);
        Assert.Equal(["bundle.crt", "bundle.jwks.json", "ca.crt", "ca.json", "ca.key"], Directory.GetFiles(store.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(store.Path, "ca.key")));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(store.Path));
            Assert.False(File.GetUnixFileMode(Path.Combine(store.Path, "ca.crt")).HasFlag(UnixFileMode.OtherWrite));
        }
        var loaded = store.Load();
        Assert.True(loaded.Succeeded, string.Join("; ", loaded.Errors));
        using var again = loaded.Authority;
        Assert.Equal(ca.Certificate.Thumbprint, again.Certificate.Thumbprint);
        Assert.Equal(TimeSpan.FromMinutes(30), loaded.Options.LeafTtl);
        var bundle = store.LoadBundle(again.TrustDomain);
        Assert.True(bundle.Succeeded);
        Assert.Equal(1UL, bundle.Bundle.SequenceNumber);
        Assert.Equal(TimeSpan.FromMinutes(5), bundle.Bundle.RefreshHint);
    }

    [Fact]
    public void Overwriting_keeps_the_key_private()
    {
        var store = new CaDirectory(_dir);
        File.WriteAllText(Path.Combine(_dir, "ca.key"), "old");
        File.SetUnixFileMode(Path.Combine(_dir, "ca.key"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        using var ca = TestPki.Root(_clock);
        store.Save(ca, TestPki.Options());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_dir, "ca.key")));
        Assert.Empty(Directory.GetFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void Missing_or_broken_directories_are_explained()
    {
        Assert.Equal([$"CA directory {_dir}/none does not exist; create a CA with 'verity identity ca init'"], new CaDirectory(Path.Combine(_dir, "none")).Load().Errors);
        Assert.Equal([$"{_dir}/ca.crt is missing; is {_dir} a CA directory made by 'verity identity ca init'?"], new CaDirectory(_dir).Load().Errors);
        File.WriteAllText(Path.Combine(_dir, "ca.crt"), "x");
        File.WriteAllText(Path.Combine(_dir, "ca.key"), "x");
        File.WriteAllText(Path.Combine(_dir, "bundle.crt"), "x");
        Assert.Equal([$"{_dir}/ca.crt: no PEM CERTIFICATE block found"], new CaDirectory(_dir).Load().Errors);
    }

    [Fact]
    public void An_svid_is_written_with_a_private_key_file()
    {
        using var ca = TestPki.Root(_clock);
        using var svid = TestPki.Issue(ca, _clock);
        var outDir = Path.Combine(_dir, "out");
        CaDirectory.WriteSvid(outDir, svid, CaDirectory.BundleOf(ca));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(outDir, "svid.key")));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", File.ReadAllText(Path.Combine(outDir, "svid.crt")));
        Assert.True(BundleParser.Parse(ca.TrustDomain, File.ReadAllText(Path.Combine(outDir, "bundle.crt"))).Bundle!.ContainsAuthority(ca.Certificate));
    }
}
