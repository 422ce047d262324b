import Foundation
import SZStore

/// Accounts expire when nobody logged in or used them for the period. Admins never expire automatically: losing
/// the only admin would lock the operator out of the instance's administration.
struct AccountExpiry: ExpiryRule {
    static let kind = "account"

    let store: Store

    func expired(unusedSince cutoff: Date) async throws -> [ExpiredItem] {
        try await store.users.unused(since: cutoff).map { user in
            ExpiredItem(kind: Self.kind, id: user.id, name: user.name, lastActivity: user.lastSeenAt)
        }
    }

    func remove(_ item: ExpiredItem, unusedSince cutoff: Date) async throws -> Bool {
        try await store.users.deleteIfUnused(userID: item.id, since: cutoff)
    }
}
