namespace Verity.Cel.Parsing;

/// <summary>
/// Macro expansion at parse time (https://github.com/google/cel-spec/blob/master/doc/langdef.md#macros):
/// has, all, exists, exists_one, map (2 and 3 args), filter; two-variable comprehensions
/// (all, exists, existsOne, transformList, transformMap, transformMapEntry, as cel-go
/// ext.TwoVarComprehensions); optMap/optFlatMap (optional types) and cel.bind (bindings ext).
/// Every macro becomes a <see cref="ExprKind.Comprehension"/> (or a test-only select for has).
/// </summary>
internal static class Macros
{
    public const string AccuVar = "@result";

    public static Expr? TryExpandGlobal(Parser p, int offset, string name, List<Expr> args)
    {
        if (name == "has" && args.Count == 1)
        {
            var a = args[0];
            if (a.Kind != ExprKind.Select)
            {
                throw p.MacroError(offset, "invalid argument to has() macro");
            }

            return new Expr(ExprKind.Select, p.NewId(), a.Offset) { Target = a.Target, Name = a.Name, TestOnly = true };
        }

        return null;
    }

    public static Expr? TryExpand(Parser p, int offset, Expr target, string name, List<Expr> args)
    {
        switch (name)
        {
            case "all" when args.Count == 2:
                return Quantifier(p, offset, target, args[0], null, args[1], Kind.All);
            case "all" when args.Count == 3:
                return Quantifier(p, offset, target, args[0], args[1], args[2], Kind.All);
            case "exists" when args.Count == 2:
                return Quantifier(p, offset, target, args[0], null, args[1], Kind.Exists);
            case "exists" when args.Count == 3:
                return Quantifier(p, offset, target, args[0], args[1], args[2], Kind.Exists);
            case "exists_one" or "existsOne" when args.Count == 2:
                return Quantifier(p, offset, target, args[0], null, args[1], Kind.ExistsOne);
            case "exists_one" or "existsOne" when args.Count == 3:
                return Quantifier(p, offset, target, args[0], args[1], args[2], Kind.ExistsOne);
            case "map" when args.Count is 2 or 3:
            {
                var v = VarName(p, args[0]);
                var transform = args[^1];
                var filter = args.Count == 3 ? args[1] : null;
                return ListBuild(p, offset, target, v, null, filter, transform);
            }

            case "filter" when args.Count == 2:
            {
                var v = VarName(p, args[0]);
                return ListBuild(p, offset, target, v, null, args[1], p.Ident(args[0].Offset, v));
            }

            case "transformList" when args.Count is 3 or 4:
            {
                var v1 = VarName(p, args[0]);
                var v2 = VarName(p, args[1]);
                CheckDistinct(p, args[1], v1, v2);
                return ListBuild(p, offset, target, v1, v2, args.Count == 4 ? args[2] : null, args[^1]);
            }

            case "transformMap" when args.Count is 3 or 4:
            {
                var v1 = VarName(p, args[0]);
                var v2 = VarName(p, args[1]);
                CheckDistinct(p, args[1], v1, v2);
                var filter = args.Count == 4 ? args[2] : null;
                var insert = p.Call(offset, "cel.@mapInsert", p.Ident(offset, AccuVar), p.Ident(offset, v1), args[^1]);
                return Fold(p, offset, target, v1, v2, new Expr(ExprKind.Map, p.NewId(), offset), filter, insert);
            }

            case "transformMapEntry" when args.Count is 3 or 4:
            {
                var v1 = VarName(p, args[0]);
                var v2 = VarName(p, args[1]);
                CheckDistinct(p, args[1], v1, v2);
                var filter = args.Count == 4 ? args[2] : null;
                var insert = p.Call(offset, "cel.@mapInsert", p.Ident(offset, AccuVar), args[^1]);
                return Fold(p, offset, target, v1, v2, new Expr(ExprKind.Map, p.NewId(), offset), filter, insert);
            }

            case "optMap" when args.Count == 2:
            {
                // opt.optMap(x, t) == opt.hasValue() ? optional.of(bind(x, opt.value(), t)) : optional.none()
                var v = VarName(p, args[0]);
                var bound = Bind(p, offset, v, Member(p, offset, target, "value"), args[1]);
                return p.Call(offset, "_?_:_", Member(p, offset, target, "hasValue"),
                    p.Call(offset, "optional.of", bound), p.Call(offset, "optional.none"));
            }

            case "optFlatMap" when args.Count == 2:
            {
                var v = VarName(p, args[0]);
                var bound = Bind(p, offset, v, Member(p, offset, target, "value"), args[1]);
                return p.Call(offset, "_?_:_", Member(p, offset, target, "hasValue"), bound, p.Call(offset, "optional.none"));
            }

            case "sortBy" when args.Count == 2:
            {
                // list.sortBy(v, key) == list.@sortByAssociatedKeys(list.map(v, key)) (cel-go ext.Lists).
                var v = VarName(p, args[0]);
                var keys = ListBuild(p, offset, target, v, null, null, args[1]);
                return new Expr(ExprKind.Call, p.NewId(), offset) { Name = "@sortByAssociatedKeys", Target = target, Args = [keys] };
            }

            case "block" when args.Count == 2 && target is { Kind: ExprKind.Ident, Name: "cel" } && args[0].Kind == ExprKind.List:
            {
                // cel.block([e0, e1, ...], r): e_i bound to cel.index(i) for later entries and r (cel-go ext.Bindings block).
                var body = args[1];
                for (var i = args[0].Args.Length - 1; i >= 0; i--)
                {
                    body = Bind(p, offset, $"@index:{i}", args[0].Args[i], body);
                }

                return body;
            }

            case "bind" when args.Count == 3 && target is { Kind: ExprKind.Ident, Name: "cel" }:
            {
                var v = VarName(p, args[0]);
                return Bind(p, offset, v, args[1], args[2]);
            }
        }

        return null;
    }

    private enum Kind
    {
        All,
        Exists,
        ExistsOne,
    }

    private static Expr Member(Parser p, int offset, Expr target, string fn) =>
        new(ExprKind.Call, p.NewId(), offset) { Name = fn, Target = target };

    private static string VarName(Parser p, Expr e)
    {
        if (e.Kind != ExprKind.Ident || e.Name.StartsWith('.') || e.Name.StartsWith("@index", StringComparison.Ordinal))
        {
            throw p.MacroError(e.Offset, "argument must be a simple name");
        }

        return e.Name;
    }

    private static void CheckDistinct(Parser p, Expr at, string v1, string v2)
    {
        if (v1 == v2)
        {
            throw p.MacroError(at.Offset, $"duplicate variable name: {v1}");
        }
    }

    private static void CheckNotAccu(Parser p, Expr at, string v)
    {
        if (v is AccuVar or "__result__")
        {
            throw p.MacroError(at.Offset, "iteration variable overwrites accumulator variable");
        }
    }

    private static Expr Quantifier(Parser p, int offset, Expr target, Expr var1, Expr? var2, Expr pred, Kind kind)
    {
        var v1 = VarName(p, var1);
        CheckNotAccu(p, var1, v1);
        string? v2 = null;
        if (var2 is not null)
        {
            v2 = VarName(p, var2);
            CheckNotAccu(p, var2, v2);
            CheckDistinct(p, var2, v1, v2);
        }

        Expr Accu() => p.Ident(offset, AccuVar);
        Expr init, cond, step, result;
        switch (kind)
        {
            case Kind.All:
                init = p.Lit(offset, true);
                cond = p.Call(offset, "@not_strictly_false", Accu());
                step = p.Call(offset, "_&&_", Accu(), pred);
                result = Accu();
                break;
            case Kind.Exists:
                init = p.Lit(offset, false);
                cond = p.Call(offset, "@not_strictly_false", p.Call(offset, "!_", Accu()));
                step = p.Call(offset, "_||_", Accu(), pred);
                result = Accu();
                break;
            default:
                init = p.Lit(offset, 0L);
                cond = p.Lit(offset, true);
                step = p.Call(offset, "_?_:_", pred, p.Call(offset, "_+_", Accu(), p.Lit(offset, 1L)), Accu());
                result = p.Call(offset, "_==_", Accu(), p.Lit(offset, 1L));
                break;
        }

        return new Expr(ExprKind.Comprehension, p.NewId(), offset)
        {
            IterVar = v1, IterVar2 = v2, IterRange = target, AccuVar = AccuVar, AccuInit = init,
            LoopCondition = cond, LoopStep = step, Result = result,
        };
    }

    private static Expr ListBuild(Parser p, int offset, Expr target, string v1, string? v2, Expr? filter, Expr transform)
    {
        // @append(accu, t) is accu + [t] evaluated in place (see Values/AccumulatorList).
        var append = p.Call(offset, "@append", p.Ident(offset, AccuVar), transform);
        return Fold(p, offset, target, v1, v2, new Expr(ExprKind.List, p.NewId(), offset), filter, append);
    }

    private static Expr Fold(Parser p, int offset, Expr target, string v1, string? v2, Expr init, Expr? filter, Expr step)
    {
        if (filter is not null)
        {
            step = p.Call(offset, "_?_:_", filter, step, p.Ident(offset, AccuVar));
        }

        return new Expr(ExprKind.Comprehension, p.NewId(), offset)
        {
            IterVar = v1, IterVar2 = v2, IterRange = target, AccuVar = AccuVar, AccuInit = init,
            LoopCondition = p.Lit(offset, true), LoopStep = step, Result = p.Ident(offset, AccuVar),
        };
    }

    /// <summary>cel.bind(v, init, body): a zero-iteration comprehension whose accumulator is v.</summary>
    private static Expr Bind(Parser p, int offset, string v, Expr init, Expr body) =>
        new(ExprKind.Comprehension, p.NewId(), offset)
        {
            IterVar = "#unused", IterRange = new Expr(ExprKind.List, p.NewId(), offset), AccuVar = v, AccuInit = init,
            LoopCondition = p.Lit(offset, false), LoopStep = p.Ident(offset, v), Result = body,
        };
}
