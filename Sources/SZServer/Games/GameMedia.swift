import Foundation
import HashTreeCollections
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

    /// Stores a thumbnail of `image` for the game and returns its SHA-256; nil (and nothing kept) when the game
    /// holds no such image. A thumbnail it replaces is let go.
    func keepThumbnail(_ bytes: [UInt8], of image: String, for gameID: UUID) async throws -> String? {
        let hash = try blobs.store(bytes)
        switch try await store.gameBlobs.setThumbnail(hash, of: image, gameID: gameID) {
        case .imageNotHeld:
            _ = try await release([hash])
            return nil
        case .set(let replaced):
            if let replaced { _ = try await release([replaced]) }
            return hash
        }
    }

    /// Lets the game hold an image that another game of the same owner holds, with its thumbnail, so the GM can
    /// place it here and this game's clean-up or deletion keeps or lets go of it like its own uploads. Nil when
    /// none of the owner's games holds the image: nobody can name a file of someone else's game.
    func adopt(_ image: String, into game: GameRecord) async throws -> HeldBlobRecord? {
        guard let held = try await store.gameBlobs.find(image, heldByGamesOf: game.ownerID), blobs.contains(image)
        else { return nil }
        try await store.gameBlobs.attach(gameID: game.id, hashes: [image])
        if let thumbnail = held.thumbnailSHA256, try await store.gameBlobs.thumbnails(of: game.id)[image] == nil {
            _ = try await store.gameBlobs.setThumbnail(thumbnail, of: image, gameID: game.id)
        }
        return held
    }

    /// Deletes the game with everything it holds; false when it was gone already (or, with `cutoff`, used since).
    @discardableResult
    func removeGame(_ gameID: UUID, ifUnusedSince cutoff: Date? = nil) async throws -> Bool {
        let held = try await store.gameBlobs.files(of: gameID)
        let removed =
            if let cutoff {
                try await store.games.deleteIfUnused(id: gameID, since: cutoff)
            } else {
                try await store.games.delete(id: gameID)
            }
        if removed { _ = try await release(held) }
        return removed
    }

    /// The game's clean-up: files it holds that its state no longer names are let go, with their thumbnails.
    /// Returns what left the blob store.
    func cleanUp(_ gameID: UUID, state: GameState) async throws -> [String] {
        let used = Self.names(of: state)
        let thumbnails = try await store.gameBlobs.thumbnails(of: gameID)
        let unused = try await store.gameBlobs.hashes(of: gameID).filter { !used.contains($0) }
        try await store.gameBlobs.detach(gameID: gameID, hashes: unused)
        return try await release(unused + unused.compactMap { thumbnails[$0] })
    }

    /// Removes those of `hashes` no game holds (as a file or a thumbnail) and no pack uses; returns them. Called
    /// once the game let go of them, so its own remaining files count too.
    private func release(_ hashes: [String]) async throws -> [String] {
        var removed: [String] = []
        for hash in Set(hashes).sorted() {
            if try await store.gameBlobs.isHeld(hash) { continue }
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
