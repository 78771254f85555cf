namespace Verity.Cli.Admission;

/// <summary>The <c>-o</c> formats of <c>admission test</c> (docs/admission.md).</summary>
internal enum AdmissionOutput
{
    Table,
    Json,
    Sarif,
    Junit,
}
