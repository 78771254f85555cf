namespace Verity.Core.Model;

/// <summary>
/// Where an object or a problem comes from: a file (or "-" for stdin, or an API URL for a live
/// cluster), a 1-based line and column, and — for an item of a <c>kind: List</c> — its index
/// in <c>items</c>. Line 0 means "the file as a whole" (e.g. it could not be read).
/// </summary>
public sealed record SourceLocation(string File, int Line = 0, int Column = 0, int? ListIndex = null)
{
    /// <summary>Renders <c>file:line:column</c>, the form editors and CI annotations understand.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{File}:{Line}:{Column}" : File;
        return ListIndex is int i ? $"{where} (items[{i}])" : where;
    }
}
