using System.CommandLine;
using Verity.Rbac.Authorization;

namespace Verity.Cli.Rbac;

/// <summary>
/// The question of <c>can-i</c> and <c>who-can</c>, with <c>kubectl auth can-i</c>'s arguments: <c>VERB TYPE[.GROUP] [NAME]</c>,
/// <c>VERB TYPE[.GROUP]/NAME</c> or <c>VERB /non-resource-url</c>, <c>--subresource S</c>, and the scope options. TYPE is
/// resolved by <see cref="ResourceTypes"/>.
/// </summary>
internal sealed class RequestOptions
{
    public Argument<string> Verb { get; } = new("VERB")
    {
        Description = "The verb: get, list, watch, create, update, patch, delete, deletecollection, use, bind, escalate, impersonate, * or any other.",
    };

    public Argument<string> Type { get; } = new("TYPE")
    {
        Description = "TYPE[.GROUP] (plural, singular or short name, e.g. pods, deploy, deployments.apps), TYPE/NAME, or a non-resource URL starting with /.",
    };

    public Argument<string?> Name { get; } = new("NAME") { Description = "The object's name (optional).", Arity = ArgumentArity.ZeroOrOne };

    public Option<string?> Subresource { get; } = new("--subresource") { Description = "A subresource, e.g. exec, log, scale, status.", HelpName = "NAME" };

    public ScopeOptions Scope { get; } = new();

    public void AddTo(Command command)
    {
        command.Arguments.Add(Verb);
        command.Arguments.Add(Type);
        command.Arguments.Add(Name);
        command.Options.Add(Subresource);
        Scope.AddTo(command);
        command.Validators.Add(result =>
        {
            var type = result.GetValue(Type) ?? "";
            var hasName = result.GetValue(Name) is not null;
            if (type.StartsWith('/'))
            {
                if (result.GetValue(Subresource) is not null) result.AddError("--subresource can not be used with a non-resource URL.");
                if (hasName) result.AddError("a non-resource URL and a resource name can not be given together.");
            }
            else if (type.Contains('/', StringComparison.Ordinal) && hasName)
                result.AddError($"give the name once: as TYPE/NAME ('{type}') or as a separate NAME argument, not both.");
            else if (type.Length == 0 || type.StartsWith('.')) result.AddError($"TYPE must name a resource, not '{type}'.");
        });
    }

    /// <summary>The resolved question, and warnings for stderr (unknown type, namespace on a cluster-scoped type).</summary>
    public (RequestQuery Query, IReadOnlyList<string> Warnings) Read(ParseResult parse)
    {
        var verb = parse.GetValue(Verb)!;
        var type = parse.GetValue(Type)!;
        var warnings = new List<string>();
        if (!(type.StartsWith('/') ? NonResourceVerbs : ResourceVerbs).Contains(verb)) warnings.Add($"Warning: verb '{verb}' is not a known verb");
        if (type.StartsWith('/')) return (new RequestQuery { Verb = verb, NonResourceUrl = type }, warnings);
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? parse.GetValue(Name) : type[(slash + 1)..];
        var (resource, group, warning) = ResourceTypes.Resolve(slash < 0 ? type : type[..slash]);
        if (warning is not null) warnings.Add(warning);
        // kubectl warns whenever it asks with a namespace (always, unless -A) about a cluster-scoped type.
        if (!parse.GetValue(Scope.AllNamespaces) && (RequestAttributes.ClusterScopedResources.Contains((group, resource)) || (group, resource) == ("", "namespaces")))
            warnings.Add(group.Length == 0 ? $"Warning: resource '{resource}' is not namespace scoped" : $"Warning: resource '{resource}' is not namespace scoped in group '{group}'");
        return (new RequestQuery
        {
            Verb = verb, ApiGroup = group, Resource = resource, Subresource = parse.GetValue(Subresource) ?? "",
            Name = string.IsNullOrEmpty(name) ? null : name, Namespace = Scope.Read(parse),
        }, warnings);
    }

    /// <summary>The verbs kubectl auth can-i knows (resourceVerbs, nonResourceURLVerbs); others get its warning and are still asked.</summary>
    private static readonly HashSet<string> ResourceVerbs =
        ["get", "list", "watch", "create", "update", "patch", "delete", "deletecollection", "use", "bind", "impersonate", "*", "approve", "sign", "escalate", "attest"];

    private static readonly HashSet<string> NonResourceVerbs = ["get", "put", "post", "head", "options", "delete", "patch", "*"];

    /// <summary>The authorizer's attributes for <paramref name="query"/> as <paramref name="user"/> (the API server's namespace conventions applied).</summary>
    public static RequestAttributes Attributes(RequestQuery query, UserInfo user) => query.IsResource
        ? RequestAttributes.ForResource(user, query.Verb, query.ApiGroup, query.Resource, query.Subresource, query.Name, query.Namespace)
        : RequestAttributes.ForNonResource(user, query.Verb, query.NonResourceUrl!);
}
