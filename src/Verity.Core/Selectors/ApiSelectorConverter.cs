using k8s.Models;

namespace Verity.Core.Selectors;

/// <summary>
/// Compiles a <c>metav1.LabelSelector</c> following <c>LabelSelectorAsSelector</c> in
/// k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go: null is Nothing; no matchLabels and no
/// matchExpressions is Everything; each matchLabels entry becomes <c>key=value</c>; each
/// matchExpression becomes In, NotIn, Exists or DoesNotExist (case-sensitive; Gt and Lt exist
/// only in node selectors and are rejected here); all are ANDed. In and NotIn need at least one
/// value, Exists and DoesNotExist none (<c>NewRequirement</c> in labels/selector.go).
/// Unlike apimachinery, which stops at the first problem, every problem is reported, each
/// prefixed with its field path relative to the selector. matchLabels are read in key order.
/// Null strings inside the object are read as empty strings.
/// </summary>
internal static class ApiSelectorConverter
{
    private const string SupportedOperators = "In, NotIn, Exists, DoesNotExist";

    public static LabelSelectorResult Convert(V1LabelSelector? selector)
    {
        if (selector is null)
        {
            return LabelSelectorResult.Success(LabelSelector.Nothing);
        }

        var matchLabels = selector.MatchLabels ?? new Dictionary<string, string>();
        var matchExpressions = selector.MatchExpressions ?? [];
        if (matchLabels.Count + matchExpressions.Count == 0)
        {
            return LabelSelectorResult.Success(LabelSelector.Everything);
        }

        var errors = new List<string>();
        var requirements = new List<LabelRequirement>();
        foreach (var (key, rawValue) in matchLabels.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            var value = rawValue ?? "";
            var valid = Check(errors, "matchLabels", key, isKey: true);
            valid &= Check(errors, $"matchLabels[{key}]", value, isKey: false);
            if (valid)
            {
                requirements.Add(new LabelRequirement(key, SelectorOperator.Equals, [value]));
            }
        }

        for (var i = 0; i < matchExpressions.Count; i++)
        {
            if (Convert(matchExpressions[i], $"matchExpressions[{i}]", errors) is { } requirement)
            {
                requirements.Add(requirement);
            }
        }

        return LabelSelectorResult.From(errors, requirements);
    }

    private static LabelRequirement? Convert(V1LabelSelectorRequirement? expression, string path, List<string> errors)
    {
        if (expression is null)
        {
            errors.Add($"{path}: must not be null");
            return null;
        }

        var key = expression.Key ?? "";
        var values = (expression.Values ?? []).Select(v => v ?? "").ToArray();
        var valid = Check(errors, $"{path}.key", key, isKey: true);

        SelectorOperator? op = expression.OperatorProperty switch
        {
            "In" => SelectorOperator.In,
            "NotIn" => SelectorOperator.NotIn,
            "Exists" => SelectorOperator.Exists,
            "DoesNotExist" => SelectorOperator.DoesNotExist,
            _ => null,
        };
        if (op is null)
        {
            errors.Add(expression.OperatorProperty is null
                ? $"{path}.operator: must be specified: one of {SupportedOperators}"
                : $"{path}.operator: unsupported operator {LabelSyntax.Quote(expression.OperatorProperty)}: " +
                  $"must be one of {SupportedOperators} (case-sensitive)");
            valid = false;
        }
        else if (op is SelectorOperator.In or SelectorOperator.NotIn && values.Length == 0)
        {
            errors.Add($"{path}.values: must be non-empty for operator {op}");
            valid = false;
        }
        else if (op is SelectorOperator.Exists or SelectorOperator.DoesNotExist && values.Length > 0)
        {
            errors.Add($"{path}.values: must be empty for operator {op}");
            valid = false;
        }

        for (var j = 0; j < values.Length; j++)
        {
            valid &= Check(errors, $"{path}.values[{j}]", values[j], isKey: false);
        }

        return valid && op is { } known ? new LabelRequirement(key, known, values) : null;
    }

    private static bool Check(List<string> errors, string path, string text, bool isKey)
    {
        var reason = isKey ? LabelSyntax.KeyError(text) : LabelSyntax.ValueError(text);
        if (reason is null)
        {
            return true;
        }

        errors.Add($"{path}: " + (isKey ? LabelSyntax.InvalidKey(text, reason) : LabelSyntax.InvalidValue(text, reason)));
        return false;
    }
}
