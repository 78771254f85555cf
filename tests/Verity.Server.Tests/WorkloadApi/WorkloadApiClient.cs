using Google.Protobuf;
using Grpc.Core;
using Verity.Server.WorkloadApi.Proto;

namespace Verity.Server.Tests.WorkloadApi;

/// <summary>
/// A hand-written gRPC client of the five Workload API methods (the server project generates server code only): method
/// paths are built here from the standard's names, so a wrong path in the server would fail these tests.
/// </summary>
internal sealed class WorkloadApiClient(CallInvoker invoker)
{
    private const string Service = "SpiffeWorkloadAPI";

    private static readonly Method<X509SVIDRequest, X509SVIDResponse> FetchX509SvidMethod = new(MethodType.ServerStreaming, Service, "FetchX509SVID", M(X509SVIDRequest.Parser), M(X509SVIDResponse.Parser));
    private static readonly Method<X509BundlesRequest, X509BundlesResponse> FetchX509BundlesMethod = new(MethodType.ServerStreaming, Service, "FetchX509Bundles", M(X509BundlesRequest.Parser), M(X509BundlesResponse.Parser));
    private static readonly Method<JWTSVIDRequest, JWTSVIDResponse> FetchJwtSvidMethod = new(MethodType.Unary, Service, "FetchJWTSVID", M(JWTSVIDRequest.Parser), M(JWTSVIDResponse.Parser));
    private static readonly Method<JWTBundlesRequest, JWTBundlesResponse> FetchJwtBundlesMethod = new(MethodType.ServerStreaming, Service, "FetchJWTBundles", M(JWTBundlesRequest.Parser), M(JWTBundlesResponse.Parser));
    private static readonly Method<ValidateJWTSVIDRequest, ValidateJWTSVIDResponse> ValidateJwtSvidMethod = new(MethodType.Unary, Service, "ValidateJWTSVID", M(ValidateJWTSVIDRequest.Parser), M(ValidateJWTSVIDResponse.Parser));

    public AsyncServerStreamingCall<X509SVIDResponse> FetchX509Svid(CallOptions options) => invoker.AsyncServerStreamingCall(FetchX509SvidMethod, null, options, new X509SVIDRequest());

    public AsyncServerStreamingCall<X509BundlesResponse> FetchX509Bundles(CallOptions options) => invoker.AsyncServerStreamingCall(FetchX509BundlesMethod, null, options, new X509BundlesRequest());

    public AsyncUnaryCall<JWTSVIDResponse> FetchJwtSvid(JWTSVIDRequest request, CallOptions options) => invoker.AsyncUnaryCall(FetchJwtSvidMethod, null, options, request);

    public AsyncServerStreamingCall<JWTBundlesResponse> FetchJwtBundles(CallOptions options) => invoker.AsyncServerStreamingCall(FetchJwtBundlesMethod, null, options, new JWTBundlesRequest());

    public AsyncUnaryCall<ValidateJWTSVIDResponse> ValidateJwtSvid(ValidateJWTSVIDRequest request, CallOptions options) => invoker.AsyncUnaryCall(ValidateJwtSvidMethod, null, options, request);

    private static Marshaller<T> M<T>(MessageParser<T> parser) where T : IMessage<T> => Marshallers.Create(m => m.ToByteArray(), parser.ParseFrom);
}
