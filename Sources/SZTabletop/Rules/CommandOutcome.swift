public import SZDice

/// The events one command produced, each with its audience, in the order clients must apply them.
public struct CommandOutcome: Equatable, Sendable {
    public var committed: [Published<GameEvent>] = []
    public var ephemeral: [Published<EphemeralEvent>] = []

    public init(committed: [Published<GameEvent>] = [], ephemeral: [Published<EphemeralEvent>] = []) {
        self.committed = committed
        self.ephemeral = ephemeral
    }
}

/// One command being applied to a copy of the state: the sender, the limits, the id and dice sources and the events so
/// far. Throwing anywhere drops the copy, so a refused command changes nothing.
struct Mutation<IDs: IdentifierSource, Random: DiceRandomSource> {
    var state: GameState
    let sender: Player
    let limits: TabletopLimits
    var ids: IDs
    var random: Random
    var outcome = CommandOutcome()

    var senderIsGM: Bool { sender.role == .gm }

    mutating func commit(_ event: GameEvent, to audience: Audience) {
        outcome.committed.append(Published(event, to: audience))
    }

    mutating func show(_ event: EphemeralEvent, to audience: Audience) {
        outcome.ephemeral.append(Published(event, to: audience))
    }
}

extension GameState {
    /// The state after `command`, and the events to publish; `self` is left as it is.
    public func applying(
        _ command: Command,
        by senderID: PlayerID,
        limits: TabletopLimits = TabletopLimits(),
        ids: inout some IdentifierSource,
        random: inout some DiceRandomSource
    ) throws(RoomError) -> (state: GameState, outcome: CommandOutcome) {
        var mutation = Mutation(
            state: self,
            sender: try activeSender(senderID),
            limits: limits,
            ids: ids,
            random: random
        )
        try mutation.apply(command)
        ids = mutation.ids
        random = mutation.random
        return (mutation.state, mutation.outcome)
    }

    /// The sender of a command: a member of this game who has not been removed from it.
    func activeSender(_ id: PlayerID) throws(RoomError) -> Player {
        guard let player = player(id) else { throw .forbidden("player \(id) is not part of this game") }
        guard player.standing == .active else {
            throw .forbidden("you were \(player.standing == .banned ? "banned" : "kicked") from this game")
        }
        return player
    }
}

extension Mutation {
    mutating func apply(_ command: Command) throws(RoomError) {
        switch command {
        case .createScene(let name): try createScene(named: name)
        case .activateScene(let id): try activateScene(id)
        case .reorderScene(let id, let index): try reorderScene(id, to: index)
        case .cloneScene(let id): try cloneScene(id)
        case .deleteScene(let id): try deleteScene(id)
        case .updateScene(let id, let update): try updateScene(id, update)
        case .createTokens(let scene, let tokens): try createTokens(tokens, on: scene)
        case .moveTokens(let moves): try moveTokens(moves)
        case .dragTokens(let moves): try dragTokens(moves)
        case .editTokens(let ids, let edit): try editTokens(ids, edit)
        case .cloneTokens(let ids, let dx, let dy): try cloneTokens(ids, dx: dx, dy: dy)
        case .deleteTokens(let ids): try deleteTokens(ids)
        case .selectTokens(let ids): try selectTokens(ids)
        case .placeBeacon(let x, let y): try placeBeacon(x: x, y: y)
        case .music(let slot, let change): try changeMusic(slot: slot, change)
        case .setStanding(let player, let standing): try setStanding(of: player, to: standing)
        case .roll(let formula, let isPrivate): try roll(formula, isPrivate: isPrivate)
        }
    }
}
