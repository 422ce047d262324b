import Foundation
import SZStore

/// Games expire when no event was stored for the period (pyvtt removed games untouched for 30 days); their seats,
/// log, snapshot and the files only they held go with them.
struct GameExpiry: ExpiryRule {
    static let kind = "game"

    let store: Store
    let blobs: BlobStore

    func expired(unusedSince cutoff: Date) async throws -> [ExpiredItem] {
        var items: [ExpiredItem] = []
        for game in try await store.games.unused(since: cutoff) {
            let owner = try await store.users.find(id: game.ownerID)?.name ?? "?"
            items.append(
                ExpiredItem(
                    kind: Self.kind,
                    id: game.id,
                    name: "\(owner)/\(game.slug)",
                    lastActivity: game.lastActivityAt
                )
            )
        }
        return items
    }

    func remove(_ item: ExpiredItem, unusedSince cutoff: Date) async throws -> Bool {
        try await GameMedia(store: store, blobs: blobs).removeGame(item.id, ifUnusedSince: cutoff)
    }
}
