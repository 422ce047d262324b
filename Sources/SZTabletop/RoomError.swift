/// Why the room refused a command or a connection. `code` is the stable machine word sent to clients;
/// `message` is a sentence for people that names the field or object concerned.
public enum RoomError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The command is malformed or a value is out of range; `field` is its path in the frame (`tokens/0/x`).
    case invalid(field: String, reason: String)
    /// The sender's role or standing does not allow this.
    case forbidden(String)
    /// A scene, token or player the command names does not exist here (or is hidden from the sender).
    case notFound(String)
    /// The change would break a rule of the game's state, such as a player name already in use.
    case conflict(String)
    /// The sender sent more commands than the rate limit allows; retry after the given delay.
    case rateLimited(retryAfterMilliseconds: Int)
    /// The change could not be stored; nothing was changed and the command may be sent again.
    case unavailable(String)
    /// The credential of a `hello` is unknown or no longer valid.
    case unauthorized(String)
    /// The client speaks a protocol version this server does not.
    case unsupportedVersion(Int)

    public var code: String {
        switch self {
        case .invalid: "invalid"
        case .forbidden: "forbidden"
        case .notFound: "notFound"
        case .conflict: "conflict"
        case .rateLimited: "rateLimited"
        case .unavailable: "unavailable"
        case .unauthorized: "unauthorized"
        case .unsupportedVersion: "unsupportedVersion"
        }
    }

    public var message: String {
        switch self {
        case .invalid(let field, let reason): "\(field): \(reason)"
        case .forbidden(let reason), .notFound(let reason), .conflict(let reason), .unavailable(let reason),
            .unauthorized(let reason):
            reason
        case .rateLimited(let delay): "too many commands; wait \(delay) ms before sending more"
        case .unsupportedVersion(let version):
            "protocol version \(version) is not supported; this server speaks version \(TabletopProtocol.version)"
        }
    }

    public var description: String { "\(code): \(message)" }
}

extension [any CodingKey] {
    /// The path of a value inside a frame as the errors name it: `tokens/0/x`, or `frame` for the whole frame.
    var fieldName: String {
        isEmpty ? "frame" : map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
    }
}

extension RoomError {
    /// The message without the field, for decoding errors that carry the field in their coding path already.
    var detail: String {
        if case .invalid(_, let reason) = self { return reason }
        return message
    }
}
