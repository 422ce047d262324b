public import Foundation

/// Something the clean-up removed, or would remove in a dry run.
public struct ExpiredItem: Sendable, Equatable, CustomStringConvertible {
    /// Singular, for messages: `account`.
    public let kind: String
    public let id: UUID
    public let name: String
    public let lastActivity: Date

    public init(kind: String, id: UUID, name: String, lastActivity: Date) {
        self.kind = kind
        self.id = id
        self.name = name
        self.lastActivity = lastActivity
    }

    public var description: String {
        "\(kind) \(name) (last active \(lastActivity.formatted(.iso8601)))"
    }
}

/// One kind of thing that expires when unused for `expire` seconds. The clean-up asks each rule in turn, so a new
/// kind (games) plugs in by conforming to this and joining `Cleanup.standardRules`.
public protocol ExpiryRule: Sendable {
    /// What is unused since `cutoff`, oldest first.
    func expired(unusedSince cutoff: Date) async throws -> [ExpiredItem]

    /// Removes the item only if it is still unused since `cutoff` (it may have been used since it was listed);
    /// returns whether it was removed.
    func remove(_ item: ExpiredItem, unusedSince cutoff: Date) async throws -> Bool
}
