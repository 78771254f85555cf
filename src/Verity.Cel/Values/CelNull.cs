namespace Verity.Cel.Values;

/// <summary>The CEL <c>null</c> value (type null_type). A singleton; .NET null is never a CEL value.</summary>
internal sealed class CelNull
{
    public static readonly CelNull Value = new();

    private CelNull()
    {
    }

    public override string ToString() => "null";
}
