using System.Text;

namespace Verity.Bench.Webhook;

/// <summary>
/// One AdmissionReview request body with a hole for its uid (<see cref="Prefix"/> + uid + <see cref="Suffix"/>) and the
/// verdict restricted:latest must give it.
/// </summary>
internal sealed record ReviewTemplate(string Name, bool Allowed, byte[] Prefix, byte[] Suffix)
{
    public const string UidHole = "00000000-0000-0000-0000-000000000000";

    public int Bytes => Prefix.Length + UidHole.Length + Suffix.Length;

    public static ReviewTemplate From(string name, bool allowed, string json)
    {
        var at = json.IndexOf(UidHole, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException($"{name}: no uid hole");
        return new ReviewTemplate(name, allowed, Encoding.UTF8.GetBytes(json[..at]), Encoding.UTF8.GetBytes(json[(at + UidHole.Length)..]));
    }

    /// <summary>The body for <paramref name="uid"/> (36 ASCII characters, a GUID).</summary>
    public byte[] Body(string uid)
    {
        var body = new byte[Prefix.Length + uid.Length + Suffix.Length];
        Prefix.CopyTo(body, 0);
        Encoding.ASCII.GetBytes(uid, body.AsSpan(Prefix.Length));
        Suffix.CopyTo(body, Prefix.Length + uid.Length);
        return body;
    }
}
