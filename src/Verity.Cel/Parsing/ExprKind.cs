namespace Verity.Cel.Parsing;

/// <summary>The shape of a parsed CEL expression node (mirrors cel.expr.Expr).</summary>
internal enum ExprKind
{
    Literal,
    Ident,
    Select,
    Call,
    List,
    Map,
    Struct,
    Comprehension,
}
