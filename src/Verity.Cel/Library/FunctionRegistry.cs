namespace Verity.Cel.Library;

/// <summary>
/// The open table of functions: overload id → implementation, grouped by function name.
/// Libraries (standard, strings, math, lists, sets, and later Kubernetes libraries) add
/// overloads with <see cref="Add(string, string, CelFunction)"/> using a signature string, e.g.
/// <c>Add("string_contains_string", "string.contains(string) -> bool", a => ...)</c> for a member
/// function or <c>Add("math_abs_int", "math.abs(int) -> int", ...)</c> for a global one.
/// Built once per environment and read-only afterwards (thread-safe for evaluation).
/// </summary>
internal sealed class FunctionRegistry
{
    private readonly Dictionary<string, List<Overload>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Overload> _byId = new(StringComparer.Ordinal);

    private readonly HashSet<string> _opaqueTypes = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Overload> ById => _byId;

    private readonly HashSet<string> _sizeDependent = new(Runtime.CostModel.DefaultSizeDependent, StringComparer.Ordinal);
    private readonly Dictionary<string, long> _fixedCost = new(StringComparer.Ordinal);

    /// <summary>Functions charged ceil(0.1 × size) per string/bytes/list/map argument (see <see cref="Runtime.CostModel"/>).</summary>
    public bool IsSizeDependent(string function) => _sizeDependent.Contains(function);

    /// <summary>Extra fixed cost of one call of <paramref name="function"/> (0 unless set).</summary>
    public long FixedCost(string function) => _fixedCost.TryGetValue(function, out var c) ? c : 0;

    /// <summary>Marks functions whose work is linear in the size of their arguments, so both cost counters charge by size.</summary>
    public void MarkSizeDependent(params string[] functions) => _sizeDependent.UnionWith(functions);

    /// <summary>Adds a fixed extra cost to every call of <paramref name="function"/> (e.g. 350,000 for Kubernetes authorizer checks).</summary>
    public void SetFixedCost(string function, long cost) => _fixedCost[function] = cost;

    /// <summary>Library-defined opaque type names (e.g. "net.IP"), usable as type identifiers in expressions.</summary>
    public IReadOnlySet<string> OpaqueTypes => _opaqueTypes;

    /// <summary>
    /// Declares an opaque type name so that the identifier (e.g. <c>net.IP</c> in <c>type(x) == net.IP</c>)
    /// resolves to that type; values of the type implement <see cref="Values.ICelOpaqueValue"/>.
    /// </summary>
    public void AddOpaqueType(string name) => _opaqueTypes.Add(name);

    public bool HasFunction(string name) => _byName.ContainsKey(name);

    public IReadOnlyList<Overload> Overloads(string name) =>
        _byName.TryGetValue(name, out var list) ? list : [];

    /// <summary>
    /// Adds an overload from a signature: <c>"recvType.name(argTypes) -> result"</c> for member
    /// functions, <c>"name(argTypes) -> result"</c> for global ones (the name may be dotted, like
    /// <c>math.abs</c>; a member signature is recognised by the ':' form <c>"string:contains(string) -> bool"</c>).
    /// Type notation is that of <see cref="CelType.ToString"/>; single capital letters are type parameters.
    /// Replaces an existing overload with the same id.
    /// </summary>
    public void Add(string id, string signature, CelFunction impl)
    {
        var arrow = signature.LastIndexOf("->", StringComparison.Ordinal);
        var result = CelType.Parse(signature[(arrow + 2)..].Trim());
        var head = signature[..arrow].Trim();
        var colon = head.StartsWith("_?_:_", StringComparison.Ordinal) ? -1 : head.IndexOf(':');
        CelType? receiver = null;
        if (colon >= 0)
        {
            receiver = CelType.Parse(head[..colon]);
            head = head[(colon + 1)..];
        }

        var lp = head.IndexOf('(');
        var name = head[..lp];
        var inner = head[(lp + 1)..^1];
        var ps = SplitTop(inner).Select(CelType.Parse).ToList();
        var member = receiver is not null;
        if (receiver is not null)
        {
            ps.Insert(0, receiver);
        }

        Add(new Overload(id, name, member, [.. ps], result, impl));
    }

    public void Add(Overload o)
    {
        if (_byId.TryGetValue(o.Id, out var old))
        {
            _byName[old.Function].Remove(old);
        }

        _byId[o.Id] = o;
        if (!_byName.TryGetValue(o.Function, out var list))
        {
            _byName[o.Function] = list = [];
        }

        list.Add(o);
    }

    private static List<string> SplitTop(string s)
    {
        var parts = new List<string>();
        if (string.IsNullOrWhiteSpace(s))
        {
            return parts;
        }

        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(')
            {
                depth++;
            }
            else if (s[i] == ')')
            {
                depth--;
            }
            else if (s[i] == ',' && depth == 0)
            {
                parts.Add(s[start..i].Trim());
                start = i + 1;
            }
        }

        parts.Add(s[start..].Trim());
        return parts;
    }
}
