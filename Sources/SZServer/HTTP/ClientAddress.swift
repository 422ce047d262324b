import Foundation
import HTTPTypes
import Hummingbird

/// The address a request comes from, for rate limits. Behind a reverse proxy (`hosting.reverse`) the last
/// `X-Forwarded-For` entry is used, and only when the peer is the proxy itself (loopback or the unix socket);
/// otherwise the header is ignored, since anyone can send it.
struct ClientAddress: Sendable {
    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    let trustsProxy: Bool

    func of(_ request: Request, context: AppRequestContext) -> String {
        let peer = context.peerAddress
        let peerIsProxy = peer == nil || peer == "127.0.0.1" || peer == "::1"
        if trustsProxy, peerIsProxy, let forwarded = request.headers[Self.forwardedFor] {
            let last = forwarded.split(separator: ",").last?.trimmingCharacters(in: .whitespaces) ?? ""
            if !last.isEmpty { return last }
        }
        return peer ?? "local"
    }
}
