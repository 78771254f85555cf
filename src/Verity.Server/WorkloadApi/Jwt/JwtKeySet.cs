using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Verity.Identity;

namespace Verity.Server.WorkloadApi.Jwt;

/// <summary>
/// The trust domain's JWT-SVID signing keys: the current one signs; a key replaced by <see cref="Rotate"/> stays in the
/// bundle (and keeps validating) until the last token it signed has expired, then <see cref="Prune"/> drops it.
/// <see cref="Version"/> grows with every change of the set. Thread-safe. Keys are in memory only and are not disposed
/// when dropped (a validation may still be using one); the garbage collector frees them.
/// </summary>
internal sealed class JwtKeySet(TrustDomain trustDomain)
{
    private readonly Lock _lock = new();
    private readonly List<(JwtSigningKey Key, DateTimeOffset DropAt)> _previous = [];
    private JwtSigningKey _current = JwtSigningKey.Create(trustDomain);

    public TrustDomain TrustDomain { get; } = trustDomain;

    public ulong Version { get; private set; } = 1;

    public JwtSigningKey Current
    {
        get { lock (_lock) return _current; }
    }

    /// <summary>Makes a new signing key; the old one is kept until <paramref name="dropAt"/> (its last token's expiry).</summary>
    public void Rotate(DateTimeOffset dropAt)
    {
        lock (_lock)
        {
            _previous.Add((_current, dropAt));
            _current = JwtSigningKey.Create(TrustDomain);
            Version++;
        }
    }

    /// <summary>Drops the replaced keys whose tokens have all expired at <paramref name="now"/>; true when any was dropped.</summary>
    public bool Prune(DateTimeOffset now)
    {
        lock (_lock)
        {
            if (_previous.RemoveAll(p => now >= p.DropAt) == 0) return false;
            Version++;
            return true;
        }
    }

    /// <summary>The public key with key id <paramref name="keyId"/> of <paramref name="trustDomain"/>, if the set has it.</summary>
    public ECDsa? Find(TrustDomain trustDomain, string keyId)
    {
        if (trustDomain != TrustDomain) return null;
        lock (_lock)
            return _current.KeyId == keyId ? _current.Key : _previous.FirstOrDefault(p => p.Key.KeyId == keyId).Key?.Key;
    }

    /// <summary>The JWT bundle as a JWK Set (current key first): the Workload API's <c>JWTBundlesResponse.bundles</c> value.</summary>
    public byte[] JwksBytes()
    {
        lock (_lock)
        {
            var keys = new JsonArray(_previous.Select(p => p.Key).Prepend(_current).Select(k => (JsonNode?)k.ToJwk()).ToArray());
            return Encoding.UTF8.GetBytes(new JsonObject { ["keys"] = keys }.ToJsonString());
        }
    }
}
