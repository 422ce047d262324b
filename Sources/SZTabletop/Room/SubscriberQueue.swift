import Synchronization

/// How much a subscriber may fall behind.
public struct QueueLimits: Equatable, Sendable {
    /// Committed events waiting to be read; one more ends the subscription (`tooSlow`), so a stalled client
    /// never holds the room back and resumes from its last sequence number when it reconnects.
    public var maxCommitted: Int
    /// Ephemeral events waiting after coalescing; past it the oldest are dropped, as they are stale anyway.
    public var maxEphemeral: Int

    public init(maxCommitted: Int = 1024, maxEphemeral: Int = 256) {
        self.maxCommitted = maxCommitted
        self.maxEphemeral = maxEphemeral
    }
}

/// The queue between the bus and one connection. Publishing never waits: it filters the batch for the viewer,
/// coalesces ephemeral events (the latest drag of a token replaces any older one still waiting, the latest
/// selection of a player likewise), and closes the queue once the reader is too far behind.
final class SubscriberQueue: Sendable {
    private struct Buffer {
        var items: [Delivery] = []
        /// The wire text of queued committed events, by sequence number, when the bus encoded them already.
        var texts: [Int64: String] = [:]
        var committed = 0
        var ephemeral = 0
        var closed = false
    }

    enum Take {
        case item(Delivery, text: String?)
        case empty
        case finished
    }

    let viewer: Viewer
    private let limits: QueueLimits
    private let buffer = Mutex(Buffer())
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init(viewer: Viewer, limits: QueueLimits) {
        self.viewer = viewer
        self.limits = limits
        (signals, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    var isFinished: Bool { buffer.withLock { $0.closed } }

    /// `texts` are the committed events' wire texts, in the batch's order, or empty when they were not encoded.
    func offer(_ batch: EventBatch, texts: [String] = []) {
        buffer.withLock { buffer in
            guard !buffer.closed else { return }
            for (index, event) in batch.committed.enumerated() where event.audience.includes(viewer) {
                guard buffer.committed < limits.maxCommitted else {
                    buffer = Buffer(items: [.closed(.tooSlow)], closed: true)
                    return
                }
                buffer.items.append(.event(WireEvent(sequence: event.sequence, event: event.event)))
                if texts.indices.contains(index) { buffer.texts[event.sequence] = texts[index] }
                buffer.committed += 1
                if removesViewer(event.event) {
                    buffer.items.append(.closed(.removed))
                    buffer.closed = true
                    return
                }
            }
            for published in batch.ephemeral where published.audience.includes(viewer) {
                enqueue(published.event, in: &buffer)
            }
        }
        signal.yield()
    }

    /// Ends the queue from the reader's side; what is still queued is dropped.
    func cancel() {
        buffer.withLock { $0 = Buffer(closed: true) }
        signal.finish()
    }

    func take() -> Take {
        buffer.withLock { buffer in
            guard !buffer.items.isEmpty else { return buffer.closed ? .finished : .empty }
            let item = buffer.items.removeFirst()
            var text: String?
            switch item {
            case .event(let event):
                buffer.committed -= 1
                text = buffer.texts.removeValue(forKey: event.sequence)
            case .ephemeral: buffer.ephemeral -= 1
            case .closed: break
            }
            return .item(item, text: text)
        }
    }

    private func removesViewer(_ event: GameEvent) -> Bool {
        guard case .playerUpdated(let player) = event else { return false }
        return player.id == viewer.playerID && player.standing != .active
    }

    private func enqueue(_ event: EphemeralEvent, in buffer: inout Buffer) {
        switch event {
        case .tokensDragged(_, let moves):
            let moved = Set(moves.map(\.tokenID))
            buffer.items = buffer.items.compactMap { item in
                guard case .ephemeral(.tokensDragged(let player, let older)) = item else { return item }
                let kept = older.filter { !moved.contains($0.tokenID) }
                return kept.isEmpty ? nil : .ephemeral(.tokensDragged(by: player, kept))
            }
        case .tokensSelected(let player, _, _):
            buffer.items.removeAll { item in
                guard case .ephemeral(.tokensSelected(let other, _, _)) = item else { return false }
                return other == player
            }
        case .beaconPlaced: break
        }
        buffer.items.append(.ephemeral(event))
        buffer.ephemeral = buffer.items.count - buffer.committed
        if buffer.ephemeral > limits.maxEphemeral,
            let oldest = buffer.items.firstIndex(where: { if case .ephemeral = $0 { true } else { false } })
        {
            buffer.items.remove(at: oldest)
            buffer.ephemeral -= 1
        }
    }
}

/// The stream of one connection: read it with `for await`, or take what is queued with `takeAvailable()`.
/// One reader at a time.
public final class EventSubscription: AsyncSequence, Sendable {
    public typealias Element = Delivery

    private let queue: SubscriberQueue

    init(queue: SubscriberQueue) {
        self.queue = queue
    }

    public var viewer: Viewer { queue.viewer }

    /// Everything queued now, without waiting.
    public func takeAvailable() -> [Delivery] {
        var items: [Delivery] = []
        while case .item(let item, _) = queue.take() { items.append(item) }
        return items
    }

    /// Stops the stream; the bus forgets it at its next publication.
    public func cancel() {
        queue.cancel()
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(frames: frames.makeAsyncIterator())
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate var frames: Frames.AsyncIterator

        public mutating func next() async -> Delivery? {
            await frames.next()?.delivery
        }
    }

    /// The same stream with each delivery's wire text: a committed event is encoded once for all its readers.
    public var frames: Frames { Frames(queue: queue) }

    public struct Frame: Sendable {
        public var delivery: Delivery
        public var text: String
    }

    public struct Frames: AsyncSequence, Sendable {
        public typealias Element = Frame

        fileprivate let queue: SubscriberQueue

        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(queue: queue, signals: queue.signals.makeAsyncIterator())
        }

        public struct AsyncIterator: AsyncIteratorProtocol {
            fileprivate let queue: SubscriberQueue
            fileprivate var signals: AsyncStream<Void>.Iterator

            public mutating func next() async -> Frame? {
                while true {
                    switch queue.take() {
                    case .item(let item, let text): return Frame(item, text: text)
                    case .finished: return nil
                    case .empty:
                        // No signal means the stream was cancelled or the reading task was: end after what is left.
                        guard await signals.next() != nil else {
                            if case .item(let item, let text) = queue.take() { return Frame(item, text: text) }
                            return nil
                        }
                    }
                }
            }
        }
    }
}

extension EventSubscription.Frame {
    init(_ delivery: Delivery, text: String?) {
        self.delivery = delivery
        self.text = text ?? TabletopProtocol.encode(delivery.message)
    }
}
