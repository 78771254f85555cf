using Verity.Cel.Parsing;

namespace Verity.Cel.Runtime;

/// <summary>
/// Coarse static cost estimate, in the units of <see cref="CostModel"/>: one per non-literal
/// node; size-dependent functions add ceil(0.1 × assumed size) per argument; comprehensions cost
/// iterations × (condition + step + 1), where iterations is the literal size of a list/map literal
/// range, or the assumed collection size otherwise. Nested comprehensions multiply. Saturating.
/// It is an upper bound when inputs are no larger than the assumed size and strings are no longer
/// than it; it is not a proof (a comprehension over a list built inside the expression, larger
/// than the assumed size, can exceed it).
/// </summary>
internal static class CostEstimator
{
    public static long Estimate(Expr e, long assumedSize, Library.FunctionRegistry functions) => Cost(e, assumedSize, functions);

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Mul(long a, long b) => a == 0 || b == 0 ? 0 : a > long.MaxValue / b ? long.MaxValue : a * b;

    private static long Cost(Expr? e, long n, Library.FunctionRegistry f)
    {
        if (e is null)
        {
            return 0;
        }

        switch (e.Kind)
        {
            case ExprKind.Literal:
                return 0;
            case ExprKind.Comprehension:
            {
                var iterations = e.IterRange!.Kind is ExprKind.List or ExprKind.Map ? e.IterRange.Args.Length : n;
                var body = Add(Add(Cost(e.LoopCondition, n, f), Cost(e.LoopStep, n, f)), 1);
                return Add(Add(Add(Cost(e.IterRange, n, f), Cost(e.AccuInit, n, f)), Mul(iterations, body)), Cost(e.Result, n, f));
            }

            default:
            {
                long c = 1;
                if (e.Kind == ExprKind.Call)
                {
                    c = Add(c, f.FixedCost(e.Name));
                    if (f.IsSizeDependent(e.Name))
                    {
                        c = Add(c, Mul(e.Args.Length + (e.Target is null ? 0 : 1), CostModel.Scale(n)));
                    }
                }

                c = Add(c, Cost(e.Target, n, f));
                foreach (var a in e.Args)
                {
                    c = Add(c, Cost(a, n, f));
                }

                foreach (var v in e.Values)
                {
                    c = Add(c, Cost(v, n, f));
                }

                return c;
            }
        }
    }
}
