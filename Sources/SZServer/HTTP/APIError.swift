import Foundation
public import HTTPTypes
public import Hummingbird
public import JSONSchema

/// The one error type the API sends: an RFC 9457 problem document (`application/problem+json`). Every other error
/// is turned into one of these by `ProblemMiddleware`, so no raw error text ever reaches a client.
public struct APIError: HTTPResponseError, Sendable {
    /// A field-level complaint, located by a JSON pointer into the request body.
    public struct FieldError: Codable, Sendable, Equatable {
        public let pointer: String
        public let detail: String
    }

    public let status: HTTPResponse.Status
    /// A short stable name; the problem's `type` is `urn:sessionzero:problem:<slug>`.
    public let slug: String
    public let title: String
    public let detail: String
    public var errors: [FieldError] = []
    /// More members of the problem document (RFC 9457 §3.2), such as a pack's validation `report`.
    public var extensions: JSONObject = [:]
    public var headers: HTTPFields = [:]

    public init(status: HTTPResponse.Status, slug: String, title: String, detail: String) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
    }

    static func invalidField(_ pointer: String, _ detail: String) -> APIError {
        var error = APIError(
            status: .badRequest,
            slug: "invalid-field",
            title: "A field of the request is not valid",
            detail: "\(pointer): \(detail)"
        )
        error.errors = [FieldError(pointer: pointer, detail: detail)]
        return error
    }

    struct Body: Codable {
        let type: String
        let title: String
        let status: Int
        let detail: String
        let errors: [FieldError]?
        /// The request's id (also in `X-Request-Id`), to find its log lines.
        let requestId: String
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = Body(
            type: "urn:sessionzero:problem:\(slug)",
            title: title,
            status: status.code,
            detail: detail,
            errors: errors.isEmpty ? nil : errors,
            requestId: context.id
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var fields = headers
        fields[.contentType] = "application/problem+json"
        var bytes = [UInt8](try encoder.encode(body))
        if !extensions.isEmpty, var document = (try? JSONParser().parse(bytes))?.objectValue {
            for (key, value) in extensions where document[key] == nil { document[key] = value }
            bytes = Array(JSONWriter.compact(.object(document)).utf8)
        }
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}

extension APIError {
    /// The single mapping from account rules to HTTP.
    init(_ error: AccountError) {
        switch error {
        case .invalidField(let field, let reason):
            self = .invalidField(field, reason)
        case .nameTaken:
            self.init(status: .conflict, slug: "name-taken", title: "The name is taken", detail: error.description)
        case .wrongCredentials:
            self.init(
                status: .unauthorized,
                slug: "wrong-credentials",
                title: "Login failed",
                detail: error.description
            )
        case .tooManyAttempts(let seconds):
            self.init(
                status: .tooManyRequests,
                slug: "too-many-attempts",
                title: "Too many failed logins",
                detail: error.description
            )
            headers[.retryAfter] = String(seconds)
        case .notAuthenticated:
            self.init(
                status: .unauthorized,
                slug: "not-authenticated",
                title: "Not logged in",
                detail: "log in, or send an API token as Authorization: Bearer"
            )
        case .wrongCurrentPassword:
            self.init(
                status: .forbidden,
                slug: "wrong-current-password",
                title: "Wrong password",
                detail: error.description
            )
        case .tokenNotFound:
            self.init(status: .notFound, slug: "token-not-found", title: "No such token", detail: error.description)
        }
    }

    /// Errors raised by Hummingbird itself (unknown route, body too large, …) keep their status; the text is ours.
    init(status: HTTPResponse.Status) {
        switch status {
        case .notFound:
            self.init(status: status, slug: "not-found", title: "Not found", detail: "no such resource or route")
        case .contentTooLarge:
            self.init(
                status: status,
                slug: "body-too-large",
                title: "Request body too large",
                detail: "the body exceeds the limit of this endpoint"
            )
        default:
            self.init(
                status: status,
                slug: "http-\(status.code)",
                title: status.reasonPhrase,
                detail: status.reasonPhrase
            )
        }
    }

    static let internalFailure = APIError(
        status: .internalServerError,
        slug: "internal-error",
        title: "Internal error",
        detail: "the server failed to handle this request; the log has the details"
    )
}
