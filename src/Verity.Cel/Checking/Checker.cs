using Verity.Cel.Library;
using Verity.Cel.Parsing;
using Verity.Cel.Runtime;
using Verity.Cel.Values;

namespace Verity.Cel.Checking;

/// <summary>
/// Static type checker (https://github.com/google/cel-spec/blob/master/doc/langdef.md#gradual-type-checking):
/// resolves identifiers against declared variables (honouring the container), resolves calls
/// against overload signatures with type-parameter unification, and computes the result type.
/// Gradual: anything of type dyn is accepted where a more specific type is expected, so
/// Kubernetes objects declared as dyn check like cel-go. Reports every issue it finds with the
/// node position; the type of a failed node is an error type that does not cascade.
/// </summary>
internal sealed class Checker
{
    private readonly EnvironmentCore _env;
    private readonly IReadOnlyDictionary<string, CelType> _variables;
    private readonly SourceText _source;
    private readonly TypeUnifier _u = new();

    public Checker(EnvironmentCore env, IReadOnlyDictionary<string, CelType> variables, SourceText source)
    {
        _env = env;
        _variables = variables;
        _source = source;
    }

    public List<CelIssue> Issues { get; } = [];

    private sealed record Locals(Locals? Parent, string Name, CelType Type)
    {
        public CelType? Find(string name)
        {
            for (var l = this; l is not null; l = l.Parent)
            {
                if (l.Name == name)
                {
                    return l.Type;
                }
            }

            return null;
        }
    }

    public CelType Check(Expr e) => _u.Substitute(Visit(e, null), finalize: true);

    private CelType Error(Expr e, string message)
    {
        Issues.Add(_source.Issue(e.Offset, message));
        return CelType.ErrorType;
    }

    private CelType Visit(Expr e, Locals? locals)
    {
        switch (e.Kind)
        {
            case ExprKind.Literal:
                return e.Value switch
                {
                    long => CelType.Int,
                    ulong => CelType.Uint,
                    double => CelType.Double,
                    bool => CelType.Bool,
                    string => CelType.String,
                    CelBytes => CelType.Bytes,
                    _ => CelType.Null,
                };
            case ExprKind.Ident:
            {
                if (!e.Name.StartsWith('.') && locals?.Find(e.Name) is { } lt)
                {
                    return lt;
                }

                return ResolveName(e.Name) ?? Error(e, $"undeclared reference to '{e.Name.TrimStart('.')}' (in container '{_env.Container}')");
            }

            case ExprKind.Select:
                return VisitSelect(e, locals);
            case ExprKind.Call:
                return VisitCall(e, locals);
            case ExprKind.List:
            {
                CelType elem = _u.Fresh();
                for (var i = 0; i < e.Args.Length; i++)
                {
                    var t = Visit(e.Args[i], locals);
                    if (e.Optional is not null && e.Optional[i])
                    {
                        t = OptionalInner(e.Args[i], t);
                    }

                    elem = i == 0 ? t : _u.Join(elem, t);
                }

                return CelType.List(elem);
            }

            case ExprKind.Map:
            {
                CelType key = _u.Fresh();
                CelType val = _u.Fresh();
                for (var i = 0; i < e.Args.Length; i++)
                {
                    var kt = Visit(e.Args[i], locals);
                    var vt = Visit(e.Values[i], locals);
                    if (e.Optional is not null && e.Optional[i])
                    {
                        vt = OptionalInner(e.Values[i], vt);
                    }

                    var rk = _u.Resolve(kt);
                    if (rk.Kind is not (CelTypeKind.Int or CelTypeKind.Uint or CelTypeKind.Bool or CelTypeKind.String or CelTypeKind.Dyn or CelTypeKind.TypeParam or CelTypeKind.Error))
                    {
                        Error(e.Args[i], $"unsupported map key type: {rk}");
                    }

                    key = i == 0 ? kt : _u.Join(key, kt);
                    val = i == 0 ? vt : _u.Join(val, vt);
                }

                return CelType.Map(key, val);
            }

            case ExprKind.Struct:
                return VisitStruct(e, locals);
            case ExprKind.Comprehension:
                return VisitComprehension(e, locals);
            default:
                return CelType.Dyn;
        }
    }

    private CelType OptionalInner(Expr at, CelType t)
    {
        var r = _u.Resolve(t);
        if (r.Kind == CelTypeKind.Optional)
        {
            return r.Parameters[0];
        }

        if (r.Kind is CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam)
        {
            return CelType.Dyn;
        }

        return Error(at, $"expected type 'optional_type' but found '{r}'");
    }

    /// <summary>A declared variable, type name or enum constant; null when unknown.</summary>
    private CelType? ResolveName(string name)
    {
        foreach (var cand in _env.Candidates(name))
        {
            if (_variables.TryGetValue(cand, out var t))
            {
                return t;
            }
        }

        return _env.ResolveTypeOrConstant(name) switch
        {
            long => CelType.Int,
            CelTypeValue tv => CelType.TypeOf(TypeFromName(tv.Name)),
            _ => null,
        };
    }

    private CelType TypeFromName(string name) => name switch
    {
        "int" => CelType.Int,
        "uint" => CelType.Uint,
        "double" => CelType.Double,
        "bool" => CelType.Bool,
        "string" => CelType.String,
        "bytes" => CelType.Bytes,
        "null_type" => CelType.Null,
        "list" => CelType.List(CelType.Dyn),
        "map" => CelType.Map(CelType.Dyn, CelType.Dyn),
        "type" => CelType.TypeOf(CelType.Dyn),
        "optional_type" => CelType.Optional(CelType.Dyn),
        _ => MessageType(name),
    };

    /// <summary>The CEL type of a protobuf message type name (well-known types map to CEL types).</summary>
    private static CelType MessageType(string name) => name switch
    {
        "google.protobuf.Timestamp" => CelType.Timestamp,
        "google.protobuf.Duration" => CelType.Duration,
        "google.protobuf.Struct" => CelType.Map(CelType.String, CelType.Dyn),
        "google.protobuf.ListValue" => CelType.List(CelType.Dyn),
        "google.protobuf.Value" or "google.protobuf.Any" => CelType.Dyn,
        _ => CelType.Object(name),
    };

    private static CelType FieldElementType(string type) => type switch
    {
        "int32" or "int64" or "sint32" or "sint64" or "sfixed32" or "sfixed64" => CelType.Int,
        "uint32" or "uint64" or "fixed32" or "fixed64" => CelType.Uint,
        "float" or "double" => CelType.Double,
        "bool" => CelType.Bool,
        "string" => CelType.String,
        "bytes" => CelType.Bytes,
        _ when type.StartsWith("enum:", StringComparison.Ordinal) => CelType.Int,
        _ when type.StartsWith("message:", StringComparison.Ordinal) => MessageType(type["message:".Length..]),
        _ => CelType.Dyn,
    };

    private static CelType FieldType(FieldDescriptor fd) =>
        fd.IsMap ? CelType.Map(FieldElementType(fd.KeyType!), FieldElementType(fd.Type))
        : fd.Repeated ? CelType.List(FieldElementType(fd.Type))
        : FieldElementType(fd.Type);

    private static string? Root(Expr e)
    {
        while (e.Kind == ExprKind.Select)
        {
            e = e.Target!;
        }

        return e.Kind == ExprKind.Ident ? e.Name : null;
    }

    private CelType VisitSelect(Expr e, Locals? locals)
    {
        if (!e.TestOnly && e.QualifiedName is not null)
        {
            var root = Root(e)!;
            var shadowed = !root.StartsWith('.') && locals?.Find(root) is not null;
            if (!shadowed && ResolveName(e.QualifiedName) is { } qt)
            {
                return qt;
            }
        }

        var operand = Visit(e.Target!, locals);
        var ft = FieldOf(e, _u.Resolve(operand), e.Name);
        return e.TestOnly ? (ft.Kind == CelTypeKind.Error ? ft : CelType.Bool) : ft;
    }

    private CelType FieldOf(Expr e, CelType t, string field)
    {
        switch (t.Kind)
        {
            case CelTypeKind.Dyn or CelTypeKind.TypeParam:
                return CelType.Dyn;
            case CelTypeKind.Error:
                return t;
            case CelTypeKind.Map:
                return t.Parameters[1];
            case CelTypeKind.Optional:
            {
                var inner = FieldOf(e, _u.Resolve(t.Parameters[0]), field);
                return inner.Kind == CelTypeKind.Error ? inner : CelType.Optional(inner);
            }

            case CelTypeKind.Object:
                if (_env.Types.Messages.TryGetValue(t.Name, out var desc))
                {
                    return desc.Fields.TryGetValue(field, out var fd) ? FieldType(fd) : Error(e, $"undefined field '{field}'");
                }

                return CelType.Dyn;
            default:
                return Error(e, $"type '{t}' does not support field selection");
        }
    }

    private CelType VisitStruct(Expr e, Locals? locals)
    {
        var name = _env.ResolveMessageName(e.Name);
        foreach (var a in e.Args)
        {
            Visit(a, locals);
        }

        if (name is null)
        {
            return Error(e, $"undeclared reference to '{e.Name}' (in container '{_env.Container}')");
        }

        var desc = _env.Types.Messages[name];
        for (var i = 0; i < e.FieldNames.Length; i++)
        {
            if (!desc.Fields.ContainsKey(e.FieldNames[i]))
            {
                Error(e.Args[i], $"undefined field '{e.FieldNames[i]}'");
            }
        }

        return MessageSupport.IsWrapper(name) ? CelType.Object(name) : MessageType(name);
    }

    private CelType VisitComprehension(Expr e, Locals? locals)
    {
        var range = _u.Resolve(Visit(e.IterRange!, locals));
        CelType v1, v2;
        switch (range.Kind)
        {
            case CelTypeKind.List:
                (v1, v2) = e.IterVar2 is null ? (range.Parameters[0], CelType.Dyn) : (CelType.Int, range.Parameters[0]);
                break;
            case CelTypeKind.Map:
                (v1, v2) = (range.Parameters[0], range.Parameters[1]);
                break;
            case CelTypeKind.Dyn or CelTypeKind.Error or CelTypeKind.TypeParam:
                (v1, v2) = (CelType.Dyn, CelType.Dyn);
                break;
            default:
                Error(e.IterRange!, $"expression of type '{range}' cannot be the range of a comprehension (must be list, map, or dynamic)");
                (v1, v2) = (CelType.Dyn, CelType.Dyn);
                break;
        }

        var accuType = Visit(e.AccuInit!, locals);
        var accu = new Locals(locals, e.AccuVar, accuType);
        var inner = new Locals(accu, e.IterVar, v1);
        if (e.IterVar2 is not null)
        {
            inner = new Locals(inner, e.IterVar2, v2);
        }

        Visit(e.LoopCondition!, inner);
        var step = Visit(e.LoopStep!, inner);
        if (!_u.Unify(accuType, step))
        {
            Error(e.LoopStep!, $"comprehension step type '{_u.Substitute(step, true)}' does not match accumulator type '{_u.Substitute(accuType, true)}'");
        }

        return Visit(e.Result!, accu);
    }

    private CelType VisitCall(Expr e, Locals? locals)
    {
        var argTypes = new List<CelType>();
        if (e.Target is not null)
        {
            argTypes.Add(Visit(e.Target, locals));
        }

        foreach (var a in e.Args)
        {
            argTypes.Add(Visit(a, locals));
        }

        if (e.Name == "_?._" && e.Args.Length == 2 && e.Args[1].Value is string field)
        {
            var t = _u.Resolve(argTypes[0]);
            var inner = t.Kind == CelTypeKind.Optional ? _u.Resolve(t.Parameters[0]) : t;
            var ft = FieldOf(e, inner, field);
            return ft.Kind == CelTypeKind.Error ? ft : CelType.Optional(ft);
        }

        if (argTypes.Any(t => _u.Resolve(t).Kind == CelTypeKind.Error))
        {
            return CelType.ErrorType;
        }

        var overloads = _env.Functions.Overloads(e.Name);
        if (overloads.Count == 0)
        {
            return Error(e, $"undeclared reference to '{e.Name}' (in container '{_env.Container}')");
        }

        var isMember = e.Target is not null;
        CelType? result = null;
        Dictionary<string, CelType>? committed = null;
        foreach (var o in overloads)
        {
            if (o.IsMember != isMember || o.Params.Length != argTypes.Count)
            {
                continue;
            }

            var before = _u.Snapshot();
            var sig = _u.Instantiate([.. o.Params, o.Result]);
            var ok = true;
            for (var i = 0; i < argTypes.Count && ok; i++)
            {
                ok = _u.Unify(sig[i], argTypes[i]);
            }

            if (ok)
            {
                var rt = _u.Substitute(sig[^1], finalize: false);
                if (result is null)
                {
                    result = rt;
                    committed = _u.Snapshot();
                }
                else if (!_u.Substitute(result, false).Equals(rt))
                {
                    // Several overloads match (dyn arguments): the result is their join.
                    result = _u.Join(result, rt);
                }
            }

            _u.Restore(before);
        }

        if (result is null)
        {
            var shown = argTypes.Select(t => _u.Substitute(t, true).ToString()).ToList();
            var sig = isMember ? $"{shown[0]}.({string.Join(", ", shown.Skip(1))})" : $"({string.Join(", ", shown)})";
            return Error(e, $"found no matching overload for '{e.Name}' applied to '{sig}'");
        }

        _u.Restore(committed!);
        return result;
    }
}
