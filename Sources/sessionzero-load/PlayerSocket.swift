import HummingbirdWSClient
import Logging
import NIOWebSocket
import SZTabletop
import Synchronization

/// One player's WebSocket. Until the measurement starts, frames go to `nextSetupFrame()` for the setup to read;
/// then the receiving task counts them itself, without handing them anywhere.
final class PlayerSocket: Sendable {
    private enum Phase {
        case setup
        case measuring(MeasuredTable, receiver: Int)
    }

    /// Shared by the socket's owner and its receiving task.
    private final class ReceiverState: Sendable {
        let phase = Mutex(Phase.setup)
        let tally = Mutex(ReceiptTally())
    }

    private let state: ReceiverState
    private let setupFrames: AsyncStream<(text: String, receivedAt: Int64)>
    private let writer: Task<WebSocketOutboundWriter?, Never>
    private let connection: Task<Void, any Error>

    init(url: String, logger: Logger) {
        let (setupFrames, setupOut) = AsyncStream.makeStream(of: (text: String, receivedAt: Int64).self)
        let (writers, writerOut) = AsyncStream.makeStream(of: WebSocketOutboundWriter.self)
        let state = ReceiverState()
        self.state = state
        self.setupFrames = setupFrames
        connection = Task {
            defer {
                setupOut.finish()
                writerOut.finish()
            }
            _ = try await WebSocketClient.connect(
                url: url,
                configuration: WebSocketClientConfiguration(maxFrameSize: 1 << 24),
                logger: logger
            ) { inbound, outbound, _ in
                writerOut.yield(outbound)
                var counted = ReceiptTally()
                defer { state.tally.withLock { $0.merge(counted) } }
                for try await message in inbound.messages(maxSize: 1 << 24) {
                    guard case .text(var text) = message else { continue }
                    let now = MonotonicClock.nanoseconds()
                    let phase = state.phase.withLock { $0 }
                    text.withUTF8 { bytes in
                        for line in bytes.split(separator: UInt8(ascii: "\n")) {
                            let line = UnsafeBufferPointer(rebasing: line)
                            switch phase {
                            case .setup: setupOut.yield((String(decoding: line, as: UTF8.self), now))
                            case .measuring(let table, let receiver):
                                counted.count(line, at: now, receiver: receiver, table: table)
                            }
                        }
                    }
                }
            }
        }
        writer = Task { await writers.first { _ in true } }
    }

    func send(_ text: String) async throws {
        guard let outbound = await writer.value else { throw LoadError.socketClosed }
        try await outbound.writeTextMessage(text)
    }

    /// The next frame while setting up, with the moment it arrived.
    func nextSetupFrame() async throws -> (text: String, receivedAt: Int64) {
        var frames = setupFrames.makeAsyncIterator()
        guard let frame = await frames.next() else { throw LoadError.socketClosed }
        return frame
    }

    func startMeasuring(_ table: MeasuredTable, as receiver: Int) {
        state.phase.withLock { $0 = .measuring(table, receiver: receiver) }
    }

    /// Closes the socket and returns what it counted; a connection that failed counts as one error.
    func close() async -> ReceiptTally {
        if let outbound = await writer.value { try? await outbound.close(.normalClosure, reason: nil) }
        let failed: Bool
        do {
            try await connection.value
            failed = false
        } catch {
            failed = true
        }
        return state.tally.withLock { tally in
            if failed { tally.errors += 1 }
            return tally
        }
    }
}
