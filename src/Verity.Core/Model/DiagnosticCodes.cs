namespace Verity.Core.Model;

/// <summary>Every diagnostic code Verity.Core emits, in one place (documented in docs/diagnostics.md).</summary>
public static class DiagnosticCodes
{
    /// <summary>A file or directory could not be read.</summary>
    public const string Unreadable = "VT1001";
    /// <summary>YAML syntax error.</summary>
    public const string YamlSyntax = "VT1002";
    /// <summary>JSON syntax error.</summary>
    public const string JsonSyntax = "VT1003";
    /// <summary>A document is not a mapping/object (e.g. a bare string or list).</summary>
    public const string NotAnObject = "VT1004";
    /// <summary>apiVersion, kind or metadata.name is missing or empty.</summary>
    public const string MissingField = "VT1005";
    /// <summary>A field Verity reads has the wrong type.</summary>
    public const string WrongType = "VT1006";
    /// <summary>The same object (group, kind, namespace, name) appears twice; the first is kept.</summary>
    public const string Duplicate = "VT1007";
    /// <summary>A file that is not a Kubernetes object (e.g. kustomization.yaml) was skipped.</summary>
    public const string NotKubernetes = "VT1008";
    /// <summary>The live API server refused or failed a request.</summary>
    public const string ApiError = "VT1009";
    /// <summary>A YAML construct Verity does not support (e.g. a complex mapping key).</summary>
    public const string Unsupported = "VT1010";
}
