namespace Verity.Server.WorkloadApi.Entries;

/// <summary>Every message of the registration entries file, in one place.</summary>
internal static class EntryErrors
{
    public static string SelectorForm(string text) =>
        $"selector '{text}' is not of the form type:key:value (e.g. unix:uid:1000, k8s:ns:payments)";

    public static string UnknownSelector(string kind) =>
        $"unknown selector '{kind}'; known: {string.Join(", ", Selector.Known.Keys)}";

    public static string SelectorValue(string text, string expected) => $"selector '{text}': the value must be {expected}";

    public const string NotAList = "the entries file must be a list of entries (or a mapping with an 'entries' list)";

    public const string EntryNotAMapping = "an entry must be a mapping with 'spiffeId' and 'selectors'";

    public const string MissingSpiffeId = "entry has no 'spiffeId'";

    public const string MissingSelectors = "entry has no 'selectors': an entry without selectors would match every caller";

    public const string SelectorsNotAList = "'selectors' must be a list of strings such as unix:uid:1000";

    public static string UnknownField(string name) => $"unknown field '{name}' (known: spiffeId, selectors, hint)";

    public static string NotAString(string field) => $"'{field}' must be a string";

    public static string InvalidSpiffeId(string text, string reason) => $"spiffeId '{text}': {reason}";

    public static string OtherTrustDomain(string id, string trustDomain) =>
        $"spiffeId '{id}' is not in the CA's trust domain {trustDomain}; the CA cannot issue it";

    public static string DuplicateSelector(string selector) => $"selector '{selector}' is listed twice";

    public static string DuplicateEntry(string id, int line) => $"the same entry (spiffeId {id} and selectors) is already at line {line}";

    public static string Yaml(string reason) => $"not valid YAML: {reason}";

    public static string CannotRead(string reason) => $"cannot read the entries file: {reason}";

    public const string NoEntries = "the entries file has no entries: no workload will get an identity";

    public const string K8sWithoutPodResolver =
        "k8s:ns/k8s:sa selectors need the kubelet's pod directory (--kubelet-dir, default /var/lib/kubelet), which is not on this machine (docs/workload-api.md, \"Attestation limits\"); this entry matches no caller";
}
