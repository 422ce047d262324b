import SZTabletop
import Synchronization
import Testing

/// A reader the way a connection is one: it holds its subscription, whose wake-up holds it.
private final class CountingReader: Sendable {
    let stream: EventSubscription
    let wakes = Mutex(0)

    init(_ stream: EventSubscription) {
        self.stream = stream
        stream.onReady { [self] in wakes.withLock { $0 += 1 } }
    }
}

@Suite("Slow subscribers")
struct SubscriberQueueTests {
    let game = GameID("g1")
    let ann = PlayerID("ann")
    let bob = PlayerID("bob")
    let viewer = Viewer(playerID: PlayerID("sue"), role: .spectator)

    func drag(_ token: String, x: Int, by player: PlayerID) -> EventBatch {
        let move = TokenMove(tokenID: TokenID(token), x: x, y: 0)
        return EventBatch(
            game: game,
            committed: [],
            ephemeral: [Published(.tokensDragged(by: player, [move]), to: .everyone)]
        )
    }

    func committed(_ sequence: Int64) -> EventBatch {
        EventBatch(
            game: game,
            committed: [SequencedEvent(sequence: sequence, audience: .everyone, event: .tokensDeleted([]))]
        )
    }

    @Test("only the latest drag of each token waits for a slow reader")
    func dragsCoalesce() async {
        let bus = InProcessEventBus()
        let stream = bus.subscribe(to: game, as: viewer)
        let group = EphemeralEvent.tokensDragged(
            by: ann,
            [TokenMove(tokenID: TokenID("a"), x: 1, y: 0), TokenMove(tokenID: TokenID("b"), x: 1, y: 0)]
        )
        bus.publish(EventBatch(game: game, committed: [], ephemeral: [Published(group, to: .everyone)]))
        bus.publish(committed(1))
        bus.publish(drag("a", x: 2, by: bob))
        bus.publish(drag("a", x: 3, by: ann))
        #expect(
            stream.takeAvailable() == [
                .ephemeral(.tokensDragged(by: ann, [TokenMove(tokenID: TokenID("b"), x: 1, y: 0)])),
                .event(WireEvent(sequence: 1, event: .tokensDeleted([]))),
                .ephemeral(.tokensDragged(by: ann, [TokenMove(tokenID: TokenID("a"), x: 3, y: 0)])),
            ]
        )
    }

    @Test("a player's newer selection replaces the one still queued; beacons past the limit drop the oldest")
    func selectionsAndBeacons() {
        let bus = InProcessEventBus(limits: QueueLimits(maxCommitted: 10, maxEphemeral: 2))
        let stream = bus.subscribe(to: game, as: viewer)
        let colour = PlayerColour.of("#aa0000")
        for ids in [["a"], ["b"]] {
            let selection = EphemeralEvent.tokensSelected(by: ann, colour: colour, ids.map { TokenID($0) })
            bus.publish(EventBatch(game: game, committed: [], ephemeral: [Published(selection, to: .everyone)]))
        }
        #expect(stream.takeAvailable() == [.ephemeral(.tokensSelected(by: ann, colour: colour, [TokenID("b")]))])
        for x in 1...3 {
            let beacon = EphemeralEvent.beaconPlaced(by: ann, colour: colour, x: x, y: 0)
            bus.publish(EventBatch(game: game, committed: [], ephemeral: [Published(beacon, to: .everyone)]))
        }
        #expect(
            stream.takeAvailable().map(\.message)
                == [2, 3].map { .ephemeral(.beaconPlaced(by: ann, colour: colour, x: $0, y: 0)) }
        )
    }

    @Test("past the hard limit the reader is dropped and told so; others keep receiving")
    func dropTooSlow() async {
        let bus = InProcessEventBus(limits: QueueLimits(maxCommitted: 3, maxEphemeral: 2))
        let slow = bus.subscribe(to: game, as: viewer)
        let fast = bus.subscribe(to: game, as: viewer)
        for sequence in 1...4 {
            bus.publish(committed(Int64(sequence)))
            if sequence < 4 { _ = fast.takeAvailable() }
        }
        #expect(fast.takeAvailable() == [.event(WireEvent(sequence: 4, event: .tokensDeleted([])))])
        var received: [Delivery] = []
        for await delivery in slow { received.append(delivery) }
        #expect(received == [.closed(.tooSlow)])
        bus.publish(committed(5))
        #expect(slow.takeAvailable().isEmpty)
    }

    @Test("events outside the viewer's audience never enter the queue")
    func filtered() {
        let bus = InProcessEventBus()
        let stream = bus.subscribe(to: game, as: viewer)
        bus.publish(
            EventBatch(
                game: game,
                committed: [SequencedEvent(sequence: 1, audience: .gameMasters, event: .tokensDeleted([]))]
            )
        )
        bus.publish(
            EventBatch(
                game: GameID("other"),
                committed: [SequencedEvent(sequence: 1, audience: .everyone, event: .tokensDeleted([]))]
            )
        )
        #expect(stream.takeAvailable().isEmpty)
    }

    @Test("a reader that fell behind gets everything waiting in one batch, each event's text encoded once")
    func batches() {
        let bus = InProcessEventBus()
        let stream = bus.subscribe(to: game, as: viewer)
        bus.publish([committed(1), drag("a", x: 2, by: ann), committed(2)])
        bus.publish(committed(3))
        let batch = stream.takeFrames() ?? []
        #expect(
            batch.map(\.delivery.message) == [
                .event(sequence: 1, .tokensDeleted([])),
                .ephemeral(.tokensDragged(by: ann, [TokenMove(tokenID: TokenID("a"), x: 2, y: 0)])),
                .event(sequence: 2, .tokensDeleted([])), .event(sequence: 3, .tokensDeleted([])),
            ]
        )
        #expect(batch.map(\.text) == batch.map { TabletopProtocol.encode($0.delivery.message) })
        #expect(stream.takeAvailable().isEmpty)
    }

    @Test("a reader is woken when something is queued and once more when it cancels, and then let go")
    func readerLetGo() {
        let bus = InProcessEventBus()
        var reader: CountingReader? = CountingReader(bus.subscribe(to: game, as: viewer))
        weak let released = reader
        #expect(reader?.wakes.withLock { $0 } == 1)  // on registering, for what may be waiting already
        bus.publish(committed(1))
        #expect(reader?.wakes.withLock { $0 } == 2)
        reader?.stream.cancel()
        #expect(reader?.wakes.withLock { $0 } == 3)
        bus.publish(committed(2))
        #expect(reader?.wakes.withLock { $0 } == 3)
        reader = nil
        #expect(released == nil, "the cancelled queue still holds its reader")
    }

    @Test("a reply waits behind the events queued before it and never counts against the ephemeral limit")
    func replies() {
        let bus = InProcessEventBus(limits: QueueLimits(maxCommitted: 10, maxEphemeral: 1))
        let stream = bus.subscribe(to: game, as: viewer)
        bus.publish(committed(1))
        stream.deliver(reply: .ack(clientID: "c1", sequence: 1))
        stream.deliver(reply: .ack(clientID: "c2", sequence: 1))
        bus.publish(drag("a", x: 1, by: ann))
        bus.publish(drag("b", x: 2, by: ann))
        #expect(
            stream.takeAvailable().map(\.message) == [
                .event(sequence: 1, .tokensDeleted([])), .ack(clientID: "c1", sequence: 1),
                .ack(clientID: "c2", sequence: 1),
                .ephemeral(.tokensDragged(by: ann, [TokenMove(tokenID: TokenID("b"), x: 2, y: 0)])),
            ]
        )
        stream.cancel()
        stream.deliver(reply: .ack(clientID: "c3", sequence: 2))
        #expect(stream.takeAvailable().isEmpty)
    }

    @Test("a cancelled stream ends and is forgotten")
    func cancel() async {
        let bus = InProcessEventBus()
        let stream = bus.subscribe(to: game, as: viewer)
        bus.publish(committed(1))
        stream.cancel()
        var received: [Delivery] = []
        for await delivery in stream { received.append(delivery) }
        #expect(received.isEmpty)
    }
}
