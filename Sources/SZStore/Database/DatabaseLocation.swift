import Foundation

/// Where the server keeps its database: an SQLite file in the data folder (the default), in memory (tests), or
/// a PostgreSQL server named by a `postgres://` URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    case sqliteMemory
    case postgres(url: String)

    /// The file name of the embedded database inside the data folder.
    public static let sqliteFileName = "sessionzero.sqlite"

    /// Chooses PostgreSQL when `databaseURL` is set (the `DATABASE_URL` environment variable), else the SQLite file
    /// in `dataFolder`.
    public init(databaseURL: String?, dataFolder: String) throws(DatabaseLocationError) {
        guard let databaseURL, !databaseURL.isEmpty else {
            self = .sqliteFile(path: dataFolder + "/" + Self.sqliteFileName)
            return
        }
        guard let components = URLComponents(string: databaseURL),
            let scheme = components.scheme, ["postgres", "postgresql"].contains(scheme.lowercased())
        else {
            throw DatabaseLocationError(
                redactedURL: Self.redact(databaseURL),
                problem: "it is not a postgres:// URL",
                fix: "use postgres://USER:PASSWORD@HOST:PORT/DATABASE, or unset DATABASE_URL to use SQLite"
            )
        }
        guard components.user?.isEmpty == false, components.host?.isEmpty == false else {
            throw DatabaseLocationError(
                redactedURL: Self.redact(databaseURL),
                problem: "it names no user or no host",
                fix: "use postgres://USER:PASSWORD@HOST:PORT/DATABASE"
            )
        }
        self = .postgres(url: databaseURL)
    }

    /// A description safe for logs: a PostgreSQL password is replaced by `***`.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "SQLite file \(path)"
        case .sqliteMemory: "SQLite in memory"
        case .postgres(let url): "PostgreSQL \(Self.redact(url))"
        }
    }

    /// The URL with any password replaced by `***`, for logs and error messages.
    public static func redact(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "(an unparsable URL, not shown)" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "(an unparsable URL, not shown)"
    }
}

/// `DATABASE_URL` is not a usable PostgreSQL URL; the message never shows its password.
public struct DatabaseLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public let redactedURL: String
    public let problem: String
    public let fix: String

    public var description: String { "DATABASE_URL \(redactedURL): \(problem); \(fix)" }
}
