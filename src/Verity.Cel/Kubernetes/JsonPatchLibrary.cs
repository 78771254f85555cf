using System.Text;
using Verity.Cel.Library;
using Verity.Cel.Values;

namespace Verity.Cel.Kubernetes;

/// <summary>
/// Kubernetes JSONPatch library (k8s.io/apiserver/pkg/cel/library/jsonpatch.go, "kubernetes.jsonpatch"):
/// <c>jsonpatch.escapeKey(string) -> string</c> escapes a key for a JSON Pointer path in one pass
/// ('~' → "~0", '/' → "~1"), e.g. <c>jsonpatch.escapeKey('k8s.io/my~label') == 'k8s.io~1my~0label'</c>.
/// </summary>
internal static class JsonPatchLibrary
{
    public static void Register(FunctionRegistry r) =>
        r.Add("string_jsonpatch_escapeKey_string", "jsonpatch.escapeKey(string) -> string", a => a[0] is string s ? EscapeKey(s) : CelError.NoSuchOverload("jsonpatch.escapeKey"));

    public static string EscapeKey(string key)
    {
        var sb = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            sb.Append(c switch
            {
                '/' => "~1",
                '~' => "~0",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }
}
