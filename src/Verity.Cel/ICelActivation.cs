namespace Verity.Cel;

/// <summary>
/// Supplies variable values to an evaluation. Values may be <see cref="System.Text.Json.JsonElement"/>
/// (read lazily), <see cref="CelValue"/>, or plain .NET values (long/int, ulong, double, bool,
/// string, byte[], null, DateTimeOffset, TimeSpan, IDictionary, IEnumerable).
/// </summary>
public interface ICelActivation
{
    /// <summary>Returns false when <paramref name="name"/> is not bound.</summary>
    bool TryGetValue(string name, out object? value);
}
