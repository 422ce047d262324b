import HTTPTypes
import Hummingbird
import NIOCore

/// Gives every JSON read that has no ETag of its own (accounts, games, tokens …) a strong one from its bytes, and
/// answers a matching `If-None-Match` with 304, as `APIResponse` does for the reads it builds. What a JSON read
/// shows depends on who asks (a GM sees the session sheet's GM-only fields, a player does not), so unless a
/// route says otherwise it is `private, no-cache` (browsers revalidate it by its ETag, shared caches never keep
/// it) and varies by every header that says who asks.
struct ETagMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Larger bodies are sent as they are rather than held in memory to be hashed.
    static var maximumSize: Int { 1 << 20 }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws
        -> Response
    {
        var response = try await next(request, context)
        if response.headers[.contentType]?.hasPrefix("application/json") == true,
            response.headers[.cacheControl] == nil
        {
            response.headers[.cacheControl] = "private, no-cache"
            response.headers[.vary] = "Cookie, Authorization, \(GameUploader.credentialHeader)"
        }
        guard request.method == .get, response.status == .ok, response.headers[.eTag] == nil,
            let contentType = response.headers[.contentType], contentType.hasPrefix("application/json"),
            let length = response.body.contentLength, length <= Self.maximumSize
        else { return response }
        let collector = BodyCollector()
        try await response.body.write(collector)
        return APIResponse.bytes(
            Array(buffer: collector.buffer),
            contentType: contentType,
            for: request,
            headers: response.headers
        )
    }
}

/// Receives a response body in memory.
private final class BodyCollector: ResponseBodyWriter {
    var buffer = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        self.buffer.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
