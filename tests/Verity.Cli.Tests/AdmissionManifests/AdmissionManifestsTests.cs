namespace Verity.Cli.Tests.AdmissionManifests;

/// <summary>
/// <c>verity admission manifests</c>: YAML that Verity's own loaders accept and its own checks pass, bad flags and configs
/// refused before anything is printed, and a private output file.
/// </summary>
public sealed class AdmissionManifestsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("verity-manifests-").FullName;

    [Fact]
    public async Task The_installation_passes_Pod_Security_restricted_and_loads_without_a_diagnostic()
    {
        var run = await Cli.RunAsync("admission", "manifests", "--namespace", "security", "--config", Path.Combine(RepoPaths.Root, "examples/shop/policy/verity-policy.yaml"));
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains("examples/shop/policy/verity-policy.yaml:31:11: warning VG1010", RepoPaths.Relative(run.Stderr), StringComparison.Ordinal);
        var file = Path.Combine(_dir, "install.yaml");
        await File.WriteAllTextAsync(file, run.Stdout);

        var pss = await Cli.RunAsync("pss", "check", "--level", "restricted", "-f", file, "-o", "json");
        Assert.Equal(ExitCodes.Ok, pss.ExitCode);
        Assert.Contains("\"resource\": \"security/deployment/verity\"", pss.Stdout, StringComparison.Ordinal);
        Assert.Equal("", pss.Stderr);

        // The policy config shipped in the ConfigMap is the file given, byte for byte.
        Assert.Contains("    apiVersion: verity.dev/v1alpha1", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("- --config\n        - /etc/verity/policy/verity-policy.yaml", run.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--timeout-seconds", "9" }, "error: --timeout-seconds must be 1 to 5, not 9\n")]
    [InlineData(new[] { "--namespace", "Team_A" }, "error: --namespace must be a DNS label (lowercase letters, digits and '-', at most 63), not 'Team_A'\n")]
    [InlineData(new[] { "--mutate", "none", "--mutate", "seccomp" }, "error: --mutate none cannot be combined with another mutation\n")]
    public async Task Bad_flags_print_nothing_and_exit_2(string[] flags, string message)
    {
        var run = await Cli.RunAsync(["admission", "manifests", .. flags]);
        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal(message, run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task An_invalid_policy_config_is_reported_with_its_position_and_nothing_is_printed()
    {
        var config = Path.Combine(_dir, "policy.yaml");
        await File.WriteAllTextAsync(config, "apiVersion: verity.dev/v1alpha1\nkind: PolicyConfig\nmetadata:\n  name: p\nspec:\n  policies:\n    VG-NOPE-001:\n      action: enforce\n");
        var run = await Cli.RunAsync("admission", "manifests", "--config", config);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.StartsWith($"{config}:7:5: error", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith($"error: --config {config} has errors (above); fix them before installing it\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Out_writes_a_file_only_its_owner_can_read()
    {
        var file = Path.Combine(_dir, "install.yaml");
        await File.WriteAllTextAsync(file, "old, world-readable");
        File.SetUnixFileMode(file, (UnixFileMode)0b110_100_100);
        var run = await Cli.RunAsync("admission", "manifests", "--out", file, "--watch-namespaces", "false", "--mutate", "no-automount");

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Equal("", run.Stdout);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var yaml = await File.ReadAllTextAsync(file);
        Assert.StartsWith("---\napiVersion: v1\nkind: Namespace\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("kind: ClusterRole", yaml, StringComparison.Ordinal);
        Assert.Contains("- --mutate-no-automount", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("- --mutate-seccomp", yaml, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
