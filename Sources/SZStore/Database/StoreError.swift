/// Failures of the store that callers can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another account already uses this name (names are compared without case).
    case nameTaken(String)
    /// The database driver offers no SQL access, which both supported drivers do.
    case notSQL

    public var description: String {
        switch self {
        case .nameTaken(let name): "the name \"\(name)\" is already taken"
        case .notSQL: "the database driver does not support SQL"
        }
    }
}
