import Foundation
import HTTPTypes
import SZCore
import SZStore
import SZTabletop

/// Games as the HTTP API offers them: creating, finding, deleting, and seating players with a credential.
/// The rules of seating (names, colours, bans, who is GM) are the room's; this only connects it to storage.
struct GameService {
    let store: Store
    let registry: GameRegistry
    let hasher: any PasswordHasher
    /// The word lists of fancy slugs; nil for the shipped ones.
    let fancyURLs: FancyURLGenerator?
    /// When unused games will be removed, for the dates their views show.
    let expiry: ExpiryForecast
    let now: @Sendable () -> Date

    /// A seat handed out by `join`: the secret is shown this once, only its hash is kept.
    struct Seat {
        let player: PlayerInfo
        let credential: String
    }

    /// How the caller wants the game: every field may be left to the server (the name follows the content or the
    /// slug, the slug is a fancy one).
    struct Creation {
        var name: String?
        var slug: String?
        var password: String?
        var playersControlMusic: Bool?
    }

    /// Creates a game of `owner` holding `content` (an empty first scene when it has none), the blobs it holds
    /// and its session sheet, all in the first snapshot.
    func create(
        owner: UserRecord,
        _ creation: Creation,
        content: GameContent = GameContent()
    ) async throws -> GameRecord {
        let slug: String
        if let given = creation.slug {
            slug = try GameSlug.checked(given)
        } else {
            slug = try await GameSlug.fancy(try fancyURLs ?? FancyURLWordFiles.shipped()) { name in
                try await store.games.find(ownerID: owner.id, slug: name) != nil
            }
        }
        let gameName: String
        do {
            gameName = try TabletopLimits().checkedName(creation.name ?? content.name ?? slug, field: "/name")
        } catch {
            throw Self.problem(error)
        }
        var passwordHash: String?
        if let password = creation.password { passwordHash = try await hasher.hash(password) }
        var flags = content.flags
        if let playersControlMusic = creation.playersControlMusic { flags.playersControlMusic = playersControlMusic }
        let id = UUID()
        let state = content.state(of: Game(id: GameID(id), name: gameName, gmUserID: UserID(owner.id), flags: flags))
        let game: GameRecord
        do {
            game = try await store.games.create(
                NewGame(
                    ownerID: owner.id,
                    slug: slug,
                    name: gameName,
                    passwordHash: passwordHash,
                    playersControlMusic: flags.playersControlMusic
                ),
                id: id,
                initialState: state.storedJSON,
                now: now()
            )
        } catch GameStoreError.slugTaken(let slug) {
            throw APIError(
                status: .conflict,
                slug: "slug-taken",
                title: "You already have a game with this URL",
                detail: "you already have a game named \"\(slug)\" in its URL; choose another slug"
            )
        }
        try await store.gameBlobs.attach(gameID: id, hashes: content.blobs)
        if let sheet = content.sessionSheet { try await store.gameSessions.save(sheet.storedJSON, for: id) }
        return game
    }

    /// The game `slug` of the account named `gm`, or a 404 problem.
    func find(gm: String, slug: String) async throws -> (owner: UserRecord, game: GameRecord) {
        if let owner = try await store.users.find(name: gm),
            let game = try await store.games.find(ownerID: owner.id, slug: slug.lowercased())
        {
            return (owner, game)
        }
        throw APIError(
            status: .notFound,
            slug: "game-not-found",
            title: "No such game",
            detail: "there is no game \(gm)/\(slug)"
        )
    }

    /// Deletes the game with its seats, log and snapshot, and the files no other game or pack uses.
    func delete(_ game: GameRecord, by user: UserRecord, media: GameMedia) async throws {
        try requireOwner(game, user)
        await registry.close(game.id)
        try await media.removeGame(game.id)
    }

    /// Plans (or, with nil, unplans) the game's next session. Callers check that its owner asks.
    func scheduleNextSession(of game: GameRecord, at start: Date?) async throws -> GameRecord {
        guard let changed = try await store.games.setNextSession(id: game.id, at: start, now: now()) else {
            throw APIError(
                status: .notFound,
                slug: "game-not-found",
                title: "No such game",
                detail: "the game was deleted while it was being changed"
            )
        }
        return changed
    }

    func requireOwner(_ game: GameRecord, _ user: UserRecord) throws {
        guard game.ownerID == user.id else { throw Self.notOwner }
    }

    /// Seats the caller. The game's owner becomes its GM (and needs no password); an account that already has a
    /// seat gets a new credential for it; everyone else gives the game's password when it has one.
    func join(
        _ game: GameRecord,
        user: UserRecord?,
        name: String,
        colour: String,
        password: String?,
        spectator: Bool
    ) async throws -> Seat {
        let credential = SecretToken.generate()
        if let user, let seat = try await store.gamePlayers.find(gameID: game.id, userID: user.id) {
            guard seat.standing == PlayerStanding.active.rawValue else { throw Self.removed }
            try await store.gamePlayers.replaceCredential(
                gameID: game.id,
                playerID: seat.playerID,
                credentialHash: SecretToken.hash(credential)
            )
            let room = try await registry.room(for: game.id)
            guard let player = await room.currentState.player(PlayerID(seat.playerID)) else { throw Self.removed }
            return Seat(player: player.info, credential: credential)
        }
        let isOwner = user?.id == game.ownerID
        if !isOwner, let hash = game.passwordHash {
            guard let password, try await hasher.verify(password, against: hash) else { throw Self.wrongPassword }
        }
        let room = try await registry.room(for: game.id)
        let player: PlayerInfo
        do {
            player = try await room.join(
                name: name,
                colour: try PlayerColour(colour, field: "/colour"),
                role: isOwner ? .gm : spectator ? .spectator : .player,
                userID: user.map { UserID($0.id) }
            )
        } catch {
            throw Self.problem(error)
        }
        try await store.gamePlayers.add(
            GamePlayerRecord(
                gameID: game.id,
                playerID: player.id.rawValue,
                name: player.name,
                colour: player.colour.hex,
                role: player.role.rawValue,
                standing: player.standing.rawValue,
                userID: user?.id,
                createdAt: now()
            ),
            credentialHash: SecretToken.hash(credential)
        )
        return Seat(player: player, credential: credential)
    }

    /// The seat a credential opens in this game, if it is still active and may change the table.
    func activeSeat(credential: String, in game: GameRecord) async throws -> GamePlayerRecord? {
        guard let seat = try await store.gamePlayers.find(credentialHash: SecretToken.hash(credential)),
            seat.gameID == game.id
        else { return nil }
        return seat
    }

    static func problem(_ error: RoomError) -> APIError {
        switch error {
        case .invalid(let field, let reason):
            let pointer = field.hasPrefix("/") ? field : "/" + field
            return .invalidField(pointer, reason)
        case .conflict(let message):
            return APIError(status: .conflict, slug: "name-taken", title: "The name is taken", detail: message)
        case .forbidden(let message):
            return APIError(status: .forbidden, slug: "forbidden", title: "Not allowed", detail: message)
        default:
            return APIError(
                status: .serviceUnavailable,
                slug: "unavailable",
                title: "The game could not be changed",
                detail: error.message
            )
        }
    }

    static let notOwner = APIError(
        status: .forbidden,
        slug: "not-game-owner",
        title: "Only the game's GM may do this",
        detail: "only the account that created the game may change, delete, export or clean it up"
    )

    static let wrongPassword = APIError(
        status: .forbidden,
        slug: "wrong-game-password",
        title: "Wrong game password",
        detail: "this game needs a password to join; ask the GM for it"
    )

    static let removed = APIError(
        status: .forbidden,
        slug: "removed-from-game",
        title: "Removed from the game",
        detail: "the GM removed you from this game; they can readmit you"
    )
}
