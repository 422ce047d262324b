import Hummingbird
import JSONSchema

/// A request body read with the strict JSON parser: it must be a JSON object with only the expected fields, and
/// each field is checked for its type. Every refusal names the field by its JSON pointer.
struct JSONBody {
    let object: JSONObject

    static func read(
        _ request: Request,
        context: some RequestContext,
        fields: Set<String>,
        limit: Int? = nil
    ) async throws -> JSONBody {
        let document = try await readDocument(request, context: context, limit: limit)
        guard let object = document.objectValue else {
            throw APIError.invalidField(
                "",
                "the body must be a JSON object, not \(describeValue(document, hidden: true))"
            )
        }
        if let unknown = object.keys.first(where: { !fields.contains($0) }) {
            throw APIError.invalidField(
                "/\(unknown)",
                "unknown field; expected \(fields.sorted().joined(separator: ", "))"
            )
        }
        return JSONBody(object: object)
    }

    /// Any JSON document, strictly parsed, at most `limit` bytes (the context's upload size by default).
    static func readDocument(
        _ request: Request,
        context: some RequestContext,
        limit: Int? = nil,
        maximumDepth: Int = 16
    ) async throws -> JSONValue {
        let mediaType = request.headers[.contentType].flatMap { MediaType(from: $0) }
        guard let mediaType, mediaType.isType(.applicationJson) else {
            throw APIError(
                status: .unsupportedMediaType,
                slug: "unsupported-media-type",
                title: "The body must be JSON",
                detail: "send the body as Content-Type: application/json"
            )
        }
        let buffer = try await request.body.collect(upTo: limit ?? context.maxUploadSize)
        do {
            return try JSONParser(maximumDepth: maximumDepth).parse(buffer.readableBytesView)
        } catch {
            throw APIError(
                status: .badRequest,
                slug: "malformed-json",
                title: "The body is not valid JSON",
                detail: error.description
            )
        }
    }

    func string(_ name: String) throws(APIError) -> String {
        guard let value = try optionalString(name) else { throw .invalidField("/\(name)", "is required") }
        return value
    }

    func optionalString(_ name: String) throws(APIError) -> String? {
        guard let value = object[name] else { return nil }
        guard let string = value.stringValue else {
            throw .invalidField("/\(name)", "expected a string, got \(describeValue(value, hidden: true))")
        }
        return string
    }

    func optionalBool(_ name: String) throws(APIError) -> Bool? {
        guard let value = object[name] else { return nil }
        guard case .bool(let flag) = value else {
            throw .invalidField("/\(name)", "expected true or false, got \(describeValue(value, hidden: true))")
        }
        return flag
    }
}
