import HTTPTypes
public import Hummingbird
import Logging

/// The first middleware: works out where the request comes from (`RequestOrigin`) and its id, puts both in the
/// request's log metadata, and returns the id in `X-Request-Id`.
///
/// The id is Hummingbird's own unless a trusted proxy sent a sane `X-Request-Id` (nginx's `$request_id`), so that
/// the proxy's log and ours can be matched; from any other client the header is ignored.
public struct RequestIdentityMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    static let requestIDHeader = HTTPField.Name("X-Request-Id")!
    static let requestIDKey = "hb.request.id"
    static let clientKey = "sessionzero.client"

    let proxyTrust: ProxyTrust

    public func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.origin = proxyTrust.origin(of: request.headers, peer: context.peerAddress)
        if context.origin.viaTrustedProxy, let incoming = request.headers[Self.requestIDHeader],
            Self.isSane(incoming)
        {
            context.logger[metadataKey: Self.requestIDKey] = .string(incoming)
        }
        context.logger[metadataKey: Self.clientKey] = .string(context.origin.clientAddress)
        var response = try await next(request, context)
        response.headers[Self.requestIDHeader] = context.requestID
        return response
    }

    /// 1 to 128 letters, digits, `-`, `_`, `.` or `:`: enough for UUIDs and nginx's hex ids, nothing that could
    /// forge a log line or a header.
    static func isSane(_ id: String) -> Bool {
        (1...128).contains(id.utf8.count)
            && id.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F || byte == 0x2E || byte == 0x3A
            }
    }
}
