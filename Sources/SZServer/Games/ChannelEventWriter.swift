import NIOCore
import NIOWebSocket
import SZTabletop
import Synchronization

/// Writes what a connection's subscription queues (events, acks, errors) straight to its channel, on the
/// channel's event loop. Publishing to many connections wakes each event loop once, where a writing task per
/// connection would wake a thread per connection and hop to the loop from there. While the client reads slowly
/// (the channel is not writable) the frames wait in the subscription, which coalesces them and ends the stream
/// past its limits; a stream that ends while the client still is not reading closes the connection, and the
/// client resumes from its last sequence number when it reconnects.
final class ChannelEventWriter: Sendable {
    private let channel: any Channel
    private let events: EventSubscription
    private let drainScheduled = Atomic(false)
    private let ended: AsyncStream<CloseReason?>.Continuation
    /// Yields once when the stream ended: with the room's reason, or nil when the game was deleted or the server
    /// is stopping. Every frame queued before it has been written.
    let endings: AsyncStream<CloseReason?>

    init(channel: any Channel, events: EventSubscription) {
        self.channel = channel
        self.events = events
        (endings, ended) = AsyncStream.makeStream(of: CloseReason?.self)
    }

    /// Starts writing; call it once, after the welcome was written.
    func start() async throws {
        try await channel.eventLoop.submit { [channel] in
            try channel.pipeline.syncOperations.addHandler(WritabilityWatcher(writer: self))
        }.get()
        events.onReady { [self] in scheduleDrain() }
    }

    fileprivate func scheduleDrain() {
        guard drainScheduled.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged
        else { return }
        channel.eventLoop.execute { self.drain() }
    }

    private func drain() {
        drainScheduled.store(false, ordering: .releasing)
        guard channel.isWritable else {
            if events.isFinished { channel.close(promise: nil) }
            return  // the watcher drains again once the client caught up
        }
        guard let frames = events.takeFrames() else { return end(nil) }
        guard !frames.isEmpty else { return }
        for text in TabletopProtocol.batched(frames.map(\.text)) {
            let frame = WebSocketFrame(fin: true, opcode: .text, data: channel.allocator.buffer(string: text))
            channel.write(frame, promise: nil)
        }
        channel.flush()
        if case .closed(let reason)? = frames.last?.delivery { end(reason) }
    }

    private func end(_ reason: CloseReason?) {
        ended.yield(reason)
        ended.finish()
    }
}

/// Tells the writer when a slow client has read enough for writing to go on.
private final class WritabilityWatcher: ChannelInboundHandler, Sendable {
    typealias InboundIn = WebSocketFrame

    private let writer: ChannelEventWriter

    init(writer: ChannelEventWriter) {
        self.writer = writer
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable { writer.scheduleDrain() }
        context.fireChannelWritabilityChanged()
    }
}
