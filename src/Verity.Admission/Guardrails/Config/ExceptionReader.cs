using System.Text.Json;

namespace Verity.Admission.Guardrails.Config;

/// <summary>
/// Reads a policy's <c>exceptions</c>. An exception with any problem is reported and dropped whole: a half-read
/// exception could exempt more than its author meant. <c>owner</c>, <c>reason</c> and <c>expires</c> are required, and
/// at least one matcher (<c>namespaces</c>, <c>names</c>, <c>objectSelector</c>): an exception that matches everything
/// is a disabled policy in disguise.
/// </summary>
internal static class ExceptionReader
{
    private static readonly string[] Known = ["name", "owner", "reason", "expires", "namespaces", "names", "objectSelector"];

    public static IReadOnlyList<GuardrailException> Read(ConfigReader reader, JsonElement policy, IReadOnlyList<object> policyPath)
    {
        IReadOnlyList<object> path = [.. policyPath, "exceptions"];
        var exceptions = new List<GuardrailException>();
        if (!policy.TryGetProperty("exceptions", out var list) || list.ValueKind == JsonValueKind.Null) return exceptions;
        if (list.ValueKind != JsonValueKind.Array)
        {
            reader.WrongType(path, list, "a list of exceptions");
            return exceptions;
        }
        var index = 0;
        foreach (var item in list.EnumerateArray())
        {
            IReadOnlyList<object> itemPath = [.. path, index];
            index++;
            if (item.ValueKind != JsonValueKind.Object)
            {
                reader.WrongType(itemPath, item, "a mapping");
                continue;
            }
            if (ReadOne(reader, item, itemPath) is not { } exception) continue;
            if (exceptions.Any(e => e.Name == exception.Name))
            {
                reader.Error(GuardrailDiagnosticCodes.InvalidException, $"duplicate exception name \"{exception.Name}\"", [.. itemPath, "name"]);
                continue;
            }
            exceptions.Add(exception);
        }
        return exceptions;
    }

    private static GuardrailException? ReadOne(ConfigReader reader, JsonElement item, IReadOnlyList<object> path)
    {
        var errors = reader.ErrorCount;
        reader.UnknownFields(item, path, Known, "an exception");
        var name = reader.String(item, [.. path, "name"]) ?? $"#{path[^1]}";
        var owner = Required(reader, item, path, "owner", "who answers for it (a team or a person)");
        var reason = Required(reader, item, path, "reason", "why the object cannot comply yet");
        var expiresText = Required(reader, item, path, "expires", "when it ends, as an RFC 3339 date (2027-06-30) or timestamp (2027-06-30T18:00:00Z)");
        DateTimeOffset expires = default;
        if (expiresText is not null && !Rfc3339.TryParse(expiresText, out expires))
        {
            reader.Error(GuardrailDiagnosticCodes.InvalidDate,
                $"\"{expiresText}\" is not an RFC 3339 date (2027-06-30) or timestamp with an offset (2027-06-30T18:00:00Z)", [.. path, "expires"]);
        }
        var namespaces = Strings(reader, item, path, "namespaces", ParameterSyntax.NamespaceError);
        var names = Strings(reader, item, path, "names", n => n.Length == 0 ? "a name must not be empty" : null);
        var selector = SelectorReader.Read(reader, item, [.. path, "objectSelector"], out _);
        if (namespaces.Count == 0 && names.Count == 0 && selector is null && reader.ErrorCount == errors)
        {
            reader.Error(GuardrailDiagnosticCodes.InvalidException,
                "exception matches every object; limit it with namespaces, names or an objectSelector (or disable the policy)", path);
        }
        if (reader.ErrorCount > errors) return null;
        return new GuardrailException
        {
            Name = name,
            Owner = owner!,
            Reason = reason!,
            Expires = expires,
            ExpiresText = expiresText!,
            Namespaces = namespaces,
            Names = names,
            ObjectSelector = selector,
            Source = reader.At(path),
        };
    }

    private static string? Required(ConfigReader reader, JsonElement item, IReadOnlyList<object> path, string field, string what)
    {
        var errors = reader.ErrorCount;
        var value = reader.String(item, [.. path, field]);
        if (value is null && reader.ErrorCount == errors)
            reader.Error(GuardrailDiagnosticCodes.InvalidException, $"exception needs \"{field}\": {what}", path);
        return value;
    }

    private static List<string> Strings(ConfigReader reader, JsonElement item, IReadOnlyList<object> path, string field, Func<string, string?> validate)
    {
        var values = new List<string>();
        foreach (var (value, at) in reader.StringList(item, [.. path, field]) ?? [])
        {
            if (validate(value) is { } error) reader.Error(GuardrailDiagnosticCodes.InvalidException, error, at);
            else values.Add(value);
        }
        return values;
    }
}
