namespace Verity.Network.Generation;

/// <summary>
/// One peer of a generated rule: pods of namespace <see cref="Namespace"/> (by <c>kubernetes.io/metadata.name</c>)
/// matching <see cref="PodLabels"/>, or the address range <see cref="Cidr"/>.
/// </summary>
public sealed record GeneratedPeer(string? Namespace, IReadOnlyList<KeyValuePair<string, string>>? PodLabels, string? Cidr)
{
    public static GeneratedPeer Pods(string ns, IReadOnlyList<KeyValuePair<string, string>> labels) => new(ns, labels, null);
    public static GeneratedPeer Block(string cidr) => new(null, null, cidr);

    /// <summary>A stable text for ordering and de-duplication.</summary>
    public string Key => Cidr is { } cidr ? "2|" + cidr : $"1|{Namespace}|{string.Join(",", PodLabels!.Select(l => $"{l.Key}={l.Value}"))}";
}
