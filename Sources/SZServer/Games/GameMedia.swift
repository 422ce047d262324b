import Foundation
import SZStore
import SZTabletop

/// The files of games in the blob store: every upload or import is recorded as held by its game, and a file is
/// removed only when no game holds it and no pack uses it (one file serves every game with the same bytes).
struct GameMedia {
    let store: Store
    let blobs: BlobStore

    /// Stores `bytes` as held by the game and returns their SHA-256.
    func keep(_ bytes: [UInt8], for gameID: UUID) async throws -> String {
        let hash = try blobs.store(bytes)
        try await store.gameBlobs.attach(gameID: gameID, hashes: [hash])
        return hash
    }

    /// Deletes the game with everything it holds; false when it was gone already (or, with `cutoff`, used since).
    @discardableResult
    func removeGame(_ gameID: UUID, ifUnusedSince cutoff: Date? = nil) async throws -> Bool {
        let held = try await store.gameBlobs.hashes(of: gameID)
        let removed =
            if let cutoff {
                try await store.games.deleteIfUnused(id: gameID, since: cutoff)
            } else {
                try await store.games.delete(id: gameID)
            }
        if removed { _ = try await release(held, from: gameID) }
        return removed
    }

    /// The game's clean-up: files it holds that its state no longer names are let go. Returns what left the
    /// blob store.
    func cleanUp(_ gameID: UUID, state: GameState) async throws -> [String] {
        let used = Self.names(of: state)
        let unused = try await store.gameBlobs.hashes(of: gameID).filter { !used.contains($0) }
        try await store.gameBlobs.detach(gameID: gameID, hashes: unused)
        return try await release(unused, from: gameID)
    }

    /// Removes those of `hashes` no other game holds and no pack uses; returns them.
    private func release(_ hashes: [String], from gameID: UUID) async throws -> [String] {
        var removed: [String] = []
        for hash in hashes {
            if try await store.gameBlobs.isHeld(hash, byAnyGameBut: gameID) { continue }
            if try await store.packs.usesBlob(hash) { continue }
            try blobs.remove(hash)
            removed.append(hash)
        }
        return removed
    }

    /// Every blob the state names: backgrounds, token images and music tracks.
    static func names(of state: GameState) -> Set<String> {
        var names = Set(state.scenes.compactMap(\.background?.hex))
        names.formUnion(state.tokens.values.map(\.image.hex))
        names.formUnion(state.music.compactMap(\.track?.hex))
        return names
    }
}
