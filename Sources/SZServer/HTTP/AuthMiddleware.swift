import Foundation
import HTTPTypes
public import Hummingbird
import SZStore

/// Finds who is calling (a session cookie or a bearer API token) and guards writes against cross-site requests:
///
/// - any write whose `Origin` header names another site is refused (this also stops login CSRF);
/// - a write authenticated by the session cookie must echo the session's CSRF token in `X-CSRF-Token`
///   (the token comes with the login response, `GET /api/v1/me` and the readable `sz_csrf` cookie).
///
/// Bearer tokens are not ambient credentials, so requests that carry one need no CSRF token.
public struct AuthMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
    /// Logging in and registering replace the session rather than act on it; the Origin check covers them.
    static let csrfExemptPaths: Set<String> = [APIRoutes.prefix + "/auth/login", APIRoutes.prefix + "/auth/register"]

    let accounts: AccountService
    let cookies: SessionCookies
    /// `scheme://host[:port]` of the public URL, an accepted `Origin` besides the request's own host.
    let publicOrigin: String

    public func handle(
        _ request: Request,
        context: AppRequestContext,
        next: (Request, AppRequestContext) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            guard authorization.lowercased().hasPrefix("bearer ") else {
                throw APIError(
                    status: .unauthorized,
                    slug: "unsupported-authorization",
                    title: "Unsupported authorization",
                    detail: "send an API token as Authorization: Bearer TOKEN"
                )
            }
            let token = String(authorization.dropFirst("bearer ".count)).trimmingCharacters(in: .whitespaces)
            guard let (record, user) = try await accounts.apiToken(token) else {
                throw APIError(
                    status: .unauthorized,
                    slug: "invalid-token",
                    title: "Invalid token",
                    detail: "the API token is unknown or was revoked"
                )
            }
            context.authentication = .apiToken(record)
            context.user = user
        } else if let token = cookies.sessionToken(in: request),
            let (session, user, hash) = try await accounts.session(token: token)
        {
            context.authentication = .session(session, tokenHash: hash)
            context.user = user
        }
        if let user = context.user { try await accounts.noteActivity(of: user) }
        if !Self.safeMethods.contains(request.method) {
            try checkOrigin(request, origin: context.origin)
            if case .session(let session, _) = context.authentication, !Self.csrfExemptPaths.contains(request.uri.path)
            {
                let sent = request.headers[Self.csrfHeader] ?? ""
                guard SecretToken.constantTimeEqual(sent, session.csrfToken) else {
                    throw APIError(
                        status: .forbidden,
                        slug: "csrf",
                        title: "Missing or wrong CSRF token",
                        detail: "writes made with the session cookie must send the session's CSRF token in X-CSRF-Token"
                    )
                }
            }
        }
        return try await next(request, context)
    }

    private static let safeMethods: Set<HTTPRequest.Method> = [.get, .head, .options]

    /// The request's own host counts as this site too, with the scheme and host a trusted proxy reports when it
    /// reports them.
    private func checkOrigin(_ request: Request, origin requestOrigin: RequestOrigin) throws(APIError) {
        guard let origin = request.headers[.origin] else { return }
        let host = requestOrigin.forwardedHost ?? request.head.authority ?? ""
        let schemes = requestOrigin.forwardedScheme.map { [$0] } ?? ["http", "https"]
        let ownOrigins = [publicOrigin] + schemes.map { "\($0)://\(host)" }
        guard ownOrigins.contains(origin) else {
            throw APIError(
                status: .forbidden,
                slug: "cross-origin",
                title: "Cross-site request refused",
                detail: "writes are accepted only from pages of this server"
            )
        }
    }
}
