using Verity.Cel.Library;
using Verity.Cel.Parsing;
using Verity.Cel.Values;

namespace Verity.Cel.Runtime;

/// <summary>
/// Tree-walking evaluator of a parsed expression. One instance per evaluation (holds the
/// activation, cost counter and variable cache); the expression tree and registries are shared
/// and read-only. Semantics follow https://github.com/google/cel-spec/blob/master/doc/langdef.md:
/// strict functions propagate the first error argument; <c>&amp;&amp;</c>/<c>||</c> are commutative
/// and absorb errors (false &amp;&amp; error == false, error || true == true); equality is
/// heterogeneous across numeric types. Every evaluated node adds to the runtime cost; the cost
/// limit is checked on every addition, so every comprehension iteration is checked.
/// </summary>
internal sealed class Interpreter
{
    private readonly ICelActivation _activation;
    private readonly EnvironmentCore _env;
    private readonly long _costLimit;
    private readonly CancellationToken _cancel;
    private readonly Dictionary<string, object?> _varCache = new(StringComparer.Ordinal);
    private long _cost;
    private int _ticks;

    private readonly IReadOnlyDictionary<string, CelType>? _declared;

    /// <param name="declared">When the program was type-checked, the declared variables: only these names are looked up in the activation.</param>
    public Interpreter(EnvironmentCore env, ICelActivation activation, long costLimit, CancellationToken cancel, IReadOnlyDictionary<string, CelType>? declared = null)
    {
        _declared = declared;
        _env = env;
        _activation = activation;
        _costLimit = costLimit;
        _cancel = cancel;
    }

    public long ActualCost => _cost;

    private void AddCost(long c)
    {
        _cost += c;
        if (_cost > _costLimit)
        {
            throw new CostLimitExceededException();
        }

        if ((++_ticks & 0x3FF) == 0)
        {
            _cancel.ThrowIfCancellationRequested();
        }
    }

    public object Eval(Expr e, Scope? scope)
    {
        switch (e.Kind)
        {
            case ExprKind.Literal:
                return e.Value!;
            case ExprKind.Ident:
                AddCost(1);
                return EvalIdent(e, scope);
            case ExprKind.Select:
                AddCost(1);
                return EvalSelect(e, scope);
            case ExprKind.Call:
                AddCost(1);
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                return EvalCall(e, scope);
            case ExprKind.List:
                AddCost(1);
                return EvalList(e, scope);
            case ExprKind.Map:
                AddCost(1);
                return EvalMap(e, scope);
            case ExprKind.Struct:
                AddCost(1);
                return EvalStruct(e, scope);
            case ExprKind.Comprehension:
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                return EvalComprehension(e, scope);
            default:
                return new CelError("unknown expression kind");
        }
    }

    private object EvalIdent(Expr e, Scope? scope)
    {
        if (scope is not null && !e.Name.StartsWith('.') && scope.TryFind(e.Name, out var local))
        {
            return local;
        }

        if (TryResolveName(e.Name, out var v))
        {
            return v;
        }

        return new CelError($"undeclared reference to '{e.Name.TrimStart('.')}' (in container '{_env.Container}')");
    }

    /// <summary>Resolves a (possibly dotted) name against the activation, types and enum constants, honouring the container.</summary>
    private bool TryResolveName(string name, out object value)
    {
        foreach (var candidate in _env.Candidates(name))
        {
            if (_declared is not null && !_declared.ContainsKey(candidate))
            {
                continue;
            }

            if (_varCache.TryGetValue(candidate, out var cached))
            {
                if (cached is not null)
                {
                    value = cached;
                    return true;
                }

                continue;
            }

            if (_activation.TryGetValue(candidate, out var raw))
            {
                var cv = ValueConverter.FromClr(raw);
                _varCache[candidate] = cv;
                value = cv;
                return true;
            }

            _varCache[candidate] = null;
        }

        var t = _env.ResolveTypeOrConstant(name);
        if (t is not null)
        {
            value = t;
            return true;
        }

        value = null!;
        return false;
    }

    private static string? RootName(Expr e)
    {
        while (e.Kind == ExprKind.Select)
        {
            e = e.Target!;
        }

        return e.Kind == ExprKind.Ident ? e.Name : null;
    }

    private object EvalSelect(Expr e, Scope? scope)
    {
        object operand;
        if (!e.TestOnly && e.QualifiedName is not null)
        {
            var root = RootName(e)!;
            var isLocal = scope is not null && !root.StartsWith('.') && scope.TryFind(root, out _);
            if (!isLocal && TryResolveName(e.QualifiedName, out var resolved))
            {
                return resolved;
            }
        }

        operand = Eval(e.Target!, scope);
        if (operand is CelError or CelUnknown)
        {
            return operand;
        }

        if (e.TestOnly)
        {
            return TestField(operand, e.Name);
        }

        if (operand is CelOptional opt)
        {
            // Selection on an optional value chains: optional.none().f == optional.none().
            if (!opt.HasValue)
            {
                return opt;
            }

            var inner = SelectField(opt.Value!, e.Name, optional: true);
            return inner;
        }

        return SelectField(operand, e.Name, optional: false);
    }

    private object TestField(object operand, string field) => operand switch
    {
        CelOptional o => o.HasValue ? TestField(o.Value!, field) : false,
        CelMap m => m.TryGet(field, out _),
        CelMessage msg => MessageSupport.Has(msg, field),
        _ => new CelError($"invalid type for field selection: {ValueOps.TypeOf(operand)}"),
    };

    private object SelectField(object operand, string field, bool optional)
    {
        switch (operand)
        {
            case CelMap m:
                if (m.TryGet(field, out var v))
                {
                    return optional ? CelOptional.Of(v) : v;
                }

                return optional ? CelOptional.None : new CelError($"no such key: {field}");
            case CelMessage msg:
            {
                if (optional)
                {
                    if (!msg.Descriptor.Fields.ContainsKey(field))
                    {
                        return new CelError($"no such field '{field}'");
                    }

                    return MessageSupport.Has(msg, field) is true ? CelOptional.Of(MessageSupport.Get(msg, field, _env.Types)) : CelOptional.None;
                }

                return MessageSupport.Get(msg, field, _env.Types);
            }

            default:
                return new CelError($"type '{ValueOps.TypeOf(operand)}' does not support field selection");
        }
    }

    private object EvalList(Expr e, Scope? scope)
    {
        var items = new List<object>(e.Args.Length);
        for (var i = 0; i < e.Args.Length; i++)
        {
            var v = Eval(e.Args[i], scope);
            if (v is CelError or CelUnknown)
            {
                return v;
            }

            if (e.Optional is not null && e.Optional[i])
            {
                if (v is not CelOptional o)
                {
                    return new CelError("optional list element is not an optional value");
                }

                if (o.HasValue)
                {
                    items.Add(o.Value!);
                }

                continue;
            }

            items.Add(v);
        }

        return items.Count == 0 ? ArrayCelList.Empty : new ArrayCelList([.. items]);
    }

    private object EvalMap(Expr e, Scope? scope)
    {
        var m = new DictCelMap();
        for (var i = 0; i < e.Args.Length; i++)
        {
            var k = Eval(e.Args[i], scope);
            if (k is CelError or CelUnknown)
            {
                return k;
            }

            var v = Eval(e.Values[i], scope);
            if (v is CelError or CelUnknown)
            {
                return v;
            }

            if (!CelMap.IsValidKeyType(k))
            {
                return new CelError($"unsupported key type: {ValueOps.TypeOf(k)}");
            }

            if (e.Optional is not null && e.Optional[i])
            {
                if (v is not CelOptional o)
                {
                    return new CelError("optional map entry value is not an optional value");
                }

                if (!o.HasValue)
                {
                    continue;
                }

                v = o.Value!;
            }

            if (!m.TryAdd(k, v))
            {
                return new CelError($"Failed with repeated key: {ValueOps.Format(k)}");
            }
        }

        return m;
    }

    private object EvalStruct(Expr e, Scope? scope)
    {
        var typeName = _env.ResolveMessageName(e.Name);
        if (typeName is null)
        {
            return new CelError($"unknown type: {e.Name}");
        }

        var values = new List<(string, object)>();
        for (var i = 0; i < e.Args.Length; i++)
        {
            var v = Eval(e.Args[i], scope);
            if (v is CelError or CelUnknown)
            {
                return v;
            }

            if (e.Optional is not null && e.Optional[i])
            {
                if (v is not CelOptional o)
                {
                    return new CelError("optional field value is not an optional value");
                }

                if (!o.HasValue)
                {
                    continue;
                }

                v = o.Value!;
            }

            values.Add((e.FieldNames[i], v));
        }

        return MessageSupport.Create(_env.Types, typeName, values);
    }

    private object EvalComprehension(Expr e, Scope? scope)
    {
        var range = Eval(e.IterRange!, scope);
        if (range is CelError or CelUnknown)
        {
            return range;
        }

        var accuInit = Eval(e.AccuInit!, scope);
        var accu = new Scope(scope, e.AccuVar) { Value = accuInit };
        var v1 = new Scope(accu, e.IterVar);
        var v2 = e.IterVar2 is null ? null : new Scope(v1, e.IterVar2);
        var inner = v2 ?? v1;

        bool Step()
        {
            AddCost(1);
            var cond = Eval(e.LoopCondition!, inner);
            if (cond is false)
            {
                return false;
            }

            accu.Value = Eval(e.LoopStep!, inner);
            return true;
        }

        switch (range)
        {
            case CelList list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (v2 is null)
                    {
                        v1.Value = list[i];
                    }
                    else
                    {
                        v1.Value = (long)i;
                        v2.Value = list[i];
                    }

                    if (!Step())
                    {
                        break;
                    }
                }

                break;
            case CelMap map:
                foreach (var key in map.Keys)
                {
                    v1.Value = key;
                    if (v2 is not null)
                    {
                        map.TryGet(key, out var mv);
                        v2.Value = mv;
                    }

                    if (!Step())
                    {
                        break;
                    }
                }

                break;
            default:
                return new CelError($"cannot iterate over value of type '{ValueOps.TypeOf(range)}'");
        }

        return Eval(e.Result!, accu);
    }

    private object EvalCall(Expr e, Scope? scope)
    {
        switch (e.Name)
        {
            case "_&&_" when e.Target is null && e.Args.Length == 2:
                return EvalLogical(e, scope, isAnd: true);
            case "_||_" when e.Target is null && e.Args.Length == 2:
                return EvalLogical(e, scope, isAnd: false);
            case "_?_:_" when e.Target is null && e.Args.Length == 3:
            {
                var c = Eval(e.Args[0], scope);
                return c switch
                {
                    true => Eval(e.Args[1], scope),
                    false => Eval(e.Args[2], scope),
                    CelError or CelUnknown => c,
                    _ => CelError.NoSuchOverload("_?_:_"),
                };
            }

            case "@not_strictly_false" when e.Args.Length == 1:
            {
                var v = Eval(e.Args[0], scope);
                return v is not false;
            }

            case "or" or "orValue" when e.Target is not null && e.Args.Length == 1:
            {
                var t = Eval(e.Target, scope);
                if (t is CelOptional o)
                {
                    if (o.HasValue)
                    {
                        return e.Name == "or" ? o : o.Value!;
                    }

                    var alt = Eval(e.Args[0], scope);
                    if (e.Name == "or" && alt is not CelOptional and not CelError and not CelUnknown)
                    {
                        return CelError.NoSuchOverload("or");
                    }

                    return alt;
                }

                return t is CelError or CelUnknown ? t : CelError.NoSuchOverload(e.Name);
            }
        }

        // Strict evaluation of receiver and arguments.
        var n = e.Args.Length + (e.Target is null ? 0 : 1);
        var args = new object[n];
        var k = 0;
        if (e.Target is not null)
        {
            args[k++] = Eval(e.Target, scope);
        }

        foreach (var a in e.Args)
        {
            args[k++] = Eval(a, scope);
        }

        CelUnknown? unknown = null;
        foreach (var a in args)
        {
            if (a is CelError)
            {
                return a;
            }

            if (a is CelUnknown u)
            {
                unknown = unknown is null ? u : unknown.Merge(u);
            }
        }

        if (unknown is not null)
        {
            return unknown;
        }

        var fixedCost = _env.Functions.FixedCost(e.Name);
        if (fixedCost > 0)
        {
            AddCost(fixedCost);
        }

        if (_env.Functions.IsSizeDependent(e.Name))
        {
            long extra = 0;
            foreach (var a in args)
            {
                extra += CostModel.SizeCost(a);
            }

            if (extra > 0)
            {
                AddCost(extra);
            }
        }

        switch (e.Name)
        {
            case "_==_" when args.Length == 2:
                return ValueOps.Equal(args[0], args[1]);
            case "_!=_" when args.Length == 2:
                return !ValueOps.Equal(args[0], args[1]);
            case "@in" when args.Length == 2:
                return In(args[0], args[1]);
            case "_[_]" when args.Length == 2:
                return Index(args[0], args[1], optional: false);
            case "_[?_]" when args.Length == 2:
                return Index(args[0], args[1], optional: true);
            case "_?._" when args.Length == 2:
            {
                var field = (string)args[1];
                if (args[0] is CelOptional o)
                {
                    return o.HasValue ? SelectField(o.Value!, field, optional: true) : o;
                }

                return SelectField(args[0], field, optional: true);
            }
        }

        return Dispatch(e, args);
    }

    private object Dispatch(Expr e, object[] args)
    {
        var isMember = e.Target is not null;
        var overloads = _env.Functions.Overloads(e.Name);
        if (overloads.Count == 0)
        {
            return new CelError($"unbound function: {e.Name}");
        }

        foreach (var o in overloads)
        {
            if (o.IsMember != isMember || o.Params.Length != args.Length)
            {
                continue;
            }

            var ok = true;
            for (var i = 0; i < args.Length && ok; i++)
            {
                ok = Matches(o.Params[i], args[i]) && !(o.Params[i].Kind == CelTypeKind.Object && args[i] is CelMap && _env.Functions.OpaqueTypes.Contains(o.Params[i].Name));
            }

            if (ok)
            {
                try
                {
                    return o.Impl(args);
                }
                catch (Exception ex) when (ex is not (CostLimitExceededException or OperationCanceledException or InsufficientExecutionStackException))
                {
                    // Implementations must not throw; a library bug becomes a visible error value, not a crash.
                    return new CelError($"internal error in overload '{o.Id}': {ex.GetType().Name}: {ex.Message}");
                }
            }
        }

        return CelError.NoSuchOverload(e.Name);
    }

    /// <summary>Whether a runtime value can be passed for a parameter of type <paramref name="t"/> (element types are not checked).</summary>
    internal static bool Matches(CelType t, object v) => t.Kind switch
    {
        CelTypeKind.Dyn or CelTypeKind.TypeParam => true,
        CelTypeKind.Int => v is long,
        CelTypeKind.Uint => v is ulong,
        CelTypeKind.Double => v is double,
        CelTypeKind.Bool => v is bool,
        CelTypeKind.String => v is string,
        CelTypeKind.Bytes => v is CelBytes,
        CelTypeKind.Null => v is CelNull,
        CelTypeKind.List => v is CelList,
        CelTypeKind.Map => v is CelMap,
        CelTypeKind.Timestamp => v is CelTimestamp,
        CelTypeKind.Duration => v is CelDuration,
        CelTypeKind.Optional => v is CelOptional,
        CelTypeKind.Type => v is CelTypeValue,
        CelTypeKind.Object => v switch
        {
            CelMessage m => m.TypeName == t.Name,
            ICelOpaqueValue o => o.TypeName == t.Name,
            _ => v is CelMap,
        },
        _ => false,
    };

    private object EvalLogical(Expr e, Scope? scope, bool isAnd)
    {
        // Commutative short-circuit: a decisive value on either side wins over errors/unknowns.
        var left = Eval(e.Args[0], scope);
        if (left is bool lb && lb != isAnd)
        {
            return lb;
        }

        var right = Eval(e.Args[1], scope);
        if (right is bool rb)
        {
            if (rb != isAnd)
            {
                return rb;
            }

            if (left is bool)
            {
                return isAnd;
            }
        }

        if (left is CelUnknown lu)
        {
            return right is CelUnknown ru ? lu.Merge(ru) : lu;
        }

        if (right is CelUnknown)
        {
            return right;
        }

        if (left is CelError)
        {
            return left;
        }

        if (right is CelError)
        {
            return right;
        }

        return CelError.NoSuchOverload(isAnd ? "_&&_" : "_||_");
    }

    private static object In(object elem, object container)
    {
        switch (container)
        {
            case CelList list:
                for (var i = 0; i < list.Count; i++)
                {
                    if (ValueOps.Equal(elem, list[i]))
                    {
                        return true;
                    }
                }

                return false;
            case CelMap map:
                return map.TryGet(elem, out _);
            default:
                return CelError.NoSuchOverload("@in");
        }
    }

    private static object Index(object target, object key, bool optional)
    {
        if (target is CelOptional opt)
        {
            if (!opt.HasValue)
            {
                return opt;
            }

            target = opt.Value!;
            optional = true;
        }

        switch (target)
        {
            case CelList list:
            {
                long idx;
                switch (key)
                {
                    case long l:
                        idx = l;
                        break;
                    case ulong u:
                        idx = u > long.MaxValue ? -1 : (long)u;
                        break;
                    case double d when Math.Floor(d) == d && double.IsFinite(d):
                        idx = (long)d;
                        break;
                    case double:
                        return new CelError("unsupported index value");
                    default:
                        return CelError.NoSuchOverload("_[_]");
                }

                if (idx < 0 || idx >= list.Count)
                {
                    return optional ? CelOptional.None : new CelError($"index out of bounds: {idx}");
                }

                return optional ? CelOptional.Of(list[(int)idx]) : list[(int)idx];
            }

            case CelMap map:
                if (!CelMap.IsValidKeyType(key) && key is not double)
                {
                    return new CelError($"unsupported key type: {ValueOps.TypeOf(key)}");
                }

                if (map.TryGet(key, out var v))
                {
                    return optional ? CelOptional.Of(v) : v;
                }

                return optional ? CelOptional.None : new CelError($"no such key: {ValueOps.Format(key)}");
            default:
                return CelError.NoSuchOverload("_[_]");
        }
    }
}
