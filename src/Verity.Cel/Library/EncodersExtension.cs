using Verity.Cel.Values;

namespace Verity.Cel.Library;

/// <summary>cel-go ext.Encoders: base64.encode(bytes) and base64.decode(string) (padding optional on decode).</summary>
internal static class EncodersExtension
{
    public static void Register(FunctionRegistry r)
    {
        r.Add("base64_encode_bytes", "base64.encode(bytes) -> string", a => Convert.ToBase64String(((CelBytes)a[0]).Data));
        r.Add("base64_decode_string", "base64.decode(string) -> bytes", a =>
        {
            var s = (string)a[0];
            if (s.Length % 4 != 0)
            {
                s = s.PadRight(s.Length + (4 - (s.Length % 4)), '=');
            }

            try
            {
                return new CelBytes(Convert.FromBase64String(s));
            }
            catch (FormatException)
            {
                return new CelError("base64.decode: illegal base64 data");
            }
        });
    }
}
