import Synchronization

/// Carries a room's events to every connection of the game. In-process for one node; a multi-node bus
/// (PostgreSQL LISTEN/NOTIFY) delivers the same batches in the same order on every node.
public protocol EventBus: Sendable {
    /// Hands the batches, all of one game and in order, to every subscriber of the game without waiting for any
    /// of them to read it.
    func publish(_ batches: [EventBatch]) async
    /// A stream of what `viewer` may see of the game's events published from now on.
    func subscribe(to game: GameID, as viewer: Viewer) async -> EventSubscription
}

/// What one command produced: committed events in sequence order, then ephemeral ones.
public struct EventBatch: Equatable, Sendable {
    public var game: GameID
    public var committed: [SequencedEvent]
    public var ephemeral: [Published<EphemeralEvent>]

    public init(game: GameID, committed: [SequencedEvent], ephemeral: [Published<EphemeralEvent>] = []) {
        self.game = game
        self.committed = committed
        self.ephemeral = ephemeral
    }
}

/// One item of a subscriber's stream.
public enum Delivery: Equatable, Sendable {
    case event(WireEvent)
    case ephemeral(EphemeralEvent)
    /// The answer to one of the reader's own commands, queued behind the events the command caused, so that
    /// both leave in one write.
    case reply(ServerMessage)
    /// The last item: the stream ends for this reason.
    case closed(CloseReason)

    public var message: ServerMessage {
        switch self {
        case .event(let event): .event(sequence: event.sequence, event.event)
        case .ephemeral(let event): .ephemeral(event)
        case .reply(let message): message
        case .closed(let reason): .closed(reason)
        }
    }
}

/// A bus within one process: each subscriber has its own bounded queue (see `SubscriberQueue`).
public final class InProcessEventBus: EventBus {
    private let subscribers = Mutex<[GameID: [SubscriberQueue]]>([:])
    private let limits: QueueLimits

    public init(limits: QueueLimits = QueueLimits()) {
        self.limits = limits
    }

    /// Each committed event's wire text is made once here, outside the lock, for every subscriber that may see it.
    public func publish(_ batches: [EventBatch]) {
        guard let game = batches.first?.game else { return }
        let listened = subscribers.withLock { !($0[game]?.isEmpty ?? true) }
        let texts =
            listened
            ? batches.map { batch in
                batch.committed.map { TabletopProtocol.eventText(sequence: $0.sequence, payload: $0.payload) }
            } : []
        subscribers.withLock { subscribers in
            subscribers[game]?.removeAll { $0.isFinished }
            for queue in subscribers[game] ?? [] { queue.offer(batches, texts: texts) }
        }
    }

    public func publish(_ batch: EventBatch) {
        publish([batch])
    }

    public func subscribe(to game: GameID, as viewer: Viewer) -> EventSubscription {
        let queue = SubscriberQueue(viewer: viewer, limits: limits)
        subscribers.withLock { $0[game, default: []].append(queue) }
        return EventSubscription(queue: queue)
    }
}
