/// Failures of the store that callers can act on.
public enum StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Another account already uses this name (names are compared without case).
    case nameTaken(String)
    /// The database driver offers no SQL access, which both supported drivers do.
    case notSQL
    /// The database could not be reached or migrated; `location` is already free of passwords.
    case migrationFailed(location: String, reason: String)

    public var description: String {
        switch self {
        case .nameTaken(let name): "the name \"\(name)\" is already taken"
        case .notSQL: "the database driver does not support SQL"
        case .migrationFailed(let location, let reason):
            "cannot bring the database (\(location)) up to date: \(reason); check that it runs and accepts the connection"
        }
    }
}
