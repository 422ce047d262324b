import HTTPTypes
import Hummingbird
import SZStore

/// Who sends an HTTP call about a game: its GM logged in, or a seat by the credential in `X-Game-Credential`.
/// Anyone else is refused, so nobody without a seat can fill the disk (pyvtt took anonymous uploads).
enum GameUploader {
    case owner
    case seat(GamePlayerRecord)

    /// The header that carries a player's credential for HTTP calls (the socket gets it in `hello`). Not
    /// `Authorization`, which belongs to account API tokens.
    static let credentialHeader = HTTPField.Name("X-Game-Credential")!

    static func identify(
        _ request: Request,
        context: AppRequestContext,
        game: GameRecord,
        games: GameService
    ) async throws -> GameUploader {
        if context.user?.id == game.ownerID { return .owner }
        guard let credential = request.headers[credentialHeader] else {
            throw APIError(
                status: .unauthorized,
                slug: "credential-required",
                title: "A game credential is needed",
                detail: "send the credential from joining the game in \(credentialHeader.rawName)"
            )
        }
        guard let seat = try await games.activeSeat(credential: credential, in: game) else {
            throw APIError(
                status: .unauthorized,
                slug: "invalid-credential",
                title: "Unknown credential",
                detail: "the credential is unknown or belongs to another game; join the game again"
            )
        }
        return .seat(seat)
    }

    var isGameMaster: Bool {
        switch self {
        case .owner: true
        case .seat(let seat): seat.standing == "active" && seat.role == "gm"
        }
    }

    /// A GM or a player in good standing: who may add images to the table.
    var mayChangeTable: Bool {
        switch self {
        case .owner: true
        case .seat(let seat): seat.standing == "active" && seat.role != "spectator"
        }
    }

    /// Refuses spectators and removed players, who may not add `what` to the table.
    func requireMayChangeTable(uploading what: String) throws(APIError) {
        guard mayChangeTable else {
            throw APIError(
                status: .forbidden,
                slug: "upload-forbidden",
                title: "Not allowed to upload",
                detail: "spectators and removed players cannot upload \(what)"
            )
        }
    }

    var isPlayer: Bool {
        if case .seat(let seat) = self { return seat.standing == "active" && seat.role == "player" }
        return false
    }

    var isSpectator: Bool {
        if case .seat(let seat) = self { return seat.standing == "active" && seat.role == "spectator" }
        return false
    }
}
