using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// An unknown value to bind in an activation, for partial evaluation (e.g. judging a policy offline
/// when <c>request.userInfo</c> or <c>params</c> are not known): expressions that need the value evaluate
/// to unknown (<see cref="CelResult.IsUnknown"/>), expressions decided without it still give a result
/// (<c>unknown || true</c> is true).
/// </summary>
public static class CelUnknownValue
{
    /// <param name="attribute">Name of the missing input, reported in <see cref="CelResult.UnknownAttributes"/>.</param>
    public static CelValue Of(string attribute)
    {
        ArgumentNullException.ThrowIfNull(attribute);
        return new CelValue(new CelUnknown([attribute]));
    }
}
