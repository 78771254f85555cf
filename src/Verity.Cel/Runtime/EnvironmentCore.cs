using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Runtime;

/// <summary>
/// The immutable parts of an environment shared by the parser, checker and interpreter:
/// function table, protobuf type registry and container (namespace) for name resolution
/// (https://github.com/google/cel-spec/blob/master/doc/langdef.md#name-resolution).
/// </summary>
internal sealed class EnvironmentCore
{
    private static readonly Dictionary<string, CelTypeValue> BuiltinTypes = new(StringComparer.Ordinal)
    {
        ["int"] = CelTypeValue.Int,
        ["uint"] = CelTypeValue.Uint,
        ["double"] = CelTypeValue.Double,
        ["bool"] = CelTypeValue.Bool,
        ["string"] = CelTypeValue.String,
        ["bytes"] = CelTypeValue.Bytes,
        ["list"] = CelTypeValue.List,
        ["map"] = CelTypeValue.Map,
        ["null_type"] = CelTypeValue.Null,
        ["type"] = CelTypeValue.Type,
        ["optional_type"] = CelTypeValue.Optional,
        ["google.protobuf.Timestamp"] = CelTypeValue.Timestamp,
        ["google.protobuf.Duration"] = CelTypeValue.Duration,
    };

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, object> _typeOrConstant = new(StringComparer.Ordinal);

    public EnvironmentCore(FunctionRegistry functions, TypeRegistry types, string container)
    {
        Functions = functions;
        Types = types;
        Container = container;
    }

    public FunctionRegistry Functions { get; }

    public TypeRegistry Types { get; }

    public string Container { get; }

    /// <summary>Candidate fully-qualified names for <paramref name="name"/>, most specific first.</summary>
    public IEnumerable<string> Candidates(string name)
    {
        if (name.StartsWith('.'))
        {
            yield return name[1..];
            yield break;
        }

        var c = Container;
        while (c.Length > 0)
        {
            yield return c + "." + name;
            var dot = c.LastIndexOf('.');
            c = dot < 0 ? "" : c[..dot];
        }

        yield return name;
    }

    /// <summary>A type value or enum constant named by <paramref name="name"/>, or null (memoised; the environment is immutable).</summary>
    public object? ResolveTypeOrConstant(string name)
    {
        var r = _typeOrConstant.GetOrAdd(name, n => ResolveUncached(n) ?? NotFound);
        return ReferenceEquals(r, NotFound) ? null : r;
    }

    private static readonly object NotFound = new();

    private object? ResolveUncached(string name)
    {
        foreach (var cand in Candidates(name))
        {
            if (BuiltinTypes.TryGetValue(cand, out var bt))
            {
                return bt;
            }

            if (Types.Messages.ContainsKey(cand) || Types.Enums.ContainsKey(cand) || Functions.OpaqueTypes.Contains(cand))
            {
                return MessageSupport.TypeValueOf(cand);
            }

            var dot = cand.LastIndexOf('.');
            if (dot > 0 && Types.Enums.TryGetValue(cand[..dot], out var values))
            {
                var valueName = cand[(dot + 1)..];
                foreach (var (n, num) in values)
                {
                    if (n == valueName)
                    {
                        return (long)num;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>The full name of the message type named by <paramref name="name"/> in this container, or null.</summary>
    public string? ResolveMessageName(string name)
    {
        foreach (var cand in Candidates(name))
        {
            if (Types.Messages.ContainsKey(cand))
            {
                return cand;
            }
        }

        return null;
    }
}
