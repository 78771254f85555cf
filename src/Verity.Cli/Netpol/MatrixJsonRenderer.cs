using Verity.Cli.Output;
using Verity.Network.Engine;

namespace Verity.Cli.Netpol;

/// <summary>
/// The matrix as the documented JSON (docs/netpol.md):
/// <c>{"connections":[{"from":"x/a","to":"y/b","port":80,"protocol":"TCP","allowed":true}, ...]}</c>, in the
/// order the matrix streams (source id, destination id, port, protocol).
/// </summary>
internal static class MatrixJsonRenderer
{
    public static void Write(TextWriter output, IEnumerable<Connection> connections) =>
        JsonOutput.Write(output, json =>
        {
            json.WriteStartObject();
            json.WriteStartArray("connections");
            foreach (var connection in connections)
            {
                json.WriteStartObject();
                json.WriteString("from", connection.From.Id);
                json.WriteString("to", connection.To.Id);
                json.WriteNumber("port", connection.Port.Port);
                json.WriteString("protocol", connection.Port.Protocol.ToString());
                json.WriteBoolean("allowed", connection.Allowed);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        });
}
