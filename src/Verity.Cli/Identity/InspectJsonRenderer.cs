using System.Security.Cryptography.X509Certificates;
using Verity.Cli.Output;
using Verity.Identity.Validation;

namespace Verity.Cli.Identity;

/// <summary>
/// <c>identity inspect -o json</c>: <c>{"file","spiffe_id"(or null),"valid","not_before","not_after","serial",
/// "rules":[{"id","outcome"(pass|fail|warn|skip),"message","requirement","reference"}]}</c>.
/// </summary>
internal static class InspectJsonRenderer
{
    public static void Write(TextWriter output, string file, IReadOnlyList<X509Certificate2> chain, SvidReport report) =>
        JsonOutput.Write(output, json =>
        {
            var leaf = chain[0];
            json.WriteStartObject();
            json.WriteString("file", file);
            if (report.Id is { } id) json.WriteString("spiffe_id", id.ToString());
            else json.WriteNull("spiffe_id");
            json.WriteBoolean("valid", report.IsValid);
            json.WriteString("not_before", new DateTimeOffset(leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero));
            json.WriteString("not_after", new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero));
            json.WriteString("serial", leaf.SerialNumber.ToLowerInvariant());
            json.WriteStartArray("rules");
            foreach (var result in report.Results)
            {
                json.WriteStartObject();
                json.WriteString("id", result.Rule.Id);
                json.WriteString("outcome", result.Outcome.ToString().ToLowerInvariant());
                json.WriteString("message", result.Message);
                json.WriteString("requirement", result.Rule.Requirement);
                json.WriteString("reference", result.Rule.Reference);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
