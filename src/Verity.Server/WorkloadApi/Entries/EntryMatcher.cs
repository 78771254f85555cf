namespace Verity.Server.WorkloadApi.Entries;

/// <summary>
/// Which entries a caller gets: those whose selectors are ALL among the caller's (SPIRE's "subset" match). Pure. The
/// result keeps the file order and has each SPIFFE ID once (the first matching entry wins, so its hint is used).
/// </summary>
internal static class EntryMatcher
{
    public static IReadOnlyList<RegistrationEntry> Match(IReadOnlyList<RegistrationEntry> entries, IReadOnlySet<Selector> callerSelectors) =>
        entries.Where(e => e.Selectors.Count > 0 && e.Selectors.All(callerSelectors.Contains)).DistinctBy(e => e.SpiffeId).ToList();
}
