namespace Verity.Cel.Checking;

/// <summary>
/// Type-parameter substitution, assignability and joins for the checker (modelled on cel-go's
/// checker/types.go). Wrapper types (google.protobuf.Int64Value...) are object types that also
/// accept their primitive and null; null is assignable to messages, wrappers, timestamps,
/// durations and optionals (legacy nullable types); dyn is assignable both ways.
/// </summary>
internal sealed class TypeUnifier
{
    private static readonly Dictionary<string, CelTypeKind> WrapperPrimitive = new(StringComparer.Ordinal)
    {
        ["google.protobuf.Int64Value"] = CelTypeKind.Int,
        ["google.protobuf.Int32Value"] = CelTypeKind.Int,
        ["google.protobuf.UInt64Value"] = CelTypeKind.Uint,
        ["google.protobuf.UInt32Value"] = CelTypeKind.Uint,
        ["google.protobuf.DoubleValue"] = CelTypeKind.Double,
        ["google.protobuf.FloatValue"] = CelTypeKind.Double,
        ["google.protobuf.BoolValue"] = CelTypeKind.Bool,
        ["google.protobuf.StringValue"] = CelTypeKind.String,
        ["google.protobuf.BytesValue"] = CelTypeKind.Bytes,
    };

    private Dictionary<string, CelType> _subst = new(StringComparer.Ordinal);
    private int _fresh;

    public static CelTypeKind? WrapperOf(CelType t) =>
        t.Kind == CelTypeKind.Object && WrapperPrimitive.TryGetValue(t.Name, out var k) ? k : null;

    public CelType Fresh() => CelType.Param("_T" + _fresh++);

    /// <summary>Renames the type parameters of an overload signature apart from all others.</summary>
    public CelType[] Instantiate(CelType[] types)
    {
        var map = new Dictionary<string, CelType>(StringComparer.Ordinal);
        CelType Rename(CelType t)
        {
            if (t.Kind == CelTypeKind.TypeParam)
            {
                if (!map.TryGetValue(t.Name, out var f))
                {
                    map[t.Name] = f = Fresh();
                }

                return f;
            }

            return t.Parameters.Count == 0 ? t : t.WithParameters([.. t.Parameters.Select(Rename)]);
        }

        return [.. types.Select(Rename)];
    }

    public Dictionary<string, CelType> Snapshot() => new(_subst, StringComparer.Ordinal);

    public void Restore(Dictionary<string, CelType> s) => _subst = s;

    public CelType Resolve(CelType t)
    {
        while (t.Kind == CelTypeKind.TypeParam && _subst.TryGetValue(t.Name, out var b))
        {
            t = b;
        }

        return t;
    }

    /// <summary>Fully substitutes; unbound parameters become dyn when <paramref name="finalize"/>.</summary>
    public CelType Substitute(CelType t, bool finalize)
    {
        t = Resolve(t);
        if (t.Kind == CelTypeKind.TypeParam)
        {
            return finalize ? CelType.Dyn : t;
        }

        return t.Parameters.Count == 0 ? t : t.WithParameters([.. t.Parameters.Select(p => Substitute(p, finalize))]);
    }

    private bool Occurs(string name, CelType t)
    {
        t = Resolve(t);
        return t.Kind == CelTypeKind.TypeParam ? t.Name == name : t.Parameters.Any(p => Occurs(name, p));
    }

    // The last type parameter of a binding chain (the one whose binding is not a parameter).
    private string LastParam(CelType t)
    {
        while (_subst.TryGetValue(t.Name, out var b) && b.Kind == CelTypeKind.TypeParam)
        {
            t = b;
        }

        return t.Name;
    }

    private void BindFreeToDyn(CelType t)
    {
        t = Resolve(t);
        if (t.Kind == CelTypeKind.TypeParam)
        {
            _subst[t.Name] = CelType.Dyn;
            return;
        }

        foreach (var p in t.Parameters)
        {
            BindFreeToDyn(p);
        }
    }

    private static bool IsNullable(CelType t) =>
        t.Kind is CelTypeKind.Object or CelTypeKind.Timestamp or CelTypeKind.Duration or CelTypeKind.Optional or CelTypeKind.Null;

    /// <summary>Whether a value of type <paramref name="arg"/> may be passed where <paramref name="param"/> is expected; binds parameters.</summary>
    public bool Unify(CelType param, CelType arg)
    {
        // A parameter already bound to a type widens when a more general argument arrives
        // (int then dyn → dyn; null then a message → the message; int then Int64Value → the wrapper).
        if (param.Kind == CelTypeKind.TypeParam && _subst.ContainsKey(param.Name))
        {
            var name = LastParam(param);
            var bound = Resolve(param);
            var a = Resolve(arg);
            if (bound.Kind != CelTypeKind.TypeParam && a.Kind != CelTypeKind.TypeParam)
            {
                if (a.Kind == CelTypeKind.Dyn
                    || (bound.Kind == CelTypeKind.Null && IsNullable(a))
                    || (WrapperOf(a) is { } w && bound.Kind == w))
                {
                    _subst[name] = a;
                    return true;
                }
            }
        }

        param = Resolve(param);
        arg = Resolve(arg);
        if (param.Kind == CelTypeKind.TypeParam)
        {
            if (arg.Kind == CelTypeKind.TypeParam && arg.Name == param.Name)
            {
                return true;
            }

            if (Occurs(param.Name, arg))
            {
                return false;
            }

            _subst[param.Name] = arg;
            return true;
        }

        if (arg.Kind == CelTypeKind.TypeParam)
        {
            if (Occurs(arg.Name, param))
            {
                return false;
            }

            _subst[arg.Name] = param;
            return true;
        }

        if (param.Kind is CelTypeKind.Dyn or CelTypeKind.Error || arg.Kind is CelTypeKind.Dyn or CelTypeKind.Error)
        {
            // Type parameters that meet dyn become dyn (e.g. list(A) given a dyn argument).
            BindFreeToDyn(param);
            BindFreeToDyn(arg);
            return true;
        }

        if (arg.Kind == CelTypeKind.Null && IsNullable(param))
        {
            return true;
        }

        if (WrapperOf(param) is { } pw && (arg.Kind == pw || (WrapperOf(arg) == pw)))
        {
            return true;
        }

        if (WrapperOf(arg) is { } aw && param.Kind == aw)
        {
            return true;
        }

        if (param.Kind == CelTypeKind.Type && arg.Kind == CelTypeKind.Type)
        {
            // Type values are compared at runtime: any type-of-type is assignable to another
            // (type(int) == type(uint) checks, like cel-go). Parameters are bound when they unify.
            if (param.Parameters.Count > 0 && arg.Parameters.Count > 0)
            {
                var saved = Snapshot();
                if (!Unify(param.Parameters[0], arg.Parameters[0]))
                {
                    Restore(saved);
                }
            }

            return true;
        }

        if (param.Kind != arg.Kind || param.Name != arg.Name || param.Parameters.Count != arg.Parameters.Count)
        {
            return false;
        }

        for (var i = 0; i < param.Parameters.Count; i++)
        {
            if (!Unify(param.Parameters[i], arg.Parameters[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The most specific type that holds values of both types (dyn if none), for list/map literals.</summary>
    public CelType Join(CelType a, CelType b)
    {
        a = Resolve(a);
        b = Resolve(b);
        if (a.Kind == CelTypeKind.Error)
        {
            return b;
        }

        if (b.Kind == CelTypeKind.Error)
        {
            return a;
        }

        if (a.Kind == CelTypeKind.Dyn || b.Kind == CelTypeKind.Dyn)
        {
            return CelType.Dyn;
        }

        if (a.Kind == CelTypeKind.TypeParam)
        {
            return Unify(a, b) ? b : CelType.Dyn;
        }

        if (b.Kind == CelTypeKind.TypeParam)
        {
            return Unify(b, a) ? a : CelType.Dyn;
        }

        if (a.Kind == CelTypeKind.Null)
        {
            return IsNullable(b) ? b : CelType.Dyn;
        }

        if (b.Kind == CelTypeKind.Null)
        {
            return IsNullable(a) ? a : CelType.Dyn;
        }

        if (WrapperOf(a) is { } wa && (b.Kind == wa || WrapperOf(b) == wa))
        {
            return a;
        }

        if (WrapperOf(b) is { } wb && a.Kind == wb)
        {
            return b;
        }

        if (a.Kind != b.Kind || a.Name != b.Name || a.Parameters.Count != b.Parameters.Count)
        {
            return CelType.Dyn;
        }

        if (a.Parameters.Count == 0)
        {
            return a;
        }

        var ps = new CelType[a.Parameters.Count];
        for (var i = 0; i < ps.Length; i++)
        {
            ps[i] = Join(a.Parameters[i], b.Parameters[i]);
        }

        return a.WithParameters(ps);
    }
}
