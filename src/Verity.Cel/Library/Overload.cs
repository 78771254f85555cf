namespace Verity.Cel.Library;

/// <summary>
/// One overload of a CEL function: its id (cel-go naming, e.g. "add_int64"), the function
/// name, whether it is a receiver-style (member) call, parameter types (receiver first for
/// members), result type and implementation. Runtime dispatch picks the first overload whose
/// parameter types match the argument values.
/// </summary>
internal sealed record Overload(string Id, string Function, bool IsMember, CelType[] Params, CelType Result, CelFunction Impl);
