import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import JSONSchema

/// Responses to API reads: JSON built from `JSONValue`s (pack documents pass through as they are stored) and
/// stored bytes (archives, images, tracks). A successful read carries a strong ETag and answers a matching
/// `If-None-Match` with 304 and no body.
enum APIResponse {
    static func make(_ value: JSONValue, for request: Request, status: HTTPResponse.Status = .ok) -> Response {
        bytes(Array(JSONWriter.compact(value).utf8), contentType: "application/json", for: request, status: status)
    }

    /// Any bytes, with the same ETag handling for reads; `etag` defaults to a hash of the bytes.
    static func bytes(
        _ bytes: [UInt8],
        contentType: String,
        for request: Request,
        status: HTTPResponse.Status = .ok,
        etag: String? = nil,
        headers extra: HTTPFields = [:]
    ) -> Response {
        var headers = extra
        headers[.contentType] = contentType
        guard request.method == .get, status == .ok else {
            return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        }
        let tag =
            "\"" + (etag ?? SHA256.hash(data: bytes).prefix(16).map { String(format: "%02x", $0) }.joined()) + "\""
        headers[.eTag] = tag
        if let match = request.headers[.ifNoneMatch],
            match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag })
        {
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `{"items": [...], "nextCursor": "..." | null}`.
    static func page(_ items: [JSONValue], _ page: Paging, for request: Request) -> Response {
        make(
            ["items": .array(items), "nextCursor": page.nextCursor(after: items.count).map(JSONValue.string) ?? .null],
            for: request
        )
    }

    /// A blob named by its SHA-256, whose bytes never change: cached for a year, typed by sniffing, never
    /// re-typed by the browser.
    static func immutableBlob(_ bytes: [UInt8], sha256: String, contentType: String, for request: Request) -> Response {
        self.bytes(
            bytes,
            contentType: contentType,
            for: request,
            etag: sha256,
            headers: [
                .cacheControl: "public, max-age=31536000, immutable",
                HTTPField.Name("X-Content-Type-Options")!: "nosniff",
            ]
        )
    }

    static func date(_ date: Date) -> JSONValue {
        .string(date.formatted(.iso8601))
    }
}

/// Cursor pagination: `?cursor=&limit=` (limit 1 to 200, 50 by default). The cursor is opaque to clients.
struct Paging {
    static let defaultLimit = 50
    static let maximumLimit = 200

    let offset: Int
    let limit: Int

    init(_ request: Request) throws {
        let query = request.uri.queryParameters
        var limit = Self.defaultLimit
        if let text = query.get("limit") {
            guard let value = Int(text), (1...Self.maximumLimit).contains(value) else {
                throw APIError.invalidField("limit", "must be a whole number from 1 to \(Self.maximumLimit)")
            }
            limit = value
        }
        var offset = 0
        if let cursor = query.get("cursor"), !cursor.isEmpty {
            guard let data = Data(base64Encoded: cursor), let text = String(data: data, encoding: .utf8),
                text.hasPrefix("o:"), let value = Int(text.dropFirst(2)), value >= 0
            else {
                throw APIError.invalidField("cursor", "is not a cursor this server handed out")
            }
            offset = value
        }
        self.offset = offset
        self.limit = limit
    }

    /// The cursor of the next page, or nil when this page was not full (so it was the last).
    func nextCursor(after count: Int) -> String? {
        guard count == limit else { return nil }
        return Data("o:\(offset + limit)".utf8).base64EncodedString()
    }
}
