using System.Text;

namespace Verity.Kube.Tests.Support;

/// <summary>Writes kubeconfig files: one cluster, one token user and one context per entry, as kubectl would.</summary>
internal static class Kubeconfig
{
    public sealed record Entry(string Name, string Server, string Token);

    public static string Text(string? currentContext, params Entry[] entries)
    {
        var yaml = new StringBuilder("apiVersion: v1\nkind: Config\n");
        if (currentContext is not null) yaml.Append($"current-context: {currentContext}\n");
        yaml.Append("clusters:\n");
        foreach (var e in entries) yaml.Append($"- name: {e.Name}\n  cluster:\n    server: {e.Server}\n");
        yaml.Append("contexts:\n");
        foreach (var e in entries) yaml.Append($"- name: {e.Name}\n  context:\n    cluster: {e.Name}\n    user: {e.Name}-user\n");
        yaml.Append("users:\n");
        foreach (var e in entries) yaml.Append($"- name: {e.Name}-user\n  user:\n    token: {e.Token}\n");
        return yaml.ToString();
    }

    /// <summary>A kubeconfig with a single context "test" for <paramref name="server"/>, token "test-token".</summary>
    public static string For(TempDirectory dir, string server) =>
        dir.Write("kubeconfig", Text("test", new Entry("test", server, "test-token")));
}
