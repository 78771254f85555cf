namespace Verity.Cel.Parsing;

/// <summary>
/// One node of a parsed (macro-expanded) CEL expression. A single node type with a
/// <see cref="Kind"/> keeps the tree compact; which members are meaningful depends on the
/// kind (documented per member). Nodes are immutable after parsing and shared by programs.
/// </summary>
internal sealed class Expr
{
    public Expr(ExprKind kind, int id, int offset)
    {
        Kind = kind;
        Id = id;
        Offset = offset;
    }

    public ExprKind Kind { get; }

    /// <summary>Unique id within one parsed expression.</summary>
    public int Id { get; }

    /// <summary>Character offset of the node in the source text.</summary>
    public int Offset { get; }

    /// <summary>Literal: the CEL value (long, ulong, double, bool, string, CelBytes, CelNull).</summary>
    public object? Value { get; init; }

    /// <summary>Ident: variable name; Select: field name; Call: function name; Struct: type name.</summary>
    public string Name { get; init; } = "";

    /// <summary>Select: operand; Call: receiver of a member call (null for global calls).</summary>
    public Expr? Target { get; init; }

    /// <summary>Select: `has()` presence test.</summary>
    public bool TestOnly { get; init; }

    /// <summary>Call arguments; List elements; Map keys (paired with <see cref="Values"/>); Struct field values.</summary>
    public Expr[] Args { get; init; } = [];

    /// <summary>Map values (parallel to <see cref="Args"/>).</summary>
    public Expr[] Values { get; init; } = [];

    /// <summary>Struct field names (parallel to <see cref="Args"/>).</summary>
    public string[] FieldNames { get; init; } = [];

    /// <summary>List/Map/Struct: which entries are optional (`[?x]`, `{?k: v}`), null when none.</summary>
    public bool[]? Optional { get; init; }

    /// <summary>Ident/Select chain rooted at an identifier: the dotted name (e.g. "a.b.c"), else null.</summary>
    public string? QualifiedName { get; init; }

    // Comprehension parts (cel.expr.Expr.Comprehension).
    public string IterVar { get; init; } = "";
    public string? IterVar2 { get; init; }
    public Expr? IterRange { get; init; }
    public string AccuVar { get; init; } = "";
    public Expr? AccuInit { get; init; }
    public Expr? LoopCondition { get; init; }
    public Expr? LoopStep { get; init; }
    public Expr? Result { get; init; }
}
