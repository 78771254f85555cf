namespace Verity.Cel.Runtime;

/// <summary>An activation over a dictionary of variable values.</summary>
internal sealed class DictionaryActivation(IReadOnlyDictionary<string, object?> values) : ICelActivation
{
    public bool TryGetValue(string name, out object? value) => values.TryGetValue(name, out value);
}
