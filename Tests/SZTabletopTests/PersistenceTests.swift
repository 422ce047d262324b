import Foundation
import SZTabletop
import Testing

@Suite("Stored forms: events, snapshots and rebuilding a game from them")
struct PersistenceTests {
    @Test("every command kind, replayed from the stored events, rebuilds the room's exact state")
    func replayRebuildsState() async throws {
        let log = InMemoryGameEventLog()
        let start = tableState()
        let room = GameRoom(
            state: start,
            log: log,
            bus: InProcessEventBus(),
            ids: SequentialIdentifiers(),
            random: FixedDice()
        )
        _ = try await room.connect(PlayerID("gm"))
        let newcomer = try await room.join(
            name: "Zed",
            colour: .of("#abcdef"),
            role: .player,
            userID: UserID("zed-account")
        )
        for (index, kind) in CommandKind.allCases.enumerated() {
            let sender = index.isMultiple(of: 3) ? PlayerID("ann") : PlayerID("gm")
            _ = await room.perform(ClientCommand(clientID: "c\(index)", command: sampleCommand(kind)), by: sender)
        }
        _ = await room.perform(
            ClientCommand(clientID: "h", command: .editTokens([TokenID("hidden-token")], .hidden(false))),
            by: PlayerID("gm")
        )
        _ = await room.perform(ClientCommand(clientID: "d", command: .deleteScene(SceneID("s1"))), by: PlayerID("gm"))
        let final = await room.currentState
        let stored = try await log.events(of: GameID("g1"), after: 0, limit: 10_000).map { event in
            try SequencedEvent(
                sequence: event.sequence,
                storedAudience: event.storedAudience,
                storedPayload: event.payload
            )
        }
        var offline = start
        for index in offline.players.indices { offline.players[index].online = false }
        let rebuilt = offline.replaying(stored, accounts: [newcomer.id: UserID("zed-account")])
        #expect(final.sequence > 20)
        #expect(rebuilt == final)
    }

    @Test("a snapshot keeps the accounts behind players and reads back equal")
    func snapshotRoundTrip() throws {
        let state = tableState()
        let copy = try GameState(storedJSON: state.storedJSON)
        #expect(copy == state)
        #expect(copy.player(PlayerID("ann"))?.userID == UserID("ann-account"))
    }

    @Test("a snapshot of another format or a damaged event is refused with what is wrong")
    func damagedForms() {
        #expect(throws: StoredFormError(what: "snapshot", reason: "has format 9; this server reads format 1")) {
            try GameState(
                storedJSON: tableState().storedJSON.replacingOccurrences(of: "\"format\":1", with: "\"format\":9")
            )
        }
        #expect(throws: StoredFormError(what: "event 7", reason: "unknown audience \"nobody\"")) {
            try SequencedEvent(sequence: 7, storedAudience: "nobody", storedPayload: "{}")
        }
    }

    @Test("audiences survive storage, including a private roll's player")
    func audiences() throws {
        for audience in [Audience.everyone, .gameMasters, .everyoneButGameMasters, .gameMastersAnd(PlayerID("ann"))] {
            let event = SequencedEvent(sequence: 3, audience: audience, event: .tokensDeleted([TokenID("t")]))
            let copy = try SequencedEvent(
                sequence: 3,
                storedAudience: event.storedAudience,
                storedPayload: event.payload
            )
            #expect(copy == event)
        }
    }
}
