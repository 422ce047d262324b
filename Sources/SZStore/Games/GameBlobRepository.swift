public import FluentKit
import Foundation

/// Which blobs each game holds: what was uploaded into it or imported with it. The blob store keeps one file per
/// content, so a file is released only when no game holds it and no pack uses it.
public struct GameBlobRepository: Sendable {
    let database: any Database

    /// Records that `gameID` holds each of `hashes`; holding one twice is not an error.
    public func attach(gameID: UUID, hashes: some Sequence<String>) async throws {
        for hash in Set(hashes) {
            let held = try await GameBlobModel.query(on: database)
                .filter(\.$gameID == gameID).filter(\.$sha256 == hash).count()
            guard held == 0 else { continue }
            do {
                try await GameBlobModel(gameID: gameID, sha256: hash).create(on: database)
            } catch let error as any DatabaseError where error.isConstraintFailure {
                // A concurrent upload of the same bytes into the same game recorded it first.
                continue
            }
        }
    }

    /// The blobs `gameID` holds, sorted.
    public func hashes(of gameID: UUID) async throws -> [String] {
        try await GameBlobModel.query(on: database).filter(\.$gameID == gameID).all().map(\.sha256).sorted()
    }

    /// Which of `hashes` the game holds as files (thumbnails do not count).
    public func held(_ hashes: some Collection<String>, by gameID: UUID) async throws -> Set<String> {
        guard !hashes.isEmpty else { return [] }
        let rows = try await GameBlobModel.query(on: database).filter(\.$gameID == gameID)
            .filter(\.$sha256 ~~ Array(hashes)).all()
        return Set(rows.map(\.sha256))
    }

    /// Whether a game other than `gameID` (any game when nil) holds the blob, or keeps it as a thumbnail.
    public func isHeld(_ sha256: String, byAnyGameBut gameID: UUID? = nil) async throws -> Bool {
        var query = GameBlobModel.query(on: database).group(.or) { either in
            either.filter(\.$sha256 == sha256).filter(\.$thumbnailSHA256 == sha256)
        }
        if let gameID { query = query.filter(\.$gameID != gameID) }
        return try await query.count() > 0
    }

    public func detach(gameID: UUID, hashes: [String]) async throws {
        guard !hashes.isEmpty else { return }
        try await GameBlobModel.query(on: database)
            .filter(\.$gameID == gameID).filter(\.$sha256 ~~ hashes).delete()
    }
}
