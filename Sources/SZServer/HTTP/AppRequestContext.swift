public import Hummingbird
import NIOCore
public import SZStore

/// The request context of every API route: who is calling (set by `AuthMiddleware`) and from where.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    public var authentication: Authentication?
    public var user: UserRecord?
    /// The peer's IP address, or nil for a unix-socket peer or an in-process test client.
    public let peerAddress: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }

    /// JSON bodies of this API are small; anything larger is refused with 413 before it is read.
    public var maxUploadSize: Int { 16 * 1024 }

    /// The logged-in account, or `AccountError.notAuthenticated`.
    func requireUser() throws(AccountError) -> UserRecord {
        guard let user else { throw .notAuthenticated }
        return user
    }
}
