import Foundation
public import HTTPTypes
import NIOCore

/// Where a request comes from, as far as the server can trust it: the client's address, and the scheme and host
/// the client used when a trusted reverse proxy says so.
public struct RequestOrigin: Sendable, Equatable {
    /// The client's IP address, or `local` for a unix-socket peer (or an in-process test client) that no proxy
    /// spoke for.
    public let clientAddress: String
    /// `http` or `https` as the proxy saw it; nil when no trusted proxy said.
    public let forwardedScheme: String?
    /// The host the client asked the proxy for; nil when no trusted proxy said.
    public let forwardedHost: String?
    /// The request came from a trusted proxy, which may also pass its own `X-Request-Id`.
    public let viaTrustedProxy: Bool

    static let localClient = "local"

    /// The client is this machine and no proxy spoke for another one: loopback, or a unix socket.
    public var isLocal: Bool {
        clientAddress == Self.localClient || ProxyTrust.isLoopback(clientAddress)
    }
}

/// Reads `X-Forwarded-For`, `X-Forwarded-Proto`, `X-Forwarded-Host` and `Forwarded` (RFC 7239), but only behind a
/// reverse proxy (`hosting.reverse`) and only when the peer is the proxy itself: the unix socket or loopback.
/// Anyone else could send these headers to pass for another address, so from other peers they are ignored.
///
/// When any `X-Forwarded-*` header is present that family is used and `Forwarded` is ignored; otherwise
/// `Forwarded` is read. Of a list of addresses the last one counts: it is the one the proxy itself saw.
public struct ProxyTrust: Sendable {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!
    static let forwardedProto = HTTPField.Name("X-Forwarded-Proto")!
    static let forwardedHost = HTTPField.Name("X-Forwarded-Host")!
    static let forwarded = HTTPField.Name("Forwarded")!

    /// `hosting.reverse`.
    public let trustsProxy: Bool

    public init(trustsProxy: Bool) {
        self.trustsProxy = trustsProxy
    }

    /// `peer` is the connection's IP address, nil for a unix socket.
    public func origin(of headers: HTTPFields, peer: String?) -> RequestOrigin {
        let peerAddress = peer ?? RequestOrigin.localClient
        guard trustsProxy, peer.map(Self.isLoopback) ?? true else {
            return RequestOrigin(
                clientAddress: peerAddress,
                forwardedScheme: nil,
                forwardedHost: nil,
                viaTrustedProxy: false
            )
        }
        let usesXForwarded = [Self.forwardedFor, Self.forwardedProto, Self.forwardedHost].contains {
            headers[$0] != nil
        }
        let claims =
            usesXForwarded
            ? Claims(
                address: Self.lastElement(headers[values: Self.forwardedFor]),
                scheme: Self.lastElement(headers[values: Self.forwardedProto]),
                host: Self.lastElement(headers[values: Self.forwardedHost])
            )
            : Self.forwardedClaims(headers[values: Self.forwarded])
        return RequestOrigin(
            clientAddress: claims.address.flatMap(Self.ipAddress) ?? peerAddress,
            forwardedScheme: claims.scheme.map { $0.lowercased() }.flatMap {
                ["http", "https"].contains($0) ? $0 : nil
            },
            forwardedHost: claims.host.flatMap(Self.hostName),
            viaTrustedProxy: true
        )
    }

    private struct Claims {
        var address: String?
        var scheme: String?
        var host: String?
    }

    /// The last comma-separated element of a header that may be repeated.
    private static func lastElement(_ values: [String]) -> String? {
        let last = values.joined(separator: ",").split(separator: ",").last?.trimmingCharacters(in: .whitespaces)
        return last?.isEmpty == false ? last : nil
    }

    /// The parameters of the last element of `Forwarded: for=…;proto=…;host=…, for=…`.
    private static func forwardedClaims(_ values: [String]) -> Claims {
        var claims = Claims()
        guard let last = values.joined(separator: ",").split(separator: ",").last else { return claims }
        for pair in last.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            let value =
                parts[1].hasPrefix("\"") && parts[1].hasSuffix("\"")
                ? String(parts[1].dropFirst().dropLast()) : parts[1]
            switch parts[0].lowercased() {
            case "for": claims.address = Self.stripPort(value)
            case "proto": claims.scheme = value
            case "host": claims.host = value
            default: break
            }
        }
        return claims
    }

    /// `[2001:db8::1]:4711` → `2001:db8::1`, `192.0.2.7:80` → `192.0.2.7`.
    private static func stripPort(_ node: String) -> String {
        if node.hasPrefix("["), let close = node.firstIndex(of: "]") {
            return String(node[node.index(after: node.startIndex)..<close])
        }
        if node.filter({ $0 == ":" }).count == 1, let colon = node.firstIndex(of: ":") {
            return String(node[..<colon])
        }
        return node
    }

    /// The address when it is an IPv4 or IPv6 address (`unknown` or obfuscated identifiers are not).
    private static func ipAddress(_ text: String) -> String? {
        guard text.count <= 45, (try? SocketAddress(ipAddress: text, port: 0)) != nil else { return nil }
        return text
    }

    /// A host name with an optional port; anything else (spaces, slashes, an overlong value) is ignored.
    private static func hostName(_ text: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-:[]")
        guard (1...255).contains(text.count), text.allSatisfy(allowed.contains) else { return nil }
        return text
    }

    static func isLoopback(_ address: String) -> Bool {
        address == "::1" || address.hasPrefix("127.") || address.hasPrefix("::ffff:127.")
    }
}
