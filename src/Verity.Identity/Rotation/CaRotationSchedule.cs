namespace Verity.Identity.Rotation;

/// <summary>
/// The rotation timeline of a CA living from NotBefore to NotAfter (life L), the thresholds of SPIRE's CA manager
/// (spire <c>pkg/server/ca/manager</c>: preparation divisor 2 capped at 30 days, activation divisor 6 capped at 7 days):
/// the next CA is prepared and published at NotAfter − min(L/2, 30 d); it is activated at NotAfter − max(min(L/6, 7 d), leaf TTL),
/// so every leaf the old CA signed (at most one leaf TTL long, and clamped to the CA) expires while the old CA is still in
/// the bundle; at NotAfter the old CA is dropped. With CA TTL ≥ 6× leaf TTL and short CAs, that is 1/2 and 5/6 of the life.
/// </summary>
public static class CaRotationSchedule
{
    public static readonly TimeSpan PreparationCap = TimeSpan.FromDays(30);
    public static readonly TimeSpan ActivationCap = TimeSpan.FromDays(7);

    public static DateTimeOffset PrepareAt(DateTimeOffset notBefore, DateTimeOffset notAfter) =>
        notAfter - Min((notAfter - notBefore) / 2, PreparationCap);

    public static DateTimeOffset ActivateAt(DateTimeOffset notBefore, DateTimeOffset notAfter, TimeSpan leafTtl) =>
        notAfter - Max(Min((notAfter - notBefore) / 6, ActivationCap), leafTtl);

    public static DateTimeOffset DropAt(DateTimeOffset notAfter) => notAfter;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
