import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// One line the server sent while the setup is under way, with the moment it arrived.
typealias SetupFrame = (text: String, receivedAt: Int64)

/// One player's WebSocket, driven from its channel's event loop. The setup talks to it from async code; while
/// measuring, `SendSchedule` writes to it and its handler counts what arrives, both on the event loop, so a
/// command costs the generator no hop between threads (it shares the server's cores).
struct PlayerSocket: Sendable {
    private enum Upgrade: Sendable {
        case upgraded(NIOLoopBound<PlayerSocketHandler>)
        case refused
    }

    let channel: any Channel
    let handler: NIOLoopBound<PlayerSocketHandler>
    private let setupFrames: AsyncStream<SetupFrame>

    /// Opens `path` on `host:port` as a WebSocket, on `eventLoop`.
    static func connect(host: String, port: Int, path: String, on eventLoop: any EventLoop) async throws -> PlayerSocket
    {
        let (setupFrames, setupOut) = AsyncStream.makeStream(of: SetupFrame.self)
        let upgrade = try await ClientBootstrap(group: eventLoop).connect(host: host, port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: 1 << 24) { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        let handler = PlayerSocketHandler(setupFrames: setupOut)
                        try channel.pipeline.syncOperations.addHandlers(
                            NIOWebSocketFrameAggregator(
                                minNonFinalFragmentSize: 0,
                                maxAccumulatedFrameCount: 1 << 16,
                                maxAccumulatedFrameSize: 1 << 24
                            ),
                            handler
                        )
                        return .upgraded(NIOLoopBound(handler, eventLoop: channel.eventLoop))
                    }
                }
                var headers = HTTPHeaders()
                headers.add(name: "Host", value: "\(host):\(port)")
                let configuration = NIOTypedHTTPClientUpgradeConfiguration(
                    upgradeRequestHead: HTTPRequestHead(version: .http1_1, method: .GET, uri: path, headers: headers),
                    upgraders: [upgrader],
                    notUpgradingCompletionHandler: { channel in channel.eventLoop.makeSucceededFuture(.refused) }
                )
                return (
                    channel: channel,
                    upgraded: try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
                        configuration: .init(upgradeConfiguration: configuration)
                    )
                )
            }
        }
        guard case .upgraded(let handler) = try await upgrade.upgraded.get() else {
            try? await upgrade.channel.close()
            throw LoadError.notUpgraded(path: path)
        }
        return PlayerSocket(channel: upgrade.channel, handler: handler, setupFrames: setupFrames)
    }

    func send(_ text: String) async throws {
        let written = channel.eventLoop.makePromise(of: Void.self)
        channel.eventLoop.execute { [handler] in handler.value.send(text, promise: written) }
        try await written.futureResult.get()
    }

    /// The next line while setting up, with the moment it arrived.
    func nextSetupFrame() async throws -> SetupFrame {
        var frames = setupFrames.makeAsyncIterator()
        guard let frame = await frames.next() else { throw LoadError.socketClosed }
        return frame
    }

    func startMeasuring(_ table: MeasuredTable, as receiver: Int) async {
        try? await channel.eventLoop.submit { [handler] in handler.value.startMeasuring(table, as: receiver) }.get()
    }

    /// Closes the socket and returns what it counted; a connection that failed counts as one error.
    func close() async -> ReceiptTally {
        channel.eventLoop.execute { [handler] in handler.value.close() }
        try? await channel.closeFuture.get()
        return (try? await channel.eventLoop.submit { [handler] in handler.value.finalTally }.get())
            ?? ReceiptTally(errors: 1)
    }
}

/// Receives one player's frames. During the setup it hands each line to the setup code; while measuring it
/// counts each line where it arrives.
final class PlayerSocketHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private enum Phase {
        case setup
        case measuring(MeasuredTable, receiver: Int)
    }

    /// A server that does not answer a close within this time is disconnected.
    private static let closeTimeout = TimeAmount.seconds(5)

    private let setupFrames: AsyncStream<SetupFrame>.Continuation
    private var phase = Phase.setup
    private var tally = ReceiptTally()
    private var failed = false
    private var closing = false
    private var closeDeadline: Scheduled<Void>?
    private var context: ChannelHandlerContext?

    init(setupFrames: AsyncStream<SetupFrame>.Continuation) {
        self.setupFrames = setupFrames
    }

    var finalTally: ReceiptTally {
        var final = tally
        if failed { final.errors += 1 }
        return final
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        setupFrames.finish()
    }

    func channelInactive(context: ChannelHandlerContext) {
        closeDeadline?.cancel()
        setupFrames.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failed = true
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text:
            receive(frame.unmaskedData)
        case .ping:
            write(WebSocketFrame(fin: true, opcode: .pong, maskKey: .random(), data: frame.unmaskedData))
        case .connectionClose:
            if !closing { write(closeFrame(context.channel.allocator)) }
            context.close(promise: nil)
        default:
            break
        }
    }

    /// Writes one text message; false when the connection is gone.
    @discardableResult
    func send(_ text: String, promise: EventLoopPromise<Void>? = nil) -> Bool {
        guard let context, context.channel.isActive else {
            promise?.fail(LoadError.socketClosed)
            return false
        }
        let data = context.channel.allocator.buffer(string: text)
        context.writeAndFlush(
            wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, maskKey: .random(), data: data)),
            promise: promise
        )
        return true
    }

    func startMeasuring(_ table: MeasuredTable, as receiver: Int) {
        phase = .measuring(table, receiver: receiver)
    }

    /// Starts the closing handshake; the server's close frame ends the connection.
    func close() {
        guard let context, !closing else { return }
        closing = true
        write(closeFrame(context.channel.allocator))
        let channel = context.channel
        closeDeadline = context.eventLoop.scheduleTask(in: Self.closeTimeout) { channel.close(promise: nil) }
    }

    private func write(_ frame: WebSocketFrame) {
        context?.writeAndFlush(wrapOutboundOut(frame), promise: nil)
    }

    private func closeFrame(_ allocator: ByteBufferAllocator) -> WebSocketFrame {
        var data = allocator.buffer(capacity: 2)
        data.write(webSocketErrorCode: .normalClosure)
        return WebSocketFrame(fin: true, opcode: .connectionClose, maskKey: .random(), data: data)
    }

    private func receive(_ data: ByteBuffer) {
        let now = MonotonicClock.nanoseconds()
        data.withUnsafeReadableBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for line in bytes.split(separator: UInt8(ascii: "\n")) {
                let line = UnsafeBufferPointer(rebasing: line)
                switch phase {
                case .setup: setupFrames.yield((String(decoding: line, as: UTF8.self), now))
                case .measuring(let table, let receiver):
                    tally.count(line, at: now, receiver: receiver, table: table)
                }
            }
        }
    }
}
