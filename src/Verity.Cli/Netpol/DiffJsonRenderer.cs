using System.Text.Json;
using Verity.Cli.Output;
using Verity.Network.Engine;

namespace Verity.Cli.Netpol;

/// <summary>
/// The diff as the documented JSON (docs/netpol.md):
/// <c>{"opened":[{"from":"x/a","to":"y/b","port":80,"protocol":"TCP"}, ...],"closed":[...]}</c>.
/// </summary>
internal static class DiffJsonRenderer
{
    public static void Write(TextWriter output, IReadOnlyList<Connection> opened, IReadOnlyList<Connection> closed) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            WriteList(json, "opened", opened);
            WriteList(json, "closed", closed);
            json.WriteEndObject();
        });

    private static void WriteList(Utf8JsonWriter json, string name, IReadOnlyList<Connection> connections)
    {
        json.WriteStartArray(name);
        foreach (var connection in connections)
        {
            json.WriteStartObject();
            json.WriteString("from", connection.From.Id);
            json.WriteString("to", connection.To.Id);
            json.WriteNumber("port", connection.Port.Port);
            json.WriteString("protocol", connection.Port.Protocol.ToString());
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
