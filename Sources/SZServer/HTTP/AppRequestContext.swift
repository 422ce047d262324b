public import Foundation
public import Hummingbird
import NIOCore
public import SZStore

/// The request context of every API route: who is calling (set by `AuthMiddleware`), from where and under which
/// id (set by `RequestIdentityMiddleware`).
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var authentication: Authentication?
    public var user: UserRecord?
    /// The peer's IP address, or nil for a unix-socket peer or an in-process test client.
    public let peerAddress: String?
    /// Where the request comes from once a trusted proxy's headers are taken into account.
    public var origin: RequestOrigin

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        origin = ProxyTrust(trustsProxy: false).origin(of: [:], peer: peerAddress)
    }

    /// Sorted keys make one state always the same bytes, so ETags only change when the content does.
    public var responseEncoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    /// JSON bodies of this API are small; anything larger is refused with 413 before it is read.
    public var maxUploadSize: Int { 16 * 1024 }

    /// The id under which this request is logged and answered (`X-Request-Id`).
    public var requestID: String { id }

    /// The logged-in account, or `AccountError.notAuthenticated`.
    func requireUser() throws(AccountError) -> UserRecord {
        guard let user else { throw .notAuthenticated }
        return user
    }

    /// The logged-in admin: 401 for anonymous callers, 403 for other accounts.
    func requireAdmin() throws(APIError) -> UserRecord {
        guard let user else { throw APIError(AccountError.notAuthenticated) }
        guard user.role == .admin else {
            throw APIError(
                status: .forbidden,
                slug: "admin-only",
                title: "Admins only",
                detail: "this needs an account with the admin role"
            )
        }
        return user
    }
}
