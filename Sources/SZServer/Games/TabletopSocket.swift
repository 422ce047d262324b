import Foundation
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket
import SZStore
import SZTabletop

/// One client's WebSocket to a game (docs/protocol.md): `hello` with the credential, `welcome`, then commands
/// in and acks, errors and events out. Events come from the room's bus subscription, which filters them for
/// the viewer and coalesces them for a slow reader; a bad frame gets an `error` and the socket stays open.
struct TabletopSocket {
    let games: GameService
    let game: GameRecord
    let channel: any Channel
    let metrics: ServerMetrics

    /// A message may span several frames; past this many bytes it is answered with an error and skipped.
    static let maxMessageBytes = TabletopProtocol.maxFrameBytes
    /// A single frame larger than this is refused by the WebSocket layer itself (close code 1009).
    static let maxFrameBytes = 4 * TabletopProtocol.maxFrameBytes

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, logger: Logger) async throws {
        var messages = MessageReader(frames: inbound.makeAsyncIterator())
        guard let (seat, room, connection) = try await handshake(&messages, outbound: outbound) else { return }
        let registry = games.registry
        await registry.attach(connection.events, to: game.id)
        metrics.socketOpened()
        let ended: Result<Void, any Error>
        do {
            try await serve(connection, room: room, seat: seat, messages: &messages, outbound: outbound)
            ended = .success(())
        } catch {
            ended = .failure(error)
        }
        // However the connection ended (a failed write too), the room counts it gone: presence follows.
        metrics.socketClosed()
        connection.events.cancel()
        await registry.detach(connection.events, from: game.id)
        await room.disconnect(seat)
        try ended.get()
    }

    private func serve(
        _ connection: RoomConnection,
        room: GameRoom,
        seat: PlayerID,
        messages: inout MessageReader,
        outbound: WebSocketOutboundWriter
    ) async throws {
        try await outbound.writeTextMessage(TabletopProtocol.encode(.welcome(connection.welcome)))
        let writer = ChannelEventWriter(channel: channel, events: connection.events)
        try await writer.start()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                var endings = writer.endings.makeAsyncIterator()
                switch await endings.next() {
                case .some(.some(let reason)): try await outbound.close(.normalClosure, reason: reason.rawValue)
                // The stream ends without a reason when the game is deleted or the server stops.
                case .some(.none): try await outbound.close(.goingAway, reason: "game closed")
                case .none: return
                }
            }
            // Replies join the event stream in the order the commands came, each once its events are stored (so
            // a command's events and its ack leave together); the next command is read and applied meanwhile.
            // The player's presence, admitted with the connection, is stored first, after the welcome left.
            // The replies task is never cancelled: it may be storing other players' commands with its own.
            let (admissions, admitted) = AsyncStream.makeStream(of: CommandAdmission.self)
            let window = CommandWindow()
            try await withThrowingTaskGroup(of: Void.self) { replies in
                replies.addTask {
                    _ = await room.reply(to: connection.presence)
                    for await admission in admissions {
                        connection.events.deliver(reply: await room.reply(to: admission))
                        window.give()
                    }
                }
                defer { admitted.finish() }
                while true {
                    await window.take()
                    guard let message = try await messages.next() else { break }
                    admitted.yield(await admit(message, room: room, seat: seat))
                }
            }
            group.cancelAll()
        }
    }

    private func admit(_ message: MessageReader.Message, room: GameRoom, seat: PlayerID) async -> CommandAdmission {
        do {
            switch try Self.decode(message) {
            case .hello:
                let error = FrameError(clientID: nil, error: .invalid(field: "type", reason: "hello was already sent"))
                return .answered(error.reply)
            case .command(let command):
                return await admit(command, room: room, seat: seat)
            }
        } catch {
            return .answered(error.reply)
        }
    }

    private func admit(_ command: ClientCommand, room: GameRoom, seat: PlayerID) async -> CommandAdmission {
        let refusal: RoomError
        do {
            guard let missing = try await fileNotHeld(by: command) else { return await room.admit(command, by: seat) }
            refusal = .invalid(field: missing.field, reason: "is not a file of this game; upload it first")
        } catch {
            refusal = .unavailable("the game's files cannot be read now; try again shortly")
        }
        return .answered(.error(ErrorReply(clientID: command.clientID, error: refusal)))
    }

    /// The first file the command names that the game does not hold (see `Command.namedFiles`).
    private func fileNotHeld(by command: ClientCommand) async throws -> Command.NamedFile? {
        let named = command.command.namedFiles
        guard !named.isEmpty else { return nil }
        let held = try await games.store.gameBlobs.held(named.map(\.blob.hex), by: game.id)
        return named.first { !held.contains($0.blob.hex) }
    }

    private static func decode(_ message: MessageReader.Message) throws(FrameError) -> ClientMessage {
        switch message {
        case .text(let text): return try TabletopProtocol.decodeClientMessage(text)
        case .binary: throw FrameError(clientID: nil, error: .invalid(field: "frame", reason: "must be a text frame"))
        case .tooLarge(let bytes):
            throw FrameError(
                clientID: nil,
                error: .invalid(field: "frame", reason: "is \(bytes) bytes; at most \(maxMessageBytes)")
            )
        }
    }

    /// Reads messages until a `hello`; anything else before it gets an error and the socket stays open. A refused
    /// `hello` gets its error and ends the connection (nil).
    private func handshake(
        _ messages: inout MessageReader,
        outbound: WebSocketOutboundWriter
    ) async throws -> (PlayerID, GameRoom, RoomConnection)? {
        while let message = try await messages.next() {
            let decoded: ClientMessage
            do {
                decoded = try Self.decode(message)
            } catch {
                try await outbound.writeTextMessage(TabletopProtocol.encode(error.reply))
                continue
            }
            let refusal: ServerMessage
            switch decoded {
            case .hello(let hello):
                do {
                    return try await admit(hello)
                } catch {
                    refusal = .error(ErrorReply(clientID: nil, error: error))
                    try await outbound.writeTextMessage(TabletopProtocol.encode(refusal))
                    return nil
                }
            case .command(let command):
                refusal = .error(
                    ErrorReply(
                        clientID: command.clientID,
                        error: .unauthorized("send hello with your credential first")
                    )
                )
            }
            try await outbound.writeTextMessage(TabletopProtocol.encode(refusal))
        }
        return nil
    }

    private func admit(_ hello: Hello) async throws(RoomError) -> (PlayerID, GameRoom, RoomConnection) {
        guard hello.protocolVersion == TabletopProtocol.version else {
            throw .unsupportedVersion(hello.protocolVersion)
        }
        let seat: GamePlayerRecord?
        let room: GameRoom
        do {
            seat = try await games.activeSeat(credential: hello.credential, in: game)
            room = try await games.registry.room(for: game.id)
        } catch {
            throw .unavailable("the game cannot be loaded now; try again shortly")
        }
        guard let seat else { throw .unauthorized("the credential is unknown or was replaced; join the game again") }
        let player = PlayerID(seat.playerID)
        return (player, room, try await room.admitConnection(player, lastSequence: hello.lastSequence))
    }
}

/// Gathers the frames of one message, refusing to hold more than `TabletopSocket.maxMessageBytes`: the rest of
/// an oversized message is read and dropped, so the next message starts clean.
struct MessageReader {
    enum Message {
        case text(String)
        case binary
        case tooLarge(bytes: Int)
    }

    var frames: WebSocketInboundStream.AsyncIterator

    mutating func next() async throws -> Message? {
        var buffer = ByteBuffer()
        var isText = true
        var size = 0
        var started = false
        while let frame = try await frames.next() {
            if !started {
                started = true
                isText = frame.opcode == .text
            }
            size += frame.data.readableBytes
            if size <= TabletopSocket.maxMessageBytes {
                var data = frame.data
                buffer.writeBuffer(&data)
            }
            guard frame.fin else { continue }
            if size > TabletopSocket.maxMessageBytes { return .tooLarge(bytes: size) }
            return isText ? .text(String(buffer: buffer)) : .binary
        }
        return nil
    }
}
