namespace Verity.Cel.Parsing;

/// <summary>A lexical token: kind, source offset, raw text, and the decoded literal value if any.</summary>
internal readonly record struct Token(TokenKind Kind, int Offset, string Text, object? Value, string? Error = null);
