using Verity.Identity;
using Verity.Server.WorkloadApi.Entries;

namespace Verity.Server.Tests.WorkloadApi;

public sealed class RegistrationEntryLoaderTests
{
    private static readonly TrustDomain Td = TrustDomain.Parse("example.org");

    [Fact]
    public void A_valid_file_gives_its_entries_in_order()
    {
        var result = RegistrationEntryLoader.Parse("e.yaml", """
            - spiffeId: spiffe://example.org/billing
              selectors: [unix:uid:1000, "unix:gid:50"]
              hint: internal
            - spiffeId: spiffe://example.org/web
              selectors:
                - k8s:pod-uid:0c4bd3e5-8a1f-4c7e-9b0a-2f1d3c4b5a69
            """, Td);
        Assert.Empty(result.Problems);
        Assert.Equal(["spiffe://example.org/billing", "spiffe://example.org/web"], result.Entries.Select(e => e.SpiffeId.ToString()));
        Assert.Equal([new Selector("unix", "uid:1000"), new Selector("unix", "gid:50")], result.Entries[0].Selectors);
        Assert.Equal("internal", result.Entries[0].Hint);
        Assert.Equal(1, result.Entries[0].Line);
        Assert.Equal(4, result.Entries[1].Line);
    }

    [Fact]
    public void The_list_may_sit_under_an_entries_key()
    {
        var result = RegistrationEntryLoader.Parse("e.yaml", "entries:\n  - spiffeId: spiffe://example.org/a\n    selectors: [unix:uid:1]\n", Td);
        Assert.Empty(result.Problems);
        Assert.Single(result.Entries);
    }

    [Fact]
    public void Every_problem_is_reported_with_file_line_and_column_and_valid_entries_are_kept()
    {
        var result = RegistrationEntryLoader.Parse("entries.yaml", """
            - spiffeId: spiffe://example.org/ok
              selectors: [unix:uid:1]
            - spiffeId: spiffe://other.org/x
              selectors: [unix:uid:1]
            - spiffeId: spiffe://example.org/y
              selectors: [unix:uid:abc, unix:user:root, docker:label]
            - spiffeId: spiffe://example.org/z
            - selectors: [unix:uid:2]
              color: red
            - spiffeId: not-a-spiffe-id
              selectors: [unix:uid:3]
            """, Td);
        Assert.Equal(["spiffe://example.org/ok"], result.Entries.Select(e => e.SpiffeId.ToString()));
        Assert.True(result.HasErrors);
        var lines = result.Problems.Select(p => p.ToString()).ToList();
        Assert.Contains("entries.yaml:3:13: error: spiffeId 'spiffe://other.org/x' is not in the CA's trust domain example.org; the CA cannot issue it", lines);
        Assert.Contains("entries.yaml:6:15: error: selector 'unix:uid:abc': the value must be a user id (number)", lines);
        Assert.Contains(lines, l => l.StartsWith("entries.yaml:6:29: error: unknown selector 'unix:user'", StringComparison.Ordinal));
        Assert.Contains("entries.yaml:6:45: error: selector 'docker:label' is not of the form type:key:value (e.g. unix:uid:1000, k8s:ns:payments)", lines);
        Assert.Contains("entries.yaml:7:3: error: entry has no 'selectors': an entry without selectors would match every caller", lines);
        Assert.Contains("entries.yaml:9:3: error: unknown field 'color' (known: spiffeId, selectors, hint)", lines);
        Assert.Contains("entries.yaml:8:3: error: entry has no 'spiffeId'", lines);
        Assert.Contains(lines, l => l.StartsWith("entries.yaml:10:13: error: spiffeId 'not-a-spiffe-id': ", StringComparison.Ordinal));
    }

    [Fact]
    public void Broken_yaml_and_wrong_shapes_are_errors_not_exceptions()
    {
        var broken = RegistrationEntryLoader.Parse("e.yaml", "- spiffeId: [unclosed\n", Td);
        Assert.True(broken.HasErrors);
        Assert.StartsWith("e.yaml:", broken.Problems[0].ToString(), StringComparison.Ordinal);
        var mapping = RegistrationEntryLoader.Parse("e.yaml", "spiffeId: spiffe://example.org/a\n", Td);
        Assert.Equal("e.yaml:1:1: error: the entries file must be a list of entries (or a mapping with an 'entries' list)", Assert.Single(mapping.Problems).ToString());
        var empty = RegistrationEntryLoader.Parse("e.yaml", "", Td);
        Assert.False(empty.HasErrors);
        Assert.Equal("e.yaml: warning: the entries file has no entries: no workload will get an identity", Assert.Single(empty.Problems).ToString());
        var missing = RegistrationEntryLoader.Load("/nonexistent/entries.yaml", Td);
        Assert.StartsWith("/nonexistent/entries.yaml: error: cannot read the entries file:", Assert.Single(missing.Problems).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicates_and_k8s_selectors_without_a_resolver_are_warnings()
    {
        var result = RegistrationEntryLoader.Parse("e.yaml", """
            - spiffeId: spiffe://example.org/a
              selectors: [unix:uid:1, unix:uid:1]
            - spiffeId: spiffe://example.org/a
              selectors: [unix:uid:1]
            - spiffeId: spiffe://example.org/ns/pay/sa/api
              selectors: [k8s:ns:pay, k8s:sa:api]
            """, Td);
        Assert.False(result.HasErrors);
        Assert.Equal(2, result.Entries.Count);
        Assert.Equal([
            "e.yaml:2:27: warning: selector 'unix:uid:1' is listed twice",
            "e.yaml:3:3: warning: the same entry (spiffeId spiffe://example.org/a and selectors) is already at line 1",
            "e.yaml:5:3: warning: " + EntryErrors.K8sWithoutPodResolver,
        ], result.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void An_entry_matches_only_when_all_its_selectors_are_the_callers()
    {
        var entries = RegistrationEntryLoader.Parse("e.yaml", """
            - spiffeId: spiffe://example.org/a
              selectors: [unix:uid:1000]
            - spiffeId: spiffe://example.org/b
              selectors: [unix:uid:1000, unix:gid:20]
            - spiffeId: spiffe://example.org/c
              selectors: [unix:uid:1000, unix:gid:30]
            """, Td).Entries;
        var caller = new HashSet<Selector> { Selector.Unix("uid", 1000), Selector.Unix("gid", 20), Selector.Unix("pid", 77) };
        Assert.Equal(["spiffe://example.org/a", "spiffe://example.org/b"], EntryMatcher.Match(entries, caller).Select(e => e.SpiffeId.ToString()));
        Assert.Empty(EntryMatcher.Match(entries, new HashSet<Selector> { Selector.Unix("uid", 1001) }));
    }
}
