namespace Verity.Core.Model;

/// <summary>
/// Finds where a field of one loaded object stands in its source text. Path segments are
/// <see cref="string"/> (a mapping key) or <see cref="int"/> (a sequence index), relative to the object.
/// Returns null when the path does not exist in the source.
/// </summary>
internal interface ISourceLocator
{
    SourceLocation? Locate(IReadOnlyList<object> path);
}
