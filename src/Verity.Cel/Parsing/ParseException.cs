namespace Verity.Cel.Parsing;

/// <summary>Internal control flow of the parser; always caught and turned into a <see cref="CelIssue"/>.</summary>
internal sealed class ParseException(int offset, string message) : Exception(message)
{
    public int Offset { get; } = offset;
}
