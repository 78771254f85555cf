using Verity.Identity;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verity.Server.WorkloadApi.Entries;

/// <summary>
/// Reads a registration entries file (YAML; format in docs/workload-api.md):
/// <code>
/// - spiffeId: spiffe://example.org/billing
///   selectors: [unix:uid:1000]
/// </code>
/// or the same list under a top-level <c>entries:</c> key. Every problem is reported with file, line and column; valid
/// entries are kept. With a trust domain, an entry outside it is an error (the CA could not sign it). Without
/// <c>podsResolvable</c>, <c>k8s:ns</c>/<c>k8s:sa</c> selectors get a warning: nothing could match them.
/// </summary>
public static class RegistrationEntryLoader
{
    public static EntriesLoadResult Load(string path, TrustDomain? trustDomain = null, bool podsResolvable = false)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return new EntriesLoadResult { Problems = [new EntryProblem(true, path, 0, 0, EntryErrors.CannotRead(e.Message))] };
        }
        return Parse(path, text, trustDomain, podsResolvable);
    }

    public static EntriesLoadResult Parse(string file, string text, TrustDomain? trustDomain = null, bool podsResolvable = false)
    {
        var problems = new List<EntryProblem>();
        var entries = new List<RegistrationEntry>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            problems.Add(new EntryProblem(true, file, (int)e.Start.Line, (int)e.Start.Column, EntryErrors.Yaml(e.Message)));
            return new EntriesLoadResult { Problems = problems };
        }
        var root = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        if (root is YamlMappingNode top && top.Children.TryGetValue(new YamlScalarNode("entries"), out var list)) root = list;
        if (root is null || root is YamlScalarNode { Value: null or "" })
        {
            problems.Add(new EntryProblem(false, file, 0, 0, EntryErrors.NoEntries));
            return new EntriesLoadResult { Problems = problems };
        }
        if (root is not YamlSequenceNode sequence)
        {
            problems.Add(At(true, file, root, EntryErrors.NotAList));
            return new EntriesLoadResult { Problems = problems };
        }
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in sequence.Children)
        {
            var entry = ReadEntry(file, node, trustDomain, problems);
            if (entry is null) continue;
            var key = entry.SpiffeId + "|" + string.Join(",", entry.Selectors.Select(s => s.ToString()).Order(StringComparer.Ordinal));
            if (seen.TryGetValue(key, out var line))
            {
                problems.Add(At(false, file, node, EntryErrors.DuplicateEntry(entry.SpiffeId.ToString(), line)));
                continue;
            }
            seen[key] = entry.Line;
            if (!podsResolvable && entry.Selectors.Any(s => s.Kind is "k8s:ns" or "k8s:sa")) problems.Add(At(false, file, node, EntryErrors.K8sWithoutPodResolver));
            entries.Add(entry);
        }
        if (sequence.Children.Count == 0) problems.Add(At(false, file, sequence, EntryErrors.NoEntries));
        return new EntriesLoadResult { Entries = entries, Problems = problems };
    }

    private static RegistrationEntry? ReadEntry(string file, YamlNode node, TrustDomain? trustDomain, List<EntryProblem> problems)
    {
        if (node is not YamlMappingNode mapping)
        {
            problems.Add(At(true, file, node, EntryErrors.EntryNotAMapping));
            return null;
        }
        var errorsBefore = problems.Count(p => p.IsError);
        SpiffeId? id = null;
        YamlNode? selectorsNode = null;
        var hint = "";
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            switch (key)
            {
                case "spiffeId":
                    id = ReadId(file, value, trustDomain, problems);
                    break;
                case "selectors":
                    selectorsNode = value;
                    break;
                case "hint":
                    if (value is YamlScalarNode { Value: { } h }) hint = h;
                    else problems.Add(At(true, file, value, EntryErrors.NotAString("hint")));
                    break;
                default:
                    problems.Add(At(true, file, keyNode, EntryErrors.UnknownField(key)));
                    break;
            }
        }
        if (!mapping.Children.ContainsKey(new YamlScalarNode("spiffeId"))) problems.Add(At(true, file, mapping, EntryErrors.MissingSpiffeId));
        var selectors = ReadSelectors(file, mapping, selectorsNode, problems);
        if (problems.Count(p => p.IsError) > errorsBefore || id is null || selectors is null) return null;
        return new RegistrationEntry { SpiffeId = id.Value, Selectors = selectors, Hint = hint, Line = (int)mapping.Start.Line };
    }

    private static SpiffeId? ReadId(string file, YamlNode value, TrustDomain? trustDomain, List<EntryProblem> problems)
    {
        if (value is not YamlScalarNode { Value: { } text })
        {
            problems.Add(At(true, file, value, EntryErrors.NotAString("spiffeId")));
            return null;
        }
        if (!SpiffeId.TryParse(text, out var id, out var error))
        {
            problems.Add(At(true, file, value, EntryErrors.InvalidSpiffeId(text, error ?? "invalid")));
            return null;
        }
        if (trustDomain is { } td && !id.MemberOf(td))
        {
            problems.Add(At(true, file, value, EntryErrors.OtherTrustDomain(text, td.Name)));
            return null;
        }
        return id;
    }

    private static List<Selector>? ReadSelectors(string file, YamlMappingNode entry, YamlNode? node, List<EntryProblem> problems)
    {
        if (node is null or YamlScalarNode { Value: null or "" } or YamlSequenceNode { Children.Count: 0 })
        {
            problems.Add(At(true, file, node ?? entry, EntryErrors.MissingSelectors));
            return null;
        }
        if (node is not YamlSequenceNode sequence)
        {
            problems.Add(At(true, file, node, EntryErrors.SelectorsNotAList));
            return null;
        }
        var selectors = new List<Selector>();
        foreach (var item in sequence.Children)
        {
            if (item is not YamlScalarNode { Value: { } text })
            {
                problems.Add(At(true, file, item, EntryErrors.SelectorsNotAList));
                continue;
            }
            if (!Selector.TryParse(text, out var selector, out var error)) problems.Add(At(true, file, item, error!));
            else if (selectors.Contains(selector)) problems.Add(At(false, file, item, EntryErrors.DuplicateSelector(text)));
            else selectors.Add(selector);
        }
        return selectors;
    }

    private static EntryProblem At(bool isError, string file, YamlNode node, string message) =>
        new(isError, file, (int)node.Start.Line, (int)node.Start.Column, message);
}
