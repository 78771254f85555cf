using Verity.Cel.Values;

namespace Verity.Cel;

/// <summary>
/// Error values a caller can bind in an activation: a variable whose own evaluation failed (a ValidatingAdmissionPolicy
/// variable, evaluated lazily) is bound to its error, which then propagates like any CEL error — and is absorbed by
/// <c>||</c>/<c>&amp;&amp;</c> — only where the variable is used.
/// </summary>
public static class CelErrorValue
{
    public static CelValue Of(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return new CelValue(new CelError(message));
    }
}
