namespace Verity.Cel.Library;

/// <summary>
/// Implementation of one overload. Receives CEL values (never errors or unknowns: those are
/// propagated before the call) and returns a CEL value or a <see cref="Values.CelError"/>.
/// Must be pure and thread-safe, and must not throw for any input.
/// </summary>
internal delegate object CelFunction(object[] args);
