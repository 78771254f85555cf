namespace Verity.Cel.Runtime;

/// <summary>A comprehension variable binding (linked list, innermost first). Values are mutated in place per iteration.</summary>
internal sealed class Scope(Scope? parent, string name)
{
    public Scope? Parent { get; } = parent;

    public string Name { get; } = name;

    public object Value { get; set; } = Values.CelNull.Value;

    public bool TryFind(string name, out object value)
    {
        for (var s = this; s is not null; s = s.Parent)
        {
            if (s.Name == name)
            {
                value = s.Value;
                return true;
            }
        }

        value = null!;
        return false;
    }
}
