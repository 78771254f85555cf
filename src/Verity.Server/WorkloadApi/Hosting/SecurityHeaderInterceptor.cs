using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Verity.Server.WorkloadApi.Hosting;

/// <summary>
/// Refuses every call without exactly one <c>workload.spiffe.io: true</c> metadata entry, with InvalidArgument and SPIRE's
/// text. The header proves the caller is a gRPC client that means to talk to the Workload API, not e.g. a browser tricked
/// into a request (SPIFFE Workload API standard, section 6.1 "Transport").
/// </summary>
internal sealed class SecurityHeaderInterceptor : Interceptor
{
    public const string HeaderName = "workload.spiffe.io";
    public const string MissingMessage = "security header missing from request";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(context);
        return continuation(request, responseStream, context);
    }

    private static void Check(ServerCallContext context)
    {
        var values = context.RequestHeaders.Where(e => e.Key == HeaderName).ToList();
        if (values.Count != 1 || values[0].IsBinary || values[0].Value != "true") throw new RpcException(new Status(StatusCode.InvalidArgument, MissingMessage));
    }
}
