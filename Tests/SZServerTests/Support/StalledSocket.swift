import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// A game WebSocket whose client stops reading once it has sent `hello`: a small receive buffer, plain blocking
/// socket calls and no reading after the upgrade's answer, so everything the server sends piles up on its side.
final class StalledSocket: Sendable {
    private let descriptor: Int32

    /// Connects, upgrades to a WebSocket, sends the `hello` message and reads nothing more.
    init(port: Int, path: String, hello: String) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "no socket: errno \(errno)")
        var receiveBuffer: Int32 = 4096
        setsockopt(descriptor, SOL_SOCKET, SO_RCVBUF, &receiveBuffer, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(connected == 0, "no connection: errno \(errno)")
        try send(
            Array(
                ("GET \(path) HTTP/1.1\r\nHost: localhost:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n").utf8
            )
        )
        try readUpgradeAnswer()
        try send(Self.maskedTextFrame(hello))
    }

    deinit {
        close(descriptor)
    }

    private func send(_ bytes: [UInt8]) throws {
        let sent = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
        try #require(sent == bytes.count, "sent \(sent) of \(bytes.count) bytes: errno \(errno)")
    }

    /// Reads the HTTP answer's head, a byte at a time so that nothing after it is read.
    private func readUpgradeAnswer() throws {
        var head: [UInt8] = []
        var byte: UInt8 = 0
        while !head.suffix(4).elementsEqual("\r\n\r\n".utf8) {
            try #require(recv(descriptor, &byte, 1, 0) == 1, "the server closed the socket during the upgrade")
            head.append(byte)
        }
        try #require(String(decoding: head, as: UTF8.self).hasPrefix("HTTP/1.1 101"), "the upgrade was refused")
    }

    /// A client's frames are masked (RFC 6455 section 5.3); the key need not be secret here.
    private static func maskedTextFrame(_ text: String) -> [UInt8] {
        let payload = Array(text.utf8)
        let key: [UInt8] = [0x37, 0xFA, 0x21, 0x3D]
        var frame: [UInt8] = [0x81]
        if payload.count < 126 {
            frame.append(0x80 | UInt8(payload.count))
        } else {
            frame += [0x80 | 126, UInt8(payload.count >> 8), UInt8(payload.count & 0xFF)]
        }
        frame += key
        frame += payload.enumerated().map { $0.element ^ key[$0.offset % 4] }
        return frame
    }
}
