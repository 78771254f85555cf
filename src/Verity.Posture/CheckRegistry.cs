using System.Reflection;

namespace Verity.Posture;

/// <summary>
/// Every built-in check, found once by reflection: each non-abstract class of this assembly that implements
/// <see cref="IPostureCheck"/> and has a parameterless constructor, ordered by <see cref="IPostureCheck.Id"/>.
/// Adding a check is therefore one new file under <c>Checks/</c>; nothing else lists checks.
/// (The assembly is not trimmed, so reflection is safe; tests assert the ids are unique and well formed.)
/// </summary>
public static class CheckRegistry
{
    private static readonly Lazy<IReadOnlyList<IPostureCheck>> BuiltIn = new(Discover);

    public static IReadOnlyList<IPostureCheck> All => BuiltIn.Value;

    public static IPostureCheck? Find(string id) => All.FirstOrDefault(c => c.Id == id);

    private static IReadOnlyList<IPostureCheck> Discover() =>
        typeof(CheckRegistry).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPostureCheck).IsAssignableFrom(t)
                        && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
            .Select(t => (IPostureCheck)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(c => c.Id, StringComparer.Ordinal)
            .ToList();
}
