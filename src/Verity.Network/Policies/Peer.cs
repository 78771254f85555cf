using Verity.Network.Model;

namespace Verity.Network.Policies;

/// <summary>One entry of a rule's from/to list. <see cref="Describe"/> says in words what it selects.</summary>
public abstract record Peer
{
    public abstract bool Matches(Endpoint endpoint, NetworkOptions options);

    public abstract string Describe();
}
