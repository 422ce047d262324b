import HTTPTypes
import Hummingbird
import NIOCore

/// Gives every JSON read that has no ETag of its own (accounts, games, tokens …) a strong one from its bytes, and
/// answers a matching `If-None-Match` with 304, as `APIResponse` does for the reads it builds.
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
        let response = try await next(request, context)
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
