public import FluentKit
import Foundation

/// A blob one of an account's games holds, with the game it comes from and the thumbnail made of it, if any.
public struct HeldBlobRecord: Sendable, Equatable {
    public let sha256: String
    public let thumbnailSHA256: String?
    public let gameID: UUID
    public let gameSlug: String
    public let gameName: String
}

/// What recording a thumbnail did.
public enum ThumbnailOutcome: Sendable, Equatable {
    /// The game holds no such image; nothing was recorded.
    case imageNotHeld
    /// Recorded; `replacing` is the game's earlier, different thumbnail of the image, which the caller may release.
    case set(replacing: String?)
}

/// Thumbnails and the blobs of an owner's other games: what the dashboard and the asset browser show.
extension GameBlobRepository {
    /// Records `thumbnail` as the thumbnail of `image` in the game, replacing the one it had. Refused when the game
    /// does not hold `image`, so nobody can hang a thumbnail on a file of another game.
    public func setThumbnail(_ thumbnail: String, of image: String, gameID: UUID) async throws -> ThumbnailOutcome {
        guard
            let row = try await GameBlobModel.query(on: database)
                .filter(\.$gameID == gameID).filter(\.$sha256 == image).first()
        else { return .imageNotHeld }
        let previous = row.thumbnailSHA256
        row.thumbnailSHA256 = thumbnail
        try await row.update(on: database)
        return .set(replacing: previous == thumbnail ? nil : previous)
    }

    /// The thumbnails of the game's blobs that have one, by the blob's SHA-256.
    public func thumbnails(of gameID: UUID) async throws -> [String: String] {
        let rows = try await GameBlobModel.query(on: database).filter(\.$gameID == gameID).all()
        return rows.reduce(into: [:]) { thumbnails, row in thumbnails[row.sha256] = row.thumbnailSHA256 }
    }

    /// The game's thumbnail of `image`, or nil when it holds no such image or has no thumbnail of it.
    public func thumbnail(of image: String, gameID: UUID) async throws -> String? {
        try await GameBlobModel.query(on: database).filter(\.$gameID == gameID).filter(\.$sha256 == image).first()?
            .thumbnailSHA256
    }

    /// Everything the game keeps in the blob store: the blobs it holds and their thumbnails, sorted.
    public func files(of gameID: UUID) async throws -> [String] {
        let rows = try await GameBlobModel.query(on: database).filter(\.$gameID == gameID).all()
        return Set(rows.map(\.sha256) + rows.compactMap(\.thumbnailSHA256)).sorted()
    }

    /// The blobs held by the games `ownerID` owns, in SHA-256 order, `limit` rows from `offset`. With `excluded`,
    /// that game's rows and every blob it holds are left out: they are "this game's" images already. A blob held
    /// by two games comes once per game.
    public func held(
        byGamesOf ownerID: UUID,
        except excluded: UUID?,
        offset: Int,
        limit: Int
    ) async throws -> [HeldBlobRecord] {
        var query = ownedRows(ownerID)
        if let excluded {
            query = query.filter(\.$gameID != excluded)
            let inExcluded = try await hashes(of: excluded)
            if !inExcluded.isEmpty { query = query.filter(\.$sha256 !~ inExcluded) }
        }
        let rows = try await query.sort(\.$sha256).sort(\.$gameID).range(offset..<offset + limit).all()
        return try rows.map(Self.record)
    }

    /// One of the owner's games that holds `sha256`, or nil when none does.
    public func find(_ sha256: String, heldByGamesOf ownerID: UUID) async throws -> HeldBlobRecord? {
        let rows = try await ownedRows(ownerID).filter(\.$sha256 == sha256).sort(\.$gameID).all()
        // A copy that has a thumbnail is the more useful one to carry into another game.
        return try (rows.first { $0.thumbnailSHA256 != nil } ?? rows.first).map(Self.record)
    }

    private func ownedRows(_ ownerID: UUID) -> QueryBuilder<GameBlobModel> {
        GameBlobModel.query(on: database)
            .join(GameModel.self, on: \GameBlobModel.$gameID == \GameModel.$id)
            .filter(GameModel.self, \.$ownerID == ownerID)
    }

    private static func record(_ row: GameBlobModel) throws -> HeldBlobRecord {
        let game = try row.joined(GameModel.self)
        return HeldBlobRecord(
            sha256: row.sha256,
            thumbnailSHA256: row.thumbnailSHA256,
            gameID: row.gameID,
            gameSlug: game.slug,
            gameName: game.name
        )
    }
}
