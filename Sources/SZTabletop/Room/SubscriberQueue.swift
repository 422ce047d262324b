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

/// A bare closure kept in a `Mutex` is re-wrapped in conversion thunks at every access, each call deeper than the
/// last; a struct around it keeps it as it was stored.
private struct ReaderWake {
    let call: @Sendable () -> Void
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
        var replies = 0
        var closed = false
    }

    let viewer: Viewer
    private let limits: QueueLimits
    private let buffer = Mutex(Buffer())
    private let reader = Mutex<ReaderWake?>(nil)

    init(viewer: Viewer, limits: QueueLimits) {
        self.viewer = viewer
        self.limits = limits
    }

    /// `wake` is called now and after everything that queues an item or ends the queue, on the caller's thread.
    func onReady(_ wake: @escaping @Sendable () -> Void) {
        reader.withLock { $0 = ReaderWake(call: wake) }
        wake()
    }

    private func wakeReader() {
        reader.withLock { $0 }?.call()
    }

    var isFinished: Bool { buffer.withLock { $0.closed } }

    /// `texts` holds each batch's committed events' wire texts, in order, or nothing when they were not encoded.
    /// The reader is woken once for all the batches.
    func offer(_ batches: [EventBatch], texts: [[String]] = []) {
        buffer.withLock { buffer in
            for (index, batch) in batches.enumerated() where !buffer.closed {
                offer(batch, texts: texts.indices.contains(index) ? texts[index] : [], in: &buffer)
            }
        }
        wakeReader()
    }

    private func offer(_ batch: EventBatch, texts: [String], in buffer: inout Buffer) {
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

    /// Queues a reply behind what is queued already; a closed queue drops it.
    func deliver(_ reply: ServerMessage) {
        let queued = buffer.withLock { buffer in
            guard !buffer.closed else { return false }
            buffer.items.append(.reply(reply))
            buffer.replies += 1
            return true
        }
        if queued { wakeReader() }
    }

    /// Ends the queue from the reader's side; what is still queued is dropped. The reader is woken a last time
    /// and then let go: its wake-up usually holds the reader, which holds this queue.
    func cancel() {
        buffer.withLock { $0 = Buffer(closed: true) }
        let last = reader.withLock { reader in
            defer { reader = nil }
            return reader
        }
        last?.call()
    }

    /// Everything queued, in order, with the wire text of each committed event the bus encoded; empty when
    /// nothing is queued, nil once the queue is closed and drained.
    func takeAll() -> [(delivery: Delivery, text: String?)]? {
        buffer.withLock { buffer in
            guard !buffer.items.isEmpty else { return buffer.closed ? nil : [] }
            let taken = buffer.items.map { item -> (delivery: Delivery, text: String?) in
                guard case .event(let event) = item else { return (item, nil) }
                return (item, buffer.texts[event.sequence])
            }
            buffer.items = []
            buffer.texts = [:]
            buffer.committed = 0
            buffer.ephemeral = 0
            buffer.replies = 0
            return taken
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
        buffer.ephemeral = buffer.items.count - buffer.committed - buffer.replies
        if buffer.ephemeral > limits.maxEphemeral,
            let oldest = buffer.items.firstIndex(where: { if case .ephemeral = $0 { true } else { false } })
        {
            buffer.items.remove(at: oldest)
            buffer.ephemeral -= 1
        }
    }
}

/// The stream of one connection: its socket writes what is queued when told it is ready (`onReady`, `takeFrames()`);
/// in-process readers use `for await`, or take what is queued with `takeAvailable()`.
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
        (queue.takeAll() ?? []).map(\.delivery)
    }

    /// Sends the answer to one of the reader's commands in this stream, after the events queued before it.
    public func deliver(reply: ServerMessage) {
        queue.deliver(reply)
    }

    /// True once the stream ended: for the room's reason, or cancelled. What it queued before may still wait.
    public var isFinished: Bool { queue.isFinished }

    /// Stops the stream; the bus forgets it at its next publication.
    public func cancel() {
        queue.cancel()
    }

    /// Calls `wake` now and whenever something is queued or the stream ends, on the thread that queued it, so
    /// `wake` must return at once; the reader then takes what is waiting with `takeFrames()`. One reader at a time.
    public func onReady(_ wake: @escaping @Sendable () -> Void) {
        queue.onReady(wake)
    }

    /// Everything queued, as frames with their wire text (a committed event is encoded once for all its readers),
    /// so a reader that fell behind catches up with one write instead of one per event: empty when nothing is
    /// waiting, nil once the stream ended and everything in it was taken.
    public func takeFrames() -> [Frame]? {
        queue.takeAll()?.map(Frame.init)
    }

    public struct Frame: Sendable {
        public var delivery: Delivery
        public var text: String
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(subscription: self)
    }

    public struct AsyncIterator: AsyncIteratorProtocol {
        fileprivate let subscription: EventSubscription
        fileprivate var signals: AsyncStream<Void>.Iterator?
        fileprivate var ready: ArraySlice<Frame> = []

        public mutating func next() async -> Delivery? {
            if ready.isEmpty, let frames = await nextFrames() { ready = frames[...] }
            return ready.popFirst()?.delivery
        }

        /// At least one frame, or nil once the stream ended.
        private mutating func nextFrames() async -> [Frame]? {
            if signals == nil {
                let (stream, signal) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
                subscription.onReady { signal.yield() }
                signals = stream.makeAsyncIterator()
            }
            while true {
                guard let taken = subscription.takeFrames() else { return nil }
                if !taken.isEmpty { return taken }
                // No signal means the reading task was cancelled: end after what is left.
                guard await signals?.next() != nil else {
                    let left = subscription.takeFrames() ?? []
                    return left.isEmpty ? nil : left
                }
            }
        }
    }
}

extension EventSubscription.Frame {
    init(_ taken: (delivery: Delivery, text: String?)) {
        delivery = taken.delivery
        text = taken.text ?? TabletopProtocol.encode(taken.delivery.message)
    }
}
